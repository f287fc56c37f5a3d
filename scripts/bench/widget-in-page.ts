// The widget bench's in-page runner (see scripts/bench/widget-driver.js for why): writes a row's plan
// where the static server (--bench-dir) serves it, opens the widget's page in a Chromium that has no
// DevTools attached (or, with `devtools`, in a Playwright page, to measure what attaching costs), and
// waits for the driver's report.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { chromeFlags } from './lighthouse';

/** One thing the driver does in the page before a timed click (widget-driver.js reads these). */
export type Step =
  | { check: string } // a checkbox, radio or switch (CSS selector in the widget): wait until active, check it
  | { click: string } // the button whose text matches (RegExp source), once it is active
  | { clickIfShown: string }
  | { gone: string } // wait until no button's text matches
  | { pickUser: true } // on the window the last click opened: the first test user, or its closing by itself
  | { status: string; selector?: string } // wait until the status (the row's, or `selector`) matches
  | { sleep: number };

export type InPagePlan = {
  /** The page's path under the base URL: the driver runs there only. */
  page: string;
  widget: string;
  status: string;
  button: string;
  verdict: string;
  /**
   * Instead of the widget's button: the browser's own cost of a round trip from this page, through two
   * empty pages (floor-authorize.html, which redirects at once, and floor-callback.html, which posts to
   * its opener or parent) in a login window, in a hidden frame, or one after the other.
   */
  floor?: 'window' | 'frame' | 'window+frame';
  alsoShown?: string;
  runs: number;
  setup: Step[];
  beforeEach: Step[];
  reload: boolean;
};

export type InPageTimes = { times: number[]; firstAfterLoad?: number };

// Lighthouse's headless flags, and: the driver's clicks carry no user gesture, which window.open
// would otherwise need.
const chromiumArgs = [...chromeFlags, '--disable-popup-blocking', '--window-size=1280,900'];

// The floor's two pages: no script but what a round trip needs, nothing to fetch.
const floorPage = (title: string, script: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><p>${title}</p><script>${script}</script></body></html>\n`;
const floorPages = {
  'floor-authorize.html': floorPage(
    'Floor: authorize',
    "location.replace('floor-callback.html' + location.search);",
  ),
  'floor-callback.html': floorPage(
    'Floor: callback',
    "(window.opener || window.parent).postMessage({ type: 'bench:floor' }, location.origin); if (window.opener) close();",
  ),
};

/** The folder to pass as the static server's --bench-dir, with the driver and the floor's pages in it. */
export function prepareBenchDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(__dirname, 'widget-driver.js'), path.join(dir, 'driver.js'));
  for (const [name, html] of Object.entries(floorPages)) writeFileSync(path.join(dir, name), html);
  return dir;
}

/** Runs `plan` on `url` (served with --bench-dir `benchDir`) and returns the driver's times. */
export async function runInPage(
  benchDir: string,
  url: string,
  plan: InPagePlan,
  options: { devtools?: Browser; timeoutMs?: number } = {},
): Promise<InPageTimes> {
  const reportFile = path.join(benchDir, 'report.json');
  rmSync(reportFile, { force: true });
  writeFileSync(path.join(benchDir, 'plan.json'), JSON.stringify(plan));
  const profile = mkdtempSync(path.join(tmpdir(), 'widget-bench-'));
  const close: () => Promise<void> = options.devtools
    ? await (async () => {
        const context = await options.devtools!.newContext({ viewport: { width: 1280, height: 900 } });
        await (await context.newPage()).goto(url);
        return () => context.close();
      })()
    : (() => {
        const browser = spawn(
          process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          [...chromiumArgs, `--user-data-dir=${profile}`, url],
          // Its own process group: stopping it stops its helper processes too.
          { stdio: 'ignore', detached: true },
        );
        return () =>
          new Promise<void>((resolve) => {
            if (browser.exitCode !== null) return resolve();
            browser.once('exit', () => resolve());
            try {
              process.kill(-browser.pid!, 'SIGTERM');
            } catch {
              browser.kill();
            }
          });
      })();
  try {
    const deadline = Date.now() + (options.timeoutMs ?? 180_000);
    while (!existsSync(reportFile)) {
      if (Date.now() > deadline) throw new Error(`${plan.widget}: no report from the page at ${url}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as InPageTimes & { error?: string };
    if (report.error) throw new Error(`${plan.widget}: ${report.error}`);
    return report;
  } finally {
    rmSync(path.join(benchDir, 'plan.json'), { force: true });
    await close();
    try {
      // A helper process may still be writing to the profile for a moment after Chromium exits.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // a temporary folder: the system clears it
    }
  }
}
