/**
 * The one login round trip every widget uses: send the browser to an /authorize or end-session URL
 * (built by src/oidc) in a popup, a hidden iframe or the whole tab, and get back a typed outcome —
 * the callback URL, parsed and state-checked; closed; timed out; redirected; popup blocked; storage
 * blocked. The protocol with the callback page is in `loginRoundTrip.ts` (where the one
 * `window.open` of the widgets lives); this file decides which way to go and what came back.
 * Browser-only.
 *
 * Call `runLogin` synchronously in the click handler, before any `await` of your own: the popup
 * is opened in its first, synchronous part, or the browser blocks it. Pass the request itself, or
 * a function that builds it (then the popup shows a blank page while it does).
 */
import {
  failure,
  parseCallback,
  type AuthorizationResponse,
  type AuthorizationSecrets,
  type OidcFailure,
  type Result,
} from '@site/src/oidc';
import {
  awaitPopupCallback,
  beginRedirectLogin,
  navigatePopup,
  openLoginPopup,
  runInHiddenFrame,
  takeReturnedLogin,
} from './loginRoundTrip';

export type LoginMode = 'popup' | 'frame' | 'redirect';

/** What to send: an /authorize request with its round-trip secrets, or an end-session URL. */
export type LoginRequest =
  | { purpose: 'authorize'; url: string; secrets: AuthorizationSecrets }
  /** `state`: the one sent with the logout, checked on the way back; `redirectUri`: the post_logout_redirect_uri. */
  | { purpose: 'end_session'; url: string; state?: string; redirectUri: string };

/** The answer that reached the callback page. */
export type LoginCallback = {
  kind: 'callback';
  /** The callback URL, with its one-time code: hand it to the exchange, never show it whole. */
  url: string;
  /** The state came back as sent (for an end-session request without state: true when none came back). */
  stateMatches: boolean;
  /** For /authorize: the answer parsed, state first (`parseCallback`): the code, or the failure (state_mismatch, an OAuth error …). */
  answer?: Result<{ response: AuthorizationResponse }>;
};

export type LoginOutcome =
  | LoginCallback
  /** The reader closed the popup before the answer came. */
  | { kind: 'closed' }
  /** No answer in time (a hidden frame the provider refused to be framed in ends here too). */
  | { kind: 'timeout' }
  | { kind: 'aborted' }
  /** The tab is on its way to the provider; the widget resumes with `resumeLogin` when it comes back. */
  | { kind: 'redirected' }
  /** The popup was blocked, and no redirect was allowed (no `redirect` option) or session storage is off: nothing was sent. */
  | { kind: 'popup_blocked' }
  /** Mode `redirect`, but session storage is off, so the page could not resume: nothing was sent. */
  | { kind: 'storage_blocked' }
  /** The request could not be built (the function passed as request failed): nothing was sent. */
  | { kind: 'not_sent'; failure: OidcFailure };

export type LoginOptions<C> = {
  mode: LoginMode;
  /**
   * Allows a full-page redirect: the mode `redirect`, or a popup that was blocked. `context` is kept
   * in sessionStorage with the secrets until the answer comes back: never a token in it.
   */
  redirect?: { widget: string; context: C; returnTo?: string };
  timeoutMs?: number;
  signal?: AbortSignal;
};

function stateOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    const q = u.searchParams.get('state');
    if (q !== null) return q;
    return u.hash.length > 1 ? (new URLSearchParams(u.hash.slice(1)).get('state') ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

/** The callback outcome for a URL that came back for `request`. Exported for a widget resuming by hand. */
export function readCallback(
  url: string,
  request: { purpose: 'authorize' | 'end_session'; state?: string },
): LoginCallback {
  const back = stateOf(url);
  if (request.purpose === 'authorize') {
    const answer = parseCallback(url, { state: request.state });
    return { kind: 'callback', url, stateMatches: back === request.state, answer };
  }
  return { kind: 'callback', url, stateMatches: back === request.state };
}

function secretsFor(request: LoginRequest): AuthorizationSecrets {
  if (request.purpose === 'authorize') return request.secrets;
  // The callback page matches a returning redirect by state only; a logout has no verifier or nonce.
  return { codeVerifier: '', nonce: '', state: request.state ?? '', redirectUri: request.redirectUri };
}

function expectedState(request: LoginRequest): string | undefined {
  return request.purpose === 'authorize' ? request.secrets.state : request.state;
}

type RequestSource = LoginRequest | (() => Promise<Result<{ request: LoginRequest }>>);

async function resolveRequest(source: RequestSource): Promise<Result<{ request: LoginRequest }>> {
  if (typeof source !== 'function') return { ok: true, request: source };
  try {
    return await source();
  } catch {
    return failure('invalid_request', { detail: 'The request could not be built.' });
  }
}

function redirectTo<C>(
  request: LoginRequest,
  redirect: NonNullable<LoginOptions<C>['redirect']>,
  instead: 'popup' | 'redirect',
): LoginOutcome {
  const ok = beginRedirectLogin<C>(
    {
      widget: redirect.widget,
      returnTo: redirect.returnTo ?? window.location.pathname + window.location.search,
      context: redirect.context,
      secrets: secretsFor(request),
    },
    request.url,
  );
  if (ok) return { kind: 'redirected' };
  // A popup that was blocked, with no storage to come back by: the way out is allowing popups.
  return instead === 'popup' ? { kind: 'popup_blocked' } : { kind: 'storage_blocked' };
}

/**
 * Run one login round trip. Never throws; every way it can end is a `LoginOutcome` (see
 * `failureSentence` in src/oidc for the reader's sentence of each that is not a callback).
 */
export async function runLogin<C = undefined>(
  source: RequestSource,
  options: LoginOptions<C>,
): Promise<LoginOutcome> {
  // Synchronously, in the click: the only moment a browser lets a page open a window. A request
  // already built opens the window on its URL (no blank page to navigate away from first).
  const ready = typeof source === 'function' ? undefined : source.url;
  const popup = options.mode === 'popup' ? openLoginPopup(ready) : null;
  const built = await resolveRequest(source);
  if (!built.ok) {
    popup?.close();
    return { kind: 'not_sent', failure: built.failure };
  }
  const request = built.request;
  const state = expectedState(request);
  const opts = {
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };

  if (options.mode === 'frame') {
    const answer = await runInHiddenFrame(request.url, opts);
    return answer.kind === 'callback'
      ? readCallback(answer.url, { purpose: request.purpose, ...(state !== undefined ? { state } : {}) })
      : answer;
  }
  if (options.mode === 'redirect' || !popup) {
    if (!options.redirect) return { kind: 'popup_blocked' };
    return redirectTo(request, options.redirect, options.mode === 'redirect' ? 'redirect' : 'popup');
  }
  try {
    if (ready === undefined) navigatePopup(popup, request.url);
  } catch {
    popup.close();
    if (!options.redirect) return { kind: 'popup_blocked' };
    return redirectTo(request, options.redirect, 'popup');
  }
  const answer = await awaitPopupCallback(popup, opts);
  return answer.kind === 'callback'
    ? readCallback(answer.url, { purpose: request.purpose, ...(state !== undefined ? { state } : {}) })
    : answer;
}

/** A login this widget started before a full-page redirect, back with its answer. */
export type ResumedLogin<C> = {
  context: C;
  secrets: AuthorizationSecrets;
  outcome: LoginCallback;
};

/**
 * On mount (after hydration): the login `widget` sent through a full-page redirect, if the callback
 * page handed its answer back. The stored entry is removed at once (its secrets are single-use).
 */
export function resumeLogin<C>(
  widget: string,
  purpose: 'authorize' | 'end_session' = 'authorize',
): ResumedLogin<C> | undefined {
  const back = takeReturnedLogin<C>(widget);
  if (!back) return undefined;
  return {
    context: back.context,
    secrets: back.secrets,
    outcome: readCallback(back.callbackUrl, { purpose, state: back.secrets.state }),
  };
}
