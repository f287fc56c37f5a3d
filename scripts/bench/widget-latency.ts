// Time from click to verdict of each widget in the mock environment, in headless Chromium against a
// production build served by scripts/static-server.mjs (gzip, like a real host).
//
//   npm run bench:widgets            (builds nothing: run `npm run build` first, or use `npm run bench`)
//   node --import tsx scripts/bench/widget-latency.ts [--runs 20] [--dir build] [--port 3450] [--only name,name]
//
// WHAT IS TIMED (each entry's `span`, also shown in the report): what a reader waits for, measured in
// the page (performance.now) from the click to the moment the answer is in the DOM —
//   discovery explorer       click "Explore" → the document's verdict ("Valid …");
//   refresh-error simulator  click "Refresh" → "200 OK — new tokens" (a rotation after one login);
//   scope builder            click "Run" → "Done: tokens received": the login window opens on the mock's
//                            authorize page, which (SSO session on) redirects to the callback page, which
//                            posts the answer back; state and nonce checks, /token, both signatures
//                            against the JWKS, /userinfo, the results drawn;
//   prompt=none tryout       click "Check session" → "Code received" (hidden frame, then /token);
//   logout tryout            click "Log out" → the verdict "Logged out. prompt=none now answers
//                            login_required …": the end_session round trip in the login window, then the
//                            proof (a silent check in a hidden frame and a refused refresh). A logout
//                            needs a login: before each timed click (untimed) one login with a pick on
//                            the mock's login screen, since the last logout ended the SSO session;
//   device flow: start       click "Start" → the user code and "First poll in 5 s" (device authorization);
//   CIBA: start              click "Send" → "auth_req_id received" and the request on the simulated phone
//                            with its Approve button (backchannel request, then the phone's read);
//   device flow / CIBA: approved poll → tokens
//                            after the user approved (on the mock's verification page in another tab /
//                            on the simulated phone), from the start of the poll that brings the tokens to
//                            "Approved: tokens …" on screen. The wait for that poll (up to the interval,
//                            5 s) is the protocol's, not the portal's: it is excluded here, and reported.
//
// ADDING A WIDGET: append an entry to `widgets` below —
//   name     the row's name in the report (and the widget's `data-widget` attribute unless `widget` is set);
//   widget   optional: the widget's `data-widget` attribute (the name given to lazyWidget in its index.tsx);
//   page     its page under tools/ (relative to the base URL, `?env=mock` is added);
//   span     what is timed, in a reader's words (the report shows it);
//   button   the accessible name of the button whose click is timed (a RegExp for a name that changes);
//   verdict  a RegExp source the widget's role="status" text matches once the answer is shown;
//   status   optional: a CSS selector, inside the widget, of that status element when it is not the
//            widget's first role="status";
//   alsoShown optional: a CSS selector, inside the widget, that must match too before the answer counts;
//   setup    optional: what must happen once before the timed clicks (log in, fill a field), given
//            the Playwright page and the widget's locator; it must leave the button ready to click;
//   beforeEach optional: what must happen before every click, untimed (a fresh login before a logout);
//   measure  optional: a span that is not click → status (the approved polls): returns milliseconds;
//   runs     optional: at most this many timed runs (a span that waits out a poll interval each time);
//   reload   optional: after the timed clicks, reload the page (sessionStorage, e.g. the mock's SSO
//            session, survives) and time the first click after load; without setup the warm-up is it.
// The first timed click is a warm-up (it starts the MSW worker and loads the widget's chunks) and is
// reported separately; the next `runs` clicks give the median and p95. Each timed click waits until
// the status first shows something else (the widget clears it when it starts) and then the verdict.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { widgetP95Ms } from './budgets';

export type WidgetBench = {
  name: string;
  widget?: string;
  page: string;
  span: string;
  button: string | RegExp;
  verdict: string;
  status?: string;
  alsoShown?: string;
  /** Why this widget cannot meet the p95 budget as built, and what it would take (shown in the report). */
  overBudget?: string;
  setup?: (page: Page, widget: Locator) => Promise<void>;
  beforeEach?: (page: Page, widget: Locator) => Promise<void>;
  measure?: (page: Page, widget: Locator) => Promise<{ ms: number; waitedMs?: number }>;
  runs?: number;
  reload?: boolean;
};

