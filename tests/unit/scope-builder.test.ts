import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  analyseScopes,
  authorizationUrlWarning,
  buildAuthorizationRequest,
  checkApiScopeInput,
  checkExtraScopeInput,
  checkRequestValues,
  completeCodeFlow,
  describeRunFailure,
  failure,
  fetchDiscovery,
  mockIssuer,
  newRequestSecrets,
  offlineAccessOutcome,
  parseSharedSelection,
  pkceChallengeOf,
  runProblem,
  scopeTokenProblem,
  shareSelectionUrl,
  type ClientSettings,
  type RequestValues,
} from '../../src/oidc';
import { mockAuthorizeAs } from './support/mock-login';
import { useMockServer } from './support/mock-server';

useMockServer();
const redirectUri = 'https://portal.test/callback/';

const goodValues: RequestValues = {
  clientId: 'mock-public',
  redirectUri,
  uiLocales: 'no en',
  loginHint: '+4799957009',
  state: 'abc',
  nonce: 'def',
};

describe('typed scopes get a sentence, not a crash', () => {
  it.each([
    ['my scope', /cannot contain spaces/],
    ['say"hi"', /double quote/],
    ['back\\slash', /backslash/],
    ['blåbær', /only ASCII characters/],
    ['🙂', /only ASCII characters/],
    ['x'.repeat(5000), /5000 characters long/],
    ['', /Type a scope first/],
  ])('%j', (input, sentence) => {
    expect(scopeTokenProblem(input)).toMatch(sentence);
    const extra = checkExtraScopeInput(input);
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.reason).toMatch(sentence);
  });

  it('api: with no service is refused with an example', () => {
    for (const input of ['api:', '', '   ']) {
      const r = checkApiScopeInput(input);
      expect(r).toEqual({
        ok: false,
        reason: 'An API scope needs the Apigee service after api:, for example api:mobile-product-v2.',
      });
    }
    const extra = checkExtraScopeInput('api:');
    expect(extra.ok).toBe(false);
  });

  it('an API service is accepted with or without the api: prefix, and checked', () => {
    expect(checkApiScopeInput('mobile-product-v2')).toEqual({ ok: true, scope: 'api:mobile-product-v2' });
    expect(checkApiScopeInput('api:mobile-subscription-v1')).toEqual({
      ok: true,
      scope: 'api:mobile-subscription-v1',
    });
    const bad = checkApiScopeInput('api:-weird');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toContain('is not an Apigee service name');
    const spaced = checkApiScopeInput('api:two words');
    expect(spaced.ok).toBe(false);
  });

  it('an extra scope not in scopes_supported is accepted with a warning', () => {
    expect(checkExtraScopeInput('custom.read', { scopesSupported: ['openid', 'profile'] })).toEqual({
      ok: true,
      scope: 'custom.read',
      note: 'custom.read is not in this environment’s scopes_supported: expect invalid_scope unless it is registered for your client.',
    });
    expect(checkExtraScopeInput('custom.read', { scopesSupported: ['custom.read'] })).toEqual({
      ok: true,
      scope: 'custom.read',
    });
  });

  it('500 scopes: a warning that says so, and a URL warning', async () => {
    const many = Array.from({ length: 500 }, (_, i) => `api:service-${i}`);
    const analysis = analyseScopes(['openid', ...many]);
    expect(analysis.warnings.find((w) => w.code === 'too_many')?.message).toBe(
      '501 scopes: more than 100 is almost certainly a mistake. Ask only for what you need.',
    );
    const d = await fetchDiscovery(mockIssuer);
    if (!d.ok) throw new Error(d.failure.code);
    const built = await buildAuthorizationRequest(
      { discovery: d.document, issuer: mockIssuer, clientId: 'mock-public' },
      { redirectUri, scope: analysis.scopeString },
    );
    if (!built.ok) throw new Error(built.failure.code);
    expect(authorizationUrlWarning(built.request.url)).toMatch(
      /^The authorization URL is \d+ characters long/,
    );
  });
});

describe('offline_access under each client type', () => {
  it('Public: no refresh token, and why', () => {
    const o = offlineAccessOutcome('Public');
    expect(o.refreshToken).toBe(false);
    expect(o.sentence).toContain(
      'gets no refresh token, even with offline_access (refresh policy NoRefresh)',
    );
    expect(o.sentence).toContain('cannot keep a long-lived token safe');
  });
  it('the others: lifetime and sliding or fixed', () => {
    expect(offlineAccessOutcome('PublicWithRefresh').sentence).toContain('PublicWeb, 10 minutes, sliding');
    expect(offlineAccessOutcome('Confidential').sentence).toContain('Confidential, 14 days, fixed');
    expect(offlineAccessOutcome('MobileApp').sentence).toContain('Mobile, 90 days, sliding');
  });
});

