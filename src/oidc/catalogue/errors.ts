/**
 * What each error means for an integrator and what their client should do (facts §10, §15, §17, §21, §22
 * and the OAuth/OIDC specifications). Two kinds:
 * - OAuth/OIDC `error` codes an OpenID Provider returns;
 * - the portal's own failure codes for what goes wrong before a provider can answer (network, CORS,
 *   timeout, malformed answers, state checks).
 * Every user-facing sentence about a failure is derived from here, never from `error.message`.
 */
import { spec, type GuideTopic } from './guide';
import { urlFailures } from './url-failures';
import { fromGuide, fromStandard, type FactSource } from './sources';

export type Retry =
  /** Never retry automatically: the user must act (log in again, fix input). */
  | 'never'
  /** Poll again after the interval (device flow, CIBA). */
  | 'poll'
  /** A transient failure: retrying later, with back-off and a limit, is reasonable. */
  | 'later';

export type ErrorExplanation = {
  code: string;
  /** One sentence: what happened. */
  meaning: string;
  /** One or two sentences: what the client (or the reader) should do. */
  reaction: string;
  retry: Retry;
  guide?: GuideTopic;
  spec?: string;
  /**
   * Where TelenorID+ documents the code (or the standard the portal assumes it follows). Required on
   * every OAuth error (`oauthErrors`); the portal's own failures are its own checks and carry none.
   */
  source?: FactSource;
};

/** An error an OpenID Provider returns: TypeScript requires its source. */
export type ProviderErrorExplanation = ErrorExplanation & { source: FactSource };

const rfc6749 = (section: string, url: string): FactSource =>
  /* @__PURE__ */ fromStandard(`RFC 6749 §${section} (TelenorID+ does not document this code)`, url);
const promptNoneError = /* @__PURE__ */ fromStandard(
  'OpenID Connect Core 1.0 §3.1.2.6 (the guide says only that prompt=none also fails when consent or another prompt would be needed)',
  spec.oidcCoreAuthError,
);

