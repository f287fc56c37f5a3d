import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  buildAuthorizationRequest,
  buildEndSessionRequest,
  customLogout,
  exchangeCode,
  fetchDiscovery,
  fetchUserinfo,
  mockIssuer,
  oauthErrors,
  parseCallback,
  refreshTokens,
  revokeToken,
  validateRedirectUri,
  verifyTokenSet,
  type AuthorizationRequestInput,
  type ClientSettings,
  type OidcFailure,
} from '../../src/oidc';
import {
  advanceMockClock,
  endMockSession,
  getMockScenario,
  refreshRefusalText,
  setMockScenario,
} from '../../src/mocks/tenant';
import { mockAuthorizeAs } from './support/mock-login';
import { mockLoginPath } from '../../src/mocks/control';
import { useMockServer } from './support/mock-server';

const server = useMockServer();
const redirectUri = 'https://portal.test/docs/tools/scope-builder';

async function settingsFor(clientId: string, clientSecret?: string): Promise<ClientSettings> {
  const d = await fetchDiscovery(mockIssuer);
  if (!d.ok) throw new Error(d.failure.code);
  return { discovery: d.document, issuer: mockIssuer, clientId, ...(clientSecret ? { clientSecret } : {}) };
}

/** Authorize (as the mock authorize page would) and return the callback URL and secrets. */
async function authorize(settings: ClientSettings, input: Partial<AuthorizationRequestInput> = {}) {
  const built = await buildAuthorizationRequest(settings, { redirectUri, scope: 'openid profile', ...input });
  if (!built.ok) throw new Error(built.failure.code);
  const answer = await mockAuthorizeAs(new URL(built.request.url).searchParams);
  if (answer.kind !== 'redirect') throw new Error(answer.error);
  return { request: built.request, callbackUrl: answer.redirectTo, answer };
}

async function login(clientId: string, scope: string, clientSecret?: string) {
  const settings = await settingsFor(clientId, clientSecret);
  const { request, callbackUrl } = await authorize(settings, { scope });
  const result = await exchangeCode(settings, callbackUrl, request.secrets);
  if (!result.ok) throw new Error(JSON.stringify(result.failure));
  return { settings, request, view: result.view };
}

function expectInvalidGrant(
  result: { ok: boolean; failure?: OidcFailure },
  why: keyof typeof refreshRefusalText,
) {
  expect(result.ok).toBe(false);
  expect(result.failure).toMatchObject({
    code: 'invalid_grant',
    error: 'invalid_grant',
    status: 400,
    error_description: refreshRefusalText[why],
    explanation: oauthErrors.invalid_grant,
  });
  expect(result.failure?.curl).toContain('refresh_token=<refresh_token>');
}

