// The refresh simulator's test clock (issue #18's clock, driven by the simulator): a jump under the
// timeline makes a lifetime run out at once and the next Refresh answers invalid_grant; the offset is
// on the page, and "Back to real time" resets it. On the mock only: the local tenant is shared by every
// e2e test, so its clock is jumped in Vitest (tests/unit/refresh-causes.test.ts), never here.
import { expect, test, type Page } from '@playwright/test';
import { gotoHydrated, signInIfAsked } from './support/site';

const widget = (page: Page) => page.locator('[data-widget="refresh-error simulator"]');
const status = (page: Page) => widget(page).getByRole('status');
const clock = (page: Page) => widget(page).getByRole('group', { name: 'Test clock' });

async function logIn(page: Page, clientType: string) {
  await widget(page).locator(`input[type="radio"][value="${clientType}"]`).check();
  const popup = page.waitForEvent('popup');
  await widget(page).getByRole('button', { name: 'Log in with offline_access' }).click();
  await signInIfAsked(await popup);
  await expect(status(page)).toHaveText(/^200 OK — logged in as \w+; a refresh token was issued\./);
}

test('a jump of the mock’s clock expires the refresh token at once; the page shows it, and goes back to real time', async ({
  page,
}) => {
  await gotoHydrated(page, 'tools/refresh-simulator?env=mock');
  await expect(clock(page)).toContainText('real time unless you moved it');
  await logIn(page, 'PublicWithRefresh');
  await expect(clock(page).getByTestId('clock-offset')).toHaveText('real time');

  await test.step('+10 min: the sliding 10-minute refresh token was not used in time, so it is refused', async () => {
    await clock(page).getByRole('button', { name: '+10 min' }).click();
    await expect(clock(page).getByTestId('clock-offset')).toHaveText('10 min 1 s ahead of real time');
    await expect(clock(page)).toContainText('Moved +10 min: a PublicWeb refresh token (10 minutes)');
    await widget(page).getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(status(page)).toHaveText(/^400 invalid_grant — The refresh token has expired\./);
    await expect(widget(page)).toContainText('Treat the user as logged out: drop the tokens');
  });

  await test.step('back to real time', async () => {
    await clock(page).getByRole('button', { name: 'Back to real time' }).click();
    await expect(clock(page).getByTestId('clock-offset')).toHaveText('real time');
    await expect(clock(page)).toContainText('Back to real time. Tokens already judged expired stay dead');
  });
});

test('a Confidential token outlives +10 min and +1 h but not +14 days (fixed lifetime)', async ({ page }) => {
  await gotoHydrated(page, 'tools/refresh-simulator?env=mock');
  await logIn(page, 'Confidential');
  await clock(page).getByRole('button', { name: '+1 h' }).click();
  await expect(clock(page).getByTestId('clock-offset')).toHaveText('1 h 1 s ahead of real time');
  await widget(page).getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(status(page)).toHaveText(/^200 OK — new tokens; the refresh token was not rotated/);
  await clock(page).getByRole('button', { name: '+14 days' }).click();
  await expect(clock(page).getByTestId('clock-offset')).toHaveText(/^14 days 1 h 2 s ahead of real time$/);
  await widget(page).getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(status(page)).toHaveText(/^400 invalid_grant — The refresh token has expired\./);
});

test('on the local tenant, cause 1 can jump the clock instead of waiting, and a share link keeps that choice', async ({
  page,
}) => {
  await gotoHydrated(page, 'tools/refresh-simulator?env=local&client=Confidential&time=jump');
  const choice = clock(page).getByRole('checkbox', { name: /Cause 1 jumps this clock/ });
  await expect(choice).toBeChecked();
  const expired = widget(page).getByRole('listitem').filter({ hasText: 'Expired under its policy' });
  await expect(expired).toContainText('Jumps the tenant’s test clock one second past the policy’s lifetime');
  // Jumping works on the tokens held: without a login there is nothing to expire.
  await expect(expired).toContainText('Log in first.');
  await choice.uncheck();
  await expect(expired).toContainText('Logs in with the short-lived twin client');
});
