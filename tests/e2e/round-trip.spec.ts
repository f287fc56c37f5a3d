// Issue #19: the login round trip passes through small static pages (the mock's authorize and logout
// endpoints, the callback) that load no React and no site bundle, each with its own policy, and a
// tool page starts the mock only when the reader acts.
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './support/console';
import { gotoHydrated, pressInClosingWindow } from './support/site';

/** The scripts a page ran (their paths), once its status line has its final text. */
function watchScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  return scripts;
}

test('the callback, opened by hand, fetches only its arrival script and explains what arrived', async ({
  page,
}) => {
  const { problems } = watchConsole(page);
  const scripts = watchScripts(page);
  await page.goto('callback/?code=SplxlOBeZQQYbYS6WxSbIA-by-hand&state=xyz');
  await expect(page.getByRole('heading', { name: 'An authorization code arrived' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('No login started in this tab');
  expect(page.url()).not.toContain('code=');
  // The page's own script is in the page; for this case only, the arrival script: nothing of the site bundle.
  expect(scripts).toEqual([expect.stringMatching(/^\/assets\/round-trip\/arrival\.[A-Z0-9]+\.js$/)]);
  await expect(page.locator('html[data-has-hydrated]')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a popup’s callback hands the answer to its opener and fetches no script at all', async ({ page }) => {
  await gotoHydrated(page, '');
  await page.evaluate(() => {
    const w = window as unknown as { received: unknown[] };
    w.received = [];
    window.addEventListener('message', (e) => w.received.push(e.data));
  });
  const scripts: string[] = [];
  page.context().on('response', (r) => {
    if (r.request().resourceType() === 'script' && r.frame().page() !== page)
      scripts.push(new URL(r.url()).pathname);
  });
  const popupPromise = page.waitForEvent('popup');
  await page.evaluate(() => window.open('callback/?code=c&state=s', 'tidp-login', 'popup'));
  const popup = await popupPromise;
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { received: unknown[] }).received))
    .toEqual([{ type: 'tidp:login-callback', url: expect.stringContaining('callback/?code=c&state=s') }]);
  if (!popup.isClosed()) await popup.waitForEvent('close');
  // Its script is written into the page (plugins/round-trip-pages.ts): a login window fetches none.
  expect(scripts).toEqual([]);
});

test('each round-trip page carries its own policy: scripts from the site, and inline only its own, by hash', async ({
  page,
}) => {
  for (const path of ['mock/authorize/', 'mock/logout/', 'callback/', 'mock/device/']) {
    const html = await (await page.request.get(path)).text();
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    // 'self' and the hash of the one script the page holds: nothing else inline, no other host.
    const sources = /script-src ([^;]*)/.exec(policy)?.[1]?.split(' ');
    expect(sources?.[0], path).toBe("'self'");
    expect(sources, path).toHaveLength(2);
    expect(html.match(/<script\b[^>]*>/g), path).toEqual(['<script>']);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const digest = createHash('sha256').update(script, 'utf8').digest('base64');
    expect(sources?.[1], path).toBe(`'sha256-${digest}'`);
    expect(html, path).toContain('<meta name="robots" content="noindex, nofollow">');
  }
});

test('a script injected into a round-trip page does not run: the policy allows only the page’s own', async ({
  page,
}) => {
  const { problems } = watchConsole(page);
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (d: string) => violations.push(d));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (d: string) => void }).reportViolation(e.violatedDirective),
    ),
  );
  await page.goto('callback/?code=c&state=s');
  await expect(page.getByRole('status')).toContainText('No login started in this tab');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'document.title = "injected"';
    document.body.append(s);
  });
  await expect.poll(() => violations).toContain('script-src-elem');
  expect(await page.title()).not.toBe('injected');
  expect(problems.filter((p) => !/Content Security Policy/.test(p))).toEqual([]);
});

