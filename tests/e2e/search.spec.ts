// Offline search: the local index finds pages by their words, and nothing leaves the site's origin.
import { expect, test } from '@playwright/test';
import { watchOrigins } from './support/console';
import { gotoHydrated } from './support/site';

test('search finds a page by a term in its body, without leaving the origin', async ({ page, baseURL }) => {
  const { foreign } = watchOrigins(page, new URL(baseURL!).origin);
  await gotoHydrated(page, '');
  const box = page.getByPlaceholder('Search');
  await box.fill('code_verifier');
  const hit = page
    .getByRole('listbox')
    .getByRole('option')
    .filter({ hasText: 'The flows TelenorID+ allows' });
  await expect(hit.first()).toBeVisible();
  await hit.first().click();
  await expect(page).toHaveURL(/\/concepts\/flows/);
  // The searched word is highlighted on the page the result opens (mark.js, loaded only now: issue #9).
  await expect(page.locator('article mark').first()).toHaveText(/code_verifier/i);
  expect(foreign).toEqual([]);
});