const buttonIn = (widget: Locator, name: string | RegExp) =>
  widget.getByRole('button', typeof name === 'string' ? { name, exact: true } : { name });

/**
 * The mock's authorize page shows its login screen when there is no SSO session (or prompt=login):
 * pick the first test user, as a reader would. A window that redirects at once closes by itself.
 */
async function pickTestUser(win: Page) {
  const user = win.getByRole('list', { name: 'Test users' }).getByRole('button').first();
  await Promise.race([win.waitForEvent('close', { timeout: 30_000 }), user.click({ timeout: 30_000 })]).catch(
    () => undefined,
  );
  if (!win.isClosed()) await win.waitForEvent('close', { timeout: 30_000 });
}

/** Logs in through the mock's authorization page (a popup that closes itself on the callback). */
async function mockLogin(
  page: Page,
  widget: Locator,
  button: string | RegExp,
  loggedIn: RegExp,
  status?: string,
) {
  const popup = page.waitForEvent('popup');
  await buttonIn(widget, button).click();
  await pickTestUser(await popup);
  await (status ? widget.locator(status) : widget.getByRole('status'))
    .filter({ hasText: loggedIn })
    .first()
    .waitFor({ timeout: 30_000 });
}

/** A polling tryout between runs: stop a flow still polling, so its start button is active again. */
async function stopPolling(_page: Page, widget: Locator) {
  const stop = widget.getByRole('button', { name: 'Stop', exact: true });
  if (await stop.isVisible()) await stop.click();
  await widget.getByRole('button', { name: 'Stop', exact: true }).waitFor({ state: 'detached' });
}

/**
 * In the page: resolves when the widget shows `text`, with the time from the start of the last
 * request to `endpoint` (the poll that brought the answer) to then, and the time since `armed`.
 */
function awaitPolledAnswer(page: Page, widget: string, endpoint: string, text: string) {
  return page.evaluate(
    ({ widget, endpoint, text }) =>
      new Promise<{ ms: number; waitedMs: number }>((resolve, reject) => {
        const root = document.querySelector(`[data-widget="${widget}"]`)!;
        const armed = performance.now();
        const timer = setTimeout(() => reject(new Error(`${widget}: no “${text}” within 30 s`)), 30_000);
        const observer = new MutationObserver(() => {
          if (!root.textContent?.includes(text)) return;
          const shown = performance.now();
          observer.disconnect();
          clearTimeout(timer);
          const polls = performance
            .getEntriesByType('resource')
            .filter((e) => e.name.startsWith(endpoint) && e.startTime >= armed);
          const last = polls.at(-1);
          if (!last) return reject(new Error(`${widget}: no request to ${endpoint} before the answer`));
          resolve({ ms: shown - last.startTime, waitedMs: last.startTime - armed });
        });
        observer.observe(root, { subtree: true, childList: true, characterData: true });
      }),
    { widget, endpoint, text },
  );
}

const mockTokenEndpoint = 'https://mock.telenorid.invalid/connect/token';

