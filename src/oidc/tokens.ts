/**
 * The token endpoint and friends, through openid-client: exchange a code (PKCE, optional
 * secret), refresh, revoke, userinfo, and logout (RP-initiated and TelenorID+'s custom one).
 * Every failure is an `OidcFailure`; tokens are returned in memory and never logged.
 */
import * as oidc from 'openid-client';
import type { JSONWebKeySet } from 'jose';
import { allowLoopbackBrowserEndpoint, type AuthorizationSecrets } from './authorize';
import { classifyError, classifyThrown, lastCurl, prepareClient, type ClientSettings } from './client';
import { toCurl, type RecordedRequest } from './curl';
import { fetchJwks } from './discovery';
import { failure, type OidcFailure, type Result } from './failures';
import type { JsonFetchOptions } from './http';
import {
  claimOrigins,
  decodeToken,
  verifyAccessToken,
  verifyIdToken,
  type ClaimOrigin,
  type DecodedJwt,
} from './jwt';
import { parseScopeString } from './scopes';
import { parseCallback } from './callback';

export type TokenSet = {
  accessToken: string;
  tokenType: string;
  expiresIn?: number;
  refreshToken?: string;
  idToken?: string;
  /** The scope string of the answer, when the provider sends one. */
  scope?: string;
};

export type TokenView = {
  tokens: TokenSet;
  /** Scopes granted (from the answer, else the access token's scope claim). */
  grantedScopes: string[];
  /** Decoded, NOT verified — call `verifyTokenSet` for that. */
  idToken?: DecodedJwt;
  accessToken?: DecodedJwt;
  idTokenClaims?: ClaimOrigin[];
  accessTokenClaims?: ClaimOrigin[];
};

export type TokenResult = Result<{ view: TokenView; requests: RecordedRequest[]; curl: string }>;

/**
 * Interpret a token endpoint answer (pure): tokens, granted scopes, decoded tokens and where
 * each claim came from.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#TokenResponse
 */
export function describeTokenResponse(
  response: Record<string, unknown>,
  requestedScopes: readonly string[] = [],
): TokenView {
  const str = (k: string) => (typeof response[k] === 'string' ? (response[k] as string) : undefined);
  const tokens: TokenSet = {
    accessToken: str('access_token') ?? '',
    tokenType: str('token_type') ?? '',
    ...(typeof response['expires_in'] === 'number' ? { expiresIn: response['expires_in'] } : {}),
    ...(str('refresh_token') ? { refreshToken: str('refresh_token') } : {}),
    ...(str('id_token') ? { idToken: str('id_token') } : {}),
    ...(str('scope') !== undefined ? { scope: str('scope') } : {}),
  };
  const at = tokens.accessToken ? decodeToken(tokens.accessToken) : undefined;
  const atScope = at?.ok ? at.jwt.claims['scope'] : undefined;
  const grantedScopes =
    tokens.scope !== undefined
      ? parseScopeString(tokens.scope)
      : Array.isArray(atScope)
        ? atScope.filter((s): s is string => typeof s === 'string')
        : typeof atScope === 'string'
          ? parseScopeString(atScope)
          : [...requestedScopes];
  const id = tokens.idToken ? decodeToken(tokens.idToken) : undefined;
  return {
    tokens,
    grantedScopes,
    ...(id?.ok
      ? {
          idToken: id.jwt,
          idTokenClaims: claimOrigins(id.jwt.claims as Record<string, unknown>, grantedScopes, 'id_token'),
        }
      : {}),
    ...(at?.ok
      ? {
          accessToken: at.jwt,
          accessTokenClaims: claimOrigins(
            at.jwt.claims as Record<string, unknown>,
            grantedScopes,
            'access_token',
          ),
        }
      : {}),
  };
}

function tokenResult(
  response: oidc.TokenEndpointResponse,
  requests: RecordedRequest[],
  requestedScopes: readonly string[] = [],
): TokenResult {
  return {
    ok: true,
    view: describeTokenResponse(response as unknown as Record<string, unknown>, requestedScopes),
    requests,
    curl: lastCurl(requests) ?? '',
  };
}

/**
 * Exchange the authorization code from the callback URL (PKCE code_verifier; client_secret for
 * Confidential clients). openid-client checks state, iss and the ID token's claims and nonce.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#TokenRequest
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.5
 */