test('the mock authorize page shows an unknown redirect_uri as an error and goes nowhere', async ({
  page,
}) => {
  const { problems } = watchConsole(page);
  await page.goto(
    'mock/authorize/?client_id=mock-public&redirect_uri=https://evil.example/&response_type=code&scope=openid',
  );
  await expect(page.getByRole('alert')).toContainText('invalid_redirect_uri');
  expect(new URL(page.url()).pathname).toBe('/mock/authorize/');
  expect(problems).toEqual([]);
});

test('the round-trip pages follow the colour mode chosen on the site', async ({ page }) => {
  // Chosen with the site's own toggle, so the test does not need to know where the site keeps it.
  await gotoHydrated(page, '');
  const toggle = page.getByRole('button', { name: /switch between dark and light mode/i });
  for (let i = 0; i < 3 && (await page.locator('html').getAttribute('data-theme')) !== 'dark'; i += 1)
    await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.goto('mock/logout/');
  await expect(page.getByRole('status')).not.toHaveText('Signing out…');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the scope builder shows the mock’s URL without starting the mock; Run starts it and finishes the login', async ({
  page,
}) => {
  const { problems } = watchConsole(page);
  const worker: string[] = [];
  page.on('request', (r) => {
    if (/mockServiceWorker\.js|mock-worker\.js|mock\.telenorid\.invalid/.test(r.url())) worker.push(r.url());
  });
  await gotoHydrated(page, 'tools/scope-builder?env=mock');
  const widget = page.locator('[data-widget="scope builder"]');
  const url = widget.getByLabel('Authorization URL', { exact: true });
  await expect(url).toHaveValue(/\/mock\/authorize\/\?/);
  expect(new URL(await url.inputValue()).origin).toBe(new URL(page.url()).origin);
  expect(worker).toEqual([]);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);

  const popupPromise = page.waitForEvent('popup');
  await widget.getByRole('button', { name: 'Run', exact: true }).click();
  const popup = await popupPromise;
  const popupScripts = watchScripts(popup);
  // No SSO session yet: the mock's login screen, its first user in focus; Enter picks them.
  await expect(popup.getByRole('list', { name: 'Test users' }).getByRole('button').first()).toBeFocused();
  await pressInClosingWindow(popup, 'Enter');
  await expect(widget.getByRole('region', { name: 'Run', exact: true }).getByRole('status')).toHaveText(
    /^Done: tokens received/,
  );
  expect(popupScripts.filter((s) => !s.startsWith('/assets/round-trip/'))).toEqual([]);
  // The exchange went to the mock, which Run started.
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(1);
  expect(problems).toEqual([]);
});

test('the mock’s login screen is a plain form: the login_hint’s user in focus, a pick by keyboard returns with a code', async ({
  page,
  baseURL,
}) => {
  const { problems } = watchConsole(page);
  const callback = new URL('callback/', baseURL).href;
  const params = new URLSearchParams({
    client_id: 'mock-public',
    redirect_uri: callback,
    response_type: 'code',
    scope: 'openid profile',
    state: 'by-hand',
    login_hint: '+4799957010',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  });
  await page.goto(`mock/authorize/?${params}`);
  const form = page.getByRole('form', { name: 'Choose a test user' });
  const users = form.getByRole('list', { name: 'Test users' }).getByRole('button');
  await expect(users).toHaveCount(3);
  const hinted = users.filter({ hasText: '+4799957010' });
  await expect(hinted).toBeFocused();
  await expect(hinted).toHaveAccessibleDescription('The login_hint names this user: it is selected first.');
  await expect(form).toContainText('Client mock-public asks for openid profile.');
  const arrival = page.waitForRequest((r) => r.url().startsWith(callback) && r.isNavigationRequest());
  await page.keyboard.press('Enter');
  const back = new URL((await arrival).url());
  expect(back.searchParams.get('state')).toBe('by-hand');
  expect(back.searchParams.get('code')).toBeTruthy();
  // Opened by hand: the callback explains the code that arrived.
  await expect(page.getByRole('heading', { name: 'An authorization code arrived' })).toBeVisible();
  expect(problems).toEqual([]);
});