describe('the authorization request', () => {
  it('uses PKCE S256, state and nonce, and explains every parameter', async () => {
    const settings = await settingsFor('mock-public');
    const built = await buildAuthorizationRequest(settings, {
      redirectUri,
      scope: ['openid', 'profile'],
      prompt: 'login',
      uiLocales: 'no en',
      loginHint: '99957009',
      acrValues: 'urn:telenor.identity.aal.2',
    });
    if (!built.ok) throw new Error(built.failure.code);
    const url = new URL(built.request.url);
    expect(url.origin + url.pathname).toBe(`${mockIssuer}/connect/authorize`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBe(built.request.secrets.state);
    expect(url.searchParams.get('nonce')).toBe(built.request.secrets.nonce);
    expect(url.searchParams.get('scope')).toBe('openid profile');
    expect(url.searchParams.has('code_verifier')).toBe(false);
    for (const p of built.request.parameters) expect(p.explanation.length).toBeGreaterThan(10);
    expect(built.request.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['client_id', 'prompt', 'ui_locales', 'login_hint', 'acr_values']),
    );
  });

  it('reproduces the guide’s PKCE test vector', async () => {
    const settings = await settingsFor('mock-public');
    const codeVerifier =
      '5d3c6ab1d5d346b38cf0223c4c1fb96f9f10a782956a40a885f9e19f277b6608955b3b0677f64eada2a0e86d56070213';
    const built = await buildAuthorizationRequest(settings, { redirectUri, scope: 'openid', codeVerifier });
    expect(built.ok && built.request.codeChallenge).toBe('qRD6s8ULvmiNvCcmnImCOhMRVH3Uwdm_1YBAd78nc18');
  });

  it.each([
    ['http://portal.test/cb', false],
    ['https://portal.test/cb#frag', false],
    ['com.example.app:/cb', false],
    ['http://localhost:3000/cb', true],
    ['https://portal.test/cb', true],
  ])('validates redirect_uri %s', (uri, ok) => {
    expect(validateRedirectUri(uri).ok).toBe(ok);
  });

  it('refuses a redirect_uri with a query, which the token request could not repeat', async () => {
    const settings = await settingsFor('mock-public');
    const built = await buildAuthorizationRequest(settings, {
      redirectUri: `${redirectUri}?env=mock`,
      scope: 'openid',
    });
    expect(built.ok ? 'ok' : built.failure.detail).toMatch(/without a query/);
  });

  it('refuses to build a request with an unusable redirect_uri', async () => {
    const settings = await settingsFor('mock-public');
    const built = await buildAuthorizationRequest(settings, {
      redirectUri: 'http://portal.test/',
      scope: 'openid',
    });
    expect(built.ok ? 'ok' : built.failure.code).toBe('invalid_redirect_uri');
  });
});

