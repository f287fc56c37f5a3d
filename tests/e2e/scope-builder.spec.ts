// The scope builder as an integrator uses it: compose scopes by clicking, read the scope string and
// the authorization URL (with an S256 challenge that matches the verifier), run the login against
// the mock and the local tenant and see the claims of the chosen scopes only, share the selection,
// and leave no token or verifier behind. Plus the bad inputs of issue #6, each with its sentence.
import { createHash } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { watchConsole } from './support/console';
import { gotoHydrated, signInIfAsked } from './support/site';

const tool = 'tools/scope-builder';
type Env = 'mock' | 'local';

const widget = (page: Page) => page.locator('[data-widget="scope builder"]');
const runStatus = (page: Page) =>
  widget(page).getByRole('region', { name: 'Run', exact: true }).getByRole('status');
const scopeBox = (page: Page, scope: string) =>
  widget(page)
    .getByRole('group', { name: 'Identity scopes' })
    .getByRole('checkbox', { name: scope, exact: true });
const scopeString = (page: Page) => widget(page).getByLabel('Scope string', { exact: true });
const authorizationUrl = (page: Page) => widget(page).getByLabel('Authorization URL', { exact: true });

async function open(page: Page, query: string) {
  await gotoHydrated(page, `${tool}${query}`);
  // The URL is built once discovery has been read: a sign the widget is ready.
  await expect(authorizationUrl(page)).toHaveValue(/^https?:\/\//, { timeout: 20_000 });
}

async function urlParams(page: Page): Promise<URLSearchParams> {
  return new URL(await authorizationUrl(page).inputValue()).searchParams;
}

/** Click Run; at the tenant pick the test user in the popup. */
async function run(page: Page, _env: Env) {
  const popupPromise = page.waitForEvent('popup');
  await widget(page).getByRole('button', { name: 'Run', exact: true }).click();
  const popup = await popupPromise;
  // The mock and the tenant show the same login screen when there is no session (issue 15).
  await signInIfAsked(popup);
}

function claimRows(page: Page, location: 'ID token' | '/userinfo' | 'access token') {
  return widget(page)
    .getByRole('table', { name: `Claims in the ${location}` })
    .locator('tbody tr');
}

async function claimsIn(page: Page, location: 'ID token' | '/userinfo' | 'access token') {
  return claimRows(page, location).evaluateAll((rows) =>
    rows.map((r) => ({ claim: r.getAttribute('data-claim'), from: r.getAttribute('data-scope') })),
  );
}

async function expectNothingLeftBehind(page: Page, secrets: string[]) {
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  expect(stored).not.toContain('tidp.login-round-trip');
  for (const s of secrets) {
    expect(s.length).toBeGreaterThan(20);
    expect(stored).not.toContain(s);
    expect(page.url()).not.toContain(s);
  }
  expect(page.url()).not.toMatch(/[?&#](code|state|code_verifier|access_token|id_token)=/);
}

for (const env of ['mock', 'local'] as const) {
  test(`build by clicking, check the URL and PKCE, run against the ${env === 'mock' ? 'mock' : 'local tenant'}: only the chosen scopes’ claims`, async ({
    page,
  }) => {
    const { problems } = watchConsole(page);
    const urls: string[] = [];
    page.on('framenavigated', (f) => urls.push(f.url()));
    await open(page, `?env=${env}`);

    // openid and profile are ticked at first: make it openid + email + phone, plus an API scope.
    await scopeBox(page, 'profile').uncheck();
    await scopeBox(page, 'email').check();
    await scopeBox(page, 'phone').check();
    await widget(page).getByLabel('API scope', { exact: true }).fill('mobile-product-v2');
    await widget(page).getByRole('button', { name: 'Add' }).first().click();
    await expect(scopeString(page)).toHaveValue('openid email phone api:mobile-product-v2');
    await expect(widget(page).getByRole('table', { name: 'Claims of the chosen scopes' })).toContainText(
      'phone_number',
    );

    await widget(page).getByLabel('login_hint', { exact: true }).fill('+4799957009');
    await widget(page).getByLabel('prompt', { exact: true }).selectOption('login');
    await expect(authorizationUrl(page)).toHaveValue(/login_hint=/);
    const params = await urlParams(page);
    expect(params.get('client_id')).toBe(`${env}-public`);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('scope')).toBe('openid email phone api:mobile-product-v2');
    expect(params.get('redirect_uri')).toMatch(/\/callback\/$/);
    expect(params.get('prompt')).toBe('login');
    expect(params.get('login_hint')).toBe('+4799957009');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();
    expect(params.has('code_verifier')).toBe(false);
    const verifier = await widget(page).getByTestId('code-verifier').inputValue();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    const expected = createHash('sha256').update(verifier).digest('base64url');
    expect(params.get('code_challenge')).toBe(expected);
    await expect(widget(page).getByTestId('code-challenge')).toHaveValue(expected);
    // Every parameter is explained.
    await expect(
      widget(page).getByRole('table', { name: 'Parameters of the authorization URL' }),
    ).toContainText('PKCE: BASE64URL(SHA-256(code_verifier))');

    await run(page, env);
    await expect(runStatus(page)).toHaveText(/^Done: tokens received from /, { timeout: 30_000 });
    await expect(widget(page).getByTestId('id-token-verdict')).toHaveText(
      /^signature verified against the JWKS/,
    );
    await expect(widget(page).getByTestId('access-token-verdict')).toHaveText(
      /^signature verified against the JWKS/,
    );

    const userinfo = await claimsIn(page, '/userinfo');
    expect(userinfo).toEqual(
      expect.arrayContaining([
        { claim: 'email', from: 'email' },
        { claim: 'phone_number', from: 'phone' },
        { claim: 'sub', from: 'openid' },
      ]),
    );
    const all = [
      ...(await claimsIn(page, 'ID token')),
      ...userinfo,
      ...(await claimsIn(page, 'access token')),
    ].map((c) => c.claim);
    // Not asked for, not received: profile's names, tnn.ids' ids, the legacy claims.
    for (const absent of ['given_name', 'family_name', 'birthdate', 'kurtid', 'tnuid', 'legacy_username'])
      expect(all).not.toContain(absent);

    // Tokens are redacted until revealed; then nothing secret is in storage, URL or console.
    const response = widget(page).getByRole('region', { name: 'Run results' }).locator('pre').first();
    await expect(response).toContainText('…');
    await widget(page).getByRole('button', { name: 'Reveal the tokens' }).click();
    const json = JSON.parse((await response.textContent()) ?? '{}') as Record<string, string>;
    expect(json['access_token']?.split('.')).toHaveLength(3);
    await expectNothingLeftBehind(page, [verifier, json['access_token']!, json['id_token']!]);
    for (const u of urls) {
      expect(u).not.toContain(json['access_token']);
      expect(u).not.toContain(verifier);
    }
    // A run uses its secrets once: the next request has a new verifier.
    await expect(widget(page).getByTestId('code-verifier')).not.toHaveValue(verifier);
    expect(problems).toEqual([]);
  });
}

test('profile and tnn.ids against the local tenant: names in the ID token, ids in the access token', async ({
  page,
}) => {
  await open(page, '?env=local');
  await scopeBox(page, 'tnn.ids').check();
  await expect(scopeString(page)).toHaveValue('openid profile tnn.ids');
  await run(page, 'local');
  await expect(runStatus(page)).toHaveText(/^Done: tokens received/, { timeout: 30_000 });
  expect(await claimsIn(page, 'ID token')).toEqual(
    expect.arrayContaining([{ claim: 'given_name', from: 'profile' }]),
  );
  expect(await claimsIn(page, 'access token')).toEqual(
    expect.arrayContaining([
      { claim: 'kurtid', from: 'tnn.ids' },
      { claim: 'tnuid', from: 'tnn.ids' },
    ]),
  );
  const userinfo = (await claimsIn(page, '/userinfo')).map((c) => c.claim);
  expect(userinfo).not.toContain('email');
});

async function shareLink(context: BrowserContext, page: Page): Promise<string> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await widget(page).getByRole('button', { name: 'Share this selection' }).click();
  await expect(widget(page)).toContainText('Link copied');
  return page.evaluate(() => navigator.clipboard.readText());
}

test('a share link restores the selection, and carries no secret', async ({ page, context }) => {
  await open(page, '?env=mock');
  await widget(page).locator('input[type="radio"][value="Confidential"]').check();
  await scopeBox(page, 'offline_access').check();
  await scopeBox(page, 'ial1').check();
  await widget(page).getByLabel('Extra scope', { exact: true }).fill('custom.read');
  await widget(page).getByRole('button', { name: 'Add' }).nth(1).click();
  await widget(page).getByLabel('ui_locales', { exact: true }).fill('no');
  await widget(page).getByLabel('acr_values', { exact: true }).selectOption('urn:telenor.identity.aal.2');
  await expect(scopeString(page)).toHaveValue('openid profile offline_access ial1 custom.read');
  const verifier = await widget(page).getByTestId('code-verifier').inputValue();
  const state = (await urlParams(page)).get('state')!;
  const link = await shareLink(context, page);
  expect(link).not.toContain(verifier);
  expect(link).not.toContain(state);
  expect(link).not.toMatch(/[?&](code|state|nonce|code_challenge|code_verifier)=/);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.locator('html[data-has-hydrated="true"]')).toBeAttached();
  await expect(authorizationUrl(other)).toHaveValue(/^https?:\/\//, { timeout: 20_000 });
  await expect(scopeString(other)).toHaveValue('openid profile offline_access ial1 custom.read');
  await expect(widget(other).locator('input[type="radio"][value="Confidential"]')).toBeChecked();
  await expect(widget(other).getByLabel('ui_locales', { exact: true })).toHaveValue('no');
  await expect(widget(other).getByLabel('acr_values', { exact: true })).toHaveValue(
    'urn:telenor.identity.aal.2',
  );
  await expect(widget(other).getByLabel('client_id', { exact: true })).toHaveValue('mock-confidential');
  const params = await urlParams(other);
  expect(params.get('acr_values')).toBe('urn:telenor.identity.aal.2');
  // The receiver gets fresh secrets of their own.
  expect(params.get('state')).not.toBe(state);
});

test('a hostile share link gives sentences, and the builder still works', async ({ page }) => {
  const { problems } = watchConsole(page);
  const q = new URLSearchParams({
    env: 'mock',
    scope: [
      'openid',
      'bad"quote',
      'back\\slash',
      'blåbær',
      'api:',
      ...Array.from({ length: 500 }, (_, i) => `s${i}`),
    ].join(' '),
    client_type: '<img src=x onerror=alert(1)>',
    redirect_uri: 'javascript:alert(1)',
    response_type: 'token',
    prompt: 'select_account',
    code: 'stolen-code',
  });
  await gotoHydrated(page, `${tool}?${q.toString()}`);
  const alert = widget(page).getByRole('alert');
  await expect(alert).toContainText('Parts of the link were not used');
  await expect(alert).toContainText('A scope cannot contain a double quote');
  await expect(alert).toContainText('A scope cannot contain a backslash');
  await expect(alert).toContainText('A scope can contain only ASCII characters');
  await expect(alert).toContainText('The link’s redirect_uri was left out');
  await expect(alert).toContainText(
    'The link’s client type “<img src=x onerror=alert(1)>” is not a TelenorID+ client type',
  );
  // response_type=token is one the builder offers (to explain it), but Run refuses it.
  await expect(widget(page).getByText(/Run performs the code flow only: response_type=token/)).toBeVisible();
  await expect(widget(page).getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await expect(
    widget(page)
      .getByText(/more than 100 is almost certainly a mistake|only the first 100 were kept/)
      .first(),
  ).toBeVisible();
  expect(problems).toEqual([]);
});

test('typed bad input: each gets a sentence, nothing breaks', async ({ page }) => {
  await open(page, '?env=mock');
  const api = widget(page).getByLabel('API scope', { exact: true });
  const addApi = widget(page).getByRole('button', { name: 'Add' }).first();
  await api.fill('api:');
  await addApi.click();
  await expect(widget(page)).toContainText(
    'An API scope needs the Apigee service after api:, for example api:mobile-product-v2.',
  );

  const extra = widget(page).getByLabel('Extra scope', { exact: true });
  const addExtra = widget(page).getByRole('button', { name: 'Add' }).nth(1);
  for (const [input, sentence] of [
    ['two words', 'A scope cannot contain spaces'],
    ['say"hi"', 'A scope cannot contain a double quote'],
    ['back\\slash', 'A scope cannot contain a backslash'],
    ['blåbær', 'A scope can contain only ASCII characters'],
    ['x'.repeat(3000), 'This scope is 3000 characters long'],
    ['custom.read', 'custom.read is not in this environment’s scopes_supported'],
  ] as const) {
    await extra.fill(input);
    await addExtra.click();
    await expect(widget(page)).toContainText(sentence);
  }
  await expect(scopeString(page)).toHaveValue('openid profile custom.read');

  const redirect = widget(page).getByLabel('redirect_uri', { exact: true });
  await redirect.fill('http://app.example.com/callback');
  await expect(widget(page)).toContainText('Plain http is allowed only on loopback hosts');
  await expect(authorizationUrl(page)).toHaveValue('');
  await redirect.fill('https://app.example.com/callback#done');
  await expect(widget(page)).toContainText('The redirect_uri must not contain a fragment (#).');
  await redirect.fill('http://127.0.0.1:8080/callback');
  await expect(authorizationUrl(page)).toHaveValue(/redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A8080/);
  await expect(widget(page)).toContainText('Run needs the portal’s callback as redirect_uri');

  await widget(page).getByLabel('login_hint', { exact: true }).fill('9'.repeat(5000));
  await expect(widget(page)).toContainText('The login_hint is 5000 characters long');

  await scopeBox(page, 'openid').uncheck();
  await scopeBox(page, 'ial0').check();
  await scopeBox(page, 'ial2').check();
  await expect(widget(page)).toContainText('Without openid this is plain OAuth');
  await expect(widget(page)).toContainText('Several assurance levels requested (ial0, ial2)');

  // offline_access under Public: no refresh token, and why.
  await scopeBox(page, 'offline_access').check();
  await expect(widget(page).getByTestId('offline-outcome')).toContainText(
    'A Public client gets no refresh token, even with offline_access',
  );
  await expect(widget(page)).toContainText('A Public client gets no refresh token (policy NoRefresh)');
});

test('an unreachable environment says so', async ({ page }) => {
  await gotoHydrated(page, `${tool}?env=custom&issuer=${encodeURIComponent('http://127.0.0.1:9')}`);
  // A custom issuer from a link is confirmed once before the builder contacts it (issue #14).
  await widget(page).getByRole('button', { name: 'Use 127.0.0.1:9 for this visit' }).click();
  await expect(widget(page).getByRole('alert')).toContainText(
    /could not be reached during reading the discovery document/,
    {
      timeout: 20_000,
    },
  );
  await expect(widget(page).getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
});

test('staging: the reader is told which redirect URI to register', async ({ page }) => {
  await gotoHydrated(page, `${tool}?env=staging`);
  await expect(widget(page)).toContainText(
    /Register this redirect URI for it: http:\/\/localhost:\d+\/callback\//,
  );
  await expect(widget(page).getByLabel('client_id', { exact: true })).toHaveValue('');
  await expect(widget(page)).toContainText('Type your client_id.');
});

/** Answer the popup's mock authorize page with a redirect of our own making. */
async function answerAuthorizeWith(
  context: BrowserContext,
  answer: (request: URL) => Record<string, string>,
) {
  await context.route('**/mock/authorize**', async (route) => {
    const request = new URL(route.request().url());
    const back = new URL(request.searchParams.get('redirect_uri')!);
    for (const [k, v] of Object.entries(answer(request))) back.searchParams.set(k, v);
    await route.fulfill({ status: 302, headers: { location: back.href } });
  });
}

test('a callback with a wrong state is rejected, and no code is exchanged', async ({ page, context }) => {
  const tokenRequests: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/token$/.test(new URL(r.url()).pathname)) tokenRequests.push(r.url());
  });
  await answerAuthorizeWith(context, () => ({ code: 'some-code', state: 'forged-state' }));
  await open(page, '?env=mock');
  await run(page, 'mock');
  await expect(runStatus(page)).toHaveText(
    /^The answer came back with a state this browser did not send, so it was rejected and no code was exchanged\./,
  );
  expect(tokenRequests).toEqual([]);
});

