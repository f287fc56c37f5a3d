/**
 * Where each endpoint path and request fact of `endpoints.ts` comes from. A separate module so the
 * environment picker on every page does not carry these sentences; `Record<EndpointName, …>` makes
 * TypeScript require a source for every endpoint.
 */
import { endpointPaths } from './endpoints';
import { fromGuide, fromStandard, portalChoice, type FactSource } from './sources';

const framework = portalChoice(
  'TelenorID+ publishes this URL in its discovery document but the guide never writes the path; the mock and the tenant use the path of TelenorID+’s framework (IdentityServer). Read the real one from discovery.',
);

export type EndpointName = keyof typeof endpointPaths;

export const endpointSources: Record<EndpointName, FactSource> = {
  discovery: fromGuide('facts §9; old guide discovery page'),
  authorization_endpoint: fromGuide('facts §9, §10; old guide /authorize page'),
  token_endpoint: fromGuide('facts §9, §11; old guide /token page'),
  userinfo_endpoint: fromGuide('facts §9, §14; old guide /userinfo page'),
  device_authorization_endpoint: fromGuide('facts §21; old guide device flow page'),
  backchannel_authentication_endpoint: fromGuide('facts §22; old guide CIBA page (staging URL)'),
  check_session_iframe: fromGuide('facts §9, §29; old guide step-by-step login, step 8'),
  end_session_endpoint: fromGuide(
    'facts §17, §35; the 2021 guide gave /connect/endsession; the current guide says: read it from discovery',
  ),
  revocation_endpoint: fromStandard(
    'RFC 7009 (OAuth 2.0 Token Revocation); the guide lists revocation_endpoint only as “todo”',
    'https://www.rfc-editor.org/rfc/rfc7009',
  ),
  introspection_endpoint: fromStandard(
    'RFC 7662 (OAuth 2.0 Token Introspection); the guide lists introspection_endpoint only as “todo”',
    'https://www.rfc-editor.org/rfc/rfc7662',
  ),
  jwks_uri: framework,
  custom_logout_endpoint: framework,
};

export const issuersSource: FactSource = fromGuide('facts §9; old guide discovery page');

export const signingAlgorithmSource: FactSource = fromGuide(
  'facts §12, §13; old guide access token and ID token pages',
);

export const responseTypesSource: FactSource = fromGuide(
  'facts §10; old guide /authorize page, response_type table (garbled; the six intended values)',
);

export const responseModesSource: FactSource = fromGuide(
  'facts §10; old guide /authorize page, parameter table',
);

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

export const exampleLifetimesSource: FactSource = fromGuide(
  'facts §11–§13, §34; old guide examples (exp − iat), not stated as a policy',
);