describe('the full login flow against the mock', () => {
  it('logs Ulv in, verifies the ID token against the JWKS and marks claims by scope', async () => {
    const { settings, request, view } = await login('mock-public', 'openid profile');
    expect(view.tokens.tokenType).toMatch(/^bearer$/i);
    expect(view.tokens.refreshToken).toBeUndefined();
    const idClaims = view.idToken?.claims;
    expect(idClaims).toMatchObject({
      iss: mockIssuer,
      aud: 'mock-public',
      given_name: 'Ulv',
      family_name: 'Telenormobilno',
    });
    expect(Number(idClaims?.exp) - Number(idClaims?.iat)).toBe(300);
    expect(view.accessToken?.header.typ).toBe('at+jwt');
    expect(Number(view.accessToken?.claims.exp) - Number(view.accessToken?.claims.iat)).toBe(3600);
    expect(view.idTokenClaims?.find((c) => c.claim === 'given_name')).toMatchObject({
      source: 'scope',
      scope: 'profile',
    });
    expect(view.idTokenClaims?.find((c) => c.claim === 'nonce')?.source).toBe('protocol');

    const verified = await verifyTokenSet(settings, view.tokens, { nonce: request.secrets.nonce });
    if (!verified.ok) throw new Error(verified.failure.code);
    expect(verified.verified.idToken?.ok).toBe(true);
    expect(verified.verified.accessToken?.ok).toBe(true);
  });

  it('rejects an ID token whose nonce is not the one sent', async () => {
    const { settings, view } = await login('mock-public', 'openid');
    const verified = await verifyTokenSet(settings, view.tokens, { nonce: 'another' });
    expect(verified.ok && !verified.verified.idToken?.ok && verified.verified.idToken?.failure.code).toBe(
      'nonce_mismatch',
    );
  });

  it('has openid-client reject a code exchange with the wrong nonce', async () => {
    const settings = await settingsFor('mock-public');
    const { request, callbackUrl } = await authorize(settings);
    const r = await exchangeCode(settings, callbackUrl, { ...request.secrets, nonce: 'not-the-nonce' });
    expect(r.ok ? 'ok' : r.failure.code).toBe('nonce_mismatch');
  });

  it('rejects a tampered ID token signature', async () => {
    const { settings, view } = await login('mock-public', 'openid');
    const [h, p, s] = view.tokens.idToken!.split('.');
    const forged = `${h}.${p}.${s!.slice(0, -4)}AAAA`;
    const v = await verifyTokenSet(settings, { ...view.tokens, idToken: forged });
    expect(v.ok && !v.verified.idToken?.ok && v.verified.idToken?.failure.code).toBe('invalid_id_token');
  });

  it('returns userinfo claims for the chosen scopes only', async () => {
    const { settings, view } = await login('mock-public', 'openid email');
    const ui = await fetchUserinfo(
      settings,
      view.tokens.accessToken,
      String(view.idToken?.claims.sub),
      view.grantedScopes,
    );
    if (!ui.ok) throw new Error(ui.failure.code);
    expect(ui.claims['email']).toBe('ulv.telenormobilno@example.com');
    expect(ui.claims['given_name']).toBeUndefined();
    expect(ui.origins.find((o) => o.claim === 'email')).toMatchObject({ source: 'scope', scope: 'email' });
  });

  it('gives each client its own pairwise sub', async () => {
    const a = await login('mock-public', 'openid');
    const b = await login('mock-mobile', 'openid');
    expect(a.view.idToken?.claims.sub).not.toBe(b.view.idToken?.claims.sub);
  });

  it('answers userinfo with invalid_token for a bad bearer', async () => {
    const settings = await settingsFor('mock-public');
    const ui = await fetchUserinfo(settings, 'not-a-token', undefined);
    expect(ui.ok ? 'ok' : ui.failure).toMatchObject({ code: 'invalid_token', status: 401 });
    expect(!ui.ok && ui.failure.curl).toContain('Bearer <access_token>');
  });

  it('rejects a callback whose state was not sent by this browser', async () => {
    const settings = await settingsFor('mock-public');
    const { request, callbackUrl } = await authorize(settings);
    expect(parseCallback(callbackUrl, { state: 'other' })).toMatchObject({
      ok: false,
      failure: { code: 'state_mismatch' },
    });
    const r = await exchangeCode(settings, callbackUrl, { ...request.secrets, state: 'other' });
    expect(r.ok ? 'ok' : r.failure.code).toBe('state_mismatch');
  });

  it('refuses to redeem a code twice', async () => {
    const settings = await settingsFor('mock-public');
    const { request, callbackUrl } = await authorize(settings);
    expect((await exchangeCode(settings, callbackUrl, request.secrets)).ok).toBe(true);
    const again = await exchangeCode(settings, callbackUrl, request.secrets);
    expect(again.ok ? 'ok' : again.failure).toMatchObject({ code: 'invalid_grant', status: 400 });
  });

  it('refuses a code with the wrong PKCE verifier', async () => {
    const settings = await settingsFor('mock-public');
    const { request, callbackUrl } = await authorize(settings);
    const r = await exchangeCode(settings, callbackUrl, { ...request.secrets, codeVerifier: 'x'.repeat(43) });
    expect(r.ok ? 'ok' : r.failure.error_description).toMatch(/code_verifier/);
  });

  it('logs a Confidential client in with its secret and refuses a wrong one', async () => {
    const ok = await login('mock-confidential', 'openid offline_access', 'mock-confidential-secret');
    expect(ok.view.tokens.refreshToken).toBeDefined();
    const settings = await settingsFor('mock-confidential', 'wrong');
    const { request, callbackUrl } = await authorize(settings);
    const r = await exchangeCode(settings, callbackUrl, request.secrets);
    expect(r.ok ? 'ok' : r.failure).toMatchObject({ code: 'invalid_client', status: 401 });
    expect(!r.ok && r.failure.curl).toContain('client_secret=<client_secret>');
  });

  it('shows an error page, not a redirect, for an unknown client or redirect_uri', async () => {
    expect(await mockAuthorizeAs({ client_id: 'nobody', redirect_uri: redirectUri })).toMatchObject({
      kind: 'error_page',
      error: 'invalid_client',
    });
    expect(
      await mockAuthorizeAs({ client_id: 'mock-public', redirect_uri: 'https://evil.test/cb' }),
    ).toMatchObject({
      kind: 'error_page',
      error: 'invalid_redirect_uri',
    });
  });

  it('redirects with an OAuth error when a public client skips PKCE', async () => {
    const r = await mockAuthorizeAs({
      client_id: 'mock-public',
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid',
      state: 's',
    });
    expect(r.kind === 'redirect' && parseCallback(r.redirectTo, { state: 's' })).toMatchObject({
      ok: false,
      failure: { code: 'invalid_request' },
    });
  });

  it('serves the authorize endpoint over HTTP in Node: the login screen as JSON, then a 302', async () => {
    const settings = await settingsFor('mock-public');
    const built = await buildAuthorizationRequest(settings, { redirectUri, scope: 'openid' });
    if (!built.ok) throw new Error();
    const screen = await fetch(built.request.url, { redirect: 'manual' });
    expect(screen.status).toBe(200);
    const { login } = (await screen.json()) as { login: { request: string } };
    const res = await fetch(mockIssuer + mockLoginPath, {
      method: 'POST',
      body: new URLSearchParams({ request: login.request, user: 'ulv' }),
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^https:\/\/portal\.test\/docs\/tools\/scope-builder\?code=/);
  });
});

describe('prompt=none (silent login)', () => {
  it('answers login_required without an SSO session', async () => {
    const settings = await settingsFor('mock-public');
    const { request, callbackUrl } = await authorize(settings, { prompt: 'none' });
    const cb = parseCallback(callbackUrl, { state: request.secrets.state });
    expect(cb.ok ? 'ok' : cb.failure).toMatchObject({
      code: 'login_required',
      error: 'login_required',
      explanation: oauthErrors.login_required,
    });
  });

  it('logs in silently with a session, and answers consent_required when consent is needed', async () => {
    setMockScenario({ ssoSession: true });
    const settings = await settingsFor('mock-public');
    const silent = await authorize(settings, { prompt: 'none' });
    expect(silent.answer.kind === 'redirect' && silent.answer.shown).toEqual(['sso']);
    expect((await exchangeCode(settings, silent.callbackUrl, silent.request.secrets)).ok).toBe(true);
    setMockScenario({ consentRequired: true });
    const consent = await authorize(settings, { prompt: 'none' });
    expect(parseCallback(consent.callbackUrl, { state: consent.request.secrets.state })).toMatchObject({
      failure: { code: 'consent_required' },
    });
  });

  it('starts a session on an interactive login, which prompt=none then reuses', async () => {
    const settings = await settingsFor('mock-public');
    const first = await authorize(settings);
    expect(first.answer.kind === 'redirect' && first.answer.shown).toEqual(['login']);
    expect(getMockScenario().ssoSession).toBe(true);
    const second = await authorize(settings, { prompt: 'none' });
    expect(second.answer.kind === 'redirect' && second.answer.outcome).toBe('code');
  });
});

describe('refresh tokens and every way to earn invalid_grant', () => {
  it('gives a Public client no refresh token even with offline_access', async () => {
    const { settings, view } = await login('mock-public', 'openid offline_access');
    expect(view.tokens.refreshToken).toBeUndefined();
    const r = await refreshTokens(settings, view.tokens.refreshToken ?? '');
    expect(r.ok ? 'ok' : r.failure.code).toBe('no_refresh_token');
  });

  it('gives no refresh token when offline_access is not requested', async () => {
    const { view } = await login('mock-mobile', 'openid');
    expect(view.tokens.refreshToken).toBeUndefined();
  });

  it('rotates the refresh token on each refresh', async () => {
    const { settings, view } = await login('mock-public-with-refresh', 'openid offline_access');
    const r = await refreshTokens(settings, view.tokens.refreshToken!);
    if (!r.ok) throw new Error(r.failure.code);
    expect(r.view.tokens.refreshToken).toBeDefined();
    expect(r.view.tokens.refreshToken).not.toBe(view.tokens.refreshToken);
    expect(r.view.idToken?.claims.sub).toBe(view.idToken?.claims.sub);
  });

  it('detects reuse after rotation and revokes the whole family', async () => {
    const { settings, view } = await login('mock-public-with-refresh', 'openid offline_access');
    const rotated = await refreshTokens(settings, view.tokens.refreshToken!);
    if (!rotated.ok) throw new Error();
    expectInvalidGrant(await refreshTokens(settings, view.tokens.refreshToken!), 'reused');
    expectInvalidGrant(await refreshTokens(settings, rotated.view.tokens.refreshToken!), 'revoked');
  });

  it('fails once the PublicWeb lifetime (10 min) has passed, exactly at expiry too', async () => {
    const { settings, view } = await login('mock-public-with-refresh', 'openid offline_access');
    advanceMockClock(599);
    const r = await refreshTokens(settings, view.tokens.refreshToken!);
    if (!r.ok) throw new Error(r.failure.code);
    advanceMockClock(600); // sliding: the new token lives 600 s from the refresh; now exactly at expiry
    expectInvalidGrant(await refreshTokens(settings, r.view.tokens.refreshToken!), 'expired');
  });

  it('keeps the Confidential end fixed however often it refreshes', async () => {
    const { settings, view } = await login(
      'mock-confidential',
      'openid offline_access',
      'mock-confidential-secret',
    );
    advanceMockClock(13 * 86400);
    const r = await refreshTokens(settings, view.tokens.refreshToken!);
    if (!r.ok) throw new Error(r.failure.code);
    advanceMockClock(86400);
    expectInvalidGrant(await refreshTokens(settings, r.view.tokens.refreshToken!), 'expired');
  });

  it('fails after the refresh token is revoked (RFC 7009)', async () => {
    const { settings, view } = await login('mock-mobile', 'openid offline_access');
    const revoked = await revokeToken(settings, view.tokens.refreshToken!);
    expect(revoked.ok).toBe(true);
    expect(revoked.ok && revoked.curl).toContain('token=<token>');
    expectInvalidGrant(await refreshTokens(settings, view.tokens.refreshToken!), 'revoked');
  });

  it('fails after revocation switched on through the control endpoint', async () => {
    const { settings, view } = await login('mock-mobile', 'openid offline_access');
    const res = await fetch(`${mockIssuer}/__mock/scenario`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ revokeRefreshTokens: true }),
    });
    expect(await res.json()).toMatchObject({ revokedRefreshTokens: 1 });
    expectInvalidGrant(await refreshTokens(settings, view.tokens.refreshToken!), 'revoked');
  });

  it('fails for a refresh token issued to another client', async () => {
    const { view } = await login('mock-mobile', 'openid offline_access');
    const other = await settingsFor('mock-public-with-refresh');
    expectInvalidGrant(await refreshTokens(other, view.tokens.refreshToken!), 'other_client');
  });

  it('fails once the SSO session has ended', async () => {
    const { settings, view } = await login('mock-mobile', 'openid offline_access');
    endMockSession();
    expectInvalidGrant(await refreshTokens(settings, view.tokens.refreshToken!), 'session_ended');
  });

  it('fails for a refresh token it never issued', async () => {
    const settings = await settingsFor('mock-mobile');
    expectInvalidGrant(await refreshTokens(settings, 'mock-rt-from-another-page-load'), 'unknown');
  });
});

