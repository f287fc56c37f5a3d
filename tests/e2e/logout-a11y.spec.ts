// The logout tryout by keyboard only, and axe after its run in light and dark (issue #23's rules for a
// new widget, in a spec of its own): focus stays on the pressed button through both popups, and the
// verdict is announced in the status region.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loggedOutVerdict, logoutStatus, logoutTool, logoutWidget } from './support/logout';
import { gotoHydrated, pressInClosingWindow } from './support/site';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function seriousViolations(page: Page, theme: 'light' | 'dark'): Promise<string[]> {
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  await page.evaluate((t) => {
    document.documentElement.dataset.theme = t;
  }, theme);
  const axe = await new AxeBuilder({ page })
    .include('[data-widget="logout tryout"]')
    .withTags(tags)
    .analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${theme}: ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('log in and out by keyboard only; the result passes axe in light and dark', async ({ page }) => {
  await gotoHydrated(page, logoutTool);
  const login = logoutWidget(page).getByRole('button', { name: 'Log in' });
  await login.focus();
  const popupPromise = page.waitForEvent('popup');
  await page.keyboard.press('Enter');
  const popup = await popupPromise;
  // The mock's login screen focuses its first test user: Enter picks it, and the window closes.
  await popup.getByRole('list', { name: 'Test users' }).getByRole('button').first().waitFor();
  await pressInClosingWindow(popup, 'Enter');
  await expect(logoutStatus(page)).toHaveText(/^Logged in as Ulv/, { timeout: 20_000 });
  await expect(logoutWidget(page).getByRole('button', { name: 'Log in again' })).toBeFocused();

  await page.keyboard.press('Tab');
  const logout = logoutWidget(page).getByRole('button', { name: 'Log out' });
  await expect(logout).toBeFocused();
  const closed = page.waitForEvent('popup').then((p) => p.waitForEvent('close', { timeout: 30_000 }));
  await page.keyboard.press('Enter');
  await closed;
  await expect(logoutStatus(page)).toHaveText(loggedOutVerdict, { timeout: 20_000 });
  // Focus is where the reader acted (the Log out button, now waiting for a new login).
  await expect(logout).toBeFocused();
  await expect(logout).toHaveAttribute('aria-disabled', 'true');

  expect([...(await seriousViolations(page, 'light')), ...(await seriousViolations(page, 'dark'))]).toEqual(
    [],
  );
});
