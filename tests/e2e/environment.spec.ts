// The site-wide environment switch: default, remembered, overridden by a link, custom issuers checked,
// and no hydration trouble (the choice is read after hydration).
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './support/console';
import { gotoHydrated } from './support/site';

const storageKey = 'tidp.environment';

function picker(page: Page) {
  return page.getByRole('combobox', { name: 'Environment' });
}

/** The picker's wrapper says which environment the context holds (after hydration). */
function current(page: Page) {
  return page.locator('[data-environment]:visible').first();
}

test('defaults to Mock', async ({ page }) => {
  const { problems } = watchConsole(page);
  await gotoHydrated(page, '');
  await expect(picker(page)).toHaveValue('mock');
  await expect(current(page)).toHaveAttribute('data-environment', 'mock');
  expect(problems).toEqual([]);
});

test('remembers a choice across reloads, in localStorage', async ({ page }) => {
  await gotoHydrated(page, '');
  await picker(page).selectOption('local');
  await expect(current(page)).toHaveAttribute('data-environment', 'local');
  expect(await page.evaluate((key) => localStorage.getItem(key), storageKey)).toBe('{"id":"local"}');
  await page.reload();
  await expect(page.locator('html[data-has-hydrated="true"]')).toBeAttached();
  await expect(picker(page)).toHaveValue('local');
});

test('?env= overrides the remembered choice for the visit, without storing it', async ({ page, context }) => {
  const { problems } = watchConsole(page);
  await gotoHydrated(page, '');
  await picker(page).selectOption('local');
  await gotoHydrated(page, '?env=staging');
  await expect(picker(page)).toHaveValue('staging');
  await expect(picker(page)).toHaveAttribute('title', /https:\/\/id-test\.telenor\.no/);
  expect(await page.evaluate((key) => localStorage.getItem(key), storageKey)).toBe('{"id":"local"}');
  // The link's choice holds for the visit (issue #20); another tab starts from the reader's own.
  await gotoHydrated(page, '');
  await expect(picker(page)).toHaveValue('staging');
  const other = await context.newPage();
  await gotoHydrated(other, '');
  await expect(picker(other)).toHaveValue('local');
  expect(problems, 'no hydration or console error').toEqual([]);
});

test('a shared custom issuer link reproduces the custom environment', async ({ page }) => {
  await gotoHydrated(page, `?env=custom&issuer=${encodeURIComponent('https://id-test.telenor.no')}`);
  await expect(current(page)).toHaveAttribute('data-environment', 'custom');
  await expect(picker(page)).toHaveAttribute(
    'title',
    'Custom issuer id-test.telenor.no: https://id-test.telenor.no',
  );
  await page.getByRole('button', { name: 'Change issuer' }).click();
  await expect(page.getByRole('textbox', { name: 'Issuer URL' })).toHaveValue('https://id-test.telenor.no');
});

test('a shared link with a refused custom issuer says why, and keeps Mock', async ({ page }) => {
  await gotoHydrated(page, `?env=custom&issuer=${encodeURIComponent('http://example.com')}`);
  await expect(page.getByRole('alert')).toContainText('loopback');
  await expect(current(page)).toHaveAttribute('data-environment', 'mock');
});

test('refuses a plain-http custom issuer off loopback, with a sentence; accepts https', async ({ page }) => {
  await gotoHydrated(page, '');
  await picker(page).selectOption('custom');
  const input = page.getByRole('textbox', { name: 'Issuer URL' });
  await input.fill('http://example.com');
  await page.getByRole('button', { name: 'Use' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Not used:');
  await expect(alert).toContainText('loopback');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(current(page)).toHaveAttribute('data-environment', 'mock');

  await input.fill('http://localhost:9999');
  await page.getByRole('button', { name: 'Use' }).click();
  await expect(current(page)).toHaveAttribute('data-environment', 'custom');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(input).toBeHidden();

  await page.getByRole('button', { name: 'Change issuer' }).click();
  await input.fill('https://id.example');
  await page.getByRole('button', { name: 'Use' }).click();
  await expect(picker(page)).toHaveAttribute('title', 'Custom issuer id.example: https://id.example');
});

test('works in the mobile navbar sidebar', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await gotoHydrated(page, '');
  await page.getByRole('button', { name: /toggle navigation bar/i }).click();
  const select = picker(page);
  await expect(select).toBeVisible();
  await select.selectOption('production');
  await expect(select).toHaveValue('production');
});
