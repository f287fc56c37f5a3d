/**
 * TelenorID+ endpoints and discovery shape (facts §9, §17, §21, §22, §23, §35).
 */

export const telenorIdPlusIssuers = {
  staging: 'https://id-test.telenor.no',
  production: 'https://id.telenor.no',
} as const;

/**
 * Endpoint paths under the issuer. `documented` ones appear in the guide; the others are
 * what TelenorID+'s framework (IdentityServer) uses by default and are published in its
 * discovery document — the portal's mock and local tenant use them, the docs never state them
 * as facts (facts §34).
 */
export const endpointPaths = {
  discovery: { path: '/.well-known/openid-configuration', documented: true },
  authorization_endpoint: { path: '/connect/authorize', documented: true },
  token_endpoint: { path: '/connect/token', documented: true },
  userinfo_endpoint: { path: '/connect/userinfo', documented: true },
  device_authorization_endpoint: { path: '/connect/deviceauthorization', documented: true },
  backchannel_authentication_endpoint: { path: '/connect/ciba', documented: true },
  check_session_iframe: { path: '/connect/checksession', documented: true },
  end_session_endpoint: { path: '/connect/endsession', documented: false },
  revocation_endpoint: { path: '/connect/revocation', documented: false },
  introspection_endpoint: { path: '/connect/introspect', documented: false },
  jwks_uri: { path: '/.well-known/openid-configuration/jwks', documented: false },
  custom_logout_endpoint: { path: '/connect/customlogout', documented: false },
} as const;

/** The only signing algorithm TelenorID+ uses for ID and access tokens. */
export const signingAlgorithm = 'RS256';

/** Values of response_type and what TelenorID+ says about each (facts §10; the old table was garbled). */
export const responseTypes: { value: string; returns: string; advice: 'use' | 'not-recommended' }[] = [
  { value: 'code', returns: 'an authorization code', advice: 'use' },
  { value: 'id_token', returns: 'an ID token (identity scopes only)', advice: 'not-recommended' },
  { value: 'token', returns: 'an access token (resource scopes only)', advice: 'not-recommended' },
  { value: 'id_token token', returns: 'an ID token and an access token', advice: 'not-recommended' },
  { value: 'code id_token', returns: 'a code and an ID token', advice: 'not-recommended' },
  {
    value: 'code id_token token',
    returns: 'a code, an ID token and an access token',
    advice: 'not-recommended',
  },
];

export const responseModes = ['query', 'form_post'] as const;
export const prompts = ['none', 'login', 'consent'] as const;

/** Token lifetimes seen in the guide's examples (not stated as policy: facts §34). */
export const exampleLifetimes = { accessTokenSeconds: 3600, idTokenSeconds: 300 } as const;
