// Time from click to verdict of each widget in the mock environment, in headless Chromium against a
// production build served by scripts/static-server.mjs (gzip, like a real host).
//
//   npm run bench:widgets            (builds nothing: run `npm run build` first, or use `npm run bench`)
//   node --import tsx scripts/bench/widget-latency.ts [--runs 20] [--dir build] [--port 3450] [--only name,name]
//                                                     [--devtools]
//
// HOW: the clicks are timed inside the page, by scripts/bench/widget-driver.js, in a Chromium with no
// DevTools attached (scripts/bench/widget-in-page.ts): a DevTools client such as Playwright attaches to
// every login window and frame and holds it until set up, which added 35–70 ms to each round trip that
// no reader has (Dec 2026). `--devtools` runs the same driver in a Playwright page instead, to see that
// cost. The two "approved poll" rows need a second tab and the simulated phone, so Playwright drives
// them; their span has no window or frame in it.
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
//   button   the text of the button whose click is timed (a RegExp for a text that changes);
//   verdict  a RegExp source the widget's role="status" text matches once the answer is shown;
//   status   optional: a CSS selector, inside the widget, of that status element when it is not the
//            widget's first role="status";
//   alsoShown optional: a CSS selector, inside the widget, that must match too before the answer counts;
//   setup    optional: the driver's steps (widget-in-page.ts `Step`) once before the timed clicks (log
//            in, check a switch); they must leave the button ready to click;
//   beforeEach optional: steps before every click, untimed (a fresh login before a logout);
//   playwright optional: instead, a span that is not click → status (the approved polls), timed by
//            Playwright: `beforeEach` and `measure` get the page and the widget's locator;
//   runs     optional: at most this many timed runs (a span that waits out a poll interval each time);
//   reload   optional: after the timed clicks, reload the page (sessionStorage, e.g. the mock's SSO
//            session, survives) and time the first click after load; without setup the warm-up is it.
// The first timed click is a warm-up (it starts the MSW worker and loads the widget's chunks) and is
// reported separately; the next `runs` clicks give the median and p95. Each timed click waits until
// the status first shows something else (the widget clears it when it starts) and then the verdict.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { widgetP95Ms } from './budgets';
import { prepareBenchDir, runInPage, type Step } from './widget-in-page';

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
  setup?: Step[];
  beforeEach?: Step[];
  playwright?: {
    beforeEach?: (page: Page, widget: Locator) => Promise<void>;
    measure: (page: Page, widget: Locator) => Promise<{ ms: number; waitedMs?: number }>;
  };
  runs?: number;
  reload?: boolean;
};

/** A reference row: the browser's own cost of a round trip from a page (widget-in-page.ts `floor`). */
export type FloorBench = {
  name: string;
  /** The page measured from, and its widget (the driver waits for it to settle first). */
  page: string;
  widget: string;
  floor: 'window' | 'frame' | 'window+frame';
  span: string;
};

const buttonIn = (widget: Locator, name: string | RegExp) =>
  widget.getByRole('button', typeof name === 'string' ? { name, exact: true } : { name });

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A button's text as the driver matches it: exactly, or the RegExp. */
const buttonSource = (name: string | RegExp) =>
  typeof name === 'string' ? `^${escapeRegExp(name)}$` : name.source;

/** The login on the mock's authorize page (the login screen: the first test user), then its verdict. */
const mockLogin = (button: string | RegExp, loggedIn: string, selector?: string): Step[] => [
  { click: buttonSource(button) },
  { pickUser: true },
  { status: loggedIn, ...(selector ? { selector } : {}) },
];