export const oauthErrors = {
  invalid_grant: {
    code: 'invalid_grant',
    meaning:
      'The grant sent to /connect/token is no longer valid: the refresh token (or authorization code) has expired, was revoked, was already used, ended with the SSO session, or belongs to another client.',
    reaction:
      'Treat the user as logged out: drop the tokens you hold and offer a normal login through /authorize. Do not retry the same grant.',
    retry: 'never',
    guide: 'faqInvalidGrant',
    spec: spec.rfc6749Errors,
    source: /* @__PURE__ */ fromGuide(
      'facts §15, §21, §22, §31 Q1; old guide token refresh page, device flow, CIBA and FAQ',
    ),
  },
  invalid_client: {
    code: 'invalid_client',
    meaning:
      'The provider did not accept the client’s credentials: unknown client_id, a wrong or expired secret, or the wrong authentication method.',
    reaction:
      'This is a configuration error, not a user error: check client_id, secret and environment (staging and production credentials differ). Do not log the user out over it.',
    retry: 'never',
    guide: 'clientTypes',
    spec: spec.rfc6749Errors,
    source: /* @__PURE__ */ rfc6749('5.2', spec.rfc6749Errors),
  },
  invalid_request: {
    code: 'invalid_request',
    meaning: 'The request is missing a required parameter, repeats one, or has a malformed value.',
    reaction: 'Fix the request; the error_description usually names the parameter.',
    retry: 'never',
    spec: spec.rfc6749Errors,
    source: /* @__PURE__ */ rfc6749('5.2', spec.rfc6749Errors),
  },
  unauthorized_client: {
    code: 'unauthorized_client',
    meaning: 'This client is not allowed to use this grant type or response type.',
    reaction:
      'Use the flow your client type allows (authorization code with PKCE or with a secret), or ask the TelenorID+ team to change the client.',
    retry: 'never',
    guide: 'flows',
    spec: spec.rfc6749Errors,
    source: /* @__PURE__ */ rfc6749('5.2', spec.rfc6749Errors),
  },
  unsupported_grant_type: {
    code: 'unsupported_grant_type',
    meaning: 'The provider does not support this grant_type.',
    reaction: 'Use authorization_code or refresh_token (or the device/CIBA grant for those flows).',
    retry: 'never',
    guide: 'token',
    spec: spec.rfc6749Errors,
    source: /* @__PURE__ */ rfc6749('5.2', spec.rfc6749Errors),
  },
  unsupported_response_type: {
    code: 'unsupported_response_type',
    meaning: 'The provider does not support this response_type for this client.',
    reaction: 'Use response_type=code: TelenorID+ recommends the authorization code flow for every client.',
    retry: 'never',
    guide: 'authorize',
    spec: spec.rfc6749AuthzErrors,
    source: /* @__PURE__ */ rfc6749('4.1.2.1', spec.rfc6749AuthzErrors),
  },
  invalid_scope: {
    code: 'invalid_scope',
    meaning: 'A requested scope is unknown, malformed, or not allowed for this client.',
    reaction:
      'Check the spelling against the scopes page and ask the team to allow the scope for your client; api: scopes must also exist in Apigee.',
    retry: 'never',
    guide: 'scopes',
    spec: spec.rfc6749Errors,
    source: /* @__PURE__ */ rfc6749('5.2', spec.rfc6749Errors),
  },
  access_denied: {
    code: 'access_denied',
    meaning:
      'The user (or the provider on their behalf) refused the request, for example by cancelling the login.',
    reaction:
      'Tell the user they were not logged in and let them try again when they choose to; do not loop.',
    retry: 'never',
    guide: 'authorize',
    spec: spec.rfc6749AuthzErrors,
    source: /* @__PURE__ */ rfc6749('4.1.2.1', spec.rfc6749AuthzErrors),
  },
  login_required: {
    code: 'login_required',
    meaning:
      'prompt=none was sent, but the user has no SSO session at TelenorID+ in this browser (never logged in, logged out, or the session expired).',
    reaction:
      'Show your own “Log in” button; when the user presses it, send a normal /authorize without prompt=none. Do not retry prompt=none in a loop.',
    retry: 'never',
    guide: 'faqLoginRequired',
    spec: spec.oidcCoreAuthError,
    source: /* @__PURE__ */ fromGuide('facts §10; old guide /authorize page, “Check if user has session”'),
  },
  consent_required: {
    code: 'consent_required',
    meaning:
      'prompt=none was sent, and the user is logged in, but the request needs a consent screen the provider may not show.',
    reaction: 'Send an interactive /authorize (without prompt=none) when the user chooses to continue.',
    retry: 'never',
    guide: 'faqConsentRequired',
    spec: spec.oidcCoreAuthError,
    source: promptNoneError,
  },
  interaction_required: {
    code: 'interaction_required',
    meaning:
      'prompt=none was sent, but the provider needs to show the user something (another login step, a choice) to continue.',
    reaction: 'Send an interactive /authorize (without prompt=none) when the user chooses to continue.',
    retry: 'never',
    guide: 'faqConsentRequired',
    spec: spec.oidcCoreAuthError,
    source: promptNoneError,
  },
  account_selection_required: {
    code: 'account_selection_required',
    meaning: 'prompt=none was sent, but the user must choose between accounts.',
    reaction: 'Send an interactive /authorize so the user can choose.',
    retry: 'never',
    guide: 'checkSession',
    spec: spec.oidcCoreAuthError,
    source: promptNoneError,
  },
  authorization_pending: {
    code: 'authorization_pending',
    meaning: 'The user has not approved the device or CIBA request yet.',
    reaction: 'Wait the interval the provider gave, then poll again; stop when the request expires.',
    retry: 'poll',
    guide: 'faqPollingErrors',
    spec: spec.rfc8628,
    source: /* @__PURE__ */ fromGuide('facts §21, §22; old guide device flow and CIBA pages'),
  },
  slow_down: {
    code: 'slow_down',
    meaning: 'The client polled faster than the interval allows.',
    reaction: 'Increase the polling interval (RFC 8628 says by 5 seconds) and keep polling.',
    retry: 'poll',
    guide: 'faqPollingErrors',
    spec: spec.rfc8628,
    source: /* @__PURE__ */ fromStandard(
      'RFC 8628 §3.5 (the guide speaks of a “slow down” response without naming the code)',
      spec.rfc8628,
    ),
  },
  expired_token: {
    code: 'expired_token',
    meaning:
      'The CIBA request (auth_req_id) expired before the user approved it, for example because the client polled too slowly. In the device flow TelenorID+ answers an expired device code with invalid_grant instead.',
    reaction: 'Start a new CIBA request.',
    retry: 'never',
    guide: 'faqPollingErrors',
    spec: spec.rfc8628,
    source: /* @__PURE__ */ fromGuide('facts §22; old guide CIBA page, polling failures'),
  },
  invalid_token: {
    code: 'invalid_token',
    meaning: 'The access token sent as Bearer is expired, malformed or revoked.',
    reaction: 'Refresh the access token if you hold a refresh token; otherwise the user must log in again.',
    retry: 'never',
    guide: 'userinfo',
    spec: 'https://www.rfc-editor.org/rfc/rfc6750#section-3.1',
    source: /* @__PURE__ */ fromStandard(
      'RFC 6750 §3.1 (TelenorID+ does not document this code)',
      'https://www.rfc-editor.org/rfc/rfc6750#section-3.1',
    ),
  },
  insufficient_scope: {
    code: 'insufficient_scope',
    meaning: 'The access token lacks a scope the resource needs.',
    reaction:
      'Request the scope at /authorize (every scope must be requested explicitly) and log the user in again.',
    retry: 'never',
    guide: 'scopes',
    spec: 'https://www.rfc-editor.org/rfc/rfc6750#section-3.1',
    source: /* @__PURE__ */ fromStandard(
      'RFC 6750 §3.1 (TelenorID+ does not document this code)',
      'https://www.rfc-editor.org/rfc/rfc6750#section-3.1',
    ),
  },
  server_error: {
    code: 'server_error',
    meaning: 'The provider failed internally.',
    reaction:
      'Show a friendly error and let the user try again later; report repeated failures to TelenorID+ support.',
    retry: 'later',
    guide: 'support',
    spec: spec.rfc6749AuthzErrors,
    source: /* @__PURE__ */ rfc6749('4.1.2.1', spec.rfc6749AuthzErrors),
  },
  temporarily_unavailable: {
    code: 'temporarily_unavailable',
    meaning: 'The provider is overloaded or down for maintenance.',
    reaction: 'Try again later, with back-off.',
    retry: 'later',
    guide: 'support',
    spec: spec.rfc6749AuthzErrors,
    source: /* @__PURE__ */ rfc6749('4.1.2.1', spec.rfc6749AuthzErrors),
  },
} satisfies Record<string, ProviderErrorExplanation>;