export async function exchangeCode(
  settings: ClientSettings,
  callbackUrl: string | URL,
  secrets: AuthorizationSecrets,
  options: { requestedScopes?: readonly string[] } = {},
): Promise<TokenResult> {
  const prepared = prepareClient(settings);
  if (!prepared.ok) return prepared;
  const { config, requests } = prepared.client;
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    return failure('invalid_url');
  }
  // Our own state check first, so a mismatch (or an OAuth error on the redirect) is reported with
  // the portal's codes rather than as a generic invalid response.
  const callback = parseCallback(url, { state: secrets.state });
  if (!callback.ok) return callback;
  // openid-client sends the callback URL without its query as redirect_uri; it must be the one
  // sent to /authorize, exactly, so a redirect_uri with a query of its own cannot be used here.
  const landedOn = new URL(url);
  landedOn.search = '';
  landedOn.hash = '';
  let expectedRedirect: string;
  try {
    expectedRedirect = new URL(secrets.redirectUri).href;
  } catch {
    return failure('invalid_redirect_uri');
  }
  if (landedOn.href !== expectedRedirect)
    return failure('invalid_redirect_uri', {
      detail: `The browser came back to ${landedOn.href}, not to the redirect_uri sent (${secrets.redirectUri}).`,
    });
  try {
    const response = await oidc.authorizationCodeGrant(config, url, {
      pkceCodeVerifier: secrets.codeVerifier,
      expectedState: secrets.state,
      expectedNonce: secrets.nonce,
    });
    return tokenResult(response, requests, options.requestedScopes);
  } catch (error) {
    return { ok: false, failure: await classifyThrown(error, requests) };
  }
}

/**
 * Refresh: `grant_type=refresh_token`. On `invalid_grant` the user must be treated as logged out.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 * @see https://openid.net/specs/openid-connect-core-1_0.html#RefreshTokens
 */
export async function refreshTokens(
  settings: ClientSettings,
  refreshToken: string,
  options: { scope?: string } = {},
): Promise<TokenResult> {
  if (!refreshToken) return failure('no_refresh_token');
  const prepared = prepareClient(settings);
  if (!prepared.ok) return prepared;
  const { config, requests } = prepared.client;
  try {
    const response = await oidc.refreshTokenGrant(
      config,
      refreshToken,
      options.scope ? { scope: options.scope } : undefined,
    );
    return tokenResult(response, requests);
  } catch (error) {
    return { ok: false, failure: await classifyThrown(error, requests) };
  }
}

/**
 * Revoke a refresh (or access) token.
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2
 */
export async function revokeToken(
  settings: ClientSettings,
  token: string,
  tokenTypeHint: 'refresh_token' | 'access_token' = 'refresh_token',
): Promise<Result<{ curl: string }>> {
  if (typeof settings.discovery['revocation_endpoint'] !== 'string')
    return failure('missing_endpoint', { detail: 'The provider publishes no revocation_endpoint.' });
  const prepared = prepareClient(settings);
  if (!prepared.ok) return prepared;
  const { config, requests } = prepared.client;
  try {
    await oidc.tokenRevocation(config, token, { token_type_hint: tokenTypeHint });
    return { ok: true, curl: lastCurl(requests) ?? '' };
  } catch (error) {
    return { ok: false, failure: await classifyThrown(error, requests) };
  }
}

/**
 * Fetch /userinfo with the access token; the claims that come back depend on the token's scopes.
 * @param expectedSubject the ID token's sub; the answer's sub must match it.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfo
 */
export async function fetchUserinfo(
  settings: ClientSettings,
  accessToken: string,
  expectedSubject: string | undefined,
  grantedScopes: readonly string[] = [],
): Promise<Result<{ claims: Record<string, unknown>; origins: ClaimOrigin[]; curl: string }>> {
  const prepared = prepareClient(settings);
  if (!prepared.ok) return prepared;
  const { config, requests } = prepared.client;
  try {
    const claims = (await oidc.fetchUserInfo(
      config,
      accessToken,
      expectedSubject ?? oidc.skipSubjectCheck,
    )) as unknown as Record<string, unknown>;
    return {
      ok: true,
      claims,
      origins: claimOrigins(claims, grantedScopes, 'userinfo'),
      curl: lastCurl(requests) ?? '',
    };
  } catch (error) {
    return { ok: false, failure: await classifyThrown(error, requests) };
  }
}

export type VerifiedTokens = {
  idToken?: Result<{ jwt: DecodedJwt }>;
  accessToken?: Result<{ jwt: DecodedJwt }>;
  jwks: JSONWebKeySet;
};