export const widgets: WidgetBench[] = [
  {
    name: 'discovery explorer',
    page: 'tools/discovery-explorer',
    span: 'click “Explore” → the document’s verdict',
    button: 'Explore',
    verdict: '^Valid',
  },
  {
    // A refresh (rotation) after one login; the timed click is "Refresh".
    name: 'refresh-error simulator',
    page: 'tools/refresh-simulator',
    span: 'click “Refresh” → “200 OK — new tokens”',
    button: 'Refresh',
    verdict: '^200 OK — new tokens',
    setup: async (page, widget) => {
      await widget.locator('input[type="radio"][value="PublicWithRefresh"]').check();
      await mockLogin(page, widget, 'Log in with offline_access', /^200 OK — logged in/);
    },
  },
  {
    // The whole code flow: popup to the mock's (static) authorize page and callback and back, state
    // and nonce checks, the code exchange, both signatures checked against the JWKS, and /userinfo.
    // Setup: one login with a pick on the login screen, so the timed runs reuse the SSO session.
    name: 'scope builder',
    page: 'tools/scope-builder',
    span: 'click “Run” → “Done: tokens received” (login window, /token, JWKS, /userinfo, results)',
    button: 'Run',
    verdict: '^Done: tokens received',
    status: 'section[aria-label="Run"] [role="status"]',
    setup: (page, widget) => mockLogin(page, widget, 'Run', /^Done: tokens received/),
    reload: true,
    overBudget:
      'The login window: in a trace of every window on one clock (Dec 2026, load ~5, two sets of 12 runs, medians; the trace itself adds ~10 %) it is three quarters of a run — window.open blocks the page 37–50 ms while the browser makes the window (the same for a tab, a blank page or a URL), the mock authorize page from the window’s navigation start to the callback’s 96–120 ms (the browser makes the window before it sends that request), the callback page to its message 59–65 ms; then /token through MSW, the JWKS with /userinfo, and the results 55–65 ms together. Issue #19’s second pass cut what was the portal’s: the mock’s service worker no longer handles the window’s pages and scripts (~5 ms each, twelve a run), the window opens on the authorize URL instead of a blank page, and the first Run after a load no longer waits for the mock’s RSA key. What remains is the browser’s window and two page loads in it, which an interactive login in a popup needs.',
  },
  {
    // A silent check in a hidden iframe with the mock's SSO session on: authorize page and callback in
    // the frame, then the code exchange.
    name: 'prompt=none tryout',
    page: 'tools/silent-auth',
    span: 'click “Check session (prompt=none)” → “Code received”',
    button: 'Check session (prompt=none)',
    verdict: '^Code received',
    setup: async (page, widget) => {
      const session = widget.getByRole('switch', { name: /SSO session/ });
      await session.check();
      await page.waitForTimeout(500); // the switch posts the scenario to the mock
    },
  },
  {
    // RP-initiated logout back to the app in the login window, then the proof the widget runs.
    name: 'logout tryout',
    page: 'tools/logout',
    span: 'click “Log out” → “Logged out. prompt=none now answers login_required …” (end_session in the login window, a silent check, a refused refresh); a fresh login before each click, untimed',
    button: 'Log out',
    verdict: '^Logged out\\. prompt=none now answers login_required',
    status: '[data-testid="logout-verdict"]',
    beforeEach: (page, widget) =>
      mockLogin(page, widget, /^Log in/, /^Logged in as/, '[data-testid="logout-verdict"]'),
    overBudget:
      'Two round trips one after the other, as the proof needs: the end_session request in the login window (the window, the mock logout page, the callback), then a prompt=none check in a hidden frame (the mock authorize page, the callback), then a refused refresh; each costs what the scope builder’s and the prompt=none tryout’s round trips do. Until issue #19’s second pass the mock logout page also made an RSA key pair on every logout (300–400 ms under load), now gone. The window still opens on about:blank and is navigated once its URL is built (src/widgets/LogoutTryout builds it after the click), one navigation more than needed.',
  },
  {
    name: 'device flow: start',
    widget: 'device flow tryout',
    page: 'tools/device-flow',
    span: 'click “Start” → the user code and “First poll in 5 s” (the device authorization request)',
    button: /^Start (the device flow|again)$/,
    verdict: '^Show the user \\d{3}-\\d{3}-\\d{3} .* First poll in',
    status: '[data-run-status]',
    beforeEach: stopPolling,
  },
  {
    name: 'CIBA: start',
    widget: 'CIBA tryout',
    page: 'tools/ciba',
    span: 'click “Send” → “auth_req_id received” and the request on the simulated phone with its Approve button',
    button: /^Send (the CIBA|a new) request$/,
    verdict: '^auth_req_id received',
    status: '[data-run-status]',
    alsoShown: 'section[aria-labelledby="ciba-phone-heading"] button',
    beforeEach: stopPolling,
  },
  {
    // Approval on the mock's verification page (another tab), as a reader does it; then the next poll.
    name: 'device flow: approved poll → tokens',
    widget: 'device flow tryout',
    page: 'tools/device-flow',
    span: 'after approval on the verification page: start of the poll that brings the tokens → “Approved: tokens …” (the wait for that poll, up to the 5 s interval, excluded and reported)',
    button: /^Start (the device flow|again)$/,
    verdict: '^Approved: tokens',
    runs: 5,
    beforeEach: stopPolling,
    measure: async (page, widget) => {
      await buttonIn(widget, /^Start (the device flow|again)$/).click();
      await widget.getByLabel(/^User code/).waitFor();
      const answer = awaitPolledAnswer(page, 'device flow tryout', mockTokenEndpoint, 'Approved: tokens');
      const [tab] = await Promise.all([
        page.context().waitForEvent('page'),
        widget.getByRole('link', { name: 'Open the verification page in a new tab' }).click(),
      ]);
      await tab.getByRole('button', { name: 'Approve' }).click();
      await tab.locator('#device-result').filter({ hasText: /^Done/ }).waitFor();
      await tab.close();
      return answer;
    },
  },
  {
    name: 'CIBA: approved poll → tokens',
    widget: 'CIBA tryout',
    page: 'tools/ciba',
    span: 'after Approve on the simulated phone: start of the poll that brings the tokens → “Approved: tokens …” (the wait for that poll, up to the 5 s interval, excluded and reported)',
    button: /^Send (the CIBA|a new) request$/,
    verdict: '^Approved: tokens',
    runs: 5,
    beforeEach: stopPolling,
    measure: async (page, widget) => {
      await buttonIn(widget, /^Send (the CIBA|a new) request$/).click();
      const phone = widget.getByRole('region', { name: /Simulated phone/ });
      const answer = awaitPolledAnswer(page, 'CIBA tryout', mockTokenEndpoint, 'Approved: tokens');
      await phone.getByRole('button', { name: 'Approve' }).click();
      return answer;
    },
  },
];

