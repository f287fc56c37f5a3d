// axe after each widget has run, in light and in dark (issue #23): the sitemap walk runs axe on each
// page as it loads, when the widgets show nothing but their controls; the colours, tables and
// messages of a result (striped and "different" rows, verdicts, the search list) only exist after a
// run. One page per widget: run it once, then check it in both themes. Serious and critical fail.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { gotoHydrated, signInIfAsked } from './support/site';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Serious or critical violations inside `selector`, in `theme` (switched in place: same state). */
async function violations(page: Page, selector: string, theme: 'light' | 'dark'): Promise<string[]> {
  // Infima animates colours: no transitions, so axe judges the theme's colours, not a blend.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  await page.evaluate((t) => {
    document.documentElement.dataset.theme = t;
  }, theme);
  const axe = await new AxeBuilder({ page }).include(selector).withTags(tags).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${theme}: ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function expectClean(page: Page, selector: string) {
  expect([
    ...(await violations(page, selector, 'light')),
    ...(await violations(page, selector, 'dark')),
  ]).toEqual([]);
}

async function viaPopup(page: Page, click: () => Promise<void>) {
  const popupPromise = page.waitForEvent('popup');
  await click();
  const popup = await popupPromise;
  // The login screen shows without a session: pick the first test user.
  await signInIfAsked(popup);
  if (!popup.isClosed()) await popup.waitForEvent('close', { timeout: 30_000 });
}

test.describe('axe after a run, light and dark', () => {
  test('discovery explorer: the mock explored, then compared with the local tenant', async ({ page }) => {
    test.setTimeout(120_000); // axe walks the long field and compare tables, twice
    const widget = '[data-widget="discovery explorer"]';
    await gotoHydrated(page, 'tools/discovery-explorer?env=mock');
    await page.locator(widget).getByRole('button', { name: 'Explore' }).click();
    await expect(page.locator(widget).getByRole('status').first()).toHaveText(/^Valid/);
    const section = page.getByRole('region', { name: 'Compare two environments' });
    await section.getByRole('combobox', { name: 'Left: environment' }).selectOption('mock');
    await section.getByRole('combobox', { name: 'Right: environment' }).selectOption('local');
    await section.getByRole('button', { name: 'Compare' }).click();
    await expect(section.getByRole('table')).toBeVisible({ timeout: 20_000 });
    await expect(section.locator('tr[class*="different"]').first()).toBeVisible();
    await expectClean(page, widget);
  });

  test('scope builder: after a run on the mock', async ({ page }) => {
    test.setTimeout(120_000);
    const widget = '[data-widget="scope builder"]';
    await gotoHydrated(page, 'tools/scope-builder?env=mock');
    const run = page.locator(widget).getByRole('button', { name: 'Run', exact: true });
    await expect(page.locator(widget).getByLabel('Authorization URL', { exact: true })).toHaveValue(
      /^https?:/,
      {
        timeout: 20_000,
      },
    );
    await viaPopup(page, () => run.click());
    await expect(page.locator(widget).getByRole('region', { name: 'Run' }).getByRole('status')).toHaveText(
      /^Done: tokens received/,
      { timeout: 30_000 },
    );
    await expectClean(page, widget);
  });

  test('prompt=none tryout: a session found in a hidden iframe', async ({ page }) => {
    const widget = '[data-widget="prompt=none tryout"]';
    await gotoHydrated(page, 'tools/silent-auth?env=mock&session=on&mode=iframe');
    const status = page.locator(widget).getByRole('status');
    await expect(page.locator(widget).getByRole('switch', { name: /SSO session/ })).toBeChecked();
    await page.locator(widget).getByRole('button', { name: 'Check session (prompt=none)' }).click();
    await expect(status).not.toHaveText('', { timeout: 20_000 });
    await expectClean(page, widget);
  });

  test('refresh simulator: logged in, then a revoked refresh token', async ({ page }) => {
    const widget = page.locator('[data-widget="refresh-error simulator"]');
    await gotoHydrated(page, 'tools/refresh-simulator?env=mock');
    await widget.locator('input[type="radio"][value="PublicWithRefresh"]').check();
    await viaPopup(page, () => widget.getByRole('button', { name: 'Log in with offline_access' }).click());
    await expect(widget.getByRole('status')).toHaveText(/^200 OK — logged in/, { timeout: 20_000 });
    await widget
      .getByRole('button', { name: /^Cause it: / })
      .first()
      .click();
    await expect(widget.getByRole('status')).toHaveText(/^400 invalid_grant/, { timeout: 20_000 });
    await expectClean(page, '[data-widget="refresh-error simulator"]');
  });

  test('search: the list open with a highlighted suggestion', async ({ page }) => {
    await gotoHydrated(page, 'api/userinfo');
    await page.getByRole('combobox', { name: 'Search' }).fill('invalid_grant');
    await expect(page.getByRole('option').filter({ hasText: 'invalid_grant' }).first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expectClean(page, '[role="search"]');
  });

  test('environment picker: a refused custom issuer', async ({ page }) => {
    await gotoHydrated(page, 'api/userinfo?env=mock');
    await page.getByRole('combobox', { name: 'Environment' }).selectOption('custom');
    const issuer = page.getByRole('textbox', { name: 'Issuer URL' });
    await issuer.fill('http://issuer.example');
    await issuer.press('Enter');
    await expect(page.getByRole('alert')).toContainText('Not used');
    await expectClean(page, '.navbar [data-environment]');
  });
});