/** A polling tryout between runs: stop a flow still polling, so its start button is active again. */
const stopPollingSteps: Step[] = [{ clickIfShown: '^Stop$' }, { gone: '^Stop$' }];

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
    setup: [
      { check: 'input[type="radio"][value="PublicWithRefresh"]' },
      ...mockLogin('Log in with offline_access', '^200 OK — logged in'),
    ],
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
    setup: mockLogin('Run', '^Done: tokens received'),
    reload: true,
    overBudget:
      'The login window is most of a Run: the row “browser floor: login window” of the same run is what the browser alone costs for it, through empty pages; on top come the code exchange at /token, the JWKS with /userinfo through MSW on the page’s main thread (which the window shares while it closes), and the results. A miss on a busy machine shows in the floor row too.',
  },
  {
    // A silent check in a hidden iframe with the mock's SSO session on: authorize page and callback in
    // the frame, then the code exchange.
    name: 'prompt=none tryout',
    page: 'tools/silent-auth',
    span: 'click “Check session (prompt=none)” → “Code received”',
    button: 'Check session (prompt=none)',
    verdict: '^Code received',
    // The first switch is “SSO session”; turning it on posts the scenario to the mock.
    setup: [{ check: 'input[role="switch"]' }, { sleep: 500 }],
  },
  {
    // RP-initiated logout back to the app in the login window, then the proof the widget runs.
    name: 'logout tryout',
    page: 'tools/logout',
    span: 'click “Log out” → “Logged out. prompt=none now answers login_required …” (end_session in the login window, then a silent check in a hidden frame beside a refused refresh); a fresh login before each click, untimed',
    button: 'Log out',
    verdict: '^Logged out\\. prompt=none now answers login_required',
    status: '[data-testid="logout-verdict"]',
    beforeEach: mockLogin(/^Log in/, '^Logged in as'),
    overBudget:
      'Two round trips one after the other, as a logout and its proof need: the end_session request in the login window (the mock logout page, the callback), then prompt=none in a hidden frame (the mock authorize page, the callback), with the refused refresh sent beside it. The browser’s own cost of those two trips through empty pages is the row “browser floor: window then frame” of the same run; what the portal adds on top is its two pages’ logic, one /token through MSW and the verdict (issue #19, Dec 2026).',
  },
  {
    name: 'device flow: start',
    widget: 'device flow tryout',
    page: 'tools/device-flow',
    span: 'click “Start” → the user code and “First poll in 5 s” (the device authorization request)',
    button: /^Start (the device flow|again)$/,
    verdict: '^Show the user \\d{3}-\\d{3}-\\d{3} .* First poll in',
    status: '[data-run-status]',
    beforeEach: stopPollingSteps,
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
    beforeEach: stopPollingSteps,
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
    playwright: {
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
  },
  {
    name: 'CIBA: approved poll → tokens',
    widget: 'CIBA tryout',
    page: 'tools/ciba',
    span: 'after Approve on the simulated phone: start of the poll that brings the tokens → “Approved: tokens …” (the wait for that poll, up to the 5 s interval, excluded and reported)',
    button: /^Send (the CIBA|a new) request$/,
    verdict: '^Approved: tokens',
    runs: 5,
    playwright: {
      beforeEach: stopPolling,
      measure: async (page, widget) => {
        await buttonIn(widget, /^Send (the CIBA|a new) request$/).click();
        const phone = widget.getByRole('region', { name: /Simulated phone/ });
        const answer = awaitPolledAnswer(page, 'CIBA tryout', mockTokenEndpoint, 'Approved: tokens');
        await phone.getByRole('button', { name: 'Approve' }).click();
        return answer;
      },
    },
  },
];

/**
 * What the browser alone costs, from the same pages and in the same Chromium: the two empty pages
 * stand for the mock's authorize page and the callback, with no request and no portal code. They are
 * not budgeted; they say how much of a widget's row no portal change can remove.
 */
export const floors: FloorBench[] = [
  {
    name: 'browser floor: login window',
    page: 'tools/scope-builder',
    widget: 'scope builder',
    floor: 'window',
    span: 'a login window from the scope builder’s page through two empty pages (one redirects at once, the other posts back and closes) → the message: the least any Run in a window costs',
  },
  {
    name: 'browser floor: hidden frame',
    page: 'tools/silent-auth',
    widget: 'prompt=none tryout',
    floor: 'frame',
    span: 'a hidden frame from the prompt=none tryout’s page through the same two empty pages → the message',
  },
  {
    name: 'browser floor: window then frame',
    page: 'tools/logout',
    widget: 'logout tryout',
    floor: 'window+frame',
    span: 'from the logout tryout’s page, the login window’s round trip and then the hidden frame’s, as a logout and its proof need them',
  },
];

