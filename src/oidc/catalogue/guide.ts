/**
 * Where the portal explains each topic: the one map from a topic to its page, so the
 * catalogue, the widgets and the error explanations all link to the same place.
 * Paths are relative to the site's base URL (no leading base, no trailing slash).
 * A unit test checks that every path here is a page of the built site.
 */
export const guide = {
  discovery: '/api/discovery',
  issuerMatch: '/api/discovery#issuer-must-match',
  authorize: '/api/authorize',
  checkSession: '/api/authorize#check-if-user-has-session',
  forceLogin: '/api/authorize#force-authentication-and-ignore-sso',
  token: '/api/token',
  accessToken: '/api/access-token',
  idToken: '/api/id-token',
  amr: '/api/id-token#authentication-methods-referencesamr',
  userinfo: '/api/userinfo',
  refreshTokens: '/api/refresh-tokens',
  tokenExchange: '/api/token-exchange',
  logout: '/api/logout',
  deviceFlow: '/api/device-flow',
  ciba: '/api/ciba',
  selfService: '/api/self-service',
  scopes: '/concepts/scopes-and-claims',
  clientTypes: '/concepts/client-types',
  assurance: '/concepts/assurance-levels',
  providers: '/concepts/authentication-providers',
  sso: '/concepts/sso-and-sessions',
  flows: '/concepts/flows',
  nativeApps: '/how-to/native-apps',
  bff: '/how-to/bff',
  support: '/help',
  faqInvalidGrant: '/faq/invalid-grant',
  faqCodeAlreadyUsed: '/faq/code-already-used',
  faqRefresh10Minutes: '/faq/refresh-token-10-minutes',
  faqSilentLogin: '/faq/silent-login',
  faqLoginRequired: '/faq/login-required',
  faqConsentRequired: '/faq/login-required#consent-required',
  faqThirdPartyCookies: '/faq/third-party-cookies',
  faqApiScopes: '/faq/api-scopes',
  faqRedirectUriMismatch: '/faq/redirect-uri-mismatch',
  faqWhichClientType: '/faq/which-client-type',
  faqIalVsAcr: '/faq/ial-vs-acr',
  faqPollingErrors: '/faq/polling-errors',
  faqNativeAppLogout: '/faq/native-app-logout',
} as const;

export type GuideTopic = keyof typeof guide;

/** Specification sections the portal cites, by short name. */
export const spec = {
  discovery: 'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata',
  discoveryIssuer:
    'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation',
  rfc8414: 'https://www.rfc-editor.org/rfc/rfc8414#section-2',
  rfc8414Issuer: 'https://www.rfc-editor.org/rfc/rfc8414#section-3.3',
  rfc6749Scope: 'https://www.rfc-editor.org/rfc/rfc6749#section-3.3',
  rfc6749Errors: 'https://www.rfc-editor.org/rfc/rfc6749#section-5.2',
  rfc6749AuthzErrors: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1',
  rfc6749Refresh: 'https://www.rfc-editor.org/rfc/rfc6749#section-6',
  rfc7636: 'https://www.rfc-editor.org/rfc/rfc7636',
  rfc7517: 'https://www.rfc-editor.org/rfc/rfc7517',
  rfc7009: 'https://www.rfc-editor.org/rfc/rfc7009',
  rfc8176: 'https://www.rfc-editor.org/rfc/rfc8176',
  rfc8628: 'https://www.rfc-editor.org/rfc/rfc8628',
  rfc9700: 'https://www.rfc-editor.org/rfc/rfc9700',
  oidcCoreAuthError: 'https://openid.net/specs/openid-connect-core-1_0.html#AuthError',
  oidcCoreAuthRequest: 'https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest',
  oidcCoreIdToken: 'https://openid.net/specs/openid-connect-core-1_0.html#IDToken',
  oidcCoreOfflineAccess: 'https://openid.net/specs/openid-connect-core-1_0.html#OfflineAccess',
  rpInitiatedLogout: 'https://openid.net/specs/openid-connect-rpinitiated-1_0.html',
  ciba: 'https://openid.net/specs/openid-client-initiated-backchannel-authentication-core-1_0.html',
} as const;