export type LatencyRow = {
  name: string;
  /** What was timed (the entry's `span`). */
  span: string;
  overBudget?: string;
  page: string;
  warmup: number;
  /** Click → verdict of the first click after a page load (the warm-up when there is no setup). */
  firstAfterLoad?: number;
  median: number;
  p95: number;
  max: number;
  runs: number;
  /** For spans that exclude a wait (a poll interval): its median, reported beside them. */
  excludedWaitMedian?: number;
};

/** The q-quantile (nearest rank) of sorted numbers. */
export const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

/** One click on the widget's button, timed in the page from the click to the verdict. */
function timeClick(page: Page, w: WidgetBench): Promise<number> {
  const button = typeof w.button === 'string' ? { exact: w.button } : { source: w.button.source };
  return page.evaluate(
    ({ name, button, verdict, statusSelector, alsoShown }) =>
      new Promise<number>((resolve, reject) => {
        const root = document.querySelector(`[data-widget="${name}"]`);
        const status = root?.querySelector(statusSelector);
        const named = 'exact' in button ? undefined : new RegExp(button.source);
        const target = [...(root?.querySelectorAll('button') ?? [])].find((b) =>
          named ? named.test(b.textContent?.trim() ?? '') : b.textContent?.trim() === button.exact,
        );
        if (!status || !target)
          return reject(new Error(`${name}: no status or no “${String(button)}” button`));
        const pattern = new RegExp(verdict);
        let seenOther = false;
        const timer = setTimeout(() => reject(new Error(`${name}: no verdict within 20 s`)), 20_000);
        const observer = new MutationObserver(() => {
          // Re-read the status on every change: a widget may re-render it as a new element.
          // (No named helper function here: tsx would wrap it in a `__name` the page lacks.)
          const text = root?.querySelector(statusSelector)?.textContent ?? '';
          if (!pattern.test(text)) seenOther = true;
          else if (seenOther && (!alsoShown || root?.querySelector(alsoShown))) {
            observer.disconnect();
            clearTimeout(timer);
            resolve(performance.now() - t0);
          }
        });
        observer.observe(root!, { subtree: true, childList: true, characterData: true });
        const t0 = performance.now();
        target.click();
      }),
    {
      name: w.widget ?? w.name,
      button,
      verdict: w.verdict,
      statusSelector: w.status ?? '[role="status"]',
      alsoShown: w.alsoShown,
    },
  );
}

