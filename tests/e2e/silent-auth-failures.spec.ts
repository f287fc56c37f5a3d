// The prompt=none tryout when things go wrong, as a reader meets it: popups blocked (the login and
// the logout go through the whole tab and come back), a frame that never answers (a timeout with what
// to do and its error-reference section), and a share link that carries what it should not.
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './support/console';
import { gotoHydrated } from './support/site';

const tool = 'tools/silent-auth';
const widget = (page: Page) => page.locator('[data-widget="prompt=none tryout"]');
const status = (page: Page) => widget(page).getByRole('status');
const note = (page: Page) => widget(page).locator('p[aria-live="polite"]').first();

async function backOnTheTool(page: Page) {
  await page.waitForURL((url) => /\/tools\/silent-auth\/?$/.test(url.pathname), { timeout: 30_000 });
  await expect(page.locator('html[data-has-hydrated="true"]')).toBeAttached();
}

test('popups blocked at the local tenant: the login and the logout go through this tab and come back', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { problems } = watchConsole(page);
  await page.addInitScript(() => {
    window.open = () => null;
  });
  await gotoHydrated(page, `${tool}?env=local`);
  const check = widget(page).getByRole('button', { name: 'Check session (prompt=none)' });

  await widget(page).getByRole('button', { name: 'Log in at the tenant' }).click();
  await page.getByRole('list', { name: 'Test users' }).getByRole('button').first().click({ timeout: 30_000 });
  await backOnTheTool(page);
  await expect(note(page)).toHaveText(
    'Logged in at Local test tenant as Ulv Telenormobilno: the browser now has an SSO session.',
    { timeout: 20_000 },
  );
  await check.click();
  await expect(status(page)).toHaveText(/^Code received — /, { timeout: 20_000 });

  await widget(page).getByRole('button', { name: 'Log out (end_session_endpoint)' }).click();
  await backOnTheTool(page);
  await expect(note(page)).toHaveText(
    'Logged out at Local test tenant through its end_session_endpoint: the SSO session has ended.',
    { timeout: 20_000 },
  );
  await check.click();
  await expect(status(page)).toHaveText(/^login_required — /, { timeout: 20_000 });
  expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toContain(
    'tidp.login-round-trip',
  );
  expect(problems).toEqual([]);
});

test('a frame that never answers: a timeout after 10 s, what to do, and its error-reference section', async ({
  page,
}) => {
  // The mock's authorize page shows something instead of redirecting, as a provider that refuses the frame would.
  await page.route('**/mock/authorize/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>Not framed.</p>' }),
  );
  await page.clock.install();
  await gotoHydrated(page, `${tool}?env=mock&session=on&mode=iframe`);
  await expect(widget(page).getByRole('switch', { name: /SSO session/ })).toBeChecked();
  await widget(page).getByRole('button', { name: 'Check session (prompt=none)' }).click();
  await expect(page.locator('iframe[title="Silent authentication check"]')).toBeAttached();
  await page.clock.fastForward(10_500);
  await expect(status(page)).toHaveText(/^timeout — The hidden frame sent nothing back within 10 s\./);
  const next = widget(page).getByRole('region', { name: 'What next' });
  await expect(next).toContainText('The hidden frame never answered.');
  await expect(next.getByRole('link', { name: /timeout in the error reference/ })).toHaveAttribute(
    'href',
    /\/errors#timeout$/,
  );
  await expect(widget(page)).toContainText('Not sent: no answer came back.');
  await expect(page.locator('iframe[title="Silent authentication check"]')).toHaveCount(0);
});

test('a share link with a code and an odd mode: both left out, each said in a sentence, nothing run', async ({
  page,
}) => {
  const tokenCalls: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/token$/.test(new URL(r.url()).pathname)) tokenCalls.push(r.url());
  });
  await gotoHydrated(
    page,
    `${tool}?env=mock&session=on&code=abc&mode=${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
  );
  const about = widget(page).getByRole('note', { name: 'About the link' });
  await expect(about).toContainText(
    'The link carries code, which a share link never should; it was ignored.',
  );
  await expect(about).toContainText(
    'The link’s mode “<img src=x onerror=alert(1)>” is not one the tryout offers; it was left out.',
  );
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  // What the link could say still applies: the session switch is on, the mode the default.
  await expect(widget(page).getByRole('switch', { name: /SSO session/ })).toBeChecked();
  await expect(widget(page).getByRole('radio', { name: /Hidden iframe/ })).toBeChecked();
  expect(tokenCalls).toEqual([]);
});

test.describe('service workers blocked', () => {
  test.use({ serviceWorkers: 'block' });

  test('the mock cannot start: a switch says why and what to do, and goes back', async ({ page }) => {
    await gotoHydrated(page, `${tool}?env=mock`);
    const session = widget(page).getByRole('switch', { name: /SSO session/ });
    await expect(session).not.toHaveAttribute('aria-disabled', 'true');
    await session.click();
    await expect(widget(page).getByRole('alert')).toHaveText(
      'The mock could not start in this browser (service workers may be disabled), so nothing was sent. Allow service workers for this site, or pick the local test tenant.',
      { timeout: 20_000 },
    );
    await expect(session).not.toBeChecked();
  });
});
