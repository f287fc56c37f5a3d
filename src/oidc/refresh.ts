/**
 * What a client should do when a refresh fails: tell `invalid_grant` (the login is over) from a
 * configuration error (`invalid_client`) and from a failure to reach the provider at all. The
 * refresh-error simulator shows these; an integrator's client needs the same three branches.
 */
import {
  isRefreshRefusal,
  refreshPolicyOf,
  refreshRefusalHeadlines,
  type ClientTypeName,
  type RefreshPolicy,
} from './catalogue';
import type { OidcFailure } from './failures';
import type { TokenSet } from './tokens';

export type RefreshFailureKind =
  /** The refresh token is dead (expired, revoked, reused, session ended, other client): log in again. */
  | 'login_required'
  /** The provider refused the client itself: a configuration error, not the user's. */
  | 'client_configuration'
  /** There is no refresh token to use. */
  | 'no_refresh_token'
  /** The provider was not reached or failed: the refresh token may still be good. */
  | 'transient'
  /** The request was malformed or asked for something not granted. */
  | 'request';

export type RefreshReaction = {
  kind: RefreshFailureKind;
  /** Keep the tokens held in memory? Only when the failure says nothing about them. */
  keepTokens: boolean;
  /** May the client try this refresh again by itself? Never in a loop; `later` means back-off with a limit. */
  retry: 'never' | 'later';
  /** What to do, in one or two sentences. */
  advice: string;
};

const clientErrors = new Set(['invalid_client', 'unauthorized_client', 'unsupported_grant_type']);
const transientErrors = new Set(['network_error', 'timeout', 'server_error', 'temporarily_unavailable']);

/**
 * Classify a failed refresh by its stable `code` and HTTP status (never by an exception's class).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 * @see https://openid.net/specs/openid-connect-core-1_0.html#RefreshErrorResponse
 */
export function classifyRefreshFailure(failure: Pick<OidcFailure, 'code' | 'status'>): RefreshReaction {
  const { code, status } = failure;
  if (code === 'invalid_grant')
    return {
      kind: 'login_required',
      keepTokens: false,
      retry: 'never',
      advice:
        'Treat the user as logged out: drop the tokens and offer a normal login through /authorize. Never send the same refresh token again.',
    };
  if (code === 'no_refresh_token')
    return {
      kind: 'no_refresh_token',
      keepTokens: true,
      retry: 'never',
      advice:
        'Nothing to refresh: when the access token expires, renew the session with a new login (or prompt=none).',
    };
  if (clientErrors.has(code))
    return {
      kind: 'client_configuration',
      keepTokens: true,
      retry: 'never',
      advice:
        'Fix the client’s configuration (client_id, secret, environment); do not log the user out over it, and do not retry until it is fixed.',
    };
  if (transientErrors.has(code) || (status !== undefined && status >= 500))
    return {
      kind: 'transient',
      keepTokens: true,
      retry: 'later',
      advice:
        'The provider was not reached or failed: keep the tokens, and try again later with back-off and a limit (or when the user acts). This says nothing about the login.',
    };
  return {
    kind: 'request',
    keepTokens: true,
    retry: 'never',
    advice: 'Fix the request; the error_description usually names the problem.',
  };
}

/**
 * A token shown on screen: the first and last few characters, so two tokens can be told apart
 * (rotation) without showing one whole.
 */
export function redactToken(token: string, keep = 6): string {
  if (token.length <= keep * 2 + 3) return '•'.repeat(Math.min(token.length, 8));
  return `${token.slice(0, keep)}…${token.slice(-keep)}`;
}

/** The one line a widget shows for an answer of the token endpoint: `400 invalid_grant — …`. */
export function tokenAnswerLine(
  answer: { ok: true; status?: number; note?: string } | { ok: false; failure: OidcFailure },
): string {
  if (answer.ok) return `${answer.status ?? 200} OK${answer.note ? ` — ${answer.note}` : ''}`;
  const f = answer.failure;
  const head = [f.status, f.error ?? f.code].filter((x) => x !== undefined).join(' ');
  const tail = f.error_description ?? f.detail ?? f.explanation.meaning;
  return `${head} — ${tail}`;
}

/** A token response as a widget shows it: the fields of the answer, every token shortened by `redactToken`. */
export function redactedTokenResponse(tokens: TokenSet): Record<string, unknown> {
  return {
    access_token: redactToken(tokens.accessToken),
    token_type: tokens.tokenType,
    ...(tokens.expiresIn !== undefined ? { expires_in: tokens.expiresIn } : {}),
    ...(tokens.refreshToken ? { refresh_token: redactToken(tokens.refreshToken) } : {}),
    ...(tokens.idToken ? { id_token: redactToken(tokens.idToken) } : {}),
    ...(tokens.scope !== undefined ? { scope: tokens.scope } : {}),
  };
}

/** The body of a failed token-endpoint answer as a widget shows it: the JSON the provider sent, or what we know. */
export function tokenFailureBody(f: OidcFailure): string {
  const cause = f.cause;
  if (typeof cause === 'object' && cause !== null && !(cause instanceof Error)) {
    try {
      return JSON.stringify(cause, null, 2);
    } catch {
      // fall through to the fields we know
    }
  }
  if (f.error) return JSON.stringify({ error: f.error, error_description: f.error_description }, null, 2);
  return `(no answer: ${f.code})`;
}

/**
 * The verdict line of a refresh that failed while demonstrating `cause`: an invalid_grant gets the
 * catalogue's headline for that cause on every environment (oidc-provider, and so the local tenant,
 * says “grant request is invalid” for all of them), with the provider's own words after it when they
 * differ. Any other failure is `tokenAnswerLine`.
 */
export function refreshRefusalLine(failure: OidcFailure, cause: string | undefined): string {
  if (failure.code !== 'invalid_grant' || !isRefreshRefusal(cause))
    return tokenAnswerLine({ ok: false, failure });
  const head = [failure.status, failure.error ?? failure.code].filter((x) => x !== undefined).join(' ');
  const headline = refreshRefusalHeadlines[cause];
  const said = failure.error_description?.trim();
  return `${head} — ${headline}${said && said !== headline ? ` (the provider’s words: “${said}”)` : ''}`;
}

/** Whether a refresh under `policy` hands out a new refresh token (sliding) or keeps the one (fixed). */
export function rotatesOnRefresh(policy: RefreshPolicy): boolean {
  return policy.sliding;
}

/** The title of a refresh step, true to the policy: only sliding policies rotate the token. */
export function refreshStepTitle(policy: RefreshPolicy): string {
  return rotatesOnRefresh(policy)
    ? 'Refresh (rotates the token)'
    : `Refresh (the token is kept: the ${policy.name} policy does not rotate it)`;
}

/**
 * Why “reused after rotation” cannot happen for a client type, or undefined where it can. A fixed
 * policy never rotates, so there is no old token: presenting the one token again is a normal refresh.
 */
export function reuseImpossibleBecause(type: ClientTypeName): string | undefined {
  const policy = refreshPolicyOf(type);
  if (policy.lifetimeSeconds === undefined || rotatesOnRefresh(policy)) return undefined;
  return `Reuse after rotation cannot happen for a ${type} client: its ${policy.name} refresh policy never rotates the refresh token (${policy.summary.charAt(0).toLowerCase()}${policy.summary.slice(1)}), so there is no old token to reuse: presenting it again is an ordinary refresh (200). Reuse detection applies to the sliding policies of PublicWithRefresh and MobileApp clients.`;
}
