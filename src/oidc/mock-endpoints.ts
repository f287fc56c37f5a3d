/**
 * Where the mock TelenorID+ answers, from the catalogue alone: a widget can show the mock's
 * authorization URL before the mock runs (MSW starts when the reader acts, issue #19). The mock
 * publishes the same values in its discovery document (tests/unit/mock-endpoints.test.ts).
 */
import { endpointPaths, signingAlgorithm } from './catalogue/endpoints';
import { identityScopes } from './catalogue/scopes';
import { mockIssuer } from './environments';

/** The portal pages that play the mock's browser-facing endpoints, under the base URL (a navigation cannot be mocked). */
export const mockPagePaths = {
  authorize: 'mock/authorize/',
  logout: 'mock/logout/',
  /** The device flow's verification page (RFC 8628 verification_uri). */
  device: 'mock/device/',
} as const;

function normaliseBase(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : baseUrl + '/';
}

/** The mock's page for `which` on the portal served at `origin` + `baseUrl`. */
export function mockPageUrl(origin: string, baseUrl: string, which: keyof typeof mockPagePaths): string {
  return new URL(normaliseBase(baseUrl) + mockPagePaths[which], origin).href;
}

/**
 * The part of the mock's discovery document a client needs to build a request and exchange its
 * code, as the mock serves it on the portal at `origin` + `baseUrl`.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 */
export function mockDiscoveryFromCatalogue(origin: string, baseUrl: string): Record<string, unknown> {
  return {
    issuer: mockIssuer,
    jwks_uri: mockIssuer + endpointPaths.jwks_uri.path,
    authorization_endpoint: mockPageUrl(origin, baseUrl, 'authorize'),
    token_endpoint: mockIssuer + endpointPaths.token_endpoint.path,
    userinfo_endpoint: mockIssuer + endpointPaths.userinfo_endpoint.path,
    end_session_endpoint: mockPageUrl(origin, baseUrl, 'logout'),
    revocation_endpoint: mockIssuer + endpointPaths.revocation_endpoint.path,
    scopes_supported: identityScopes.map((s) => s.name),
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    id_token_signing_alg_values_supported: [signingAlgorithm],
    code_challenge_methods_supported: ['S256'],
  };
}

/**
 * The endpoints TelenorID+ documents, under `issuer`: what the scope builder uses to build a URL the
 * reader can copy when a real issuer's discovery cannot be read from this page (usually CORS).
 */
export function documentedDiscovery(issuer: string): Record<string, string> {
  return {
    issuer,
    authorization_endpoint: issuer + endpointPaths.authorization_endpoint.path,
    token_endpoint: issuer + endpointPaths.token_endpoint.path,
    userinfo_endpoint: issuer + endpointPaths.userinfo_endpoint.path,
    jwks_uri: issuer + endpointPaths.jwks_uri.path,
  };
}