test('a denied consent says the user declined', async ({ page, context }) => {
  await answerAuthorizeWith(context, (request) => ({
    error: 'access_denied',
    error_description: 'The user declined.',
    state: request.searchParams.get('state')!,
  }));
  await open(page, '?env=mock');
  await run(page, 'mock');
  await expect(runStatus(page)).toHaveText(
    /^The user declined \(access_denied: The user declined\.\)\. Nothing was granted/,
  );
  await expectNothingLeftBehind(page, [await widget(page).getByTestId('code-verifier').inputValue()]);
});

async function seriousViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page })
    .include('[data-widget="scope builder"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation in the results and the warnings (${theme})`, async ({ page }) => {
    test.setTimeout(180_000); // axe walks the widget's long tables twice; slow on a busy machine
    await page.emulateMedia({ colorScheme: theme });
    await open(page, '?env=mock');
    expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
    await scopeBox(page, 'openid').uncheck();
    await scopeBox(page, 'offline_access').check();
    await widget(page).getByLabel('redirect_uri', { exact: true }).fill('http://app.example.com/cb');
    await expect(widget(page)).toContainText('Plain http is allowed only on loopback hosts');
    expect(await seriousViolations(page)).toEqual([]);
    await open(page, '?env=mock');
    await run(page, 'mock');
    await expect(runStatus(page)).toHaveText(/^Done: tokens received/, { timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('a blocked popup falls back to a full-page redirect, resumes, and leaves nothing in storage or the URL', async ({
  page,
}) => {
  await page.addInitScript(() => {
    window.open = () => null;
  });
  await open(page, '?env=mock');
  await scopeBox(page, 'email').check();
  const verifier = await widget(page).getByTestId('code-verifier').inputValue();
  await widget(page).getByRole('button', { name: 'Run', exact: true }).click();
  await signInIfAsked(page, { popup: false }); // the mock's login screen, in this tab
  await expect(runStatus(page)).toHaveText(/^Done: tokens received/, { timeout: 30_000 });
  expect(new URL(page.url()).pathname).toMatch(/\/tools\/scope-builder\/?$/);
  // The selection came back with the login; the claims are those of the chosen scopes.
  await expect(scopeString(page)).toHaveValue('openid profile email');
  expect(await claimsIn(page, '/userinfo')).toEqual(
    expect.arrayContaining([{ claim: 'email', from: 'email' }]),
  );
  await widget(page).getByRole('button', { name: 'Reveal the tokens' }).click();
  const response = widget(page).getByRole('region', { name: 'Run results' }).locator('pre').first();
  const json = JSON.parse((await response.textContent()) ?? '{}') as Record<string, string>;
  await expectNothingLeftBehind(page, [verifier, json['access_token']!, json['id_token']!]);
});
