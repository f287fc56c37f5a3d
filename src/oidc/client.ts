/**
 * The bridge to openid-client: a `Configuration` for one provider and client, built from a
 * discovery document the portal already fetched and validated, with every request recorded for
 * curl; and the one function that turns anything openid-client throws into an `OidcFailure`.
 */
import * as oidc from 'openid-client';
import { checkProviderUrl } from './environments';
import { failure, prop, stringProp, type OidcFailure } from './failures';
import { checkProviderMetadata } from './issuer';
import { recordingFetch, toCurl, type FetchLike, type RecordedRequest } from './curl';
import type { DiscoveryDocument } from './discovery';

/** One registered client at one provider. */
export type ClientSettings = {
  /** The provider's metadata (from `discoverProvider`). */
  discovery: DiscoveryDocument;
  /**
   * The issuer the reader asked for (the environment's). The document's `issuer` must be exactly
   * this (`checkProviderMetadata`), or nothing is sent.
   */
  issuer: string;
  clientId: string;
  /** Confidential clients only. Kept in memory; shown in curl only as a placeholder. */
  clientSecret?: string;
  /** The fetch to use (tests, a proxy). Default globalThis.fetch (which MSW intercepts). */
  fetch?: FetchLike;
  /** Seconds before a request to the provider is abandoned. Default 10. */
  timeoutSeconds?: number;
};

export type PreparedClient = {
  config: oidc.Configuration;
  /** Every request openid-client sends through this configuration, in order. */
  requests: RecordedRequest[];
  /** True when plain http is allowed because some endpoint is itself on a loopback host. */
  insecureLoopback: boolean;
};

/**
 * Build an openid-client Configuration. Fails (never throws) on a document whose issuer is not the
 * one asked for, or with an endpoint that is not https (http only for an endpoint on loopback).
 */
export function prepareClient(
  settings: ClientSettings,
): { ok: true; client: PreparedClient } | { ok: false; failure: OidcFailure } {
  if (typeof settings.discovery['issuer'] !== 'string')
    return failure('invalid_response', { detail: 'The discovery document has no issuer.' });
  const check = checkProviderMetadata(settings.discovery, settings.issuer ?? '');
  if (!check.ok) return check;
  if (typeof settings.clientId !== 'string' || settings.clientId === '')
    return failure('invalid_client', { detail: 'No client_id.' });
  const requests: RecordedRequest[] = [];
  let config: oidc.Configuration;
  try {
    config = new oidc.Configuration(
      settings.discovery as unknown as oidc.ServerMetadata,
      settings.clientId,
      settings.clientSecret ? { client_secret: settings.clientSecret } : undefined,
      settings.clientSecret ? oidc.ClientSecretPost(settings.clientSecret) : oidc.None(),
    );
  } catch (error) {
    return { ok: false, failure: classifyError(error, requests) };
  }
  const base: FetchLike = settings.fetch ?? ((input, init) => globalThis.fetch(input, init));
  config[oidc.customFetch] = recordingFetch(loopbackHttpOnly(base), requests) as oidc.CustomFetch;
  config.timeout = settings.timeoutSeconds ?? 10;
  if (check.loopbackHttp) {
    // DANGER, on purpose and only here: openid-client's switch is for the whole configuration, so
    // plain http is allowed once some endpoint is on loopback (the local test tenant on this
    // machine) — and loopbackHttpOnly still refuses every request to plain http anywhere else.
    oidc.allowInsecureRequests(config);
  }
  return { ok: true, client: { config, requests, insecureLoopback: check.loopbackHttp } };
}

const refusedUrlCodes = {
  invalid_url: 'OAUTH_REQUEST_PROTOCOL_FORBIDDEN',
  unsupported_scheme: 'OAUTH_REQUEST_PROTOCOL_FORBIDDEN',
  insecure_http: 'OAUTH_HTTP_REQUEST_FORBIDDEN',
  credentials_in_url: 'PORTAL_CREDENTIALS_IN_URL',
} as const;

/**
 * A fetch that sends nothing to a URL checkProviderUrl refuses (plain http off loopback, other
 * schemes), checked per request, whatever the rest of the configuration allows.
 */
function loopbackHttpOnly(base: FetchLike): FetchLike {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const check = checkProviderUrl(url);
    if (check.ok) return base(input, init);
    return Promise.reject(
      Object.assign(new Error(`Refused to send a request to ${url}.`), {
        code: refusedUrlCodes[check.code],
      }),
    );
  };
}

/** The curl of the last request sent, if any. */
export function lastCurl(requests: readonly RecordedRequest[]): string | undefined {
  const last = requests[requests.length - 1];
  return last ? toCurl(last) : undefined;
}

const jwtFailureCodes: Record<string, string> = {
  OAUTH_JWT_TIMESTAMP_CHECK_FAILED: 'invalid_id_token',
  OAUTH_JWT_CLAIM_COMPARISON_FAILED: 'invalid_id_token',
  OAUTH_KEY_SELECTION_FAILED: 'invalid_id_token',
  OAUTH_INVALID_RESPONSE: 'invalid_response',
  OAUTH_PARSE_ERROR: 'invalid_response',
  OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED: 'invalid_response',
  OAUTH_RESPONSE_IS_NOT_JSON: 'not_json',
  OAUTH_HTTP_REQUEST_FORBIDDEN: 'insecure_http',
  PORTAL_CREDENTIALS_IN_URL: 'credentials_in_url',
  OAUTH_REQUEST_PROTOCOL_FORBIDDEN: 'unsupported_scheme',
  OAUTH_MISSING_SERVER_METADATA: 'missing_endpoint',
  OAUTH_INVALID_SERVER_METADATA: 'invalid_response',
};

