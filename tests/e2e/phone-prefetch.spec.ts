// On a phone the closed menu is off screen, and its links must not be prefetched on load (issue #19):
// Infima parks the menu exactly at the viewport's left edge, which an IntersectionObserver counts as
// in view, so Docusaurus prefetched every route of the menu (~375 <link rel="prefetch"> on
// /api/userinfo, each with a route lookup on the main thread; Lighthouse's blocking time). Once the
// reader opens the menu its links prefetch as any link in view does.
import { expect, test, type Page } from '@playwright/test';
import { gotoHydrated } from './support/site';

const prefetched = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('link[rel="prefetch"]').length);

/** Docusaurus prefetches links in view when the browser is idle. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 300))));

test('a phone prefetches the closed menu’s links only once the menu opens', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await gotoHydrated(page, 'api/userinfo');
  await page.waitForLoadState('networkidle');
  await settle(page);
  const onLoad = await prefetched(page);
  // The page's own links in view (breadcrumbs, the navbar's home link, its text): ~53 files.
  expect(onLoad, 'the closed menu’s links were prefetched on load').toBeLessThan(120);

  await page.getByRole('button', { name: 'Toggle navigation bar' }).click();
  const menu = page.locator('.navbar-sidebar');
  await expect(menu.getByRole('link', { name: 'Userinfo' })).toBeVisible();
  await expect(menu).toHaveCSS('transform', 'matrix(1, 0, 0, 1, 0, 0)'); // fully in, not 1 px short
  await settle(page);
  expect(await prefetched(page), 'the open menu’s links are prefetched').toBeGreaterThan(onLoad);
});
