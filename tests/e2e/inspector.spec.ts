// The inspector as a reader uses it: paste each kind, a token verified from a real mock run and from
// the local tenant, a tampered one, the bad inputs, the redirect-URI diff, open-in-scope-builder, and
// nothing of what was pasted in storage or the URL. One page per test, many steps.
import { createHash, randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { gotoHydrated, signInIfAsked } from './support/site';
import { testClient } from '../../src/oidc/catalogue/fixtures';
import { watchConsole } from './support/console';

const TENANT_ISSUER = process.env.TENANT_ISSUER ?? `http://localhost:${process.env.E2E_TENANT_PORT ?? 4400}`;

const inspector = (page: Page) => page.locator('[data-widget="inspector"]');
const box = (page: Page) => inspector(page).getByLabel(/^Paste a token/);
const status = (page: Page) => inspector(page).getByTestId('inspector-status');
const verdict = (page: Page) => inspector(page).getByTestId('verification-verdict').first();

async function paste(page: Page, text: string) {
  await box(page).fill(text);
}

async function storedAndUrl(page: Page): Promise<string> {
  return (
    (await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))) +
    page.url()
  );
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

test('a real mock run: the token response and its ID token verify; a tampered one does not; nothing is kept', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { problems } = watchConsole(page);
  await gotoHydrated(page, 'tools/scope-builder?env=mock');
  const builder = page.locator('[data-widget="scope builder"]');
  await expect(builder.getByLabel('Authorization URL', { exact: true })).toHaveValue(/^https?:\/\//, {
    timeout: 20_000,
  });
  const popup = page.waitForEvent('popup');
  await builder.getByRole('button', { name: 'Run', exact: true }).click();
  const p = await popup;
  await signInIfAsked(p); // the mock's login screen: no session yet
  if (!p.isClosed()) await p.waitForEvent('close', { timeout: 30_000 });
  await builder.getByRole('button', { name: 'Reveal the tokens' }).click();
  const responseText =
    (await builder.getByRole('region', { name: 'Run results' }).locator('pre').first().textContent()) ?? '';
  const response = JSON.parse(responseText) as Record<string, string>;
  const idToken = response['id_token']!;

  // The mock's key lives in this page: follow the site's own link, as a reader would, not a reload.
  await page
    .getByRole('navigation', { name: 'Docs sidebar' })
    .getByRole('link', { name: 'Inspector' })
    .click();
  await expect(box(page)).toBeVisible();

  await test.step('the token response: recognised, tokens decoded, expires_in as a time, the ID token verified', async () => {
    await paste(page, responseText);
    await expect(status(page)).toHaveText('Recognised a token endpoint answer.');
    await expect(inspector(page)).toContainText(
      /expires_in 3600: the access token expires at .* \(in (1 h|59 min \d+ s)\)/,
    );
    await expect(verdict(page)).toHaveText(/^Verified/);
    await expect(
      inspector(page).getByText(/mock-public.*a Public client .*it never gets a refresh token, as here/),
    ).toBeVisible();
  });

  await test.step('the ID token alone: claims explained, audience checked against a typed client_id', async () => {
    await paste(page, idToken);
    await expect(status(page)).toHaveText('Recognised a token (JWT).');
    const exp = inspector(page).locator('tr[data-claim="exp"]');
    await expect(exp).toContainText(/\(in [45] min\)/);
    await expect(inspector(page).locator('tr[data-claim="acr"]')).toContainText('AAL');
    await expect(verdict(page)).toHaveText(/^Verified/);
    await inspector(page)
      .getByLabel(/Your client_id/)
      .fill('my-own-app');
    await expect(verdict(page)).toHaveText(/^Not valid/);
    await expect(inspector(page)).toContainText(
      'Wrong audience: aud is mock-public, not your client_id my-own-app',
    );
    await inspector(page)
      .getByLabel(/Your client_id/)
      .fill('mock-public');
    await expect(verdict(page)).toHaveText(/^Verified/);
  });

  await test.step('a tampered token: the signature does not verify, with its error page linked', async () => {
    const [h, payload, s] = idToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    await paste(page, `${h}.${b64({ ...claims, sub: 'someone-else' })}.${s}`);
    await expect(verdict(page)).toHaveText(/^Not valid/);
    await expect(inspector(page)).toContainText('The signature does not verify');
    await expect(inspector(page).locator('[data-error-page="invalid_id_token"]').first()).toHaveAttribute(
      'href',
      /\/errors#invalid_id_token$/,
    );
  });

  await test.step('Share copies a link with the kind only; nothing pasted is in storage or the URL', async () => {
    await paste(page, idToken);
    await inspector(page).getByRole('button', { name: 'Share' }).click();
    const shared = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(shared).search).toBe('?kind=jwt');
    const kept = await storedAndUrl(page);
    expect(kept).not.toContain(idToken.split('.')[1]!.slice(0, 40));
    expect(kept).not.toContain(response['access_token']!.split('.')[1]!.slice(0, 40));
  });
  expect(problems).toEqual([]);
});

