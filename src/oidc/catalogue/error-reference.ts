/**
 * The error reference: for every code in errors.ts, which endpoints return it, what causes it, the FAQ
 * answer about it and the tool that reproduces it. `docs/help/errors.mdx` (`/errors`) is generated from
 * this and errors.ts (`npm run errors:pages`; tests/unit/error-pages.test.ts fails when it is stale), and
 * the widgets link each failure they show to its section, so the page and the widgets cannot disagree.
 * The meaning, reaction and source of each code stay in errors.ts.
 */
import type { GuideTopic } from './guide';
import type { ErrorCode } from './error-links';

export { errorPagePath, hasErrorPage, type ErrorCode } from './error-links';

/** A tool of the portal and a link that opens it where it shows the error (a share link where one exists). */
export type Reproduction = {
  tool: 'refresh simulator' | 'prompt=none tryout' | 'scope builder' | 'discovery explorer' | 'inspector';
  /** Site-relative path with the share link's query; never a token, code or secret. */
  path: string;
  /** What the link does, in the reader's words. */
  label: string;
};

export type ErrorReference = {
  /** Short heading: what the code says, in words. */
  title: string;
  /** Where the code comes from: TelenorID+ endpoints, or the portal's own checks. */
  endpoints: string[];
  causes: string[];
  /** The FAQ answer about it, when there is one. */
  faq?: GuideTopic;
  reproduce?: Reproduction;
};

const token = '/connect/token';
const authorize = '/connect/authorize (on the redirect back to your redirect_uri)';
const portal = 'The portal’s tools (a check in your browser, before or instead of an answer)';

const refreshSimulator = (cause: string, client = 'PublicWithRefresh'): Reproduction => ({
  tool: 'refresh simulator',
  path: `/tools/refresh-simulator?env=mock&client=${client}&cause=${cause}`,
  label: 'Cause it in the refresh-error simulator',
});
const silentTryout = (query: string): Reproduction => ({
  tool: 'prompt=none tryout',
  path: `/tools/silent-auth?env=mock&mode=iframe&${query}`,
  label: 'See it in the prompt=none tryout',
});
const explorer = (issuer: string): Reproduction => ({
  tool: 'discovery explorer',
  path: `/tools/discovery-explorer?issuer=${encodeURIComponent(issuer)}`,
  label: 'See it in the discovery explorer',
});
const inspector = (kind: string, label: string): Reproduction => ({
  tool: 'inspector',
  path: `/tools/inspector?kind=${kind}`,
  label,
});