describe('logout', () => {
  it('builds the end-session URL with id_token_hint, post_logout_redirect_uri and state', async () => {
    const { settings, view } = await login('mock-public', 'openid');
    const r = buildEndSessionRequest(settings, {
      idTokenHint: view.tokens.idToken!,
      postLogoutRedirectUri: redirectUri,
      state: 'bye',
    });
    if (!r.ok) throw new Error();
    const url = new URL(r.url);
    expect(url.pathname).toBe('/connect/endsession');
    expect(url.searchParams.get('state')).toBe('bye');
    const res = await fetch(r.url, { redirect: 'manual' });
    expect(res.headers.get('location')).toBe(`${redirectUri}?state=bye`);
    expect(getMockScenario().ssoSession).toBe(false);
  });

  it('answers the custom logout as TelenorID+ does: Ok(state), then Already logged out', async () => {
    const { settings, view } = await login('mock-mobile', 'openid');
    const first = await customLogout(settings, { idTokenHint: view.tokens.idToken!, state: 'st-1' });
    expect(first.outcome).toEqual({ kind: 'logged_out', state: 'st-1' });
    expect(first.curl).toContain('"id_token_hint":"<id_token_hint>"');
    const second = await customLogout(settings, { idTokenHint: view.tokens.idToken!, state: 'st-1' });
    expect(second.outcome).toEqual({ kind: 'already_logged_out' });
  });

  it('answers the custom logout with 400 without a hint and 401 for a bad signature', async () => {
    const { settings, view } = await login('mock-mobile', 'openid');
    const missing = await customLogout(settings, { idTokenHint: '' });
    expect(missing.outcome.kind === 'failed' && missing.outcome.failure).toMatchObject({ status: 400 });
    const forged = view.tokens.idToken!.slice(0, -4) + 'AAAA';
    const bad = await customLogout(settings, { idTokenHint: forged });
    expect(bad.outcome.kind === 'failed' && bad.outcome.failure).toMatchObject({
      status: 401,
      code: 'invalid_token',
    });
  });
});

