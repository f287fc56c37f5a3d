/**
 * TelenorID+ endpoints and discovery shape (facts §9, §17, §21, §22, §23, §35).
 */
import { fromGuide, fromStandard, portalChoice, type FactSource } from './sources';

export const telenorIdPlusIssuers = {
  staging: 'https://id-test.telenor.no',
  production: 'https://id.telenor.no',
} as const;
export const issuersSource: FactSource = fromGuide('facts §9; old guide discovery page');

const framework = portalChoice(
  'TelenorID+ publishes this URL in its discovery document but the guide never writes the path; the mock and the tenant use the path of TelenorID+’s framework (IdentityServer). Read the real one from discovery.',
);

/**
 * Endpoint paths under the issuer, each with where it is documented. Paths the guide never states
 * are IdentityServer's defaults, used by the portal's mock and local tenant; the docs never state
 * them as facts (facts §34).
 */
export const endpointPaths = {
  discovery: {
    path: '/.well-known/openid-configuration',
    source: fromGuide('facts §9; old guide discovery page'),
  },
  authorization_endpoint: {
    path: '/connect/authorize',
    source: fromGuide('facts §9, §10; old guide /authorize page'),
  },
  token_endpoint: { path: '/connect/token', source: fromGuide('facts §9, §11; old guide /token page') },
  userinfo_endpoint: {
    path: '/connect/userinfo',
    source: fromGuide('facts §9, §14; old guide /userinfo page'),
  },
  device_authorization_endpoint: {
    path: '/connect/deviceauthorization',
    source: fromGuide('facts §21; old guide device flow page'),
  },
  backchannel_authentication_endpoint: {
    path: '/connect/ciba',
    source: fromGuide('facts §22; old guide CIBA page (staging URL)'),
  },
  check_session_iframe: {
    path: '/connect/checksession',
    source: fromGuide('facts §9, §29; old guide step-by-step login, step 8'),
  },
  end_session_endpoint: {
    path: '/connect/endsession',
    source: fromGuide(
      'facts §17, §35; the 2021 guide gave /connect/endsession; the current guide says: read it from discovery',
    ),
  },
  revocation_endpoint: {
    path: '/connect/revocation',
    source: fromStandard(
      'RFC 7009 (OAuth 2.0 Token Revocation); the guide lists revocation_endpoint only as “todo”',
      'https://www.rfc-editor.org/rfc/rfc7009',
    ),
  },
  introspection_endpoint: {
    path: '/connect/introspect',
    source: fromStandard(
      'RFC 7662 (OAuth 2.0 Token Introspection); the guide lists introspection_endpoint only as “todo”',
      'https://www.rfc-editor.org/rfc/rfc7662',
    ),
  },
  jwks_uri: { path: '/.well-known/openid-configuration/jwks', source: framework },
  custom_logout_endpoint: { path: '/connect/customlogout', source: framework },
} as const satisfies Record<string, { path: string; source: FactSource }>;

/** The only signing algorithm TelenorID+ uses for ID and access tokens. */
export const signingAlgorithm = 'RS256';
export const signingAlgorithmSource: FactSource = fromGuide(
  'facts §12, §13; old guide access token and ID token pages',
);

/** Values of response_type and what TelenorID+ says about each (facts §10; the old table was garbled). */
export const responseTypesSource: FactSource = fromGuide(
  'facts §10; old guide /authorize page, response_type table (garbled; the six intended values)',
);
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
export const responseModesSource: FactSource = fromGuide(
  'facts §10; old guide /authorize page, parameter table',
);

/** The prompt values the guide allows on /authorize. */
export const prompts = ['none', 'login'] as const;
export const promptsSource: FactSource = fromGuide(
  'facts §10; old guide /authorize page: prompt is “none” or “login”',
);

/**
 * The local tenant (oidc-provider) issues a refresh token for offline_access only when the request
 * says prompt=consent (OpenID Connect Core §11), which the guide does not offer. So the tenant adds
 * prompt=consent itself to interactive requests that ask for offline_access; the portal never
 * offers it to a reader, and never sends it to TelenorID+.
 */
export const tenantAddsPromptConsent: FactSource = portalChoice(
  'the local test tenant (oidc-provider) adds prompt=consent to interactive requests with offline_access, because oidc-provider issues refresh tokens only then (OpenID Connect Core §11). TelenorID+ allows only prompt=none or prompt=login, and issues them without it.',
);

/** Token lifetimes seen in the guide's examples (not stated as policy: facts §34). */
export const exampleLifetimes = { accessTokenSeconds: 3600, idTokenSeconds: 300 } as const;
export const exampleLifetimesSource: FactSource = fromGuide(
  'facts §11–§13, §34; old guide examples (exp − iat), not stated as a policy',
);