test('a token from the local tenant verifies there; pasted with the mock selected, its kid is unknown', async ({
  page,
  request,
  baseURL,
}) => {
  // A login at the tenant and the code exchange a client makes (here: the test, from Node).
  const localPublic = testClient('local', 'Public').clientId;
  const verifier = randomBytes(32).toString('base64url');
  const callback = new URL('callback/', baseURL).href;
  const authorize = new URL('/connect/authorize', TENANT_ISSUER);
  authorize.search = new URLSearchParams({
    client_id: localPublic,
    redirect_uri: callback,
    response_type: 'code',
    scope: 'openid profile',
    state: 'e2e-inspector',
    nonce: 'e2e-inspector-nonce',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  await page.goto(authorize.href);
  // The callback page clears its address bar at once: read the code from the request that reached it.
  const arrival = page.waitForRequest((r) => r.url().startsWith(callback) && r.isNavigationRequest());
  await page.getByRole('list', { name: 'Test users' }).getByRole('button').first().click();
  const code = new URL((await arrival).url()).searchParams.get('code')!;
  expect(code).toBeTruthy();
  const tokenResponse = await request.post(`${TENANT_ISSUER}/connect/token`, {
    form: {
      grant_type: 'authorization_code',
      client_id: localPublic,
      code,
      redirect_uri: callback,
      code_verifier: verifier,
    },
  });
  expect(tokenResponse.ok()).toBe(true);
  const idToken = ((await tokenResponse.json()) as { id_token: string }).id_token;

  await gotoHydrated(page, 'tools/inspector?env=local');
  await paste(page, idToken);
  await expect(verdict(page)).toHaveText(/^Verified/);
  await expect(inspector(page)).toContainText('the local test tenant’s Public client');

  await gotoHydrated(page, 'tools/inspector?env=mock');
  await paste(page, idToken);
  await expect(verdict(page)).toBeHidden();
  await expect(inspector(page)).toContainText(
    /Unknown kid: no key in Mock \(in your browser\)’s JWKS has kid/,
  );
});

test('bad input gets a sentence, never a blank box, and nothing pasted runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await gotoHydrated(page, 'tools/inspector?env=mock');
  const say = async (text: string, sentence: RegExp) => {
    await paste(page, text);
    await expect(status(page)).toHaveText(sentence);
  };

  await test.step('a truncated JWT, base64 garbage, an opaque token', async () => {
    const header = b64({ alg: 'RS256', kid: 'k' });
    await say(`${header}.${b64({ sub: 'x' })}`, /Recognised a token/);
    await expect(inspector(page).getByTestId('jwt-unreadable')).toContainText('cut off');
    await say('abc.def.ghi', /Recognised a token/);
    await expect(inspector(page).getByTestId('jwt-unreadable')).toContainText(
      /not text|not base64url|not valid JSON/,
    );
    await say('mock-rt-0a1b2c3d4e5f6a7b8c9d0e1f', /opaque token/);
  });

  await test.step('a 5 MB paste is refused and not kept; JSON 50 000 levels deep is refused unparsed', async () => {
    await box(page).evaluate((el: HTMLTextAreaElement) => {
      const set = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      set.call(el, 'a'.repeat(5 * 1024 * 1024));
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect(status(page)).toHaveText(/The paste was 5\.0 MB; the inspector reads at most 64 kB/);
    await expect(box(page)).toHaveValue('');
    await say('['.repeat(50_000), /nested more than 32 levels deep/);
  });

  await test.step('HTML and script in every field of a token are shown as text', async () => {
    const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await say(
      `${b64({ alg: 'none', kid: evil, typ: evil })}.${b64({ iss: evil, sub: evil, aud: evil, [evil]: evil, exp: 1 })}.`,
      /Recognised a token/,
    );
    await expect(inspector(page).locator(`tr[data-claim="${'iss'}"]`)).toContainText(evil);
    await expect(inspector(page)).toContainText('alg is none: the token is not signed at all');
    await expect(inspector(page).locator('img[src="x"]')).toHaveCount(0);
  });

  await test.step('javascript: URLs, on their own and as a redirect_uri', async () => {
    await say('javascript:alert(document.cookie)', /not a web address.*never opens it/);
    await paste(
      page,
      'https://id-test.telenor.no/connect/authorize?client_id=a&response_type=code&scope=openid&redirect_uri=javascript:alert(1)',
    );
    await expect(inspector(page).locator('tr[data-parameter="redirect_uri"]')).toContainText(
      'A javascript: redirect_uri would run code',
    );
    await expect(inspector(page).locator('a[href^="javascript:"]')).toHaveCount(0);
    await say('<b>hello</b>', /HTML or markup/);
  });
  expect(dialogs).toEqual([]);
});

test('an authorization URL, a callback, a redirect-URI pair; then open the request in the scope builder', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await gotoHydrated(page, 'tools/inspector?env=mock');

  await test.step('a callback with an error: explained and linked to its page', async () => {
    await paste(
      page,
      'https://app.example/cb?error=login_required&error_description=%3Cb%3Eno%20session%3C%2Fb%3E&state=s',
    );
    await expect(status(page)).toHaveText('Recognised a callback URL (the redirect back from /authorize).');
    await expect(inspector(page)).toContainText('error_description (as sent): <b>no session</b>');
    await expect(
      inspector(page).getByRole('link', { name: /Everything about login_required/ }),
    ).toHaveAttribute('href', /\/errors#login_required$/);
  });

  await test.step('a callback with a code: shortened until revealed', async () => {
    const code = 'SplxlOBeZQQYbYS6WxSbIA-inspected-code';
    await paste(page, `https://app.example/cb?code=${code}&state=xyz&iss=https%3A%2F%2Fid-test.telenor.no`);
    await expect(inspector(page).getByTestId('pasted-code')).not.toHaveText(code);
    await inspector(page).getByRole('button', { name: 'Reveal the code' }).click();
    await expect(inspector(page).getByTestId('pasted-code')).toHaveText(code);
    await expect(inspector(page)).toContainText('TelenorID+ staging');
    expect(await storedAndUrl(page)).not.toContain(code);
  });

  await test.step('two redirect URIs: the difference marked and named', async () => {
    await paste(page, 'https://app.example/callback\nhttps://app.example/callback/');
    await expect(inspector(page).getByTestId('pair-verdict')).toContainText('Different');
    await expect(inspector(page).getByTestId('pair-verdict')).toContainText('A trailing slash');
    await expect(inspector(page).getByLabel('Sent redirect URI').locator('mark')).toHaveText('/');
    await paste(page, 'https://App.example:443/callback\nhttps://app.example/callback');
    await expect(inspector(page).getByTestId('pair-verdict')).toContainText('port differs');
  });

  await test.step('an authorization URL: each parameter checked; opens in the scope builder without secrets', async () => {
    await paste(
      page,
      'https://id-test.telenor.no/connect/authorize?client_id=mock-public&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&response_type=code&scope=openid%20profle%20offline_access&state=abc&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=plain&code_verifier=leaked-verifier',
    );
    await expect(status(page)).toHaveText('Recognised an authorization URL.');
    const row = (name: string) => inspector(page).locator(`tr[data-parameter="${name}"]`);
    await expect(row('code_challenge_method')).toContainText('plain sends the verifier itself');
    await expect(row('scope')).toContainText('profle is not a TelenorID+ scope — did you mean profile?');
    await expect(row('scope')).toContainText(
      'A Public client gets no refresh token, even with offline_access',
    );
    await expect(row('code_verifier')).toContainText('must never be in an authorization URL');
    await expect(row('state')).toContainText('The state is 3 characters');
    await expect(inspector(page)).toContainText('No nonce');
    await inspector(page).getByRole('button', { name: 'Share' }).click();
    const shared = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    const carried = new URL(shared.searchParams.get('url')!);
    expect(carried.searchParams.get('scope')).toBe('openid profle offline_access');
    expect(carried.search).not.toMatch(/state=|code_challenge|code_verifier/);
    const link = inspector(page).getByTestId('open-in-scope-builder');
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).not.toMatch(/state=|code_challenge|code_verifier|leaked/);
    await link.click();
    const builder = page.locator('[data-widget="scope builder"]');
    await expect(builder.getByLabel('Scope string', { exact: true })).toHaveValue(
      // The builder lists identity scopes in its own order, extra ones after.
      'openid offline_access profle',
    );
    expect(page.url()).not.toContain('leaked-verifier');
  });
});

test('a custom issuer from a link is asked about once, and gets no request before the reader confirms', async ({
  page,
}) => {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).hostname === 'evil.example') asked.push(r.url());
  });
  await gotoHydrated(page, 'tools/inspector?env=custom&issuer=https%3A%2F%2Fevil.example');
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const token = `${b64({ alg: 'RS256', kid: 'k' })}.${b64({ iss: 'https://evil.example', aud: 'a', sub: 's', exp: 9e9 })}.${'A'.repeat(342)}`;
  await paste(page, JSON.stringify({ access_token: token, id_token: token, token_type: 'Bearer' }));
  await expect(inspector(page).getByTestId('issuer-confirmation')).toHaveCount(1);
  await expect(inspector(page).getByTestId('verification')).toHaveCount(0);
  expect(asked).toEqual([]);
});
