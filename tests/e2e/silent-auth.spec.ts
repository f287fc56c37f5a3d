// The prompt=none tryout as a developer uses it: against the mock (no session, session, consent
// required, a tampered state) and against the local test tenant in Chromium (fresh browser, after a
// real login, after a real logout), in both modes — a hidden iframe and a top-level redirect. And the
// house rules: afterwards no code or token in the URL, storage or console.
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './support/console';
import { gotoHydrated } from './support/site';

const tool = 'tools/silent-auth';
type Mode = 'iframe' | 'redirect';

const widget = (page: Page) => page.locator('[data-widget="prompt=none tryout"]');
const status = (page: Page) => widget(page).getByRole('status');
const checkButton = (page: Page) => widget(page).getByRole('button', { name: 'Check session (prompt=none)' });

/** Everything that could hold a code or token after the checks: the URL, both storages, the console. */
function watchLeaks(page: Page): { logged: string[] } {
  const logged: string[] = [];
  page.on('console', (m) => logged.push(m.text()));
  return { logged };
}

async function expectNoLeaks(page: Page, logged: string[]) {
  expect(page.url()).not.toMatch(/[?&#](code|state|access_token|id_token|error)=/);
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  // Codes (the mock's) and tokens are JWTs: none may be stored; the round-trip entry is gone.
  expect(stored).not.toContain('eyJ');
  expect(stored).not.toContain('tidp.login-round-trip');
  expect(stored).not.toMatch(/code_?verifier/i);
  const console = logged.join('\n');
  expect(console).not.toContain('eyJ');
  expect(console).not.toMatch(/[?&]code=/);
  // And no frame is left behind.
  await expect(page.locator('iframe[title="Silent authentication check"]')).toHaveCount(0);
}

async function check(page: Page, mode: Mode, options: { tamper?: boolean } = {}) {
  await widget(page)
    .getByRole('radio', { name: new RegExp(mode === 'iframe' ? 'Hidden iframe' : 'Top-level redirect') })
    .check();
  const tamper = widget(page).getByRole('checkbox', { name: /Tamper with the state/ });
  if (options.tamper) await tamper.check();
  else await tamper.uncheck();
  await checkButton(page).click();
  if (mode === 'redirect') {
    // The tab goes to /authorize and comes back to the tool.
    await page.waitForURL(
      (url) => /\/tools\/silent-auth\/?$/.test(url.pathname) && !url.search.includes('code='),
      {
        timeout: 30_000,
      },
    );
    await expect(page.locator('html[data-has-hydrated="true"]')).toBeAttached();
  }
}

test.describe('prompt=none tryout against the mock', () => {
  for (const mode of ['iframe', 'redirect'] as const) {
    test(`${mode}: no session → login_required, with what next`, async ({ page }) => {
      const { problems } = watchConsole(page);
      const { logged } = watchLeaks(page);
      await gotoHydrated(page, `${tool}?env=mock&session=off&consent=off&mode=${mode}`);
      await expect(widget(page).getByRole('switch', { name: /SSO session/ })).not.toBeChecked();
      await check(page, mode);
      await expect(status(page)).toHaveText(/^login_required — /, { timeout: 20_000 });
      await expect(widget(page)).toContainText('send a normal /authorize without prompt=none');
      await expect(widget(page)).toContainText('Do not send prompt=none again in a loop');
      await expect(widget(page)).toContainText('Not sent: the answer is an error, not a code.');
      await expectNoLeaks(page, logged);
      expect(problems).toEqual([]);
    });

    test(`${mode}: session → code received, exchanged, the user shown`, async ({ page }) => {
      const { problems } = watchConsole(page);
      const sentCodes: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && /\/token$/.test(new URL(r.url()).pathname)) {
          const code = new URLSearchParams(r.postData() ?? '').get('code');
          if (code) sentCodes.push(code);
        }
      });
      const { logged } = watchLeaks(page);
      await gotoHydrated(page, `${tool}?env=mock&session=off&consent=off&mode=${mode}`);
      // The switch, as a reader uses it.
      await widget(page)
        .getByRole('switch', { name: /SSO session/ })
        .check();
      await expect(widget(page).getByRole('switch', { name: /SSO session/ })).toBeChecked();
      await check(page, mode);
      await expect(status(page)).toHaveText(/^Code received — the user has a TelenorID\+ session/, {
        timeout: 20_000,
      });
      await expect(widget(page).getByTestId('silent-user')).toHaveText('Ulv Telenormobilno');
      await expect(widget(page)).toContainText('they match.');
      await expect(widget(page)).toContainText('grant_type=authorization_code');
      // The code was redeemed; the page shows it only shortened, never whole.
      expect(sentCodes).toHaveLength(1);
      expect(await widget(page).innerText()).not.toContain(sentCodes[0]!);
      await expectNoLeaks(page, logged);
      expect(problems).toEqual([]);
    });

    test(`${mode}: consent required → consent_required`, async ({ page }) => {
      await gotoHydrated(page, `${tool}?env=mock&session=on&consent=on&mode=${mode}`);
      await expect(widget(page).getByRole('switch', { name: /Consent required/ })).toBeChecked();
      await check(page, mode);
      await expect(status(page)).toHaveText(/^consent_required — /, { timeout: 20_000 });
    });

    test(`${mode}: a tampered state is rejected and the code is not exchanged`, async ({ page }) => {
      const tokenCalls: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && /\/token$/.test(new URL(r.url()).pathname)) tokenCalls.push(r.url());
      });
      const { logged } = watchLeaks(page);
      await gotoHydrated(page, `${tool}?env=mock&session=on&consent=off&mode=${mode}`);
      await check(page, mode, { tamper: true });
      await expect(status(page)).toHaveText(/^state_mismatch — rejected: /, { timeout: 20_000 });
      await expect(status(page)).toContainText('The code was not exchanged.');
      await expect(widget(page)).toContainText('they do not match — the answer is rejected.');
      await expect(widget(page).getByTestId('silent-user')).toHaveCount(0);
      expect(tokenCalls).toEqual([]);
      await expectNoLeaks(page, logged);
    });
  }

  test('the share link carries the mode and the switches, never a code', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await gotoHydrated(page, `${tool}?env=mock&session=on&consent=off&mode=redirect`);
    await expect(widget(page).getByRole('switch', { name: /SSO session/ })).toBeChecked();
    await widget(page).getByRole('button', { name: 'Share this scenario' }).click();
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(Object.fromEntries(link.searchParams)).toEqual({
      env: 'mock',
      mode: 'redirect',
      session: 'on',
      consent: 'off',
    });
  });
});

