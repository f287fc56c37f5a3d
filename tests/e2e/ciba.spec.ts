// The CIBA tryout as a reader uses it: on the mock (the page's clock moved) the start with a test
// user's phone number, polls, slow_down on "Poll now", approval or denial on the simulated phone,
// a refused input before anything is sent, expired_token; on the local test tenant one approval.
import { expect, test, type Page } from '@playwright/test';
import { gotoHydrated } from './support/site';

const tool = 'tools/ciba';
const widget = (page: Page) => page.locator('[data-widget="CIBA tryout"]');
const status = (page: Page) => widget(page).locator('[data-run-status]');
const send = (page: Page) => widget(page).getByRole('button', { name: /Send (the CIBA|a new) request/ });
const phone = (page: Page) => widget(page).getByRole('region', { name: /Simulated phone/ });

test.describe('CIBA tryout against the mock', () => {
  test('pending, slow_down on “Poll now”, approval on the phone, tokens without a refresh token', async ({
    page,
  }) => {
    await page.clock.install();
    await gotoHydrated(page, `${tool}?env=mock`);
    await widget(page)
      .getByRole('textbox', { name: /binding_message/ })
      .fill('TV-1234');
    await send(page).click();
    await expect(status(page)).toContainText('auth_req_id received');
    await expect(phone(page)).toContainText('Ulv Telenormobilno (+4799957009)');
    await expect(phone(page)).toContainText('TV-1234');
    await page.clock.fastForward(5000);
    await expect(status(page)).toHaveText(
      'authorization_pending: the user has not approved yet. Next poll in 5 s.',
    );
    await widget(page).getByRole('button', { name: 'Poll now' }).click();
    await expect(status(page)).toContainText('slow_down');
    await phone(page).getByRole('button', { name: 'Approve' }).click();
    await expect(phone(page)).toContainText('You approved');
    await page.clock.fastForward(10_000);
    await expect(widget(page)).toContainText(
      'Approved: tokens after 3 polls — an access token, an ID token. Stop polling.',
    );
    await expect(widget(page).getByLabel('Tokens received (shortened)')).not.toContainText('refresh_token');
  });

  test('a decline reads as invalid_grant, as the guide says', async ({ page }) => {
    await page.clock.install();
    await gotoHydrated(page, `${tool}?env=mock&user=sol`);
    await expect(widget(page).getByLabel(/login_hint/)).toHaveValue('+4799957010');
    await send(page).click();
    await phone(page).getByRole('button', { name: 'Decline' }).click();
    await page.clock.fastForward(5000);
    await expect(widget(page).getByRole('alert')).toContainText(
      'invalid_grant: the user declined (TelenorID+ answers a declined CIBA request with invalid_grant)',
    );
  });

  test('expired_token once the request outlives requested_expiry', async ({ page }) => {
    await page.clock.install();
    await gotoHydrated(page, `${tool}?env=mock`);
    await widget(page)
      .getByRole('textbox', { name: /requested_expiry/ })
      .fill('3');
    await send(page).click();
    await expect(status(page)).toContainText('the request lives 3 s');
    await page.clock.fastForward(5000);
    await expect(widget(page).getByRole('alert')).toContainText(
      'expired_token: the CIBA request expired before the user approved it',
    );
  });

  test('an e-mail as login_hint or an expiry of 500 s is refused before anything is sent', async ({
    page,
  }) => {
    const sent: string[] = [];
    page.on('request', (r) => r.url().includes('/connect/ciba') && sent.push(r.url()));
    await gotoHydrated(page, `${tool}?env=mock`);
    const hint = widget(page).getByLabel(/login_hint/);
    await hint.fill('ulv@example.com');
    await send(page).click();
    await expect(widget(page).getByRole('alert')).toContainText(
      'login_hint must be the person’s phone number',
    );
    await expect(hint).toHaveAttribute('aria-invalid', 'true');
    await hint.fill('+4799957009');
    await widget(page)
      .getByRole('textbox', { name: /requested_expiry/ })
      .fill('500');
    await send(page).click();
    await expect(widget(page).getByRole('alert')).toContainText(
      'requested_expiry must be a whole number of seconds from 1 to 300',
    );
    expect(sent).toEqual([]);
  });
});

test.describe('CIBA tryout against the local test tenant', () => {
  test('approval on the simulated phone, then tokens', async ({ page }) => {
    await gotoHydrated(page, `${tool}?env=local`);
    await send(page).click();
    await expect(phone(page)).toContainText('Ulv Telenormobilno');
    await phone(page).getByRole('button', { name: 'Approve' }).click();
    await expect(widget(page)).toContainText(
      /Approved: tokens after \d+ polls? — an access token, an ID token/,
      { timeout: 20_000 },
    );
  });
});
