// Helpers shared by the e2e specs: the built site's URLs and "page is ready" waits.
import { existsSync, readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** Paths (relative to baseUrl, no leading slash) of every page in build/sitemap.xml. */
export function sitemapPaths(buildDir = 'build'): string[] {
  const file = `${buildDir}/sitemap.xml`;
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run build\` before the e2e tests (npm test does both).`);
  }
  const xml = readFileSync(file, 'utf8');
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  if (locs.length === 0) throw new Error(`${file} lists no pages.`);
  return locs.map((p) => p.replace(/^\//, ''));
}

export async function gotoHydrated(page: Page, path: string): Promise<number> {
  const response = await page.goto(path);
  await expect(page.locator('html[data-has-hydrated="true"]')).toBeAttached();
  return response?.status() ?? 0;
}
