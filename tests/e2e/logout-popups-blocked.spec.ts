// The logout tryout when the browser blocks popups: the login and the logout go through this tab and
// come back to the tryout, which finishes the login and shows the proof (prompt=none answers
// login_required). The refresh token never left the page's memory, so the proof says it stayed behind.
// Afterwards no token, code or id_token_hint in the URL, either storage or the console.
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './support/console';
import { expectNoTokensLeft, logoutStatus, logoutTool, logoutWidget } from './support/logout';
import { gotoHydrated, signInIfAsked } from './support/site';

const leftBehind =
  /^Logged out\. prompt=none now answers login_required: the SSO session is gone\. The refresh token was not tried: the popup was blocked, so this tab itself went to the logout/;

async function blockPopups(page: Page) {
  await page.addInitScript(() => {
    window.open = () => null;
  });
}

/** Log in through this tab: the login page, a test user, back on the tryout with the tokens in memory. */
async function logInThroughTheTab(page: Page) {
  await logoutWidget(page)
    .getByRole('button', { name: /^Log in/ })
    .click();
  await signInIfAsked(page, { popup: false });
  await expect(logoutStatus(page)).toHaveText(/Logged in as Ulv/, { timeout: 20_000 });
}

for (const env of ['mock', 'local'] as const) {
  test(`${env}: popups blocked — the login and the logout go through this tab, and the proof comes back`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const { problems } = watchConsole(page);
    const logged: string[] = [];
    page.on('console', (m) => logged.push(m.text()));
    await blockPopups(page);
    await gotoHydrated(page, `${logoutTool}?env=${env}`);
    await logInThroughTheTab(page);
    await expect(page).toHaveURL(/\/tools\/logout\/?\?env=[a-z]+#logout-tryout$/);
    await expect(logoutWidget(page).getByRole('list', { name: "The login's requests" })).toContainText(
      'Code exchange at /token',
    );

    await logoutWidget(page).getByRole('button', { name: 'Log out' }).click();
    await expect(logoutStatus(page)).toHaveText(leftBehind, { timeout: 30_000 });
    // Focus is on the result the reader came back for.
    await expect(logoutStatus(page)).toBeFocused();
    const requests = logoutWidget(page).getByRole('list', { name: "The logout's requests" });
    await expect(requests).toContainText('302 → post_logout_redirect_uri with the state sent');
    await expect(requests).toContainText('error=login_required');
    // The logout's URL and curl carry a placeholder for the hint, never the ID token.
    await expect(requests).toContainText('id_token_hint');
    await expect(requests).not.toContainText('eyJ');
    await expect(logoutWidget(page).getByRole('button', { name: 'Log out' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await expectNoTokensLeft(page, logged);
    expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toContain(
      'tidp.login-round-trip',
    );
    expect(problems).toEqual([]);
  });
}

test('popups blocked and no post_logout_redirect_uri: nothing would send the tab back, so it stays and says so', async ({
  page,
}) => {
  await blockPopups(page);
  await gotoHydrated(page, `${logoutTool}?env=mock&method=end_session&return=white_page`);
  await logInThroughTheTab(page);
  const here = page.url();
  await logoutWidget(page).getByRole('button', { name: 'Log out' }).click();
  await expect(logoutWidget(page).getByTestId('logout-failure')).toHaveText(
    /^The popup was blocked, and without a post_logout_redirect_uri the provider’s page never sends this tab back/,
  );
  expect(page.url()).toBe(here);
  // Still logged in: the reader can allow popups, or choose the way back to the app, and log out.
  await expect(logoutWidget(page).getByRole('button', { name: 'Log out' })).not.toHaveAttribute(
    'aria-disabled',
    'true',
  );
});

test('while the tab is at the logout, what the tryout keeps holds no token: the hint is a placeholder, no refresh token', async ({
  page,
}) => {
  await blockPopups(page);
  await gotoHydrated(page, `${logoutTool}?env=mock`);
  await logInThroughTheTab(page);
  // Stand in for the mock's logout page: show what this tab stored before it left.
  await page.route('**/mock/logout/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><pre id="kept"></pre><script>document.getElementById("kept").textContent = sessionStorage.getItem("tidp.login-round-trip") ?? "nothing";</script>',
    }),
  );
  await logoutWidget(page).getByRole('button', { name: 'Log out' }).click();
  const kept = page.locator('#kept');
  await expect(kept).toContainText('"widget":"logout tryout"');
  const text = (await kept.textContent()) ?? '';
  expect(text).toContain('id_token_hint=%3Cid_token_hint%3E');
  expect(text).not.toContain('eyJ');
  expect(text).not.toContain('mock-rt-');
});
