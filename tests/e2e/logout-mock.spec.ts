// The logout tryout against the mock TelenorID+ (issue #18): RP-initiated logout back to the app and to
// the white page, the custom logout of a native app from a share link, and the mock logout page's
// sentences for what it refuses. Afterwards no token in the URL, storage or console.
import { expect, test } from '@playwright/test';
import { watchConsole } from './support/console';
import {
  expectNoTokensLeft,
  logInForLogout,
  logOut,
  loggedOutVerdict,
  logoutStatus,
  logoutTool,
  logoutWidget,
  unexpectedProblems,
} from './support/logout';
import { gotoHydrated } from './support/site';

test('end_session back to the app: the state returns, prompt=none says login_required, the refresh token dies', async ({
  page,
}) => {
  const { problems } = watchConsole(page);
  const logged: string[] = [];
  page.on('console', (m) => logged.push(m.text()));
  await gotoHydrated(page, logoutTool);
  await logInForLogout(page);
  await expect(logoutWidget(page).getByRole('list', { name: "The login's requests" })).toContainText(
    'Code exchange at /token',
  );
  await logOut(page);
  await expect(logoutStatus(page)).toHaveText(loggedOutVerdict, { timeout: 20_000 });
  const requests = logoutWidget(page).getByRole('list', { name: "The logout's requests" });
  await expect(requests).toContainText('Logout at end_session_endpoint');
  await expect(requests).toContainText('302 → post_logout_redirect_uri with the state sent');
  await expect(requests).toContainText('error=login_required');
  await expect(requests).toContainText('invalid_grant');
  // The curl of the logout carries a placeholder, never the ID token.
  await expect(requests).not.toContainText('eyJ');
  // The tokens are gone with the logout: Log out waits for a new login.
  await expect(logoutWidget(page).getByRole('button', { name: 'Log out' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expectNoTokensLeft(page, logged);
  expect(unexpectedProblems(problems, 1)).toEqual([]);
});

test('without a post_logout_redirect_uri the user stays on “You are now logged out”; the session is gone all the same', async ({
  page,
}) => {
  await gotoHydrated(page, `${logoutTool}?method=end_session&return=white_page`);
  await expect(logoutWidget(page).getByRole('radio', { name: /Without one/ })).toBeChecked();
  await logInForLogout(page);
  await logOut(page, { popup: true, closeWhitePage: /You are now logged out/ });
  await expect(logoutStatus(page)).toHaveText(loggedOutVerdict, { timeout: 20_000 });
  await expect(logoutWidget(page).getByRole('list', { name: "The logout's requests" })).toContainText(
    "the provider's own page: “You are now logged out”",
  );
});

test('a native app’s custom logout from a share link: 200 with the state, then the same proof', async ({
  page,
}) => {
  await gotoHydrated(page, `${logoutTool}?client=MobileApp&method=custom`);
  await expect(logoutWidget(page).getByRole('radio', { name: /^MobileApp/ })).toBeChecked();
  await expect(logoutWidget(page).getByRole('radio', { name: /custom_logout_endpoint/ })).toBeChecked();
  await logInForLogout(page);
  await logOut(page, { popup: false });
  await expect(logoutStatus(page)).toHaveText(loggedOutVerdict, { timeout: 20_000 });
  await expect(logoutWidget(page).getByRole('list', { name: "The logout's requests" })).toContainText(
    'Custom logout at custom_logout_endpoint (POST JSON)',
  );
});

test('a share link with a token in it: the token is ignored and the reader is told', async ({ page }) => {
  await gotoHydrated(
    page,
    `${logoutTool}?id_token_hint=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln&method=telepathy&client=MobileApp`,
  );
  // What the link may carry is used all the same.
  await expect(logoutWidget(page).getByRole('radio', { name: /^MobileApp/ })).toBeChecked();
  const alert = logoutWidget(page).getByRole('alert');
  await expect(alert).toContainText('The link carries id_token_hint, which a share link never should');
  await expect(alert).toContainText(
    'The link’s logout method “telepathy” is not one the logout tryout offers',
  );
});

test('the mock’s logout page says in a sentence what it refused', async ({ page }) => {
  await page.goto('mock/logout/?id_token_hint=not-a-token&post_logout_redirect_uri=https://evil.example/');
  await expect(page.getByRole('status')).toHaveText('You are still logged in.');
  await expect(page.locator('#logout-detail')).toContainText(
    'The mock TelenorID+ refused the id_token_hint: it is not a JWT',
  );
  await page.goto('mock/logout/?post_logout_redirect_uri=https://evil.example/');
  await expect(page.getByRole('status')).toHaveText('You are now logged out');
  await expect(page.locator('#logout-detail')).toContainText('without an id_token_hint (or client_id)');
  expect(page.url()).toContain('/mock/logout/');
});
