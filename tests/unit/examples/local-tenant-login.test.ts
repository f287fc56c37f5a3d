// Example for your own project (shown on the portal's how-to page "Test your own app against a local
// TelenorID+"): a code + PKCE login through the local test tenant, over plain HTTP, with openid-client.
// In your CI start the tenant from a checkout of the portal (`npm ci && npm run tenant &`) and set
// TENANT_ISSUER=http://localhost:4400. Inside the portal's own unit tests it starts in-process.
import * as client from 'openid-client';
import { afterAll, beforeAll, expect, it } from 'vitest';

let issuer = process.env.TENANT_ISSUER ?? '';
let stopTenant: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (issuer) return;
  const { startTenant } = await import('../../../src/tenant'); // the portal's own run only
  const tenant = await startTenant({ port: 0 });
  issuer = tenant.issuer;
  stopTenant = tenant.close;
});
afterAll(async () => stopTenant?.());

// Your app's redirect URI: any http://localhost:<port> (or an ALLOWED_ORIGINS origin) path ending in /callback/.
const redirectUri = 'http://localhost:5173/callback/';

/** Just enough browser: keep cookies, follow redirects by hand, stop when one leaves the tenant. */
function browser() {
  const cookies = new Map<string, string>();
  return async function go(url: string, init: RequestInit = {}): Promise<{ url: string; html: string }> {
    for (let hops = 0; hops < 10; hops += 1) {
      const headers = new Headers(init.headers);
      headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
      const response = await fetch(url, { ...init, headers, redirect: 'manual' });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...value] = pair!.split('=');
        cookies.set(name!.trim(), value.join('='));
      }
      const location = response.headers.get('location');
      if (!location) return { url, html: await response.text() };
      url = new URL(location, url).href;
      if (!url.startsWith(issuer)) return { url, html: '' }; // back at your app
      init = {};
    }
    throw new Error('too many redirects');
  };
}

it('logs the guide’s test user in through the local tenant and reads their claims', async () => {
  const config = await client.discovery(new URL(issuer), 'local-public', undefined, client.None(), {
    execute: [client.allowInsecureRequests], // plain http is fine on localhost only
  });
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile ial2',
    state,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    login_hint: '+4799957009',
  });

  // The tenant shows its login page: one form per test user; pick the one login_hint marked.
  const go = browser();
  const loginPage = await go(authorizationUrl.href);
  const form = /<form method="post" action="([^"]+)">\s*<input type="hidden" name="user" value="ulv">/.exec(
    loginPage.html,
  );
  expect(form, 'the login page lists Ulv').not.toBeNull();
  const back = await go(new URL(form![1]!, issuer).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ user: 'ulv' }),
  });
  expect(back.url.startsWith(redirectUri)).toBe(true);

  const tokens = await client.authorizationCodeGrant(config, new URL(back.url), {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  const claims = tokens.claims()!;
  expect(claims).toMatchObject({
    given_name: 'Ulv',
    family_name: 'Telenormobilno',
    ial: 'telenor.identity.ial2',
    acr: ['urn:telenor.identity.aal.2'],
  });
  const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  expect(userinfo).toMatchObject({ birthdate: '1971-01-23', kurtid: '6501333' });
});
