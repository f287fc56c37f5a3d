import { describe, expect, it } from 'vitest';
import {
  claimOrigins,
  classifyError,
  interpretCustomLogout,
  oauthErrors,
  portalFailures,
  type RecordedRequest,
} from '../../src/oidc';

const request: RecordedRequest = {
  method: 'POST',
  url: 'https://op.test/connect/token',
  headers: {},
  body: { kind: 'form', params: [['refresh_token', 'secret-rt']] },
};

describe('classifyError: openid-client errors become OidcFailures', () => {
  // Plain objects stand in for minified classes: classification must not depend on names or instanceof.
  it('classifies a token endpoint error by its OAuth error, with status, explanation and redacted curl', () => {
    const f = classifyError(
      {
        name: 'e',
        code: 'OAUTH_RESPONSE_BODY_ERROR',
        error: 'invalid_grant',
        error_description: 'expired',
        status: 400,
        cause: { error: 'invalid_grant' },
      },
      [request],
    );
    expect(f).toMatchObject({
      code: 'invalid_grant',
      error: 'invalid_grant',
      error_description: 'expired',
      status: 400,
    });
    expect(f.explanation).toBe(oauthErrors.invalid_grant);
    expect(f.curl).toContain('<refresh_token>');
    expect(f.curl).not.toContain('secret-rt');
  });

  it('classifies a WWW-Authenticate challenge by its error parameter', () => {
    const f = classifyError({
      code: 'OAUTH_WWW_AUTHENTICATE_CHALLENGE',
      status: 401,
      cause: [{ scheme: 'bearer', parameters: { error: 'invalid_token', error_description: 'expired' } }],
    });
    expect(f).toMatchObject({ code: 'invalid_token', status: 401, error_description: 'expired' });
  });

  it('classifies a redirect error (authorization response)', () => {
    expect(classifyError({ code: 'OAUTH_AUTHORIZATION_RESPONSE_ERROR', error: 'access_denied' }).code).toBe(
      'access_denied',
    );
  });

  it('tells a nonce mismatch from other ID token claim failures', () => {
    const nonce = classifyError({
      code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
      cause: { cause: { claim: 'nonce' } },
    });
    expect(nonce.code).toBe('nonce_mismatch');
    const aud = classifyError({
      code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
      cause: { cause: { claim: 'aud' } },
    });
    expect(aud.code).toBe('invalid_id_token');
    expect(aud.detail).toMatch(/aud/);
  });

  it.each([
    [{ name: 'TimeoutError' }, 'timeout'],
    [{ name: 'AbortError' }, 'aborted'],
    [new TypeError('fetch failed'), 'network_error'],
    [{ code: 'OAUTH_RESPONSE_IS_NOT_CONFORM', cause: { status: 502 } }, 'http_error'],
    [{ code: 'OAUTH_RESPONSE_IS_NOT_JSON' }, 'not_json'],
    [{ code: 'OAUTH_HTTP_REQUEST_FORBIDDEN' }, 'insecure_http'],
    [{ code: 'OAUTH_MISSING_SERVER_METADATA' }, 'missing_endpoint'],
    [{ code: 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' }, 'invalid_id_token'],
    ['a string', 'invalid_response'],
    [undefined, 'invalid_response'],
  ])('classifies %o as %s', (error, code) => {
    const f = classifyError(error);
    expect(f.code).toBe(code);
    expect(f.explanation.meaning.length).toBeGreaterThan(0);
  });

  it('has an explanation for every portal failure code it emits', () => {
    for (const code of [
      'timeout',
      'aborted',
      'network_error',
      'http_error',
      'missing_endpoint',
      'nonce_mismatch',
    ])
      expect(Object.keys(portalFailures)).toContain(code);
  });
});

describe('interpretCustomLogout (TelenorID+ §17 answers)', () => {
  it.each([
    [200, 'st-1', { kind: 'logged_out', state: 'st-1' }],
    [200, '"Already logged out"', { kind: 'already_logged_out' }],
  ])('reads %i %s', (status, body, outcome) => {
    expect(interpretCustomLogout(status, body, 'st-1')).toEqual(outcome);
  });
  it.each([
    [400, 'invalid_request'],
    [401, 'invalid_token'],
    [424, 'http_error'],
    [500, 'server_error'],
  ])('reads %i as a failure (%s)', (status, code) => {
    const o = interpretCustomLogout(status, 'x', undefined);
    expect(o.kind === 'failed' && o.failure.code).toBe(code);
  });
});

describe('claimOrigins', () => {
  it('marks which claim came from which scope, and which are protocol claims', () => {
    const origins = claimOrigins(
      { sub: 's', email: 'e', kurtid: '1', iss: 'i', zzz: 1 },
      ['openid', 'email', 'tnn.ids'],
      'access_token',
    );
    const by = Object.fromEntries(origins.map((o) => [o.claim, o]));
    expect(by['sub']).toMatchObject({ source: 'scope', scope: 'openid' });
    expect(by['kurtid']).toMatchObject({ source: 'scope', scope: 'tnn.ids' });
    expect(by['iss']?.source).toBe('protocol');
    expect(by['zzz']?.source).toBe('unknown');
  });
});
