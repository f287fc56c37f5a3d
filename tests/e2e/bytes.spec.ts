// The byte budget (issue #9), in `npm test`: for each page type, the gzip bytes of the built
// JavaScript files the page executes must stay within scripts/bench/budgets.ts, and a page that uses
// no widget, no diagram and no mock must load none of their code. Bytes are the built files' gzip
// sizes (not timings), and which files a page runs is fixed by the build, so the check is
// deterministic. `npm run bench` reports the same figures beside a plain Docusaurus site.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import {
  allowedHeavyCode,
  pageJsGzipBytes,
  portalPages,
  roundTripPageJsGzipBytes,
} from '../../scripts/bench/budgets';
import { heavyIn, measureJs, readBundleModules, toolPages } from '../../scripts/bench/js-weight';
import { widgets } from '../../scripts/bench/widget-latency';

const siteDir = process.cwd();
const buildDir = path.join(siteDir, 'build');
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

test.describe('byte budget', () => {
  const modules = readBundleModules(siteDir, buildDir);

  test.beforeAll(() => {
    expect(
      Object.keys(modules).length,
      'No module manifest for build/ (.docusaurus/bundle-modules/build.json): run `docusaurus build --out-dir build` again.',
    ).toBeGreaterThan(0);
  });

  for (const p of [...portalPages, ...toolPages(buildDir)]) {
    test(`${p.type}: /${p.path} stays within its JavaScript budget`, async ({ page, baseURL }) => {
      const widget = widgets.find((w) => w.page === p.path);
      const js = await measureJs(page, `${baseURL}${p.path}`, {
        siteDir,
        buildDir,
        modules,
        // A tool page is measured with its widget on screen (its chunks loaded).
        ready: widget
          ? (pg) =>
              pg
                .locator(`[data-widget="${widget.widget ?? widget.name}"]`)
                .getByRole('button')
                .first()
                .waitFor()
          : undefined,
      });
      const unknown = js.executed.filter((f) => !(f.file in modules)).map((f) => f.file);
      expect(unknown, 'scripts missing from the module manifest: the build and its manifest differ').toEqual(
        [],
      );

      const allowed = allowedHeavyCode[p.type];
      expect(
        js.heavy.filter((h) => !allowed.includes(h)),
        `/${p.path} loads code it does not use: ${js.executed
          .filter((f) => f.heavy.some((h) => !allowed.includes(h)))
          .map((f) => `${f.file} (${f.heavy.join(', ')})`)
          .join('; ')}`,
      ).toEqual([]);

      const budget = pageJsGzipBytes[p.type];
      const largest = [...js.executed]
        .sort((a, b) => b.gzip - a.gzip)
        .slice(0, 5)
        .map((f) => `${f.file} ${kB(f.gzip)}`)
        .join(', ');
      expect(
        js.executedGzip,
        `/${p.path} executes ${kB(js.executedGzip)} of JavaScript (gzip), over the ${p.type} budget of ${kB(budget)} in scripts/bench/budgets.ts. Largest files: ${largest}.`,
      ).toBeLessThanOrEqual(budget);
    });
  }

  test('no built script holds the diagram library (diagrams are pictures, issue #19)', () => {
    const withMermaid = Object.entries(modules)
      .filter(([, names]) => heavyIn(names).includes('mermaid'))
      .map(([file]) => file);
    expect(withMermaid).toEqual([]);
  });

  // The pages a login passes through in a popup or hidden frame (plugins/round-trip-pages.ts): their
  // own script only, written into the page, a few kB; nothing of the site bundle, no script file.
  for (const [route, budget] of [
    ['mock/authorize/', roundTripPageJsGzipBytes.authorize],
    ['mock/logout/', roundTripPageJsGzipBytes.logout],
    ['callback/', roundTripPageJsGzipBytes.callback],
    ['mock/device/', roundTripPageJsGzipBytes.device],
  ] as const) {
    test(`round trip: /${route} loads no site bundle and stays within ${kB(budget)}`, () => {
      const html = readFileSync(path.join(buildDir, route, 'index.html'), 'utf8');
      expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script>']);
      const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
      const total = gzipSync(script).length;
      expect(total, `/${route} holds ${kB(total)} of JavaScript (gzip)`).toBeLessThanOrEqual(budget);
    });
  }
});
