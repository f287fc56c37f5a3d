// Time from click to verdict of each widget in the mock environment, in headless Chromium against
// the production build served by scripts/static-server.mjs (gzip, like a real host).
//
//   npm run build && node scripts/bench/widget-latency.mjs [--runs 20] [--out reports/bench/widget-latency.md]
//
// The first click of each widget is a warm-up (it starts the MSW worker and loads the widget's
// chunks) and is reported separately; the next N clicks give the median and p95.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    port: { type: 'string', default: '3950' },
    out: { type: 'string', default: 'reports/bench/widget-latency.md' },
  },
});
const runs = Number(values.runs);
const origin = `http://localhost:${values.port}`;

/** Each widget: its page, the button that runs it, and the verdict pattern its role=status shows. */
const widgets = [
  { name: 'discovery explorer', page: '/tools/discovery-explorer', button: 'Explore', verdict: '^Valid' },
];

const server = spawn('node', ['scripts/static-server.mjs', '--dir', 'build', '--port', values.port], {
  stdio: 'ignore',
});
await new Promise((resolve) => setTimeout(resolve, 800));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const rows = [];
try {
  for (const w of widgets) {
    const page = await browser.newPage();
    await page.goto(origin + w.page);
    await page.waitForSelector('html[data-has-hydrated="true"]');
    await page.getByRole('button', { name: w.button, exact: true }).waitFor();
    const times = [];
    for (let i = 0; i <= runs; i += 1) {
      const ms = await page.evaluate(
        ({ name, button, verdict }) =>
          new Promise((resolve, reject) => {
            const root = document.querySelector(`[data-widget="${name}"]`);
            const status = root?.querySelector('[role="status"]');
            const target = [...(root?.querySelectorAll('button') ?? [])].find(
              (b) => b.textContent === button,
            );
            if (!status || !target) return reject(new Error(`${name}: no status or button`));
            const pattern = new RegExp(verdict);
            let seenOther = false;
            const observer = new MutationObserver(() => {
              const text = status.textContent ?? '';
              if (!pattern.test(text)) seenOther = true;
              else if (seenOther) {
                observer.disconnect();
                resolve(performance.now() - t0);
              }
            });
            observer.observe(status, { subtree: true, childList: true, characterData: true });
            const t0 = performance.now();
            target.click();
          }),
        w,
      );
      times.push(ms);
    }
    await page.close();
    const [warmup, ...measured] = times;
    const sorted = [...measured].sort((a, b) => a - b);
    rows.push({
      name: w.name,
      warmup,
      median: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      max: sorted.at(-1),
    });
  }
} finally {
  await browser.close();
  server.kill();
}

const fmt = (n) => `${n.toFixed(1)} ms`;
const report = [
  '# Widget latency: click to verdict, mock environment',
  '',
  `${runs} measured runs per widget after one warm-up run; headless Chromium, production build, ${new Date().toISOString()}.`,
  'Budget: p95 ≤ 150 ms.',
  '',
  '| Widget | Warm-up | Median | p95 | Max | Budget |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.warmup)} | ${fmt(r.median)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${r.p95 <= 150 ? 'holds' : 'MISSED'} |`,
  ),
  '',
].join('\n');
mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, report);
console.log(report);
