// Issue #20 item 7: an environment chosen by a link (`?env=local`) holds for the whole visit — on
// every next page, in the picker and in the widgets — without overwriting the reader's own choice.
import { expect, test, type Page } from '@playwright/test';
import { gotoHydrated } from './support/site';

function picker(page: Page) {
  return page.getByRole('combobox', { name: 'Environment', exact: true });
}

test('a link’s ?env=local holds on the next pages of the visit, and the reader’s own choice stays', async ({
  page,
  context,
}) => {
  await gotoHydrated(page, '');
  await picker(page).selectOption('staging'); // the reader's own, remembered choice
  await gotoHydrated(page, 'api/discovery?env=local');
  await expect(picker(page)).toHaveValue('local');

  // The next page, loaded afresh (a new page load, not only client-side routing).
  await gotoHydrated(page, 'tools/scope-builder');
  await expect(picker(page)).toHaveValue('local');
  await expect(page.getByTestId('environment-line')).toContainText('Local test tenant');
  await expect(page.getByRole('textbox', { name: 'client_id' })).toHaveValue('local-public');

  // And by a link in the page (client-side routing).
  await page.getByRole('link', { name: 'Discovery explorer' }).first().click();
  await expect(page).toHaveURL(/discovery-explorer/);
  await expect(picker(page)).toHaveValue('local');

  expect(await page.evaluate(() => localStorage.getItem('tidp.environment'))).toBe('{"id":"staging"}');

  // A new visit (another tab) starts from the reader's own choice again.
  const next = await context.newPage();
  await gotoHydrated(next, '');
  await expect(picker(next)).toHaveValue('staging');

  // Choosing in the picker ends the link's choice for the visit and is remembered.
  await picker(page).selectOption('mock');
  await gotoHydrated(page, 'tools/scope-builder');
  await expect(picker(page)).toHaveValue('mock');
});
