// The refresh-error simulator as a developer uses it: every cause of a failed refresh, against the
// mock in the browser and against the local test tenant, through real login round trips (popup →
// authorize → the portal's callback page). And the house rules: no refresh after a failure, and
// tokens never reach the URL, storage or the console.
import { expect, test, test as base, type Page } from '@playwright/test';
import { watchConsole } from './support/console';
import { gotoHydrated, signInIfAsked } from './support/site';

const tool = 'tools/refresh-simulator';
type Env = 'mock' | 'local';
type ClientType = 'Public' | 'PublicWithRefresh' | 'Confidential' | 'MobileApp';

const widget = (page: Page) => page.locator('[data-widget="refresh-error simulator"]');
const status = (page: Page) => widget(page).getByRole('status');

/** Count refresh grants the page sends (MSW-answered requests are seen too). */
function countRefreshes(page: Page): { count: number } {
  const seen = { count: 0 };
  page.on('request', (req) => {
    if (req.method() === 'POST' && /\/connect\/token$|\/token$/.test(new URL(req.url()).pathname))
      if ((req.postData() ?? '').includes('grant_type=refresh_token')) seen.count++;
  });
  return seen;
}

async function open(page: Page, env: Env, clientType: ClientType) {
  await gotoHydrated(page, `${tool}?env=${env}`);
  await widget(page).locator(`input[type="radio"][value="${clientType}"]`).check();
}

/** Run `click`, which opens the login popup; at the tenant, pick the first test user. */
async function viaPopup(page: Page, _env: Env, click: () => Promise<void>, pickUser = true) {
  const popupPromise = page.waitForEvent('popup');
  await click();
  const popup = await popupPromise;
  // The mock and the tenant show the same login screen when there is no session (issue 15).
  if (pickUser) await signInIfAsked(popup);
  else if (!popup.isClosed()) await popup.waitForEvent('close', { timeout: 30_000 });
}

async function logIn(page: Page, env: Env) {
  await viaPopup(page, env, () =>
    widget(page).getByRole('button', { name: 'Log in with offline_access' }).click(),
  );
  await expect(status(page)).toHaveText(/^200 OK — logged in as \w+; a refresh token was issued\./);
}

const cause = (page: Page, title: RegExp) => widget(page).getByRole('button', { name: title });

/** Each cause has its own headline on every environment (the tenant's own words all say “grant request is invalid”). */
async function expectInvalidGrant(page: Page, headline?: string) {
  await expect(status(page)).toHaveText(/^400 invalid_grant — /, { timeout: 20_000 });
  if (headline) await expect(status(page)).toContainText(`400 invalid_grant — ${headline}`);
  await expect(widget(page)).toContainText('Treat the user as logged out: drop the tokens');
  // The tokens are dropped: nothing left to refresh with.
  await expect(widget(page).getByRole('button', { name: 'Refresh', exact: true })).toBeDisabled();
}

/**
 * The full cause matrix runs on the mock. On the local tenant the widget's code path is the same but for
 * three steps that only the tenant has — a real login page, the short-lived twin's countdown, a real logout
 * in a popup — so the tenant gets those as a smoke run. What the tenant itself answers for every cause
 * (revoked, reused, another client, no refresh token for Public) is proven without a browser in
 * tests/unit/tenant.test.ts ("invalid_grant, every way", "refresh tokens per client type").
 */
const onTenant = new Set([
  'logs in, refreshes with rotation, and shows the exchange',
  '1. expired under its policy',
  '4. the SSO session ended',
]);

