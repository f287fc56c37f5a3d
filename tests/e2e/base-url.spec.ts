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

test('the round-trip pages (mock authorize and logout, callback) live under /portal/ with their scripts', async ({
  page,
}) => {
  for (const path of ['mock/authorize/', 'mock/logout/', 'callback/']) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    // Each page's script is inline; the one file it may load (the callback's arrival script) is under /portal/.
    expect(html, path).toContain('<script>');
    expect(html, path).toContain('data-base-url="/portal/"');
    for (const [, url] of html.matchAll(/import\("([^"]+)"\)/g))
      expect(url, path).toMatch(/^\/portal\/assets\/round-trip\//);
  }
  await page.goto('callback/?code=SplxlOBeZQQYbYS6WxSbIA-portal&state=xyz');
  await expect(page.getByRole('status')).toContainText('No login started in this tab');
  await page.getByRole('link', { name: 'How the code exchange works' }).click();
  await expect(page).toHaveURL(/\/portal\/api\/token$/);
});

test('a scope builder login under /portal/ passes through the static mock pages and returns tokens', async ({
  page,
}) => {
  const { problems } = watchConsole(page);
  await gotoHydrated(page, 'tools/scope-builder?env=mock');
  const widget = page.locator('[data-widget="scope builder"]');
  await expect(widget.getByLabel('Authorization URL', { exact: true })).toHaveValue(
    /^http:\/\/[^/]+\/portal\/mock\/authorize\/\?/,
  );
  const popupPromise = page.waitForEvent('popup');
  await widget.getByRole('button', { name: 'Run', exact: true }).click();
  const popup = await popupPromise;
  await popup.getByRole('list', { name: 'Test users' }).getByRole('button').first().click();
  if (!popup.isClosed()) await popup.waitForEvent('close');
  await expect(widget.getByRole('region', { name: 'Run', exact: true }).getByRole('status')).toHaveText(
    /^Done: tokens received/,
  );
  expect(problems).toEqual([]);
});