describe('transport failures at the token endpoint', () => {
  it('classifies a network error', async () => {
    const settings = await settingsFor('mock-mobile');
    server.use(http.post(`${mockIssuer}/connect/token`, () => HttpResponse.error()));
    const r = await refreshTokens(settings, 'x');
    expect(r.ok ? 'ok' : r.failure.code).toBe('network_error');
  });

  it('classifies a 500 HTML page', async () => {
    const settings = await settingsFor('mock-mobile');
    server.use(
      http.post(`${mockIssuer}/connect/token`, () => HttpResponse.html('<h1>oops</h1>', { status: 500 })),
    );
    const r = await refreshTokens(settings, 'x');
    expect(r.ok ? 'ok' : r.failure).toMatchObject({ code: 'http_error', status: 500 });
  });

  it('classifies a 503 with an OAuth error body by its error', async () => {
    const settings = await settingsFor('mock-mobile');
    server.use(
      http.post(`${mockIssuer}/connect/token`, () =>
        HttpResponse.json(
          { error: 'temporarily_unavailable', error_description: 'maintenance' },
          { status: 503 },
        ),
      ),
    );
    const r = await refreshTokens(settings, 'x');
    expect(r.ok ? 'ok' : r.failure).toMatchObject({
      code: 'temporarily_unavailable',
      error_description: 'maintenance',
    });
  });
});

