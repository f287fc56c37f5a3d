/**
 * Read the redirect back from /authorize: a code, or an OAuth error — and check the state
 * before trusting either.
 */
import { explain, type ErrorExplanation } from './catalogue';
import { failure, type Result } from './failures';

export type AuthorizationResponse = {
  code: string;
  state?: string;
  /** RFC 9207 issuer identification, when the provider sends it. */
  iss?: string;
  /** The scopes granted, when the provider says (TelenorID+ does; they may differ from those requested). */
  scope?: string;
  sessionState?: string;
  /** The whole callback URL, to hand on to the code exchange. */
  url: string;
};

function paramsOf(url: URL): URLSearchParams {
  if (url.searchParams.has('code') || url.searchParams.has('error') || url.hash.length <= 1)
    return url.searchParams;
  return new URLSearchParams(url.hash.slice(1));
}

/**
 * Parse a callback URL. The state is checked first: an answer (even an error) whose state is not
 * the one this browser sent is rejected as `state_mismatch`.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthError
 */
export function parseCallback(
  callbackUrl: string | URL,
  expected: { state: string | undefined },
): Result<{ response: AuthorizationResponse }> {
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    return failure('invalid_url');
  }
  const params = paramsOf(url);
  const state = params.get('state') ?? undefined;
  if (expected.state !== undefined && state !== expected.state) {
    return failure('state_mismatch', {
      detail:
        state === undefined
          ? 'The answer carries no state at all.'
          : 'The answer carries a state this browser did not send.',
    });
  }
  const error = params.get('error');
  if (error !== null) {
    const description = params.get('error_description') ?? undefined;
    return failure(error, {
      error,
      ...(description !== undefined ? { error_description: description } : {}),
    });
  }
  const code = params.get('code');
  if (code === null || code === '') {
    return failure('invalid_response', { detail: 'The redirect carries neither a code nor an error.' });
  }
  const iss = params.get('iss') ?? undefined;
  const scope = params.get('scope') ?? undefined;
  const sessionState = params.get('session_state') ?? undefined;
  return {
    ok: true,
    response: {
      code,
      url: url.href,
      ...(state !== undefined ? { state } : {}),
      ...(iss !== undefined ? { iss } : {}),
      ...(scope !== undefined ? { scope } : {}),
      ...(sessionState !== undefined ? { sessionState } : {}),
    },
  };
}

/** What a callback URL carried, for a callback page that no login in this tab is waiting for. */
export type CallbackArrival =
  | { kind: 'nothing' }
  | { kind: 'code'; code: string; iss?: string; scope?: string; hasState: boolean }
  | {
      kind: 'error';
      /** The OAuth `error` as sent, or undefined when it is not a well-formed error code. */
      error: string;
      description?: string;
      explanation: ErrorExplanation;
    }
  | { kind: 'unreadable'; reason: string };

/** Longer values are cut for display: they arrived in a URL anyone could have written. */
const maxShownLength = 2048;
const shown = (value: string) =>
  value.length > maxShownLength ? value.slice(0, maxShownLength) + '…' : value;

/**
 * Read what arrived at the callback page when no login started in this tab is waiting for it (the
 * reader opened an authorization URL themselves, e.g. one copied from the scope builder): the code
 * as a value to use, or the error with the catalogue's explanation. No state check is possible
 * (this tab sent no request), so nothing here is trusted: values are returned as text to show.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 */
export function describeCallbackArrival(callbackUrl: string): CallbackArrival {
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    return { kind: 'unreadable', reason: 'The address could not be read as a URL.' };
  }
  if (!url.search && url.hash.length <= 1) return { kind: 'nothing' };
  const parsed = parseCallback(url, { state: undefined });
  if (parsed.ok) {
    const { code, iss, scope, state } = parsed.response;
    return {
      kind: 'code',
      code: shown(code),
      hasState: state !== undefined,
      ...(iss !== undefined ? { iss: shown(iss) } : {}),
      ...(scope !== undefined ? { scope: shown(scope) } : {}),
    };
  }
  const { error, error_description: description } = parsed.failure;
  if (error === undefined) {
    return {
      kind: 'unreadable',
      reason:
        'The address carries neither an authorization code nor an error, so nothing came back from a login.',
    };
  }
  // An error the catalogue does not know gets its generic sentence, which quotes the code: cut it short.
  return {
    kind: 'error',
    error: shown(error),
    explanation: explain(error.length > 80 ? error.slice(0, 80) + '…' : error),
    ...(description !== undefined ? { description: shown(description) } : {}),
  };
}