describe('request values', () => {
  it('accepts good values', () => {
    expect(checkRequestValues(goodValues)).toEqual([]);
  });
  it.each([
    ['redirectUri', 'http://example.com/cb', 'Plain http is allowed only on loopback hosts'],
    ['redirectUri', 'https://example.com/cb#frag', 'must not contain a fragment'],
    ['redirectUri', 'https://example.com/cb?x=1', 'without a query'],
    ['redirectUri', 'not a url', 'must be an absolute URL'],
    ['clientId', '', 'Type your client_id.'],
    ['clientId', 'my client', 'printable ASCII without spaces'],
    ['loginHint', '9'.repeat(10_000), 'is 10000 characters long'],
    ['uiLocales', 'no <script>', 'is not a language tag'],
    ['state', '', 'The state is empty'],
  ] as const)('%s = %j', (field, value, sentence) => {
    const problems = checkRequestValues({ ...goodValues, [field]: value });
    expect(problems.find((p) => p.field === field)?.message).toContain(sentence);
  });
  it('http on loopback is a fine redirect_uri', () => {
    expect(checkRequestValues({ ...goodValues, redirectUri: 'http://127.0.0.1:8080/cb' })).toEqual([]);
  });
  it('Run refuses what the portal cannot receive', () => {
    const base = { responseType: 'code', responseMode: '', redirectUri, callbackUrl: redirectUri };
    expect(runProblem(base)).toBeUndefined();
    expect(runProblem({ ...base, responseType: 'id_token token' })).toContain('not allowed or recommended');
    expect(runProblem({ ...base, responseMode: 'form_post' })).toContain('cannot receive form_post');
    expect(runProblem({ ...base, redirectUri: 'https://app.example/cb' })).toContain(
      'Run needs the portal’s callback',
    );
  });
});

describe('PKCE', () => {
  it('the S256 challenge is BASE64URL(SHA-256(verifier))', async () => {
    const { codeVerifier, state, nonce } = newRequestSecrets();
    expect(codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(state).not.toBe(nonce);
    const expected = createHash('sha256').update(codeVerifier).digest('base64url');
    expect(await pkceChallengeOf(codeVerifier)).toBe(expected);
    expect(newRequestSecrets().codeVerifier).not.toBe(codeVerifier);
  });
});

describe('the share link', () => {
  const page = 'https://portal.test/tools/scope-builder?code=abc&state=s#frag';
  it('round-trips the non-secret selection and drops the page’s own query', () => {
    const selection = {
      env: 'local' as const,
      scopes: ['openid', 'email', 'api:mobile-product-v2', 'custom.read'],
      clientType: 'Confidential' as const,
      clientId: 'local-confidential',
      redirectUri,
      responseType: 'code',
      responseMode: 'query',
      prompt: 'login',
      uiLocales: 'no',
      loginHint: '+4799957009',
      acrValues: 'urn:telenor.identity.aal.2',
    };
    const url = shareSelectionUrl(page, selection);
    expect(url).not.toMatch(/[?&](code|state|nonce|code_verifier|code_challenge)=/);
    expect(url).not.toContain('#frag');
    const parsed = parseSharedSelection(new URL(url).search);
    expect(parsed.problems).toEqual([]);
    expect(parsed.selection).toEqual(selection);
  });

  it('hostile values become sentences, never a crash', () => {
    const q = new URLSearchParams({
      env: 'mars',
      scope: 'openid bad"quote blå ' + 'x'.repeat(300),
      client_type: '<script>',
      redirect_uri: 'javascript:alert(1)',
      response_type: 'code token"><img>',
      prompt: 'select_account',
      acr_values: 'idp:evil',
      ui_locales: 'x'.repeat(600),
      code: 'stolen',
      code_verifier: 'v',
    });
    const parsed = parseSharedSelection('?' + q.toString());
    expect(parsed.selection).toEqual({ scopes: ['openid'] });
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'The link’s scope “bad"quote” was left out: A scope cannot contain a double quote',
        ),
        expect.stringContaining('The link’s scope “blå” was left out: A scope can contain only ASCII'),
        expect.stringContaining('was left out: This scope is 300 characters long'),
        'The link’s client type “<script>” is not a TelenorID+ client type; it was left out.',
        expect.stringContaining('The link’s redirect_uri was left out: The javascript: scheme'),
        expect.stringContaining('The link’s response_type'),
        'The link’s prompt “select_account” is not one the builder offers; it was left out.',
        'The link’s acr_values “idp:evil” is not one the builder offers; it was left out.',
        'The link’s ui_locales was left out: it is too long or holds control characters.',
        'The link carries code, which a share link never should; it was ignored.',
        'The link carries code_verifier, which a share link never should; it was ignored.',
      ]),
    );
    expect(() => parseSharedSelection('%%%&&&==')).not.toThrow();
    const many = parseSharedSelection('?scope=' + Array.from({ length: 500 }, (_, i) => `s${i}`).join('+'));
    expect(many.selection.scopes).toHaveLength(100);
    expect(many.problems).toContain('The link asks for 500 scopes; only the first 100 were kept.');
  });
});

