/**
 * TelenorID+ endpoints and discovery shape (facts §9, §17, §21, §22, §23, §35).
 */

export const telenorIdPlusIssuers = {
  staging: 'https://id-test.telenor.no',
  production: 'https://id.telenor.no',
} as const;

/**
 * Endpoint paths under the issuer. Where each comes from (the guide, a standard, or the default of
 * TelenorID+'s framework that the mock and the tenant use) is in `endpoint-sources.ts`, kept apart so
 * the environment picker on every page (which needs the issuers) carries none of those sentences.
 */
export const endpointPaths = {
  discovery: { path: '/.well-known/openid-configuration' },
  authorization_endpoint: { path: '/connect/authorize' },
  token_endpoint: { path: '/connect/token' },
  userinfo_endpoint: { path: '/connect/userinfo' },
  device_authorization_endpoint: { path: '/connect/deviceauthorization' },
  backchannel_authentication_endpoint: { path: '/connect/ciba' },
  check_session_iframe: { path: '/connect/checksession' },
  end_session_endpoint: { path: '/connect/endsession' },
  revocation_endpoint: { path: '/connect/revocation' },
  introspection_endpoint: { path: '/connect/introspect' },
  jwks_uri: { path: '/.well-known/openid-configuration/jwks' },
  custom_logout_endpoint: { path: '/connect/customlogout' },
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
/** The prompt values the guide allows on /authorize (sources in `endpoint-sources.ts`). */
export const prompts = ['none', 'login'] as const;

/** Token lifetimes seen in the guide's examples (not stated as policy: facts §34). */
export const exampleLifetimes = { accessTokenSeconds: 3600, idTokenSeconds: 300 } as const;
