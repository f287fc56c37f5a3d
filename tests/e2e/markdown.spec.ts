// Content features every page relies on: GFM tables, code copy buttons, dark mode (diagrams: diagrams.spec.ts).
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