export type OAuthErrorCode = keyof typeof oauthErrors;

/** Failures the portal detects itself, before or instead of a provider's answer. */
export const portalFailures = {
  ...urlFailures,
  // Not an OAuth error a provider returns (the guide defines none, and RFC 6749 §4.1.2.1 forbids
  // redirecting to an untrusted redirect_uri): the portal's own check, and what the mock's error page shows.
  invalid_redirect_uri: {
    code: 'invalid_redirect_uri',
    meaning:
      'The redirect_uri is not one the client registered, or not one the portal can use. A provider does not send an error back to such a URI: TelenorID+ shows the user an error page and stops.',
    reaction:
      'Send exactly a registered redirect URI (scheme, host, port, path and trailing slash all count), or register the one you use.',
    retry: 'never',
    guide: 'faqRedirectUriMismatch',
    spec: spec.rfc6749AuthzErrors,
  },
  timeout: {
    code: 'timeout',
    meaning: 'No answer arrived within the time limit.',
    reaction:
      'Check that the host is up and reachable from your browser; try again, or use the curl command to test from a terminal.',
    retry: 'later',
  },
  aborted: {
    code: 'aborted',
    meaning: 'The request was cancelled.',
    reaction: 'Run it again when you are ready.',
    retry: 'never',
  },
  network_error: {
    code: 'network_error',
    meaning:
      'The browser could not complete the request, and browsers do not say why: the host is unreachable or refused the connection, its name does not resolve (DNS), the TLS handshake failed, or the server answered but did not allow this site to read the answer (CORS).',
    reaction:
      'Run the curl command in a terminal to tell them apart: “Could not resolve host” is DNS (check the host name), “Connection refused” or a timeout is an unreachable host, a certificate error is TLS; if it answers there, the server does not allow this site’s origin (CORS) and only a back end can call it.',
    retry: 'never',
  },
  http_error: {
    code: 'http_error',
    meaning: 'The server answered with an HTTP error status and no OAuth error in the body.',
    reaction: 'Check the URL (a 404 usually means a wrong path or issuer) and the server’s status.',
    retry: 'never',
  },
  redirected: {
    code: 'redirected',
    meaning: 'The server answered with a redirect instead of the document.',
    reaction:
      'Use the final URL as the issuer only if the provider documents it: a provider must serve its metadata at the issuer’s own address.',
    retry: 'never',
    spec: spec.discoveryIssuer,
  },
  issuer_mismatch: {
    code: 'issuer_mismatch',
    meaning:
      'The provider’s discovery document names another issuer than the one asked for, so its endpoints may belong to someone else (an issuer mix-up).',
    reaction:
      'Use a provider only under the issuer its own document states. If you trust that issuer, type it in the environment picker; otherwise ask whoever sent you the link.',
    retry: 'never',
    guide: 'issuerMatch',
    spec: spec.discoveryIssuer,
  },
  not_json: {
    code: 'not_json',
    meaning: 'The answer is not JSON (often an HTML error or login page).',
    reaction: 'Check the URL: the metadata lives at <issuer>/.well-known/openid-configuration.',
    retry: 'never',
  },
  not_object: {
    code: 'not_object',
    meaning: 'The answer is JSON, but not a JSON object.',
    reaction: 'The server is not an OpenID Provider at this address.',
    retry: 'never',
  },
  too_large: {
    code: 'too_large',
    meaning: 'The answer is larger than the portal accepts.',
    reaction: 'A real provider’s metadata is a few kilobytes; check the URL.',
    retry: 'never',
  },
  state_mismatch: {
    code: 'state_mismatch',
    meaning:
      'The state in the redirect back does not match the state this browser sent: the answer may belong to another request, or be forged (CSRF).',
    reaction: 'Reject the answer and start a new login; never exchange a code whose state does not match.',
    retry: 'never',
    guide: 'authorize',
    spec: 'https://www.rfc-editor.org/rfc/rfc6749#section-10.12',
  },
  nonce_mismatch: {
    code: 'nonce_mismatch',
    meaning: 'The ID token’s nonce differs from the one sent: it may be replayed.',
    reaction: 'Reject the tokens and start a new login.',
    retry: 'never',
    guide: 'idToken',
    spec: spec.oidcCoreIdToken,
  },
  invalid_id_token: {
    code: 'invalid_id_token',
    meaning: 'The ID token failed validation (signature, issuer, audience or time).',
    reaction:
      'Reject the tokens; check that the issuer and client_id are right and that the JWKS is reachable.',
    retry: 'never',
    guide: 'idToken',
    spec: spec.oidcCoreIdToken,
  },
  invalid_response: {
    code: 'invalid_response',
    meaning: 'The provider’s answer does not have the shape the specification requires.',
    reaction: 'Look at the raw answer below; report it to the provider if it is theirs.',
    retry: 'never',
  },
  missing_endpoint: {
    code: 'missing_endpoint',
    meaning: 'The provider’s discovery document does not publish the endpoint this request needs.',
    reaction:
      'Check the discovery document: TelenorID+ publishes its logout endpoints there; other providers may publish fewer.',
    retry: 'never',
    guide: 'discovery',
    spec: spec.discovery,
  },
  invalid_access_token: {
    code: 'invalid_access_token',
    meaning: 'The access token failed validation (signature, issuer, type or time).',
    reaction:
      'An API must reject it. A client normally passes the access token on without reading it; refresh it or log in again.',
    retry: 'never',
    guide: 'accessToken',
    spec: 'https://www.rfc-editor.org/rfc/rfc9068#section-4',
  },
  no_refresh_token: {
    code: 'no_refresh_token',
    meaning:
      'The token response has no refresh_token: the client type’s refresh policy gives none (Public), or offline_access was not requested.',
    reaction:
      'Request offline_access with a client type that gets refresh tokens, or renew the session with a new login (or prompt=none).',
    retry: 'never',
    guide: 'faqWhichClientType',
  },
} satisfies Record<string, ErrorExplanation>;

export type PortalFailureCode = keyof typeof portalFailures;

/** The explanation for any code, OAuth or the portal's own; unknown codes get a generic one. */
export function explain(code: string): ErrorExplanation {
  const known =
    (oauthErrors as Record<string, ErrorExplanation>)[code] ??
    (portalFailures as Record<string, ErrorExplanation>)[code];
  return (
    known ?? {
      code,
      meaning: `The provider returned the error “${code}”, which TelenorID+ does not document.`,
      reaction: 'Read the error_description, and ask TelenorID+ support if it is not clear.',
      retry: 'never',
      guide: 'support',
    }
  );
}
