// Issue #14: hostile links and issuers cannot steer a reader's tokens. One test per attack, with the
// hostile "providers" served on loopback by tests/e2e/support/bad-issuers.ts inside the suite.
import { expect, test, type Page } from '@playwright/test';
import { hostileCode, startBadIssuers, type BadIssuers } from './support/bad-issuers';
import { gotoHydrated } from './support/site';

const tenantIssuer = process.env.TENANT_ISSUER ?? `http://localhost:${process.env.E2E_TENANT_PORT ?? 4400}`;
let bad: BadIssuers;
let site: string;

test.beforeAll(async () => {
  site = String(test.info().project.use.baseURL);
  bad = await startBadIssuers({ realIssuer: tenantIssuer, frameTarget: `${site}tools/scope-builder` });
});
test.afterAll(async () => bad?.close());

const host = () => new URL(bad.base).host;
const link = (issuer: string, extra = '') =>
  `tools/scope-builder?env=custom&issuer=${encodeURIComponent(issuer)}${extra}`;

function environmentLine(page: Page) {
  return page.getByTestId('environment-line');
}

/** Choose a custom issuer the way a reader does: type it in the navbar picker. */
async function typeIssuer(page: Page, issuer: string) {
  await page.getByRole('combobox', { name: 'Environment', exact: true }).selectOption('custom');
  await page.getByRole('textbox', { name: 'Issuer URL' }).fill(issuer);
  await page.getByRole('button', { name: 'Use', exact: true }).click();
}

test('1a. a custom issuer from a link is shown by its host and gets nothing before the reader confirms it', async ({
  page,
}) => {
  await gotoHydrated(page, link(bad.issuer('mixup'), '&client_id=local-public'));
  await expect(environmentLine(page)).toContainText(`Custom issuer ${host()}`);
  await expect(page.getByRole('combobox', { name: 'Environment', exact: true })).toContainText(host());
  const confirmation = page.getByTestId('issuer-confirmation');
  await expect(confirmation).toContainText(host());
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  expect(
    bad.requests.filter((r) => r.includes('/mixup/')),
    'no request before confirming',
  ).toEqual([]);

  // Confirmed once, it holds for the visit: the next page asks no more.
  await confirmation.getByRole('button', { name: `Use ${host()} for this visit` }).click();
  await expect(confirmation).toBeHidden();
  await gotoHydrated(page, 'tools/scope-builder');
  await expect(environmentLine(page)).toContainText(`Custom issuer ${host()}`);
  await expect(page.getByTestId('issuer-confirmation')).toHaveCount(0);
  expect(await page.evaluate(() => JSON.stringify(localStorage)), 'never stored across visits').not.toContain(
    bad.base,
  );
});

test('1b. a document that claims another issuer (mix-up) is refused with a link to why', async ({ page }) => {
  await gotoHydrated(page, link(bad.issuer('mixup'), '&client_id=local-public'));
  await page.getByRole('button', { name: `Use ${host()} for this visit` }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'names another issuer' });
  await expect(refusal).toContainText(`says its issuer is “${tenantIssuer}”`);
  await expect(refusal.getByRole('link', { name: 'Why this happens' })).toHaveAttribute(
    'href',
    /\/api\/discovery#issuer-must-match$/,
  );
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  expect(bad.requests.filter((r) => r.startsWith('POST'))).toEqual([]);
});

test('1c. typing a mix-up issuer in the picker is refused too (typing confirms the host, not the document)', async ({
  page,
}) => {
  await gotoHydrated(page, 'tools/scope-builder');
  await typeIssuer(page, bad.issuer('mixup'));
  await expect(page.getByTestId('issuer-confirmation')).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'names another issuer' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
});

test('2. plain http is allowed per endpoint only on loopback, not for every endpoint of a loopback issuer', async ({
  page,
}) => {
  await gotoHydrated(page, 'tools/scope-builder');
  await typeIssuer(page, bad.issuer('plain-token'));
  const refusal = page.getByRole('alert').filter({ hasText: 'token_endpoint' });
  await expect(refusal).toContainText('http://tokens.attacker.example/token');
  await expect(refusal).toContainText('Plain http: is allowed only for loopback hosts');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
});

test('3. the mock authorize page sends a code only to the portal’s own callback', async ({ page }) => {
  const elsewhere: string[] = [];
  await page.route('https://elsewhere.example/**', (route) => {
    elsewhere.push(route.request().url());
    return route.fulfill({ body: 'stolen' });
  });
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
  for (const redirectUri of ['https://elsewhere.example/cb', `${site}tools/scope-builder`]) {
    const params = new URLSearchParams({
      client_id: 'mock-public',
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid',
      state: 'st',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    // A static page (no hydration): wait for its answer.
    await page.goto(`mock/authorize/?${params}`);
    await expect(page.getByRole('alert')).toContainText('invalid_redirect_uri');
    expect(new URL(page.url()).pathname).toBe('/mock/authorize/');
  }
  expect(elsewhere).toEqual([]);
});

test('4. the authorization code is redacted in the curl, as the sentence says', async ({ page }) => {
  await gotoHydrated(page, 'tools/scope-builder');
  await typeIssuer(page, bad.issuer('code-cors'));
  await page.getByRole('textbox', { name: 'client_id' }).fill('my-client');
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeEnabled();
  await run.click();
  const verdict = page.getByRole('status').filter({ hasText: 'CORS' });
  await expect(verdict).toContainText('code and verifier replaced by placeholders');
  await page.getByText('The request (as curl, secrets replaced by placeholders)').click();
  const curl = page.locator('details pre').last();
  await expect(curl).toContainText('code=<code>');
  await expect(curl).toContainText('code_verifier=<code_verifier>');
  await expect(page.locator('body')).not.toContainText(hostileCode);
});

test('5a. every page carries a CSP and a referrer policy; the host sends frame-ancestors and nosniff', async ({
  page,
}) => {
  const response = await page.goto('tools/scope-builder');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  await expect(page.locator('html[data-has-hydrated="true"]')).toBeAttached();
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveAttribute('content', /script-src 'self'/);
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute(
    'content',
    'strict-origin-when-cross-origin',
  );
  // A script injected into the page does not run.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
});

test('5b. another origin cannot frame a tool page (clickjacking)', async ({ page }) => {
  await page.goto(`${bad.base}/frame`);
  await expect(page).toHaveTitle('framed');
  const framed = page.frameLocator('#victim');
  await expect(framed.getByRole('button', { name: 'Run', exact: true })).toHaveCount(0);
  await expect(framed.getByRole('heading', { name: 'Scope builder' })).toHaveCount(0);
  await expect(framed.locator('html[data-has-hydrated]')).toHaveCount(0);
});

test('6. a redirect login that will not come back is forgotten when the widget loads again', async ({
  page,
}) => {
  // Popups blocked: Run falls back to a full-page redirect; the provider's page never answers.
  await page.addInitScript(() => {
    window.open = () => null;
  });
  await page.route('**/mock/authorize/?**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Provider</title><p>Logging in…</p>' }),
  );
  await gotoHydrated(page, 'tools/scope-builder');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page).toHaveTitle('Provider');
  expect(await page.evaluate(() => sessionStorage.getItem('tidp.login-round-trip'))).toContain(
    'codeVerifier',
  );
  await page.goBack();
  await expect(page.locator('html[data-has-hydrated="true"]')).toBeAttached();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  expect(await page.evaluate(() => sessionStorage.getItem('tidp.login-round-trip'))).toBeNull();
});
