// Time from click to verdict of each widget in the mock environment, in headless Chromium against a
// production build served by scripts/static-server.mjs (gzip, like a real host).
//
//   npm run bench:widgets            (builds nothing: run `npm run build` first, or use `npm run bench`)
//   node --import tsx scripts/bench/widget-latency.ts [--runs 20] [--dir build] [--port 3450]
//
// ADDING A WIDGET: append an entry to `widgets` below —
//   name     the widget's `data-widget` attribute (the name given to lazyWidget in its index.tsx);
//   page     its page under tools/ (relative to the base URL, `?env=mock` is added);
//   button   the accessible name of the button whose click is timed;
//   verdict  a RegExp source the widget's role="status" text matches once the answer is shown;
//   status   optional: a CSS selector, inside the widget, of that status element when it is not the
//            widget's first role="status";
//   setup    optional: what must happen once before the timed clicks (log in, fill a field), given
//            the Playwright page and the widget's locator; it must leave the button ready to click;
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
  page: string;
  button: string;
  verdict: string;
  status?: string;
  /** Why this widget cannot meet the p95 budget as built, and what it would take (shown in the report). */
  overBudget?: string;
  setup?: (page: Page, widget: Locator) => Promise<void>;
  reload?: boolean;
};

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
async function mockLogin(page: Page, widget: Locator, button: string, loggedIn: RegExp) {
  const popup = page.waitForEvent('popup');
  await widget.getByRole('button', { name: button, exact: true }).click();
  await pickTestUser(await popup);
  await widget.getByRole('status').filter({ hasText: loggedIn }).waitFor({ timeout: 30_000 });
}

export const widgets: WidgetBench[] = [
  {
    name: 'discovery explorer',
    page: 'tools/discovery-explorer',
    button: 'Explore',
    verdict: '^Valid',
  },
  {
    // A refresh (rotation) after one login; the timed click is "Refresh".
    name: 'refresh-error simulator',
    page: 'tools/refresh-simulator',
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
    button: 'Run',
    verdict: '^Done: tokens received',
    status: 'section[aria-label="Run"] [role="status"]',
    setup: (page, widget) => mockLogin(page, widget, 'Run', /^Done: tokens received/),
    reload: true,
    overBudget:
      'The login window itself: opening a popup and loading even the small static callback page in it takes 80–140 ms in headless Chromium on this machine (the same page in a hidden frame: ~30 ms; measured Dec 2026 at load 4.6), before the authorize page, /token, the JWKS, two signature checks, /userinfo and the results are drawn. The static round-trip pages (issue #19) removed the two portal pages the popup used to load; what remains is the browser’s window, which an interactive login needs.',
  },
  {
    // A silent check in a hidden iframe with the mock's SSO session on: authorize page and callback in
    // the frame, then the code exchange.
    name: 'prompt=none tryout',
    page: 'tools/silent-auth',
    button: 'Check session (prompt=none)',
    verdict: '^Code received',
    setup: async (page, widget) => {
      const session = widget.getByRole('switch', { name: /SSO session/ });
      await session.check();
      await page.waitForTimeout(500); // the switch posts the scenario to the mock
    },
  },
];

export type LatencyRow = {
  name: string;
  overBudget?: string;
  page: string;
  warmup: number;
  /** Click → verdict of the first click after a page load (the warm-up when there is no setup). */
  firstAfterLoad?: number;
  median: number;
  p95: number;
  max: number;
  runs: number;
};

/** The q-quantile (nearest rank) of sorted numbers. */
export const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

/** One click on the widget's button, timed in the page from the click to the verdict. */
function timeClick(page: Page, w: WidgetBench): Promise<number> {
  return page.evaluate(
    ({ name, button, verdict, statusSelector }) =>
      new Promise<number>((resolve, reject) => {
        const root = document.querySelector(`[data-widget="${name}"]`);
        const status = root?.querySelector(statusSelector);
        const target = [...(root?.querySelectorAll('button') ?? [])].find(
          (b) => b.textContent?.trim() === button,
        );
        if (!status || !target) return reject(new Error(`${name}: no status or no “${button}” button`));
        const pattern = new RegExp(verdict);
        let seenOther = false;
        const timer = setTimeout(() => reject(new Error(`${name}: no verdict within 20 s`)), 20_000);
        const observer = new MutationObserver(() => {
          // Re-read the status on every change: a widget may re-render it as a new element.
          // (No named helper function here: tsx would wrap it in a `__name` the page lacks.)
          const text = root?.querySelector(statusSelector)?.textContent ?? '';
          if (!pattern.test(text)) seenOther = true;
          else if (seenOther) {
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
      name: w.name,
      button: w.button,
      verdict: w.verdict,
      statusSelector: w.status ?? '[role="status"]',
    },
  );
}

/** Times `runs` (+1 warm-up) clicks of each widget on the site at `origin` (with its base URL). */
export async function measureWidgets(browser: Browser, origin: string, runs: number): Promise<LatencyRow[]> {
  const rows: LatencyRow[] = [];
  for (const w of widgets) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${origin}${w.page}?env=mock`);
      await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
      const widget = page.locator(`[data-widget="${w.name}"]`);
      await widget.getByRole('button', { name: w.button, exact: true }).waitFor();
      if (w.setup) await w.setup(page, widget);
      const times: number[] = [];
      for (let i = 0; i <= runs; i += 1) {
        await widget
          .getByRole('button', { name: w.button, exact: true })
          .and(page.locator(':enabled'))
          .waitFor();
        const ms = await timeClick(page, w);
        times.push(ms);
      }
      const [warmup, ...measured] = times;
      let firstAfterLoad = w.setup ? undefined : warmup;
      if (w.reload) {
        await page.reload();
        await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
        await widget
          .getByRole('button', { name: w.button, exact: true })
          .and(page.locator(':enabled'))
          .waitFor();
        firstAfterLoad = await timeClick(page, w);
      }
      const sorted = [...measured].sort((a, b) => a - b);
      rows.push({
        name: w.name,
        ...(w.overBudget ? { overBudget: w.overBudget } : {}),
        page: w.page,
        warmup: warmup!,
        ...(firstAfterLoad !== undefined ? { firstAfterLoad } : {}),
        median: quantile(sorted, 0.5),
        p95: quantile(sorted, 0.95),
        max: sorted.at(-1)!,
        runs,
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
    '| Widget | Page | First click after load | Warm-up | Median | p95 | Max | Budget p95 ≤ 150 ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | /${r.page} | ${r.firstAfterLoad === undefined ? '—' : fmt(r.firstAfterLoad)} | ${fmt(r.warmup)} | ${fmt(r.median)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${r.p95 <= widgetP95Ms ? 'held' : '**missed**'} |`,
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
    const rows = await measureWidgets(browser, `http://localhost:${values.port}/`, Number(values.runs));
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