describe('plain http only for a loopback issuer', () => {
  const local = 'http://127.0.0.1:4400';
  const localDiscovery = {
    issuer: local,
    authorization_endpoint: `${local}/connect/authorize`,
    token_endpoint: `${local}/connect/token`,
    jwks_uri: `${local}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
  };

  it('talks http to the local tenant on loopback', async () => {
    server.use(
      http.post(`${local}/connect/token`, () =>
        HttpResponse.json({ error: 'invalid_grant', error_description: 'local says no' }, { status: 400 }),
      ),
    );
    const r = await refreshTokens({ discovery: localDiscovery, issuer: local, clientId: 'c' }, 'rt');
    expect(r.ok ? 'ok' : r.failure).toMatchObject({
      code: 'invalid_grant',
      error_description: 'local says no',
    });
  });

  it('refuses an https issuer whose token endpoint is plain http elsewhere', async () => {
    const discovery = {
      ...localDiscovery,
      issuer: 'https://op.test',
      token_endpoint: 'http://op.test/token',
    };
    const r = await refreshTokens({ discovery, issuer: discovery.issuer, clientId: 'c' }, 'rt');
    expect(r.ok ? 'ok' : r.failure.code).toBe('insecure_http');
  });

  it('refuses an http issuer that is not loopback before sending anything', async () => {
    const discovery = { ...localDiscovery, issuer: 'http://op.test' };
    const r = await refreshTokens({ discovery, issuer: discovery.issuer, clientId: 'c' }, 'rt');
    expect(r.ok ? 'ok' : r.failure.code).toBe('insecure_http');
  });
});
