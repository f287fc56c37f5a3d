/**
 * Build the /authorize request: PKCE S256, state and nonce from openid-client, every parameter
 * with an explanation, and the secrets the page must keep in memory until the redirect returns.
 */
import * as oidc from 'openid-client';
import { spec, type GuideTopic } from './catalogue';
import { checkProviderUrl, isLoopbackHost } from './environments';
import { failure, type Result } from './failures';
import { prepareClient, type ClientSettings } from './client';
import { buildScopeString, parseScopeString } from './scopes';

export type AuthorizationRequestInput = {
  redirectUri: string;
  /** A scope string or a list of scopes. */
  scope: string | readonly string[];
  /** Default `code` — TelenorID+ recommends it for every client. */
  responseType?: string;
  responseMode?: 'query' | 'form_post' | 'fragment';
  prompt?: string;
  uiLocales?: string;
  loginHint?: string;
  acrValues?: string;
  /** Other parameters, sent as given (the reader is experimenting). */
  extra?: Record<string, string>;
  /** Fixed secrets, for reproducible examples and tests; generated when absent. */
  codeVerifier?: string;
  state?: string;
  nonce?: string;
};

/** Kept in memory by the page until the redirect returns; never put in a URL, storage or a log. */
export type AuthorizationSecrets = {
  codeVerifier: string;
  state: string;
  nonce: string;
  /** The redirect_uri sent, which the token request must repeat exactly. */
  redirectUri: string;
};

export type ExplainedParameter = {
  name: string;
  value: string;
  explanation: string;
  spec?: string;
  guide?: GuideTopic;
};

export type AuthorizationRequest = {
  url: string;
  parameters: ExplainedParameter[];
  secrets: AuthorizationSecrets;
  codeChallenge: string;
};

/** What each authorization request parameter is for (the scope builder's list, the inspector's table). */
export const parameterInfo: Record<string, Omit<ExplainedParameter, 'name' | 'value'>> = {
  client_id: {
    explanation: 'Which registered client is asking.',
    spec: spec.oidcCoreAuthRequest,
    guide: 'authorize',
  },
  redirect_uri: {
    explanation: 'Where TelenorID+ sends the browser back; must exactly match a registered URI.',
    spec: spec.oidcCoreAuthRequest,
    guide: 'authorize',
  },
  response_type: {
    explanation: 'code: the authorization code flow, which TelenorID+ recommends for every client.',
    spec: spec.oidcCoreAuthRequest,
    guide: 'authorize',
  },
  scope: {
    explanation: 'What the client asks for: identity scopes (claims) and api: scopes (Telenor APIs).',
    spec: spec.rfc6749Scope,
    guide: 'scopes',
  },
  state: {
    explanation:
      'A random value echoed back on the redirect; the client checks it to reject forged or mixed-up answers (CSRF).',
    spec: 'https://www.rfc-editor.org/rfc/rfc6749#section-10.12',
    guide: 'authorize',
  },
  nonce: {
    explanation: 'A random value copied into the ID token; the client checks it to reject replayed tokens.',
    spec: spec.oidcCoreIdToken,
    guide: 'idToken',
  },
  code_challenge: {
    explanation:
      'PKCE: BASE64URL(SHA-256(code_verifier)). The verifier stays in memory and is sent only to /token.',
    spec: spec.rfc7636,
    guide: 'authorize',
  },
  code_challenge_method: {
    explanation: 'S256, the only PKCE method TelenorID+ accepts.',
    spec: spec.rfc7636,
    guide: 'authorize',
  },
  response_mode: {
    explanation: 'How the answer returns: query (default) or form_post.',
    spec: 'https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html#ResponseModes',
    guide: 'authorize',
  },
  prompt: {
    explanation:
      'none: silent check of the SSO session, no UI (login_required if there is none); login: always ask the user to log in.',
    spec: spec.oidcCoreAuthRequest,
    guide: 'checkSession',
  },
  ui_locales: {
    explanation: 'Language of the login pages, e.g. no (Norwegian) or en.',
    spec: spec.oidcCoreAuthRequest,
    guide: 'authorize',
  },
  login_hint: {
    explanation: 'Pre-fills the phone number (MSISDN) on the login page.',
    spec: spec.oidcCoreAuthRequest,
    guide: 'authorize',
  },
  acr_values: {
    explanation:
      'An authenticator assurance level (urn:telenor.identity.aal.N) or a provider (idp:…); only if you must control it.',
    spec: spec.oidcCoreAuthRequest,
    guide: 'assurance',
  },
};

export type RedirectUriCheck = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Check a redirect_uri the portal can receive: absolute, https (or http on a loopback host),
 * no fragment.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-7.3
 */