for (const env of ['mock', 'local'] as const) {
  test.describe(`refresh-error simulator against the ${env === 'mock' ? 'mock' : 'local tenant'}`, () => {
    const test = (title: string, body: Parameters<typeof base>[2]) => {
      if (env === 'mock' || onTenant.has(title)) base(title, body);
    };
    test('logs in, refreshes with rotation, and shows the exchange', async ({ page }) => {
      const { problems } = watchConsole(page);
      await open(page, env, 'PublicWithRefresh');
      await logIn(page, env);
      const before = await widget(page).getByTestId('refresh-token').textContent();
      await widget(page).getByRole('button', { name: 'Refresh', exact: true }).click();
      await expect(status(page)).toHaveText(/^200 OK — new tokens; the refresh token was rotated/);
      expect(await widget(page).getByTestId('refresh-token').textContent()).not.toBe(before);
      await expect(widget(page)).toContainText('grant_type=refresh_token');
      expect(problems).toEqual([]);
    });

    test('1. expired under its policy', async ({ page }) => {
      await open(page, env, 'PublicWithRefresh');
      if (env === 'mock') {
        await logIn(page, env);
        await cause(page, /Expired under its policy/).click();
      } else {
        // The tenant's short-lived twin: a login of its own, then a visible countdown.
        await viaPopup(page, env, () => cause(page, /Expired under its policy/).click());
        await expect(widget(page)).toContainText(/Waiting for the refresh token to expire: \d s/);
      }
      await expectInvalidGrant(page, 'The refresh token has expired.');
    });

    test('2. revoked', async ({ page }) => {
      await open(page, env, 'PublicWithRefresh');
      await logIn(page, env);
      await cause(page, /Revoked/).click();
      await expectInvalidGrant(page, 'The refresh token has been revoked.');
      await expect(widget(page)).toContainText('Revocation (RFC 7009): 200 OK');
    });

    test('3. reused after rotation', async ({ page }) => {
      await open(page, env, 'MobileApp');
      await logIn(page, env);
      await cause(page, /Reused after rotation/).click();
      await expectInvalidGrant(page, 'The refresh token was already used');
      await expect(widget(page)).toContainText('Refresh with the OLD token');
    });

    test('4. the SSO session ended', async ({ page }) => {
      await open(page, env, 'PublicWithRefresh');
      await logIn(page, env);
      if (env === 'mock') await cause(page, /The SSO session ended/).click();
      else await viaPopup(page, env, () => cause(page, /The SSO session ended/).click(), false);
      await expectInvalidGrant(page, 'The SSO session this refresh token belongs to has ended.');
    });

    test('5. belongs to another client', async ({ page }) => {
      await open(page, env, 'Confidential');
      await logIn(page, env);
      await cause(page, /Belongs to another client/).click();
      await expectInvalidGrant(page, 'The refresh token was issued to another client.');
      await expect(widget(page)).toContainText('presented by another client');
    });

    test('6. Public client: the token response has no refresh_token', async ({ page }) => {
      await open(page, env, 'Public');
      await viaPopup(page, env, () => cause(page, /Public client, or no offline_access/).click());
      await expect(status(page)).toHaveText(
        /^200 OK — no refresh_token in the token response \(no_refresh_token\)/,
      );
      await expect(widget(page)).toContainText('The token response has no refresh_token');
      await expect(widget(page).getByTestId('refresh-token')).toHaveText('none issued');
    });

    test('never refreshes again by itself after a failure', async ({ page }) => {
      const refreshes = countRefreshes(page);
      await page.clock.install();
      await open(page, env, 'PublicWithRefresh');
      await logIn(page, env);
      await cause(page, /Revoked/).click();
      await expectInvalidGrant(page);
      expect(refreshes.count).toBe(1);
      // Two hours later (past the access token's hour and any retry timer), still no second refresh.
      await page.clock.fastForward('02:00:00');
      await expect(widget(page).getByRole('button', { name: 'Refresh', exact: true })).toBeDisabled();
      expect(refreshes.count).toBe(1);
    });

    test('tokens never reach the URL, storage or the console', async ({ page }) => {
      const logged: string[] = [];
      page.on('console', (m) => logged.push(m.text()));
      const urls: string[] = [];
      page.on('framenavigated', (f) => urls.push(f.url()));
      await open(page, env, 'MobileApp');
      await logIn(page, env);
      await widget(page).getByRole('button', { name: 'Refresh', exact: true }).click();
      await expect(status(page)).toHaveText(/^200 OK — new tokens/);
      await widget(page).getByRole('button', { name: 'Reveal the tokens' }).click();
      const refreshToken = (await widget(page).getByTestId('refresh-token').textContent()) ?? '';
      expect(refreshToken.length).toBeGreaterThan(20);
      const stored = await page.evaluate(
        () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      );
      expect(stored).not.toContain(refreshToken);
      expect(stored).not.toContain('tidp.login-round-trip');
      for (const url of [...urls, page.url()]) {
        expect(url).not.toContain(refreshToken);
        expect(url).not.toMatch(/[?&#](code|access_token|refresh_token)=/);
      }
      expect(logged.join('\n')).not.toContain(refreshToken);
    });
  });
}

test('a blocked popup falls back to a full-page redirect and resumes, leaving nothing in storage', async ({
  page,
}) => {
  await page.addInitScript(() => {
    window.open = () => null;
  });
  await open(page, 'mock', 'PublicWithRefresh');
  await widget(page).getByRole('button', { name: 'Log in with offline_access' }).click();
  await signInIfAsked(page, { popup: false }); // the mock's login screen, in this tab
  await expect(status(page)).toHaveText(/^200 OK — logged in as PublicWithRefresh/, { timeout: 20_000 });
  expect(new URL(page.url()).pathname).toMatch(/\/tools\/refresh-simulator\/?$/);
  expect(page.url()).not.toMatch(/[?&](code|state)=/);
  const pending = await page.evaluate(() => sessionStorage.getItem('tidp.login-round-trip'));
  expect(pending).toBeNull();
  await widget(page).getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(status(page)).toHaveText(/^200 OK — new tokens/);
});

test('the callback page, opened on its own, says there is nothing to hand back', async ({ page }) => {
  await page.goto('callback/?code=abc&state=xyz'); // a static page: no hydration to wait for
  await expect(page.getByRole('status')).toContainText('No login started in this tab');
  expect(page.url()).not.toContain('code=');
});

test('the mock authorize page shows an unknown client as an error, never redirects', async ({ page }) => {
  await page.goto('mock/authorize/?client_id=nobody&redirect_uri=https://evil.example/');
  await expect(page.getByRole('alert')).toContainText('invalid_client');
  expect(new URL(page.url()).pathname).toMatch(/mock\/authorize/);
});
