// How much JavaScript a page costs, measured in Chromium: the scripts it executed (V8 script
// coverage sees every script the page parsed and ran, dynamic chunks included) and the ones it only
// prefetched (`<link rel="prefetch">`, fetched for a later navigation, not run). Sizes are the gzip
// bytes of the built file (level 6, what scripts/static-server.mjs and a typical CDN send), computed
// from the build output, so the figure does not depend on timing. Used by the bench and by the byte
// budget check in `npm test` (tests/e2e/bytes.spec.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { heavyCode, type HeavyCode, type PageType } from './budgets';

export type JsFile = { file: string; gzip: number; heavy: HeavyCode[] };
export type JsWeight = {
  executed: JsFile[];
  prefetched: JsFile[];
  executedGzip: number;
  prefetchedGzip: number;
  heavy: HeavyCode[];
};

const gzipCache = new Map<string, number>();

/** Gzip size (level 6) of a file of the build. */
export function gzipBytes(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(file), { level: 6 }).length;
    gzipCache.set(file, size);
  }
  return size;
}

/** The module manifest that plugins/bundle-modules.ts writes for the build in `buildDir`. */
export function readBundleModules(siteDir: string, buildDir: string): Record<string, string[]> {
  const key = path.relative(siteDir, path.resolve(siteDir, buildDir)).replace(/[\\/]/g, '_') || 'build';
  const file = path.join(siteDir, '.docusaurus', 'bundle-modules', `${key}.json`);
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;
}

/** Which kinds of heavy code a built file holds, from its module names. */
export function heavyIn(modules: string[]): HeavyCode[] {
  const found = new Set<HeavyCode>();
  for (const m of modules) {
    if (/node_modules\/(msw|@mswjs|@bundled-es-modules)\//.test(m)) found.add('msw');
    else if (/node_modules\/(openid-client|oauth4webapi)\//.test(m)) found.add('openid-client');
    else if (/node_modules\/jose\//.test(m)) found.add('jose');
    else if (/node_modules\/(mermaid|@mermaid-js)\//.test(m)) found.add('mermaid');
    else if (/node_modules\/(prism-react-renderer|prismjs)\//.test(m)) found.add('highlighter');
    else if (/^src\/mocks\//.test(m)) found.add('mock');
    // A widget's own code; its index.tsx is the few-byte lazy stub that the page itself holds.
    else if (/^src\/widgets\//.test(m) && !/^src\/widgets\/[^/]+\/index\.tsx$/.test(m)) found.add('widget');
  }
  return heavyCode.filter((h) => found.has(h));
}

/**
 * Loads `url` in `page` and returns the JavaScript it executed and prefetched. `ready` waits for
 * whatever the page must show before it is done (a widget's first control); then the network must
 * be idle for half a second. `buildDir` is where the served files are; `base` the site's base URL.
 */
export async function measureJs(
  page: Page,
  url: string,
  options: {
    siteDir: string;
    buildDir: string;
    base?: string;
    modules?: Record<string, string[]>;
    ready?: (page: Page) => Promise<void>;
  },
): Promise<JsWeight> {
  const base = options.base ?? '/';
  const modules = options.modules ?? readBundleModules(options.siteDir, options.buildDir);
  const toFile = (href: string): string | undefined => {
    const u = new URL(href);
    if (!u.pathname.startsWith(base) || !u.pathname.endsWith('.js')) return undefined;
    return u.pathname.slice(base.length);
  };

  await page.coverage.startJSCoverage({ resetOnNavigation: false, reportAnonymousScripts: false });
  await page.goto(url);
  await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
  if (options.ready) await options.ready(page);
  await page.waitForLoadState('networkidle');
  // Docusaurus prefetches links in view when the browser is idle.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 300))));
  await page.waitForLoadState('networkidle');
  const prefetchHrefs = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]')].map((l) => l.href),
  );
  const coverage = await page.coverage.stopJSCoverage();

  const describe = (rel: string): JsFile => ({
    file: rel,
    gzip: gzipBytes(path.join(options.buildDir, rel)),
    heavy: heavyIn(modules[rel] ?? []),
  });
  const executedSet = new Set(coverage.map((c) => toFile(c.url)).filter((f): f is string => !!f));
  const executed = [...executedSet].sort().map(describe);
  const prefetched = [...new Set(prefetchHrefs.map(toFile).filter((f): f is string => !!f))]
    .filter((f) => !executedSet.has(f))
    .sort()
    .map(describe);
  const sum = (files: JsFile[]) => files.reduce((n, f) => n + f.gzip, 0);
  return {
    executed,
    prefetched,
    executedGzip: sum(executed),
    prefetchedGzip: sum(prefetched),
    heavy: heavyCode.filter((h) => executed.some((f) => f.heavy.includes(h))),
  };
}

/** A page of the portal that the bench and the byte check measure. */
export type MeasuredPage = { type: PageType; label: string; path: string };

/** Every page under tools/ in the build's sitemap: tool pages are picked up as they land. */
export function toolPages(buildDir: string): MeasuredPage[] {
  const xml = readFileSync(path.join(buildDir, 'sitemap.xml'), 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) =>
    new URL(m[1]!).pathname.replace(/^\//, '').replace(/\/$/, ''),
  );
  return paths
    .filter((p) => p.startsWith('tools/'))
    .sort()
    .map((p) => ({ type: 'tool', label: `Tool: ${p.slice('tools/'.length)}`, path: p }));
}