/** Times `runs` (+1 warm-up) clicks of each widget on the site at `origin` (with its base URL). */
export async function measureWidgets(
  browser: Browser,
  origin: string,
  runs: number,
  only?: readonly string[],
): Promise<LatencyRow[]> {
  const rows: LatencyRow[] = [];
  for (const w of widgets) {
    if (only && !only.includes(w.name)) continue;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${origin}${w.page}?env=mock`);
      await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
      const widget = page.locator(`[data-widget="${w.widget ?? w.name}"]`);
      await buttonIn(widget, w.button).waitFor();
      if (w.setup) await w.setup(page, widget);
      const times: number[] = [];
      const waits: number[] = [];
      const count = Math.min(runs, w.runs ?? runs);
      for (let i = 0; i <= count; i += 1) {
        if (w.beforeEach) await w.beforeEach(page, widget);
        await buttonIn(widget, w.button).and(page.locator(':enabled:not([aria-disabled="true"])')).waitFor();
        if (w.measure) {
          const { ms, waitedMs } = await w.measure(page, widget);
          times.push(ms);
          if (waitedMs !== undefined && i > 0) waits.push(waitedMs);
        } else times.push(await timeClick(page, w));
      }
      const [warmup, ...measured] = times;
      let firstAfterLoad = w.setup || w.beforeEach ? undefined : warmup;
      if (w.reload) {
        await page.reload();
        await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
        await buttonIn(widget, w.button).and(page.locator(':enabled:not([aria-disabled="true"])')).waitFor();
        firstAfterLoad = await timeClick(page, w);
      }
      const sorted = [...measured].sort((a, b) => a - b);
      const waited = [...waits].sort((a, b) => a - b);
      rows.push({
        name: w.name,
        span: w.span,
        ...(w.overBudget ? { overBudget: w.overBudget } : {}),
        page: w.page,
        warmup: warmup!,
        ...(firstAfterLoad !== undefined ? { firstAfterLoad } : {}),
        median: quantile(sorted, 0.5),
        p95: quantile(sorted, 0.95),
        max: sorted.at(-1)!,
        runs: count,
        ...(waited.length ? { excludedWaitMedian: quantile(waited, 0.5) } : {}),
      });
    } finally {
      await context.close();
    }
  }
  return rows;
}

const fmt = (n: number) => `${n.toFixed(1)} ms`;

/** The Markdown table of the rows, with the budget. */
export function latencyTable(rows: LatencyRow[]): string {
  return [
    '| Widget | Page | First click after load | Warm-up | Median | p95 | Max | Runs | Budget p95 ≤ 150 ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | /${r.page} | ${r.firstAfterLoad === undefined ? '—' : fmt(r.firstAfterLoad)} | ${fmt(r.warmup)} | ${fmt(r.median)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${r.runs} | ${r.p95 <= widgetP95Ms ? 'held' : '**missed**'} |`,
    ),
    '',
    'What each row times:',
    '',
    ...rows.map(
      (r) =>
        `- **${r.name}**: ${r.span}${r.excludedWaitMedian === undefined ? '' : ` (the excluded wait for the poll: median ${fmt(r.excludedWaitMedian)})`}.`,
    ),
  ].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '20' },
      dir: { type: 'string', default: 'build' },
      port: { type: 'string', default: '3450' },
      out: { type: 'string', default: 'reports/bench/widget-latency.md' },
      only: { type: 'string' },
    },
  });
  const server = spawn('node', ['scripts/static-server.mjs', '--dir', values.dir, '--port', values.port], {
    stdio: 'ignore',
  });
  await new Promise((resolve) => setTimeout(resolve, 800));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    const only = values.only?.split(',').map((n) => n.trim());
    const rows = await measureWidgets(browser, `http://localhost:${values.port}/`, Number(values.runs), only);
    const report = [
      '# Widget latency: click to verdict, mock environment',
      '',
      `${values.runs} measured runs per widget after one warm-up run; headless Chromium, production build, ${new Date().toISOString()}.`,
      '',
      latencyTable(rows),
      '',
    ].join('\n');
    mkdirSync(path.dirname(values.out), { recursive: true });
    writeFileSync(values.out, report);
    console.log(report);
  } finally {
    await browser.close();
    server.kill();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) void main();
