// The logout tryout against the local test tenant (issue #18): a real session cookie, a real
// RP-initiated logout (back to the app and to the tenant's "You are now logged out" page) and the
// custom logout from the browser (CORS), each followed by a real prompt=none frame and a real refresh.
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

test.describe('logout tryout against the local tenant', () => {
  test('end_session back to the app, then the white page, then the custom logout: each ends the real session', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const { problems } = watchConsole(page);
    const logged: string[] = [];
    page.on('console', (m) => logged.push(m.text()));
    await gotoHydrated(page, `${logoutTool}?env=local`);

    await test.step('end_session with post_logout_redirect_uri', async () => {
      await logInForLogout(page);
      await logOut(page);
      await expect(logoutStatus(page)).toHaveText(loggedOutVerdict, { timeout: 20_000 });
    });

    await test.step('end_session without one: the tenant’s page', async () => {
      await logoutWidget(page)
        .getByRole('radio', { name: /Without one/ })
        .check();
      await logInForLogout(page);
      await logOut(page, { popup: true, closeWhitePage: /You are now logged out/ });
      await expect(logoutStatus(page)).toHaveText(loggedOutVerdict, { timeout: 20_000 });
    });

    await test.step('custom logout (POST JSON from the browser)', async () => {
      await logoutWidget(page)
        .getByRole('radio', { name: /custom_logout_endpoint/ })
        .check();
      await logInForLogout(page);
      await logOut(page, { popup: false });
      await expect(logoutStatus(page)).toHaveText(loggedOutVerdict, { timeout: 20_000 });
      await expect(logoutWidget(page).getByRole('list', { name: "The logout's requests" })).toContainText(
        'Custom logout at custom_logout_endpoint',
      );
    });

    await expectNoTokensLeft(page, logged);
    expect(unexpectedProblems(problems, 3)).toEqual([]);
  });
});