export const errorReference: Record<ErrorCode, ErrorReference> = {
  invalid_grant: {
    title: 'The grant is no longer valid',
    endpoints: [
      `${token} — refresh_token grant (the usual case), authorization_code grant, device_code and CIBA polling`,
    ],
    causes: [
      'The refresh token expired under the client type’s refresh policy (10 minutes for PublicWithRefresh, 14 days fixed for Confidential, 90 days for MobileApp).',
      'The SSO session ended: logging out invalidates every refresh token of that session.',
      'The refresh token was revoked, or an old refresh token was presented again after rotation.',
      'The refresh token or code belongs to another client_id.',
      'The authorization code was already redeemed (a code works once), or its redirect_uri or code_verifier differs from the authorization request.',
      'Device flow: the request was completed, expired, or never existed. CIBA: unknown auth_req_id, the user declined, or chose the wrong binding message.',
    ],
    faq: 'faqInvalidGrant',
    reproduce: refreshSimulator('expired'),
  },
  invalid_client: {
    title: 'The client could not be authenticated',
    endpoints: [
      `${token} (HTTP 401 when the client authenticated with an Authorization header)`,
      '/connect/deviceauthorization and /connect/ciba (client authentication)',
    ],
    causes: [
      'The client_id is unknown in this environment (staging and production credentials differ).',
      'The client secret is wrong, expired, or sent with another authentication method than the client is registered for.',
      'A public client sent a secret, or a confidential client sent none.',
    ],
    faq: 'faqWhichClientType',
  },
  invalid_request: {
    title: 'The request is malformed',
    endpoints: [authorize, token, '/connect/deviceauthorization, /connect/ciba'],
    causes: [
      'A required parameter is missing (client_id, redirect_uri, scope, code, code_verifier…).',
      'A parameter is sent twice, or has a value the endpoint does not accept (for example response_mode=fragment).',
      'PKCE: code_challenge_method is not S256, or the code_verifier is not 43–128 characters.',
    ],
    reproduce: inspector('authorization-url', 'Check an authorization URL in the inspector'),
  },
  unauthorized_client: {
    title: 'The client may not use this flow',
    endpoints: [authorize, token],
    causes: [
      'The client is not registered for this grant type (for example a CIBA client sending a normal authorization request: CIBA disables the front-channel flows for its client).',
      'The client asks for a response_type it is not allowed.',
    ],
    faq: 'faqWhichClientType',
  },
  unsupported_grant_type: {
    title: 'The grant type is not supported',
    endpoints: [token],
    causes: ['grant_type is misspelt, or names a grant this provider does not offer.'],
  },
  unsupported_response_type: {
    title: 'The response type is not supported',
    endpoints: [authorize],
    causes: [
      'response_type is not one the provider or the client allows; TelenorID+ recommends code for every client.',
    ],
    reproduce: inspector('authorization-url', 'Check an authorization URL in the inspector'),
  },
  invalid_scope: {
    title: 'A scope is unknown or not allowed',
    endpoints: [authorize, `${token} (a refresh asking for more scopes than were granted)`],
    causes: [
      'A scope is misspelt, or is not one TelenorID+ defines.',
      'The scope exists but is not allowed for this client; ask the TelenorID+ team to allow it.',
      'An api: scope does not exist in Apigee, or the client is not registered there for it.',
      'A refresh asks for a scope the login did not grant.',
    ],
    faq: 'faqApiScopes',
    reproduce: {
      tool: 'scope builder',
      path: '/tools/scope-builder?env=mock&scope=openid%20tnn.unknown',
      label: 'Try an unknown scope in the scope builder',
    },
  },
  access_denied: {
    title: 'The user or the provider refused',
    endpoints: [authorize, `${token} (device flow and CIBA: the user declined)`],
    causes: [
      'The user cancelled the login or declined the request.',
      'The provider refused on the user’s behalf, for example because the account may not use this service.',
    ],
  },
  login_required: {
    title: 'prompt=none found no SSO session',
    endpoints: [`${authorize}, only with prompt=none`],
    causes: [
      'The user never logged in to TelenorID+ in this browser, logged out, or the SSO session expired.',
      'The browser withheld TelenorID+’s session cookie from a hidden iframe (third-party cookies are blocked).',
    ],
    faq: 'faqLoginRequired',
    reproduce: silentTryout('session=off'),
  },
  consent_required: {
    title: 'prompt=none needs the user’s consent',
    endpoints: [`${authorize}, only with prompt=none`],
    causes: ['The user is logged in, but the request needs a consent screen, which prompt=none forbids.'],
    faq: 'faqConsentRequired',
    reproduce: silentTryout('session=on&consent=on'),
  },
  interaction_required: {
    title: 'prompt=none needs the user to act',
    endpoints: [`${authorize}, only with prompt=none`],
    causes: [
      'The provider must show the user something to continue: another login step, a higher assurance level, or a choice.',
    ],
    faq: 'faqConsentRequired',
  },
  account_selection_required: {
    title: 'prompt=none needs the user to choose an account',
    endpoints: [`${authorize}, only with prompt=none`],
    causes: ['The user has several accounts or profiles and must pick one.'],
    faq: 'faqSilentLogin',
  },
  authorization_pending: {
    title: 'The user has not approved yet',
    endpoints: [`${token} — device_code and CIBA polling`],
    causes: ['The device or CIBA request is still waiting for the user.'],
    faq: 'faqPollingErrors',
  },
  slow_down: {
    title: 'Polling too fast',
    endpoints: [`${token} — device_code and CIBA polling`],
    causes: [
      'The client polled sooner than the interval the provider gave (for example every 4 s with interval 5).',
    ],
    faq: 'faqPollingErrors',
  },
  expired_token: {
    title: 'The CIBA request expired',
    endpoints: [`${token} — CIBA polling`],
    causes: [
      'The auth_req_id lived its expires_in (at most 300 s) before the user approved, for example because of slow polling.',
    ],
    faq: 'faqPollingErrors',
  },
  invalid_token: {
    title: 'The access token was refused',
    endpoints: [
      '/connect/userinfo (WWW-Authenticate header, HTTP 401)',
      'APIs that receive the access token',
    ],
    causes: [
      'The access token expired (the guide’s examples live 3600 s).',
      'The token is malformed, cut off, or not an access token (an ID token sent as Bearer).',
      'The token was issued by another environment (a staging token sent to production).',
    ],
    reproduce: inspector('jwt', 'Paste the token into the inspector'),
  },
  insufficient_scope: {
    title: 'The access token lacks a scope',
    endpoints: ['APIs that receive the access token (WWW-Authenticate header, HTTP 403)'],
    causes: [
      'The scope was not requested at /authorize: every scope must be requested explicitly on each login.',
      'The scope was requested but not granted to this client.',
    ],
    faq: 'faqApiScopes',
    reproduce: inspector('jwt', 'See the token’s scopes in the inspector'),
  },
  server_error: {
    title: 'The provider failed',
    endpoints: [authorize, token],
    causes: ['An internal error at TelenorID+ or at a provider behind it.'],
  },
  temporarily_unavailable: {
    title: 'The provider is unavailable',
    endpoints: [authorize],
    causes: ['TelenorID+ is overloaded or in maintenance.'],
  },

  // The portal's own failures.
  invalid_url: {
    title: 'Not an absolute URL',
    endpoints: [portal],
    causes: ['The text typed or pasted is not a full URL with a scheme (https://…).'],
    reproduce: explorer('id-test.telenor.no'),
  },
  unsupported_scheme: {
    title: 'Not an https URL',
    endpoints: [portal],
    causes: ['The URL uses a scheme such as ftp:, file: or javascript:, which no OpenID Provider uses.'],
    reproduce: explorer('ftp://id-test.telenor.no'),
  },
  insecure_http: {
    title: 'Plain http off this computer',
    endpoints: [portal],
    causes: ['The issuer or an endpoint is http:// on a host other than localhost, 127.0.0.1 or [::1].'],
    reproduce: explorer('http://id-test.telenor.no'),
  },
  credentials_in_url: {
    title: 'A user name in the URL',
    endpoints: [portal],
    causes: ['The URL has user@ (or user:password@) before the host, which disguises the real host.'],
    reproduce: explorer('https://id.telenor.no@example.com'),
  },
  invalid_redirect_uri: {
    title: 'The redirect_uri does not match',
    endpoints: [
      '/connect/authorize: TelenorID+ shows an error page and sends nothing back',
      `${token} (a redirect_uri that differs from the authorization request’s ends in invalid_grant)`,
      portal,
    ],
    causes: [
      'The redirect_uri differs from every registered one: a trailing slash, upper or lower case, http versus https, a port, or percent-encoding.',
      'The redirect_uri of the token request is not exactly the one sent to /authorize.',
      'The redirect_uri has a fragment, credentials, or a scheme a web page cannot receive.',
    ],
    faq: 'faqRedirectUriMismatch',
    reproduce: inspector('redirect-pair', 'Compare two redirect URIs in the inspector'),
  },
  timeout: {
    title: 'No answer in time',
    endpoints: [portal],
    causes: ['The host is down, slow, or a firewall drops the request without refusing it.'],
  },
  aborted: {
    title: 'Cancelled',
    endpoints: [portal],
    causes: ['You pressed Cancel, or started another request before this one ended.'],
  },
  network_error: {
    title: 'The browser could not complete the request',
    endpoints: [portal],
    causes: [
      'The host name does not resolve (DNS), the host is unreachable or refuses the connection, or its TLS certificate is not trusted.',
      'The server answered but does not allow this site’s origin to read the answer (CORS): TelenorID+ staging and production usually do not.',
    ],
    reproduce: explorer('https://id-test.telenor.no'),
  },
  http_error: {
    title: 'An HTTP error without an OAuth error',
    endpoints: [portal],
    causes: ['A wrong path or issuer (404), a server error (5xx), or a proxy in between.'],
  },
  redirected: {
    title: 'Redirected instead of answering',
    endpoints: [portal],
    causes: ['The metadata URL redirects (to a login page, another host, or with a trailing slash added).'],
  },
  issuer_mismatch: {
    title: 'The issuer is not the one asked for',
    endpoints: [portal],
    causes: [
      'The discovery document’s issuer differs from the URL asked for: a trailing slash, another host, or a template such as {tenantid}.',
      'The link that chose this issuer points at someone else’s provider (an issuer mix-up).',
    ],
    reproduce: explorer('https://mock.telenorid.invalid/'),
  },
  not_json: {
    title: 'The answer is not JSON',
    endpoints: [portal],
    causes: ['The URL serves an HTML page (an error or login page) instead of the metadata.'],
  },
  not_object: {
    title: 'The answer is not a JSON object',
    endpoints: [portal],
    causes: ['The URL serves a JSON array, string or number.'],
  },
  too_large: {
    title: 'The answer is too large',
    endpoints: [portal],
    causes: ['The URL serves something far larger than a metadata document or a key set.'],
  },
  state_mismatch: {
    title: 'The state does not match',
    endpoints: [portal, 'Your own client, when it checks the state on the redirect back'],
    causes: [
      'The answer belongs to another login (another tab, an older attempt) or was forged.',
      'The client lost the state it sent (storage cleared between the redirect and the return).',
    ],
  },
  nonce_mismatch: {
    title: 'The nonce does not match',
    endpoints: [portal, 'Your own client, when it validates the ID token'],
    causes: ['The ID token answers another login, or is replayed.'],
  },
  invalid_id_token: {
    title: 'The ID token failed validation',
    endpoints: [portal, 'Your own client, when it validates the ID token'],
    causes: [
      'The signature does not verify with the provider’s keys, or the token’s kid is not in the JWKS.',
      'iss is another environment’s, aud is another client’s, or exp has passed.',
      'The token is not signed with RS256 (alg none, or an HMAC algorithm such as HS256).',
    ],
    reproduce: inspector('jwt', 'Verify an ID token in the inspector'),
  },
  invalid_response: {
    title: 'The answer has the wrong shape',
    endpoints: [portal],
    causes: ['The provider’s answer lacks a field the specification requires, or has one of the wrong type.'],
  },
  missing_endpoint: {
    title: 'The endpoint is not published',
    endpoints: [portal],
    causes: ['The provider’s discovery document does not list the endpoint this request needs.'],
  },
  invalid_access_token: {
    title: 'The access token failed validation',
    endpoints: [portal, 'APIs that validate access tokens'],
    causes: [
      'The signature does not verify, iss is another environment’s, typ is not at+jwt, or exp has passed.',
    ],
    reproduce: inspector('jwt', 'Verify an access token in the inspector'),
  },
  no_refresh_token: {
    title: 'No refresh token was issued',
    endpoints: [`${token} (the answer simply has no refresh_token)`],
    causes: [
      'The client is of type Public (refresh policy NoRefresh): it never gets a refresh token.',
      'offline_access was not requested at /authorize.',
    ],
    faq: 'faqWhichClientType',
    reproduce: refreshSimulator('no_refresh_token', 'Public'),
  },
};

/** Every code with a section in /errors, in catalogue order. */
export const errorCodes = Object.keys(errorReference) as ErrorCode[];
