// Content features every page relies on: GFM tables, code blocks, dark mode (diagrams: diagrams.spec.ts).
import { expect, test } from '@playwright/test';
import { gotoHydrated } from './support/site';

test('a GFM table renders as an HTML table', async ({ page }) => {
  await gotoHydrated(page, 'help/glossary');
  const table = page.locator('article table').first();
  await expect(table.locator('th').first()).toHaveText('Term');
  await expect(table.locator('tbody tr')).not.toHaveCount(0);
  await expect(table.getByRole('cell', { name: 'PKCE', exact: true })).toBeVisible();
});

test('a bare URL becomes a link (GFM autolink)', async ({ page }) => {
  await gotoHydrated(page, 'help/glossary');
  await expect(page.locator('article a[href="https://openid.net/developers/specs/"]')).toBeVisible();
});

test('dark mode switches the theme and survives a reload', async ({ page }) => {
  await gotoHydrated(page, '');
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: /switch between dark and light mode/i });
  // The toggle cycles system → light → dark; click until dark.
  for (let i = 0; i < 3 && (await html.getAttribute('data-theme')) !== 'dark'; i += 1) await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test('the landing page sends each kind of reader to their part of the portal', async ({ page }) => {
  await gotoHydrated(page, '');
  await page.getByRole('link', { name: 'Open the guide' }).click();
  await expect(page).toHaveURL(/\/concepts$/);
  await gotoHydrated(page, '');
  await page.getByRole('link', { name: 'Open the tools' }).click();
  await expect(page).toHaveURL(/\/tools$/);
  await gotoHydrated(page, '');
  await page.getByRole('link', { name: 'Open the FAQ' }).click();
  await expect(page).toHaveURL(/\/faq$/);
  for (const name of ['Guide', 'FAQ', 'Tools']) {
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }),
    ).toBeVisible();
  }
});

test('code blocks are highlighted (bash, http) and have a copy button', async ({ page }) => {
  await gotoHydrated(page, 'api');
  for (const language of ['bash', 'http']) {
    const block = page.locator(`article div.language-${language}`).first();
    // The grammar loads when the block comes into view (src/theme/CodeBlock/Content), as a reader scrolls.
    await block.scrollIntoViewIfNeeded();
    await expect(block).toBeVisible();
    // prism-react-renderer wraps unhighlighted text in `.token.plain` too: a highlighted block has others.
    await expect(block.locator('.token:not(.plain)').first()).toBeAttached();
    await block.hover();
    await expect(block.getByRole('button', { name: /copy/i })).toBeVisible();
  }
});

test('code blocks arrive highlighted in the HTML and take the dark colours in dark mode', async ({
  page,
  request,
}) => {
  // Highlighted by the build (plugins/code-highlight.ts): the colours are in the page before any script.
  const html = await (await request.get('api/userinfo')).text();
  const block = /<pre[^>]*language-http[\s\S]*?<\/pre>/.exec(html)?.[0] ?? '';
  expect(block).toMatch(/<span class="?token [^>]*style="?--hl-l:#[0-9a-f]{6};--hl-d:#[0-9a-f]{6}/);

  // A reader whose system prefers dark gets the dark colours at once (no re-render needed) ...
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoHydrated(page, 'api/userinfo');
  const keyword = page.locator('article div.language-http .token.keyword').first();
  const container = page.locator('article div.language-http').first();
  const look = async () => ({
    token: await keyword.evaluate((e) => getComputedStyle(e).color),
    background: await container.evaluate((e) => getComputedStyle(e).backgroundColor),
  });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await look();
  // ... and switching to light changes both the token and the block's background.
  const toggle = page.getByRole('button', { name: /switch between dark and light mode/i });
  for (let i = 0; i < 3 && (await page.locator('html').getAttribute('data-theme')) !== 'light'; i += 1)
    await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const light = await look();
  expect(light.token).not.toBe(dark.token);
  expect(light.background).not.toBe(dark.background);
  // The block's background is the code theme's, not the page's (dracula's #282a36 in dark mode).
  expect(dark.background).toBe('rgb(40, 42, 54)');
});