async function runWith(scope: string, mutate?: (callback: URL) => void) {
  const d = await fetchDiscovery(mockIssuer);
  if (!d.ok) throw new Error(d.failure.code);
  const settings: ClientSettings = { discovery: d.document, issuer: mockIssuer, clientId: 'mock-public' };
  const built = await buildAuthorizationRequest(settings, { redirectUri, scope });
  if (!built.ok) throw new Error(built.failure.code);
  const answer = await mockAuthorizeAs(new URL(built.request.url).searchParams);
  if (answer.kind !== 'redirect') throw new Error(answer.error);
  const callback = new URL(answer.redirectTo);
  mutate?.(callback);
  return completeCodeFlow(settings, callback.href, built.request.secrets, scope.split(' '));
}

describe('Run: the code flow against the mock', () => {
  it('shows the claims of the chosen scopes, marked with their scope, and not others', async () => {
    const result = await runWith('openid email');
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    const { run } = result;
    expect(run.verification.ok && run.verification.verified.idToken?.ok).toBe(true);
    expect(run.verification.ok && run.verification.verified.accessToken?.ok).toBe(true);
    expect(run.userinfo?.ok).toBe(true);
    const email = run.received.find((c) => c.claim === 'email');
    expect(email).toMatchObject({ location: 'userinfo', source: 'scope', scope: 'email' });
    const names = run.received.map((c) => c.claim);
    expect(names).not.toContain('given_name');
    expect(names).not.toContain('phone_number');
    expect(names).not.toContain('kurtid');
    expect(run.curl).toContain('code_verifier=<code_verifier>');
    expect(run.missing).toEqual([]);
  });

  it('profile and tnn.ids bring their claims to the places the catalogue says', async () => {
    const result = await runWith('openid profile tnn.ids');
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    const at = (claim: string, location: string) =>
      result.run.received.find((c) => c.claim === claim && c.location === location);
    expect(at('given_name', 'id_token')).toMatchObject({ scope: 'profile' });
    expect(at('birthdate', 'userinfo')).toMatchObject({ scope: 'profile' });
    expect(at('tnuid', 'access_token')).toMatchObject({ scope: 'tnn.ids' });
    expect(result.run.received.map((c) => c.claim)).not.toContain('email');
  });

  it('a callback with a wrong state is rejected before any exchange', async () => {
    const result = await runWith('openid', (u) => u.searchParams.set('state', 'forged'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.code).toBe('state_mismatch');
    expect(
      describeRunFailure(result.failure, { step: 'authorize', environment: 'Mock', corsLikely: false }),
    ).toMatch(/^The answer came back with a state this browser did not send, so it was rejected/);
  });
});

describe('Run failures in one sentence', () => {
  const ctx = { environment: 'TelenorID+ staging', corsLikely: true };
  it('CORS at /token says CORS and what to do', () => {
    const f = failure('network_error').failure;
    expect(describeRunFailure(f, { ...ctx, step: 'token' })).toContain(
      'Your browser was not allowed to read TelenorID+ staging’s answer at /token: it does not allow this site’s origin (CORS)',
    );
  });
  it('an unreachable local tenant says how to start it', () => {
    const f = failure('network_error').failure;
    expect(
      describeRunFailure(f, {
        step: 'discovery',
        environment: 'Local test tenant',
        corsLikely: false,
        isLocal: true,
      }),
    ).toContain('is it running? Start it with npm start or npm run tenant');
  });
  it('a denied consent says the user declined', () => {
    const f = failure('access_denied', {
      error: 'access_denied',
      error_description: 'User cancelled',
    }).failure;
    expect(describeRunFailure(f, { ...ctx, step: 'authorize' })).toBe(
      'The user declined (access_denied: User cancelled). Nothing was granted; tell the user they were not logged in and let them try again when they choose to; do not loop.',
    );
  });
});
