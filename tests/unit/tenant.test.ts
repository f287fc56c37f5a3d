// The local test tenant over real HTTP: discovery, a scripted code + PKCE login driven through the
// tenant's own pages, claims per scope, refresh per client type, and every way to earn invalid_grant.
import * as client from 'openid-client';
import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiScope, identityScopes } from '../../src/oidc/catalogue';
import { TenantBrowser } from './support/tenant-browser';
import { pairwiseSub } from '../../src/oidc/catalogue/fixtures';
import {
  confidentialClientSecret,
  loginPageTitle,
  shortRefreshLifetimeSeconds,
  startTenant,
  testUsers,
  type RunningTenant,
} from '../../src/tenant';

const portalOrigin = 'http://localhost:3100';
const redirectUri = `${portalOrigin}/callback/`;
const ulv = testUsers[0]!;

let tenant: RunningTenant;

beforeAll(async () => {
  tenant = await startTenant({ port: 0, allowedOrigins: [] });
});
afterAll(async () => {
  await tenant?.close();
});

async function configFor(clientId: string, secret?: string): Promise<client.Configuration> {
  return client.discovery(
    new URL(tenant.issuer),
    clientId,
    undefined,
    secret ? client.ClientSecretBasic(secret) : client.None(),
    { execute: [client.allowInsecureRequests] },
  );
}

type Login = { config: client.Configuration; tokens: client.TokenEndpointResponse; browser: TenantBrowser };

