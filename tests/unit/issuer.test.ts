// Issue #14: the one issuer-match rule and the per-endpoint http rule every flow applies
// (src/oidc/issuer.ts), the explorer's findings that share it, and what a refused flow sends (nothing).
import { customFetch } from 'openid-client';
import { describe, expect, it } from 'vitest';
import {
  buildAuthorizationRequest,
  checkProviderMetadata,
  checkProviderUrl,
  compareIssuer,
  describeRunFailure,
  environmentFor,
  exchangeCode,
  isProviderRefusal,
  issuerHost,
  prepareClient,
  validateDiscovery,
  type ClientSettings,
} from '../../src/oidc';

const real = 'https://id-test.telenor.no';
const attacker = 'https://attacker.example';

function document(issuer: string, overrides: Record<string, unknown> = {}) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/connect/authorize`,
    token_endpoint: `${issuer}/connect/token`,
    userinfo_endpoint: `${issuer}/connect/userinfo`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    ...overrides,
  };
}

/** A fetch that records what would have been sent, and answers nothing useful. */
function recorder() {
  const sent: string[] = [];
  const fetch = (input: string | URL | Request) => {
    sent.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return Promise.resolve(new Response('{}', { status: 500 }));
  };
  return { sent, fetch };
}

describe('the issuer-match rule', () => {
  it.each([
    [real, real, 'match'],
    [`${real}/`, real, 'trailing_slash'],
    [real, `${real}/`, 'trailing_slash'],
    ['https://login.example.com/{tenantid}/v2.0', 'https://login.example.com/common/v2.0', 'template'],
    [real, attacker, 'mismatch'],
    [42, real, 'not_string'],
  ])('%s fetched for %s is %s', (stated, requested, verdict) => {
    expect(compareIssuer(stated, requested as string)).toBe(verdict);
  });

  it('is the explorer’s rule too: a mix-up document is an issuer_mismatch finding linked to the explanation', () => {
    const finding = validateDiscovery(document(real), attacker).find((f) => f.code === 'issuer_mismatch');
    expect(finding?.guide).toBe('issuerMatch');
  });

  it('refuses a document that claims the real issuer from an attacker’s URL, and says why', () => {
    const check = checkProviderMetadata(document(real, { token_endpoint: `${attacker}/token` }), attacker);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.failure.code).toBe('issuer_mismatch');
    expect(check.failure.detail).toBe(
      `The discovery document for “${attacker}” says its issuer is “${real}”.`,
    );
    expect(check.failure.explanation.guide).toBe('issuerMatch');
    const sentence = describeRunFailure(check.failure, {
      step: 'discovery',
      environment: 'Custom issuer attacker.example',
      corsLikely: true,
    });
    expect(sentence).toContain('Refused before sending anything');
    expect(sentence).toContain('names another issuer');
  });

  it('no flow sends anything with a mix-up document: not the login, not the token request', async () => {
    const { sent, fetch } = recorder();
    const settings: ClientSettings = {
      discovery: document(real, { token_endpoint: `${attacker}/token` }),
      issuer: attacker,
      clientId: 'local-public',
      fetch,
    };
    const built = await buildAuthorizationRequest(settings, {
      redirectUri: 'https://portal.test/callback/',
      scope: 'openid',
    });
    expect(built.ok ? 'built' : built.failure.code).toBe('issuer_mismatch');
    const exchanged = await exchangeCode(settings, `https://portal.test/callback/?code=c&state=s`, {
      codeVerifier: 'v'.repeat(43),
      state: 's',
      nonce: 'n',
      redirectUri: 'https://portal.test/callback/',
    });
    expect(exchanged.ok ? 'exchanged' : exchanged.failure.code).toBe('issuer_mismatch');
    expect(sent).toEqual([]);
  });
});

describe('plain http only for an endpoint that is itself on loopback', () => {
  const local = 'http://127.0.0.1:4400';

  it.each([
    'token_endpoint',
    'userinfo_endpoint',
    'jwks_uri',
    'end_session_endpoint',
    'revocation_endpoint',
    'device_authorization_endpoint',
    'authorization_endpoint',
  ])('refuses a loopback issuer whose %s is plain http elsewhere', (field) => {
    const check = checkProviderMetadata(document(local, { [field]: 'http://op.example/x' }), local);
    expect(check.ok ? 'ok' : check.failure).toMatchObject({
      code: 'insecure_http',
      detail: `Its ${field} is “http://op.example/x”.`,
    });
  });

  it('accepts an https issuer with one endpoint on loopback http (the mock’s authorize page in tests)', () => {
    const check = checkProviderMetadata(
      document('https://mock.telenorid.invalid', {
        authorization_endpoint: 'http://localhost:3000/mock/authorize',
      }),
      'https://mock.telenorid.invalid',
    );
    expect(check).toEqual({ ok: true, loopbackHttp: true });
  });

  it('accepts an all-https document without any plain http', () => {
    expect(checkProviderMetadata(document(real), real)).toEqual({ ok: true, loopbackHttp: false });
  });

  it('refuses, per request, plain http to another host even when http is switched on for loopback', async () => {
    const { sent, fetch } = recorder();
    const prepared = prepareClient({ discovery: document(local), issuer: local, clientId: 'c', fetch });
    if (!prepared.ok) throw new Error(prepared.failure.code);
    expect(prepared.client.insecureLoopback).toBe(true);
    const send = prepared.client.config[customFetch] as unknown as (
      url: string,
      init: RequestInit,
    ) => Promise<Response>;
    await expect(send('http://op.example/token', { method: 'POST' })).rejects.toMatchObject({
      code: 'OAUTH_HTTP_REQUEST_FORBIDDEN',
    });
    await send(`${local}/connect/token`, { method: 'POST' });
    expect(sent).toEqual([`${local}/connect/token`]);
  });
});

describe('issuer URLs a link may carry', () => {
  it('refuses a user name before the host, which hides the real host', () => {
    expect(checkProviderUrl('https://id.telenor.no@attacker.example/')).toEqual({
      ok: false,
      code: 'credentials_in_url',
    });
    expect(checkProviderUrl('https://user:pw@id.telenor.no/')).toMatchObject({ ok: false });
  });

  it('shows a custom issuer by its host, punycode and port included', () => {
    expect(issuerHost('https://xn--tlenor-bva.example:8443/path')).toBe('xn--tlenor-bva.example:8443');
    expect(issuerHost('https://tèlenor.example/')).toBe('xn--tlenor-3ua.example');
    expect(environmentFor('custom', { customIssuer: 'http://127.0.0.1:5000/op' }).label).toBe(
      'Custom issuer 127.0.0.1:5000',
    );
  });
});

describe('isProviderRefusal', () => {
  it('names the provider checks’ refusals, so no stand-in replaces such a provider', () => {
    for (const code of ['issuer_mismatch', 'insecure_http', 'unsupported_scheme', 'credentials_in_url'])
      expect(isProviderRefusal(code)).toBe(true);
    for (const code of ['network_error', 'timeout', 'http_error', 'invalid_json'])
      expect(isProviderRefusal(code)).toBe(false);
  });
});
