// The logout tryout as a reader drives it: log in (popup, pick a test user), log out (popup or a POST),
// read the verdict. Shared by logout-mock.spec.ts and logout-tenant.spec.ts.
import { expect, type Page } from '@playwright/test';
import { signInIfAsked } from './site';

export const logoutTool = 'tools/logout';
export const logoutWidget = (page: Page) => page.locator('[data-widget="logout tryout"]');
export const logoutStatus = (page: Page) => logoutWidget(page).getByTestId('logout-verdict');

export async function logInForLogout(page: Page, who = /Logged in as Ulv/) {
  const popupPromise = page.waitForEvent('popup');
  await logoutWidget(page)
    .getByRole('button', { name: /^Log in/ })
    .click();
  await signInIfAsked(await popupPromise);
  await expect(logoutStatus(page)).toHaveText(who, { timeout: 20_000 });
}

/** Log out; with `closeWhitePage` the popup is the provider's page, which the reader closes. */
export async function logOut(
  page: Page,
  options: { popup: boolean; closeWhitePage?: RegExp } = { popup: true },
) {
  if (!options.popup) {
    await logoutWidget(page).getByRole('button', { name: 'Log out' }).click();
    return;
  }
  const popupPromise = page.waitForEvent('popup');
  await logoutWidget(page).getByRole('button', { name: 'Log out' }).click();
  const popup = await popupPromise;
  if (options.closeWhitePage) {
    await expect(popup.locator('body')).toContainText(options.closeWhitePage, { timeout: 20_000 });
    await popup.close();
  } else if (!popup.isClosed()) await popup.waitForEvent('close', { timeout: 30_000 });
}

export const loggedOutVerdict =
  /^Logged out\. prompt=none now answers login_required: the SSO session is gone\. The refresh token is refused with 400 invalid_grant/;

/** No token or code left in the URL, either storage or the console. */
export async function expectNoTokensLeft(page: Page, logged: string[]) {
  expect(page.url()).not.toMatch(/[?&#](code|state|id_token_hint|id_token|access_token)=/);
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  expect(stored).not.toContain('eyJ');
  expect(logged.join('\n')).not.toContain('eyJ');
}

/**
 * Console problems other than the refused refreshes the proof expects: Chromium logs every 4xx answer
 * as "Failed to load resource" (here one 400 invalid_grant per logout), which no page code can silence.
 */
export function unexpectedProblems(problems: string[], expectedRefusals: number): string[] {
  const refused = /Failed to load resource: the server responded with a status of 400/;
  const rest = problems.filter((p) => !refused.test(p));
  const count = problems.length - rest.length;
  return count === expectedRefusals ? rest : [...rest, `${count} refused requests, not ${expectedRefusals}`];
}