/** Logs `user` in to `clientId` with code + PKCE, choosing the user on the tenant's login page. */
async function login(
  clientId: string,
  scope: string,
  options: { user?: (typeof testUsers)[number]; secret?: string; browser?: TenantBrowser } = {},
): Promise<Login> {
  const user = options.user ?? ulv;
  const browser = options.browser ?? new TenantBrowser(tenant.issuer);
  const config = await configFor(clientId, options.secret);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope,
    state,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });

  const { url: at, loginPage } = await browser.authorizeAs(url.href, user.id);
  if (loginPage) expect(loginPage).toContain(`<title>${loginPageTitle}</title>`);
  expect(at.startsWith(redirectUri), `ends at the callback, not ${at}`).toBe(true);
  const tokens = await client.authorizationCodeGrant(config, new URL(at), {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  return { config, tokens, browser };
}

async function refreshError(config: client.Configuration, refreshToken: string): Promise<string | undefined> {
  try {
    await client.refreshTokenGrant(config, refreshToken);
    return undefined;
  } catch (error) {
    return (error as { error?: string }).error ?? String(error);
  }
}

describe('discovery', () => {
  it('lists the TelenorID+ identity scopes and never an api: scope', async () => {
    const response = await fetch(`${tenant.issuer}/.well-known/openid-configuration`);
    const metadata = (await response.json()) as Record<string, unknown>;
    const scopes = metadata.scopes_supported as string[];
    expect(scopes).toEqual(identityScopes.map((s) => s.name));
    for (const scope of ['openid', 'offline_access', 'ial2', 'tnn.ids', 'account.profiles'])
      expect(scopes).toContain(scope);
    expect(scopes.some((s) => s.startsWith(apiScope.prefix))).toBe(false);
    expect(metadata.issuer).toBe(tenant.issuer);
    expect(metadata.token_endpoint).toBe(`${tenant.issuer}/connect/token`);
    expect(metadata.id_token_signing_alg_values_supported).toEqual(['RS256']);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
  });
});

describe('code + PKCE login', () => {
  it('issues RS256 JWTs: an at+jwt access token with the tnn.ids claims, an ID token with profile names', async () => {
    const { tokens } = await login('local-public', 'openid profile ial2 tnn.ids');
    const atHeader = jose.decodeProtectedHeader(tokens.access_token);
    expect(atHeader).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    const at = jose.decodeJwt(tokens.access_token);
    expect(at).toMatchObject({
      iss: tenant.issuer,
      sub: await pairwiseSub('ulv', 'public'),
      client_id: 'local-public',
      kurtid: '6501333',
      tnuid: ulv.claims.tnuid,
      acr: ['urn:telenor.identity.aal.2'],
      amr: ['urn:telenor.identity.amr.td_otp'],
    });
    expect(at.scope).toEqual(expect.arrayContaining(['openid', 'profile', 'ial2', 'tnn.ids']));
    expect(at.exp! - at.iat!).toBe(3600);
    expect(at).not.toHaveProperty('email');

    const id = jose.decodeJwt(tokens.id_token!);
    expect(jose.decodeProtectedHeader(tokens.id_token!).alg).toBe('RS256');
    expect(id).toMatchObject({
      given_name: 'Ulv',
      family_name: 'Telenormobilno',
      ial: 'telenor.identity.ial2',
    });
    expect(id.exp! - id.iat!).toBe(300);
    expect(id).not.toHaveProperty('birthdate');
  });

  it('answers /userinfo with the claims of the requested scopes and no others', async () => {
    const { config, tokens } = await login('local-public', 'openid profile email');
    const sub = await pairwiseSub('ulv', 'public');
    const info = await client.fetchUserInfo(config, tokens.access_token, sub);
    expect(info).toMatchObject({
      sub,
      given_name: 'Ulv',
      family_name: 'Telenormobilno',
      birthdate: '1971-01-23',
      kurtid: '6501333',
      email: ulv.claims.email,
    });
    expect(info).not.toHaveProperty('phone_number');
    expect(info).not.toHaveProperty('legacy_username');
    expect(info).not.toHaveProperty('ial');
  });

  it('accepts api: scopes in the request (TelenorID+ passes them to Apigee)', async () => {
    const { tokens } = await login('local-public', `openid ${apiScope.examples[0]}`);
    expect(tokens.access_token).toBeTruthy();
  });

  it('logs in the BankID user with AAL3, and sends no invented ial value for IAL3', async () => {
    const bankId = testUsers.find((u) => u.aal === 3)!;
    const { tokens } = await login('local-public', 'openid ial2', { user: bankId });
    const claims = jose.decodeJwt(tokens.id_token!);
    expect(claims).toMatchObject({
      acr: ['urn:telenor.identity.aal.3'],
      amr: ['urn:telenor.identity.amr.bankid'],
    });
    // The guide shows only telenor.identity.ial2 (ialClaimForOtherLevels).
    expect(claims).not.toHaveProperty('ial');
  });

  it('answers prompt=none without a session with login_required', async () => {
    const config = await configFor('local-public');
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid',
      prompt: 'none',
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const { url: at } = await new TenantBrowser(tenant.issuer).follow(url.href);
    expect(new URL(at).searchParams.get('error')).toBe('login_required');
  });

  it('answers prompt=none with a session silently, with a code', async () => {
    const { browser } = await login('local-public', 'openid');
    const config = await configFor('local-public-with-refresh');
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid',
      prompt: 'none',
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const { url: at } = await browser.follow(url.href);
    expect(new URL(at).searchParams.get('code')).toBeTruthy();
  });

  it('refuses a redirect_uri outside the portal origins', async () => {
    const config = await configFor('local-public');
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: 'https://attacker.example/callback/',
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const { response } = await new TenantBrowser(tenant.issuer).follow(url.href);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('redirect_uri');
  });

  it('allows CORS from portal origins only', async () => {
    const ask = (origin: string) =>
      fetch(`${tenant.issuer}/connect/token`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    expect((await ask('http://localhost:3100')).headers.get('access-control-allow-origin')).toBe(
      'http://localhost:3100',
    );
    const foreign = await fetch(`${tenant.issuer}/connect/token`, {
      method: 'POST',
      headers: { origin: 'https://attacker.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=refresh_token&refresh_token=x&client_id=local-public-with-refresh',
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('refresh tokens per client type', () => {
  it('gives the Public client no refresh token, even with offline_access', async () => {
    const { tokens } = await login('local-public', 'openid offline_access');
    expect(tokens.refresh_token).toBeUndefined();
  });

  it('rotates the PublicWithRefresh token on each refresh (sliding)', async () => {
    const { config, tokens } = await login('local-public-with-refresh', 'openid offline_access');
    expect(tokens.refresh_token).toBeTruthy();
    const next = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(next.refresh_token).toBeTruthy();
    expect(next.refresh_token).not.toBe(tokens.refresh_token);
    expect(jose.decodeProtectedHeader(next.access_token).typ).toBe('at+jwt');
  });

  it('keeps the Confidential token (fixed lifetime, no rotation), with client_secret_basic and _post', async () => {
    const { config, tokens } = await login('local-confidential', 'openid offline_access', {
      secret: confidentialClientSecret,
    });
    const next = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(next.refresh_token).toBe(tokens.refresh_token);
    const post = await client.discovery(
      new URL(tenant.issuer),
      'local-confidential',
      undefined,
      client.ClientSecretPost(confidentialClientSecret),
      { execute: [client.allowInsecureRequests] },
    );
    expect((await client.refreshTokenGrant(post, tokens.refresh_token!)).access_token).toBeTruthy();
  });

  it('gives the MobileApp client a rotating refresh token', async () => {
    const { config, tokens } = await login('local-mobile', 'openid offline_access');
    const next = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(next.refresh_token).not.toBe(tokens.refresh_token);
  });

  it('restarts the lifetime at each refresh (sliding): the rotated token outlives the first', async () => {
    // Timed from the clock, not by fixed sleeps, so a loaded machine does not make it flaky.
    const lifetimeMs = shortRefreshLifetimeSeconds * 1000;
    const { config, tokens } = await login('local-public-with-refresh-short', 'openid offline_access');
    const firstIssuedBy = Date.now();
    await sleep(lifetimeMs / 2);
    const secondIssuedAfter = Date.now();
    const next = await client.refreshTokenGrant(config, tokens.refresh_token!);
    await sleep(firstIssuedBy + lifetimeMs + 500 - Date.now()); // past the first token's end …
    expect(Date.now()).toBeLessThan(secondIssuedAfter + lifetimeMs); // … and within the second's
    expect((await client.refreshTokenGrant(config, next.refresh_token!)).access_token).toBeTruthy();
  });
});

describe('invalid_grant, every way', () => {
  it('expired: the short-lived twin after its lifetime', async () => {
    const { config, tokens } = await login('local-confidential-short', 'openid offline_access', {
      secret: confidentialClientSecret,
    });
    await sleep((shortRefreshLifetimeSeconds + 1) * 1000);
    expect(await refreshError(config, tokens.refresh_token!)).toBe('invalid_grant');
  });

  it('revoked: after the revocation endpoint', async () => {
    const { config, tokens } = await login('local-public-with-refresh', 'openid offline_access');
    await client.tokenRevocation(config, tokens.refresh_token!, { token_type_hint: 'refresh_token' });
    expect(await refreshError(config, tokens.refresh_token!)).toBe('invalid_grant');
  });

  it('reused after rotation: and the whole family is revoked', async () => {
    const { config, tokens } = await login('local-mobile', 'openid offline_access');
    const next = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(await refreshError(config, tokens.refresh_token!)).toBe('invalid_grant');
    expect(await refreshError(config, next.refresh_token!)).toBe('invalid_grant');
  });

  it('session ended: RP-initiated logout ends the refresh tokens of the session', async () => {
    const { config, tokens, browser } = await login('local-public-with-refresh', 'openid offline_access');
    const endSession = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: redirectUri,
      state: 'bye',
    });
    const { response } = await browser.follow(endSession.href);
    const html = await response.text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!;
    const action = /id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)![1]!;
    const { url } = await browser.follow(new URL(action, tenant.issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    expect(url).toBe(`${redirectUri}?state=bye`);
    expect(await refreshError(config, tokens.refresh_token!)).toBe('invalid_grant');
  });

  it("another client's token: client B presenting client A's refresh token", async () => {
    const { tokens } = await login('local-public-with-refresh', 'openid offline_access');
    const other = await configFor('local-mobile');
    expect(await refreshError(other, tokens.refresh_token!)).toBe('invalid_grant');
  });
});

function sleep(ms: number) {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('the scenario switch', () => {
  it('takes JSON only, so a plain form on another site cannot flip it', async () => {
    const url = `${tenant.issuer}/__tenant/scenario`;
    const form = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"set":{"consentRequired":true}}',
    });
    expect(form.status).toBe(415);
    const read = (await (await fetch(url)).json()) as { scenario: { consentRequired: boolean } };
    expect(read.scenario.consentRequired).toBe(false);
    const json = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"set":{"consentRequired":false}}',
    });
    expect(json.status).toBe(200);
  });
});
