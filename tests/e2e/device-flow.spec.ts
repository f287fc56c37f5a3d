// The device flow tryout as a reader uses it: on the mock (the page's clock moved, never waited for)
// the user code, the polls at the interval, "Poll now" earning slow_down, approval and denial on the
// mock's verification page in another tab, tokens; on the local test tenant the same round on its
// real verification pages. And the house rules: no code or token in the URL, storage or console.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { gotoHydrated } from './support/site';

const tool = 'tools/device-flow';
const widget = (page: Page) => page.locator('[data-widget="device flow tryout"]');
const status = (page: Page) => widget(page).locator('[data-run-status]');
const startButton = (page: Page) =>
  widget(page).getByRole('button', { name: /Start (the device flow|again)/ });

async function openVerification(context: BrowserContext, page: Page): Promise<Page> {
  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    widget(page).getByRole('link', { name: 'Open the verification page in a new tab' }).click(),
  ]);
  await tab.waitForLoadState('domcontentloaded');
  return tab;
}

async function expectNoLeaks(page: Page, logged: string[]) {
  expect(page.url()).not.toMatch(/device_code|user_code|access_token/);
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  expect(stored).not.toContain('eyJ');
  expect(stored).not.toContain('mock-dc-');
  expect(logged.join('\n')).not.toContain('eyJ');
}

test.describe('device flow tryout against the mock', () => {
  test('pending at the interval, slow_down on “Poll now”, approval in another tab, tokens', async ({
    page,
    context,
  }) => {
    const logged: string[] = [];
    page.on('console', (m) => logged.push(m.text()));
    await page.clock.install();
    await gotoHydrated(page, `${tool}?env=mock`);
    await startButton(page).click();
    await expect(status(page)).toContainText('First poll in 5 s; the code lives 30 min.');
    const code =
      (await widget(page)
        .getByLabel(/^User code/)
        .textContent()) ?? '';
    expect(code).toMatch(/^\d{3}-\d{3}-\d{3}$/);

    await page.clock.fastForward(5000);
    await expect(status(page)).toHaveText(
      'authorization_pending: the user has not approved yet. Next poll in 5 s.',
    );
    await widget(page).getByRole('button', { name: 'Poll now' }).click();
    await expect(status(page)).toContainText('slow_down: you polled sooner than the interval allows');
    await expect(status(page)).toContainText('every 10 s from now on');

    const tab = await openVerification(context, page);
    await expect(tab.getByLabel('User code')).toHaveValue(code);
    await tab.getByRole('radio', { name: /Sol Vilde/ }).check();
    await tab.getByRole('button', { name: 'Approve' }).click();
    await expect(tab.locator('#device-result')).toHaveText(/^Done: the device is signed in at its next poll/);
    await tab.close();

    await page.clock.fastForward(10_000);
    await expect(widget(page)).toContainText(
      'Approved: tokens after 3 polls — an access token, an ID token, a refresh token. Stop polling.',
    );
    await expect(widget(page).getByLabel('Tokens received (shortened)')).toContainText(
      'openid profile offline_access',
    );
    await expect(widget(page).getByText('Sol Vilde', { exact: false }).first()).toBeAttached();
    await expectNoLeaks(page, logged);
  });

  test('a declined request ends in access_denied, linked to the error reference', async ({
    page,
    context,
  }) => {
    await page.clock.install();
    await gotoHydrated(page, `${tool}?env=mock`);
    await startButton(page).click();
    await expect(status(page)).toContainText('First poll in 5 s');
    const tab = await openVerification(context, page);
    await tab.getByRole('button', { name: 'Decline' }).click();
    await expect(tab.locator('#device-result')).toHaveText(/^Declined/);
    await page.clock.fastForward(5000);
    const alert = widget(page).getByRole('alert');
    await expect(alert).toContainText('access_denied: the user declined. Nothing was granted');
    await expect(alert.getByRole('link', { name: /access_denied/ })).toHaveAttribute(
      'href',
      /errors#access_denied/,
    );
  });

  test('after 30 minutes without an answer: invalid_grant, as TelenorID+ answers an expired device code', async ({
    page,
  }) => {
    await page.clock.install();
    await gotoHydrated(page, `${tool}?env=mock`);
    await startButton(page).click();
    await expect(status(page)).toContainText('the code lives 30 min');
    await page.clock.fastForward('30:01');
    await expect(widget(page).getByRole('alert')).toContainText(
      'invalid_grant: the device request expired before the user approved it (TelenorID+ answers an expired device code with invalid_grant, not expired_token)',
    );
  });

  test('a mistyped code on the verification page is refused with a sentence', async ({ page, context }) => {
    await gotoHydrated(page, `${tool}?env=mock`);
    await startButton(page).click();
    await expect(status(page)).toContainText('First poll in 5 s');
    const tab = await openVerification(context, page);
    await tab.getByLabel('User code').fill('000-000-000');
    await tab.getByRole('button', { name: 'Approve' }).click();
    await expect(tab.locator('#device-result')).toHaveText(/^No device is waiting for this code here/);
  });

  test('a shared link restores the scope, and carries no code', async ({ page }) => {
    await gotoHydrated(page, `${tool}?env=mock&scope=openid%20email&device_code=abc`);
    await expect(widget(page).getByRole('textbox', { name: /scope/ })).toHaveValue('openid email');
  });
});

test.describe('device flow tryout against the local test tenant', () => {
  test('its verification pages: code prefilled, confirm, log in as a test user; then tokens', async ({
    page,
    context,
  }) => {
    await gotoHydrated(page, `${tool}?env=local`);
    await startButton(page).click();
    await expect(status(page)).toContainText('First poll in 5 s');
    const tab = await openVerification(context, page);
    await tab.getByRole('button', { name: 'Approve and log in' }).click();
    await tab.getByRole('list', { name: 'Test users' }).getByRole('button').first().click();
    await expect(tab.getByRole('heading', { name: 'Device connected' })).toBeVisible();
    await tab.close();
    // Real time on the tenant: the next poll comes at the interval (5 s), as a device's would.
    await expect(widget(page)).toContainText(
      /Approved: tokens after \d+ polls? — an access token, an ID token, a refresh token/,
      {
        timeout: 20_000,
      },
    );
  });
});