function statusOf(value: unknown): number | undefined {
  const s = prop(value, 'status');
  return typeof s === 'number' && s > 0 ? s : undefined;
}

/**
 * Turn anything openid-client (or fetch) throws into an `OidcFailure`. Classifies by the stable
 * `code`, `error` and `status` properties — never by class name or `instanceof`, which production
 * minification and duplicated bundles break.
 */
export function classifyError(error: unknown, requests: readonly RecordedRequest[] = []): OidcFailure {
  const curl = lastCurl(requests);
  const withCurl = curl ? { curl } : {};
  const code = stringProp(error, 'code');
  const message = stringProp(error, 'message');

  if (code === 'OAUTH_RESPONSE_BODY_ERROR' || code === 'OAUTH_AUTHORIZATION_RESPONSE_ERROR') {
    const oauthError = stringProp(error, 'error') ?? 'invalid_response';
    const description = stringProp(error, 'error_description');
    const status = statusOf(error);
    return failure(oauthError, {
      error: oauthError,
      ...(description !== undefined ? { error_description: description } : {}),
      ...(status !== undefined ? { status } : {}),
      cause: prop(error, 'cause'),
      ...withCurl,
    }).failure;
  }
  if (code === 'OAUTH_WWW_AUTHENTICATE_CHALLENGE') {
    const challenges = prop(error, 'cause');
    const first = Array.isArray(challenges) ? (challenges[0] as unknown) : undefined;
    const params = prop(first, 'parameters');
    const oauthError = stringProp(params, 'error') ?? 'invalid_token';
    const description = stringProp(params, 'error_description');
    const status = statusOf(error);
    return failure(oauthError, {
      error: oauthError,
      ...(description !== undefined ? { error_description: description } : {}),
      ...(status !== undefined ? { status } : {}),
      cause: challenges,
      ...withCurl,
    }).failure;
  }
  if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM') {
    // The cause is the Response: an HTTP status the spec does not allow, without an OAuth error body.
    const status = statusOf(prop(error, 'cause'));
    return failure('http_error', {
      ...(status !== undefined ? { status, detail: `HTTP ${status}.` } : {}),
      ...withCurl,
    }).failure;
  }
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') {
    // openid-client wraps oauth4webapi's error; the claim name sits on the innermost cause.
    const inner = prop(error, 'cause');
    const claim = stringProp(prop(inner, 'cause'), 'claim') ?? stringProp(inner, 'claim');
    if (claim === 'nonce') return failure('nonce_mismatch', { ...withCurl, cause: inner }).failure;
    return failure('invalid_id_token', {
      ...withCurl,
      ...(claim ? { detail: `The ID token’s ${claim} claim has an unexpected value.` } : {}),
      cause: inner,
    }).failure;
  }
  if (code !== undefined && Object.prototype.hasOwnProperty.call(jwtFailureCodes, code)) {
    return failure(jwtFailureCodes[code]!, {
      ...withCurl,
      ...(message ? { detail: message } : {}),
      cause: prop(error, 'cause'),
    }).failure;
  }
  const name = stringProp(error, 'name');
  if (name === 'TimeoutError') return failure('timeout', withCurl).failure;
  if (name === 'AbortError') return failure('aborted', withCurl).failure;
  if (name === 'TypeError' && (code === undefined || !code.startsWith('ERR_'))) {
    // fetch() rejects with a plain TypeError for every network-level failure, CORS included.
    return failure('network_error', { ...withCurl, cause: error }).failure;
  }
  return failure('invalid_response', { ...withCurl, ...(message ? { detail: message } : {}), cause: error })
    .failure;
}

/**
 * `classifyError`, plus a look into the body of an answer openid-client did not parse: an HTTP 5xx
 * may still carry an OAuth error (`server_error`, `temporarily_unavailable`), which says more than
 * “HTTP 503”.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export async function classifyThrown(
  error: unknown,
  requests: readonly RecordedRequest[] = [],
): Promise<OidcFailure> {
  const classified = classifyError(error, requests);
  if (stringProp(error, 'code') !== 'OAUTH_RESPONSE_IS_NOT_CONFORM') return classified;
  const response = prop(error, 'cause');
  if (!(response instanceof Response) || response.bodyUsed) return classified;
  try {
    const text = (await response.clone().text()).slice(0, 100_000);
    const body = JSON.parse(text) as unknown;
    const oauthError = stringProp(body, 'error');
    if (!oauthError) return { ...classified, cause: body };
    const description = stringProp(body, 'error_description');
    return failure(oauthError, {
      error: oauthError,
      ...(description !== undefined ? { error_description: description } : {}),
      ...(classified.status !== undefined ? { status: classified.status } : {}),
      ...(classified.curl ? { curl: classified.curl } : {}),
      cause: body,
    }).failure;
  } catch {
    return classified;
  }
}