export function validateRedirectUri(uri: string): RedirectUriCheck {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { ok: false, reason: 'The redirect_uri must be an absolute URL.' };
  }
  if (uri.includes('#')) return { ok: false, reason: 'The redirect_uri must not contain a fragment (#).' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return {
      ok: false,
      reason: 'Plain http is allowed only on loopback hosts (localhost, 127.0.0.1, [::1]).',
    };
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {
      ok: false,
      reason: `The ${url.protocol} scheme is for native apps (claimed or private-use schemes); a web page can receive only https.`,
    };
  if (url.username || url.password)
    return { ok: false, reason: 'The redirect_uri must not contain credentials.' };
  return { ok: true, url };
}

/**
 * A browser endpoint (authorize, end session) on a loopback http origin is allowed even for an
 * https issuer: the mock's endpoints are pages of the portal, which runs on http://localhost in
 * development and tests. Only navigations are built with this config — never a back-channel
 * request — and only loopback hosts qualify (plain http elsewhere stays refused).
 */
export function allowLoopbackBrowserEndpoint(config: oidc.Configuration, endpoint: unknown): boolean {
  if (typeof endpoint !== 'string') return false;
  const check = checkProviderUrl(endpoint);
  if (!check.ok || !check.loopbackHttp) return false;
  oidc.allowInsecureRequests(config);
  return true;
}

/**
 * Fresh round-trip secrets for a request the reader is composing: a PKCE verifier (43 characters
 * of base64url), a state and a nonce, from openid-client's random generators. Memory only.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function newRequestSecrets(): { codeVerifier: string; state: string; nonce: string } {
  return {
    codeVerifier: oidc.randomPKCECodeVerifier(),
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
  };
}

/**
 * The S256 code_challenge of a verifier: BASE64URL(SHA-256(ASCII(code_verifier))).
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export function pkceChallengeOf(codeVerifier: string): Promise<string> {
  return oidc.calculatePKCECodeChallenge(codeVerifier);
}

/**
 * Build an authorization request with PKCE S256, state and nonce.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4
 */
export async function buildAuthorizationRequest(
  settings: ClientSettings,
  input: AuthorizationRequestInput,
): Promise<Result<{ request: AuthorizationRequest }>> {
  const redirect = validateRedirectUri(input.redirectUri);
  if (!redirect.ok) return failure('invalid_redirect_uri', { detail: redirect.reason });
  if (redirect.url.search !== '')
    // openid-client sends the callback URL minus its query as redirect_uri at /token, so a
    // redirect_uri with its own query (e.g. ?env=mock) could never match there.
    return failure('invalid_redirect_uri', {
      detail: 'Use a redirect_uri without a query (?…): the token request repeats it without one.',
    });
  const prepared = prepareClient(settings);
  if (!prepared.ok) return prepared;
  if (typeof settings.discovery['authorization_endpoint'] !== 'string')
    return failure('missing_endpoint', { detail: 'The provider publishes no authorization_endpoint.' });

  const codeVerifier = input.codeVerifier ?? oidc.randomPKCECodeVerifier();
  const state = input.state ?? oidc.randomState();
  const nonce = input.nonce ?? oidc.randomNonce();
  const codeChallenge = await oidc.calculatePKCECodeChallenge(codeVerifier);
  const scopes = typeof input.scope === 'string' ? parseScopeString(input.scope) : [...input.scope];

  const params: [string, string][] = [
    ['redirect_uri', input.redirectUri],
    ['response_type', input.responseType ?? 'code'],
    ['scope', buildScopeString(scopes)],
    ['state', state],
    ['nonce', nonce],
    ['code_challenge', codeChallenge],
    ['code_challenge_method', 'S256'],
  ];
  if (input.responseMode) params.push(['response_mode', input.responseMode]);
  if (input.prompt) params.push(['prompt', input.prompt]);
  if (input.uiLocales) params.push(['ui_locales', input.uiLocales]);
  if (input.loginHint) params.push(['login_hint', input.loginHint]);
  if (input.acrValues) params.push(['acr_values', input.acrValues]);
  for (const [k, v] of Object.entries(input.extra ?? {}))
    if (!params.some(([n]) => n === k)) params.push([k, v]);

  allowLoopbackBrowserEndpoint(prepared.client.config, settings.discovery['authorization_endpoint']);
  let url: URL;
  try {
    url = oidc.buildAuthorizationUrl(prepared.client.config, new URLSearchParams(params));
  } catch (error) {
    return failure('invalid_request', { detail: error instanceof Error ? error.message : undefined });
  }
  const parameters: ExplainedParameter[] = [...url.searchParams.entries()].map(([name, value]) => ({
    name,
    value,
    ...(parameterInfo[name] ?? { explanation: 'A parameter this page added as you asked.' }),
  }));
  return {
    ok: true,
    request: {
      url: url.href,
      parameters,
      secrets: { codeVerifier, state, nonce, redirectUri: input.redirectUri },
      codeChallenge,
    },
  };
}
