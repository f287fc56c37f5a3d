// Reflow at 320 CSS px (WCAG 1.4.10, issue #23): every tool page in the sitemap, with its widget on
// screen (and the discovery explorer's result and comparison, whose tables only exist after a run).
// The page never scrolls sideways, and no table squeezes its columns until each cell holds a
// character per line (the comparison table was 26,622 px tall): a wide table scrolls inside its own
// region instead. One browser page, one step per tool page.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { toolPages } from '../../scripts/bench/js-weight';
import { gotoHydrated } from './support/site';

/** A table row taller than this, on average, is a table squeezed to a character per line. */
const maxAverageRowPx = 200;

async function expectReflows(page: Page, where: string) {
  const { scrollWidth, tables } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    tables: [...document.querySelectorAll('main table')].map((t) => ({
      name:
        t.getAttribute('aria-label') ?? t.closest('[aria-label]')?.getAttribute('aria-label') ?? 'a table',
      height: Math.round(t.getBoundingClientRect().height),
      rows: t.querySelectorAll('tr').length,
    })),
  }));
  expect.soft(scrollWidth, `${where}: the page scrolls sideways at 320 px`).toBeLessThanOrEqual(320);
  for (const t of tables) {
    expect
      .soft(t.height, `${where}: "${t.name}" is ${t.height} px tall for ${t.rows} rows`)
      .toBeLessThanOrEqual(Math.max(t.rows, 1) * maxAverageRowPx);
  }
}

test('every tool page reflows at 320 px', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 320, height: 800 });
  const tools = toolPages(path.join(process.cwd(), 'build'));
  expect(tools.length).toBeGreaterThan(0);
  for (const tool of tools) {
    await test.step(`/${tool.path}`, async () => {
      await gotoHydrated(page, `${tool.path}?env=mock`);
      const widget = page.locator('[data-widget]').first();
      await expect(widget.getByRole('button').first()).toBeVisible({ timeout: 20_000 });
      if (tool.path === 'tools/discovery-explorer') {
        await widget.getByRole('button', { name: 'Explore' }).click();
        await expect(widget.getByRole('status').first()).toHaveText(/^Valid/);
        const section = widget.getByRole('region', { name: 'Compare two environments' });
        await section.getByRole('combobox', { name: 'Left: environment' }).selectOption('mock');
        await section.getByRole('combobox', { name: 'Right: environment' }).selectOption('local');
        await section.getByRole('button', { name: 'Compare' }).click();
        await expect(section.getByRole('table')).toBeVisible({ timeout: 20_000 });
      }
      if (tool.path === 'tools/scope-builder') {
        await expect(widget.getByRole('table', { name: 'Parameters of the authorization URL' })).toBeVisible({
          timeout: 20_000,
        });
      }
      await expectReflows(page, `/${tool.path}`);
    });
  }
});
