// The same site built with BASE_URL=/portal/ (project `portal`): pages, assets, links,
// search and redirects all stay under /portal/.
import { expect, test } from '@playwright/test';
import { watchConsole } from './support/console';
import { gotoHydrated, sitemapPaths } from './support/site';

test('every page answers under /portal/', async ({ page }) => {
  const paths = sitemapPaths('build-portal');
  expect(paths.every((p) => p.startsWith('portal/'))).toBe(true);
  for (const path of paths) {
    const response = await page.request.get(`/${path}`);
    expect(response.status(), `/${path}`).toBe(200);
  }
});

test('the home page hydrates and its links stay under /portal/', async ({ page }) => {
  const { problems } = watchConsole(page);
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await gotoHydrated(page, './');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Guide', exact: true })
    .click();
  await expect(page).toHaveURL(/\/portal\/concepts$/);
  await expect(page.locator('h1')).toHaveText('Concepts');
  expect(failed).toEqual([]);
  expect(problems).toEqual([]);
});

test('search works under /portal/', async ({ page }) => {
  await gotoHydrated(page, './');
  await page.getByPlaceholder('Search').fill('code_verifier');
  await page
    .getByRole('listbox')
    .getByRole('option')
    .filter({ hasText: 'The flows TelenorID+ allows' })
    .first()
    .click();
  await expect(page).toHaveURL(/\/portal\/concepts\/flows/);
});

test('an old .html guide URL redirects within /portal/', async ({ page }) => {
  await page.goto('TelenorID_Plus_-_intro.html');
  await expect(page).toHaveURL(/\/portal\/concepts$/);
});

test('Markdown twins and llms.txt live under /portal/ and link there', async ({ page }) => {
  const llms = await page.request.get('llms.txt');
  expect(llms.status()).toBe(200);
  const text = await llms.text();
  const links = [...text.matchAll(/^- \[[^\]]+\]\(([^)]+)\)/gm)].map((m) => new URL(m[1]!).pathname);
  expect(links).toContain('/portal/api/token.md');
  expect(links.filter((p) => !p.startsWith('/portal/'))).toEqual([]);

  const twin = await page.request.get('api/token.md');
  expect(twin.headers()['content-type']).toBe('text/markdown; charset=utf-8');
  const md = await twin.text();
  const siteLinks = [...md.matchAll(/\]\((https?:\/\/localhost[^)]*)\)/g)].map(
    (m) => new URL(m[1]!).pathname,
  );
  expect(siteLinks.length).toBeGreaterThan(0);
  expect(siteLinks.filter((p) => !p.startsWith('/portal/'))).toEqual([]);

  const html = await (await page.request.get('api/token')).text();
  expect(html).toMatch(/<link[^>]*type="?text\/markdown"?[^>]*href="?\/portal\/api\/token\.md/);
});
