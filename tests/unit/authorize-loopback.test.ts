// Regression: the mock's authorization endpoint is a page of the portal on http://localhost in
// development and tests, while its issuer is https — building that URL must work, and only there.
import { describe, expect, it } from 'vitest';
import { buildAuthorizationRequest, buildEndSessionRequest, type ClientSettings } from '../../src/oidc';

function settings(authorize: string, endSession: string): ClientSettings {
  return {
    clientId: 'mock-public-with-refresh',
    issuer: 'https://mock.telenorid.invalid',
    discovery: {
      issuer: 'https://mock.telenorid.invalid',
      authorization_endpoint: authorize,
      token_endpoint: 'https://mock.telenorid.invalid/connect/token',
      end_session_endpoint: endSession,
      jwks_uri: 'https://mock.telenorid.invalid/.well-known/openid-configuration/jwks',
      response_types_supported: ['code'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
    },
  };
}

describe('browser endpoints on a loopback http origin', () => {
  it('builds an authorization URL for the mock page on http://localhost', async () => {
    const built = await buildAuthorizationRequest(
      settings('http://localhost:3600/mock/authorize', 'http://localhost:3600/mock/logout'),
      { redirectUri: 'http://localhost:3600/callback/', scope: 'openid offline_access' },
    );
    expect(built.ok && new URL(built.request.url).pathname).toBe('/mock/authorize');
  });

  it('builds an end-session URL for the mock page on http://127.0.0.1', () => {
    const built = buildEndSessionRequest(
      settings('http://127.0.0.1:3600/mock/authorize', 'http://127.0.0.1:3600/mock/logout'),
      { postLogoutRedirectUri: 'http://127.0.0.1:3600/callback/', state: 's' },
    );
    expect(built.ok && new URL(built.url).pathname).toBe('/mock/logout');
  });

  it('still refuses plain http on any other host', async () => {
    const built = await buildAuthorizationRequest(
      settings('http://portal.example/mock/authorize', 'https://mock.telenorid.invalid/logout'),
      { redirectUri: 'http://localhost:3600/callback/', scope: 'openid' },
    );
    expect(built.ok).toBe(false);
  });
});