export type LatencyRow = {
  name: string;
  /** A floor row (not budgeted). */
  reference?: boolean;
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

type TimedRow = WidgetBench & { floor?: FloorBench['floor'] };

/** A floor as a row the in-page runner takes (no button, no verdict: the driver times the trip). */
const floorRow = (f: FloorBench): TimedRow => ({
  ...f,
  button: '',
  verdict: '',
});

/** The timed runs, and the warm-up, of a row Playwright drives (the approved polls). */
async function measureWithPlaywright(browser: Browser, url: string, w: WidgetBench, count: number) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
    const widget = page.locator(`[data-widget="${w.widget ?? w.name}"]`);
    const times: number[] = [];
    const waits: number[] = [];
    for (let i = 0; i <= count; i += 1) {
      await w.playwright!.beforeEach?.(page, widget);
      await buttonIn(widget, w.button).and(page.locator(':enabled:not([aria-disabled="true"])')).waitFor();
      const { ms, waitedMs } = await w.playwright!.measure(page, widget);
      times.push(ms);
      if (waitedMs !== undefined && i > 0) waits.push(waitedMs);
    }
    return { times, waits };
  } finally {
    await context.close();
  }
}

/**
 * Times `runs` (+1 warm-up) clicks of each widget on the site at `origin` (with its base URL), served
 * by scripts/static-server.mjs with `--bench-dir benchDir` (see prepareBenchDir). `devtools`: the
 * in-page rows run in Playwright pages too, to measure what an attached DevTools client costs.
 */
export async function measureWidgets(
  browser: Browser,
  origin: string,
  runs: number,
  options: { benchDir: string; only?: readonly string[]; devtools?: boolean },
): Promise<LatencyRow[]> {
  const rows: LatencyRow[] = [];
  for (const w of [...widgets, ...floors.map(floorRow)] as TimedRow[]) {
    if (options.only && !options.only.includes(w.name)) continue;
    const url = `${origin}${w.page}?env=mock`;
    const count = Math.min(runs, w.runs ?? runs);
    let times: number[];
    let waits: number[] = [];
    let firstAfterLoad: number | undefined;
    if (w.playwright) ({ times, waits } = await measureWithPlaywright(browser, url, w, count));
    else {
      const got = await runInPage(
        options.benchDir,
        url,
        {
          page: w.page,
          widget: w.widget ?? w.name,
          status: w.status ?? '[role="status"]',
          button: buttonSource(w.button),
          verdict: w.verdict,
          ...(w.floor ? { floor: w.floor } : {}),
          ...(w.alsoShown ? { alsoShown: w.alsoShown } : {}),
          runs: count,
          setup: w.setup ?? [],
          beforeEach: w.beforeEach ?? [],
          reload: Boolean(w.reload),
        },
        options.devtools ? { devtools: browser } : {},
      );
      times = got.times;
      firstAfterLoad = got.firstAfterLoad ?? (w.setup || w.beforeEach ? undefined : times[0]);
    }
    const [warmup, ...measured] = times;
    const sorted = [...measured].sort((a, b) => a - b);
    const waited = [...waits].sort((a, b) => a - b);
    rows.push({
      name: w.name,
      ...(w.floor ? { reference: true } : {}),
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
        `| ${r.name} | /${r.page} | ${r.firstAfterLoad === undefined ? '—' : fmt(r.firstAfterLoad)} | ${fmt(r.warmup)} | ${fmt(r.median)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${r.runs} | ${r.reference ? 'reference' : r.p95 <= widgetP95Ms ? 'held' : '**missed**'} |`,
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
      devtools: { type: 'boolean', default: false },
    },
  });
  const benchDir = prepareBenchDir(mkdtempSync(path.join(tmpdir(), 'widget-bench-dir-')));
  const server = spawn(
    'node',
    ['scripts/static-server.mjs', '--dir', values.dir, '--port', values.port, '--bench-dir', benchDir],
    { stdio: 'ignore' },
  );
  await new Promise((resolve) => setTimeout(resolve, 800));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    const only = values.only?.split(',').map((n) => n.trim());
    const rows = await measureWidgets(browser, `http://localhost:${values.port}/`, Number(values.runs), {
      benchDir,
      ...(only ? { only } : {}),
      devtools: values.devtools,
    });
    const report = [
      '# Widget latency: click to verdict, mock environment',
      '',
      `${values.runs} measured runs per widget after one warm-up run; headless Chromium, production build, ${values.devtools ? 'timed in Playwright pages (DevTools attached)' : 'timed in the page with no DevTools attached'}, ${new Date().toISOString()}.`,
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
    rmSync(benchDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) void main();
