// Issue 15 as a reader sees it on the mock: a login screen with the same test users as the local
// tenant (login_hint preselects, the keyboard picks), prompt=login shows it again, an unmet acr_values
// is a warning and not a silent "Done", the ID token's aud is the protocol's even with extsub, and a
// Confidential client's refresh token is not rotated — so "reused after rotation" says it cannot happen.
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './support/console';
import { gotoHydrated, pressInClosingWindow, signInIfAsked } from './support/site';

const builder = (page: Page) => page.locator('[data-widget="scope builder"]');
const runStatus = (page: Page) =>
  builder(page).getByRole('region', { name: 'Run', exact: true }).getByRole('status');

async function openBuilder(page: Page) {
  await gotoHydrated(page, 'tools/scope-builder?env=mock');
  await expect(builder(page).getByLabel('Authorization URL', { exact: true })).toHaveValue(/^https?:\/\//, {
    timeout: 20_000,
  });
}

test('the mock’s login screen: login_hint preselects Sol, the keyboard picks her; prompt=login asks again', async ({
  page,
}) => {
  const { problems } = watchConsole(page);
  await openBuilder(page);
  await builder(page).getByLabel('login_hint', { exact: true }).fill('+4799957010');

  const popupPromise = page.waitForEvent('popup');
  await builder(page).getByRole('button', { name: 'Run', exact: true }).click();
  const popup = await popupPromise;
  const users = popup.getByRole('list', { name: 'Test users' }).getByRole('button');
  await expect(users).toHaveCount(3);
  await expect(popup.getByRole('heading', { name: 'Choose a test user' })).toBeVisible();
  // The hinted user has the focus: Enter logs her in.
  await expect(users.filter({ hasText: 'Sol Vilde Prøvesen' })).toBeFocused();
  await pressInClosingWindow(popup, 'Enter');
  await expect(runStatus(page)).toHaveText(/^Done: tokens received/, { timeout: 30_000 });
  const idToken = builder(page).getByRole('table', { name: 'Claims in the ID token' });
  await expect(idToken.locator('tr[data-claim="given_name"]')).toContainText('Sol Vilde');

  // With the session, prompt=login shows the screen again (and says why).
  await builder(page).getByLabel('login_hint', { exact: true }).fill('');
  await builder(page).getByLabel('prompt', { exact: true }).selectOption('login');
  const again = page.waitForEvent('popup');
  await builder(page).getByRole('button', { name: 'Run', exact: true }).click();
  const second = await again;
  await expect(second.getByText('prompt=login: TelenorID+ asks the user to log in again')).toBeVisible();
  expect(await signInIfAsked(second, { user: /Ulv Telenormobilno/ })).toBe('signed-in');
  await expect(idToken.locator('tr[data-claim="given_name"]')).toContainText('Ulv', { timeout: 30_000 });
  expect(problems).toEqual([]);
});

test('acr_values AAL3 with an AAL2 user is “Done, with a warning”; aud in the ID token is the protocol’s with extsub', async ({
  page,
}) => {
  await openBuilder(page);
  await builder(page)
    .getByRole('group', { name: 'Identity scopes' })
    .getByRole('checkbox', { name: 'extsub', exact: true })
    .check();
  await builder(page).getByLabel('acr_values', { exact: true }).selectOption('urn:telenor.identity.aal.3');
  const popupPromise = page.waitForEvent('popup');
  await builder(page).getByRole('button', { name: 'Run', exact: true }).click();
  await signInIfAsked(await popupPromise, { user: /Ulv Telenormobilno/ });
  await expect(runStatus(page)).toHaveText(/^Done, with a warning: tokens received/, { timeout: 30_000 });
  await expect(builder(page).getByRole('alert')).toContainText(
    'acr_values asked for AAL3 (urn:telenor.identity.aal.3), but the login reached AAL2',
  );
  const idAud = builder(page)
    .getByRole('table', { name: 'Claims in the ID token' })
    .locator('tr[data-claim="aud"]');
  await expect(idAud).toHaveAttribute('data-scope', 'protocol');
  await expect(idAud).toContainText('Audience');
  const atAud = builder(page)
    .getByRole('table', { name: 'Claims in the access token' })
    .locator('tr[data-claim="aud"]');
  await expect(atAud).toHaveAttribute('data-scope', 'extsub');
});

test('a Confidential client keeps its refresh token, and “reused after rotation” says why it cannot happen', async ({
  page,
}) => {
  const sim = page.locator('[data-widget="refresh-error simulator"]');
  await gotoHydrated(page, 'tools/refresh-simulator?env=mock');
  await sim.locator('input[type="radio"][value="Confidential"]').check();
  const popupPromise = page.waitForEvent('popup');
  await sim.getByRole('button', { name: 'Log in with offline_access' }).click();
  await signInIfAsked(await popupPromise);
  await expect(sim.getByRole('status')).toHaveText(/^200 OK — logged in as Confidential/, {
    timeout: 30_000,
  });
  await sim.getByRole('button', { name: /Reused after rotation/ }).click();
  await expect(sim.getByRole('status')).toContainText(
    'Reuse after rotation cannot happen for a Confidential client',
    { timeout: 20_000 },
  );
  const wire = sim.getByRole('region', { name: 'HTTP exchanges' });
  await expect(wire).toContainText('Refresh (the token is kept: the Confidential policy does not rotate it)');
  await expect(wire).not.toContainText('Refresh (rotates the token)');
  await expect(sim).toContainText(/kept: not rotated \(Confidential policy, fixed lifetime\)/);
  await expect(sim).not.toContainText(' → ');
});