async function logInAtTenant(page: Page) {
  const popupPromise = page.waitForEvent('popup');
  await widget(page).getByRole('button', { name: 'Log in at the tenant' }).click();
  const popup = await popupPromise;
  await popup
    .getByRole('list', { name: 'Test users' })
    .getByRole('button')
    .first()
    .click({ timeout: 30_000 });
  if (!popup.isClosed()) await popup.waitForEvent('close', { timeout: 30_000 });
  await expect(widget(page)).toContainText('Logged in at Local test tenant as Ulv Telenormobilno', {
    timeout: 20_000,
  });
}

async function logOutAtTenant(page: Page) {
  const popupPromise = page.waitForEvent('popup');
  await widget(page).getByRole('button', { name: 'Log out (end_session_endpoint)' }).click();
  const popup = await popupPromise;
  if (!popup.isClosed()) await popup.waitForEvent('close', { timeout: 30_000 });
  await expect(widget(page)).toContainText(
    'Logged out at Local test tenant through its end_session_endpoint',
    {
      timeout: 20_000,
    },
  );
}

test.describe('prompt=none tryout against the local tenant (Chromium)', () => {
  for (const mode of ['iframe', 'redirect'] as const) {
    test(`${mode}: fresh → login_required; after a login → code and user; after logout → login_required`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const { problems } = watchConsole(page);
      const { logged } = watchLeaks(page);
      await gotoHydrated(page, `${tool}?env=local&mode=${mode}`);

      await check(page, mode);
      await expect(status(page)).toHaveText(/^login_required — /, { timeout: 20_000 });

      await logInAtTenant(page);
      await check(page, mode);
      await expect(status(page)).toHaveText(/^Code received — /, { timeout: 20_000 });
      await expect(widget(page).getByTestId('silent-user')).toHaveText('Ulv Telenormobilno');

      await logOutAtTenant(page);
      await check(page, mode);
      await expect(status(page)).toHaveText(/^login_required — /, { timeout: 20_000 });

      await expectNoLeaks(page, logged);
      expect(problems).toEqual([]);
    });
  }
});

test('the callback page in a frame of another page hands the answer only to a same-origin parent', async ({
  page,
}) => {
  await gotoHydrated(page, tool + '?env=mock');
  const received = await page.evaluate(async () => {
    const frame = document.createElement('iframe');
    frame.hidden = true;
    const got = new Promise<unknown>((resolve) => {
      window.addEventListener('message', (e) => {
        if (e.source === frame.contentWindow) resolve({ origin: e.origin, data: e.data });
      });
      setTimeout(() => resolve('nothing'), 15_000);
    });
    frame.src = '/callback/?error=login_required&state=abc';
    document.body.appendChild(frame);
    return got;
  });
  expect(received).toEqual({
    origin: new URL(page.url()).origin,
    data: { type: 'tidp:frame-callback', url: expect.stringContaining('error=login_required&state=abc') },
  });
});