/**
 * Verify the ID token (signature, iss, aud, exp, nonce) and a JWT access token against the
 * provider's JWKS, fetched with the same safety rules as discovery.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export async function verifyTokenSet(
  settings: ClientSettings,
  tokens: TokenSet,
  options: { nonce?: string; currentDate?: Date } & Pick<JsonFetchOptions, 'timeoutMs' | 'signal'> = {},
): Promise<Result<{ verified: VerifiedTokens }>> {
  const jwksUri = settings.discovery['jwks_uri'];
  const issuer = settings.discovery['issuer'];
  if (typeof jwksUri !== 'string' || typeof issuer !== 'string')
    return failure('missing_endpoint', { detail: 'The provider publishes no jwks_uri.' });
  const jwks = await fetchJwks(jwksUri, {
    ...(settings.fetch ? { fetch: settings.fetch } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!jwks.ok) return jwks;
  const set = jwks.jwks as unknown as JSONWebKeySet;
  const common = { jwks: set, issuer, ...(options.currentDate ? { currentDate: options.currentDate } : {}) };
  const verified: VerifiedTokens = { jwks: set };
  if (tokens.idToken)
    verified.idToken = await verifyIdToken(tokens.idToken, {
      ...common,
      clientId: settings.clientId,
      ...(options.nonce !== undefined ? { nonce: options.nonce } : {}),
    });
  if (tokens.accessToken && decodeToken(tokens.accessToken).ok)
    verified.accessToken = await verifyAccessToken(tokens.accessToken, common);
  return { ok: true, verified };
}

/**
 * Build the RP-initiated logout URL (browser logout).
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout
 */
export function buildEndSessionRequest(
  settings: ClientSettings,
  params: { idTokenHint?: string; postLogoutRedirectUri?: string; state?: string },
): Result<{ url: string }> {
  if (typeof settings.discovery['end_session_endpoint'] !== 'string')
    return failure('missing_endpoint', { detail: 'The provider publishes no end_session_endpoint.' });
  const prepared = prepareClient(settings);
  if (!prepared.ok) return prepared;
  const search = new URLSearchParams();
  if (params.idTokenHint) search.set('id_token_hint', params.idTokenHint);
  if (params.postLogoutRedirectUri) search.set('post_logout_redirect_uri', params.postLogoutRedirectUri);
  if (params.state) search.set('state', params.state);
  allowLoopbackBrowserEndpoint(prepared.client.config, settings.discovery['end_session_endpoint']);
  try {
    return { ok: true, url: oidc.buildEndSessionUrl(prepared.client.config, search).href };
  } catch (error) {
    return { ok: false, failure: classifyError(error) };
  }
}

export type CustomLogoutOutcome =
  | { kind: 'logged_out'; state: string }
  | { kind: 'already_logged_out' }
  | { kind: 'failed'; failure: OidcFailure };

/**
 * Interpret an answer of TelenorID+'s custom_logout_endpoint (pure), per the guide: 200 with the
 * state (session ended) or "Already logged out"; 400 missing hint; 401 invalid token; 424 the
 * TelenorID (Telenor Digital) logout failed; 5xx internal error.
 */
export function interpretCustomLogout(
  status: number,
  body: string,
  sentState: string | undefined,
): CustomLogoutOutcome {
  const text = body.trim().replace(/^"(.*)"$/s, '$1');
  if (status === 200) {
    if (/already logged out/i.test(text)) return { kind: 'already_logged_out' };
    return { kind: 'logged_out', state: sentState !== undefined && text === '' ? sentState : text };
  }
  const code =
    status === 400
      ? 'invalid_request'
      : status === 401
        ? 'invalid_token'
        : status >= 500
          ? 'server_error'
          : 'http_error';
  return {
    kind: 'failed',
    failure: failure(code, {
      status,
      ...(text ? { error_description: text.slice(0, 500) } : {}),
      ...(status === 424
        ? { detail: 'The logout at TelenorID (Telenor Digital) failed (424 Failed Dependency).' }
        : {}),
    }).failure,
  };
}

/**
 * POST the custom logout (native apps without a browser session): JSON `{id_token_hint, state}`.
 */
export async function customLogout(
  settings: ClientSettings,
  params: { idTokenHint: string; state?: string },
  options: { signal?: AbortSignal } = {},
): Promise<{ outcome: CustomLogoutOutcome; curl: string }> {
  const endpoint = settings.discovery['custom_logout_endpoint'];
  if (typeof endpoint !== 'string')
    return {
      outcome: {
        kind: 'failed',
        failure: failure('missing_endpoint', { detail: 'The provider publishes no custom_logout_endpoint.' })
          .failure,
      },
      curl: '',
    };
  const body = {
    id_token_hint: params.idTokenHint,
    ...(params.state !== undefined ? { state: params.state } : {}),
  };
  const request: RecordedRequest = {
    method: 'POST',
    url: endpoint,
    headers: { 'Content-Type': 'application/json' },
    body: { kind: 'json', value: body },
  };
  const curl = toCurl(request);
  const doFetch = settings.fetch ?? ((input, init) => globalThis.fetch(input, init));
  try {
    const response = await doFetch(endpoint, {
      method: 'POST',
      headers: request.headers,
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: options.signal ?? AbortSignal.timeout((settings.timeoutSeconds ?? 10) * 1000),
    });
    const text = (await response.text()).slice(0, 10_000);
    return { outcome: interpretCustomLogout(response.status, text, params.state), curl };
  } catch (error) {
    return { outcome: { kind: 'failed', failure: { ...classifyError(error), curl } }, curl };
  }
}
