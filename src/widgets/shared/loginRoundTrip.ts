/**
 * The login round trip: how a widget that sends the browser to an /authorize (or end-session)
 * endpoint gets the answer back from the portal's OAuth callback page, `<baseUrl>callback/`.
 * Browser-only; import it from widget code and from the callback page's effect.
 *
 * ## Protocol
 *
 * The redirect_uri of every widget login is the callback page (`callbackUrlFor`). The page ends
 * in `/callback/` (a folder), because servers that map `callback.html` may drop the query, and
 * because the local test tenant accepts exactly those paths on loopback origins.
 *
 * **Popup (preferred).** In the click handler the widget calls `openLoginPopup(url)` (synchronously,
 * so no popup blocker interferes) — or, when the request is built only after the click,
 * `openLoginPopup()` on a blank page and then `navigatePopup(popup, url)` — and awaits
 * `awaitPopupCallback(popup)`. The PKCE verifier, state and nonce stay in the widget's
 * memory. The callback page finds a same-origin `window.opener`, posts
 * `{ type: 'tidp:login-callback', url }` to `location.origin` only, and closes itself. The widget
 * accepts a message only from that origin, from that popup window, of that type; then it checks
 * the state (`parseCallback`) before exchanging the code.
 *
 * **Full-page redirect (fallback, when the popup is blocked).** The widget calls
 * `beginRedirectLogin({ widget, returnTo, context, secrets }, url)`: it stores ONE pending login
 * in `sessionStorage` (key `tidp.login-round-trip`) — the widget name, the page to return to, the
 * widget's non-secret context (e.g. client type, environment) and the short-lived round-trip
 * secrets (code_verifier, state, nonce, redirect_uri) — and navigates. The callback page matches
 * the answer's state against that entry, adds the callback URL (with the one-time code) to it and
 * `location.replace`s the widget page. The widget, on mount, calls `takeReturnedLogin(widget)`,
 * which removes the entry at once, before the code is exchanged. An entry older than
 * `pendingLifetimeMs` is ignored and removed, and so is one that a widget finds on load without a callback URL (a
 * login that will not come back). Tokens are never stored: they exist only in the
 * widget's memory after the exchange.
 *
 * **Hidden iframe (silent checks, `prompt=none`).** The widget calls `runInHiddenFrame(url)`: a
 * hidden iframe loads the /authorize URL. The provider shows nothing and redirects the frame to the callback page,
 * which sees a same-origin `window.parent`, posts `{ type: 'tidp:frame-callback', url }` to
 * `location.origin` only, and does nothing else (never redirects, never closes). The widget
 * accepts a message only from this origin, from that frame's window, of that type; the frame is
 * removed as soon as it answers, or after the timeout (`frameTimeoutMs` unless given), which the widget
 * reports as a timeout — a frame the provider refuses (X-Frame-Options, CSP frame-ancestors) is
 * never heard from. A callback page framed by another origin hands nothing to it. The frame check
 * comes first, so a framed callback page never touches a pending redirect login.
 *
 * Either way the callback page strips the query and fragment from its own URL with
 * `history.replaceState` before anything else, so the code and state do not stay in the address
 * bar or the history.
 */
import type { AuthorizationSecrets } from '@site/src/oidc/authorize';

export const callbackMessageType = 'tidp:login-callback';
export const frameCallbackMessageType = 'tidp:frame-callback';
export const roundTripStorageKey = 'tidp.login-round-trip';
/** A hidden frame that has not answered after this long is given up (default of `runInHiddenFrame`). */
export const frameTimeoutMs = 10_000;
/** An /authorize round trip that takes longer than this is abandoned (codes live minutes anyway). */
export const pendingLifetimeMs = 10 * 60 * 1000;
export const popupWindowName = 'tidp-login';

export type CallbackMessage = { type: typeof callbackMessageType; url: string };
export type FrameCallbackMessage = { type: typeof frameCallbackMessageType; url: string };

/** What a widget keeps across a full-page redirect. `context` must hold no token. */
export type PendingLogin<C> = {
  widget: string;
  /** Path + query of the widget page, same origin, to come back to. */
  returnTo: string;
  context: C;
  secrets: AuthorizationSecrets;
  startedAt: number;
  /** Set by the callback page: the URL the provider sent the browser back to. */
  callbackUrl?: string;
};

function normaliseBase(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : baseUrl + '/';
}

/** The portal's callback page, the redirect_uri (and post_logout_redirect_uri) of every widget. */
export function callbackUrlFor(origin: string, baseUrl: string): string {
  return new URL(normaliseBase(baseUrl) + 'callback/', origin).href;
}

function isMessageOfType(data: unknown, type: string): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as Record<string, unknown>)['type'] === type &&
    typeof (data as Record<string, unknown>)['url'] === 'string'
  );
}

export function isCallbackMessage(data: unknown): data is CallbackMessage {
  return isMessageOfType(data, callbackMessageType);
}

export function isFrameCallbackMessage(data: unknown): data is FrameCallbackMessage {
  return isMessageOfType(data, frameCallbackMessageType);
}

// ---------------------------------------------------------------------------------------------
// Popup mode (widget side)

/**
 * Open the login popup. Call it synchronously inside the click handler, before any `await`, or
 * the browser may block it. Returns null when blocked: then use `beginRedirectLogin`.
 * With `url` (a request already built) the window opens on it at once; without, on a blank page
 * to `navigatePopup` later — one more navigation in the window before the login starts.
 */
export function openLoginPopup(url = 'about:blank'): Window | null {
  try {
    return window.open(url, popupWindowName, 'popup,width=520,height=720');
  } catch {
    return null;
  }
}

export function navigatePopup(popup: Window, url: string): void {
  popup.location.href = url;
}

export type PopupOutcome =
  { kind: 'callback'; url: string } | { kind: 'closed' } | { kind: 'timeout' } | { kind: 'aborted' };

/**
 * Wait for the callback page in `popup` to post its URL. Accepts a message only from this origin,
 * from that popup, of the protocol's type. Resolves `closed` when the reader closes the popup.
 */
export function awaitPopupCallback(
  popup: Window,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<PopupOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: PopupOutcome) => {
      if (settled) return;
      settled = true;
      window.removeEventListener('message', onMessage);
      clearInterval(poll);
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== popup) return;
      if (!isCallbackMessage(event.data)) return;
      finish({ kind: 'callback', url: event.data.url });
    };
    const onAbort = () => finish({ kind: 'aborted' });
    window.addEventListener('message', onMessage);
    options.signal?.addEventListener('abort', onAbort);
    // A closed popup cannot post any more; give a message in flight a moment to arrive first.
    const poll = setInterval(() => {
      if (popup.closed) setTimeout(() => finish({ kind: 'closed' }), 300);
    }, 400);
    const timer = setTimeout(() => finish({ kind: 'timeout' }), options.timeoutMs ?? pendingLifetimeMs);
  });
}

// ---------------------------------------------------------------------------------------------
// Hidden iframe mode (widget side)

export type FrameOutcome = { kind: 'callback'; url: string } | { kind: 'timeout' } | { kind: 'aborted' };

/**
 * Load `url` (a prompt=none /authorize request) in a hidden iframe and wait for the callback page
 * in it to post where the provider sent it. The frame is removed when it answers, on timeout or
 * on abort; a provider that refuses to be framed is only ever a timeout.
 */
export function runInHiddenFrame(
  url: string,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<FrameOutcome> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.hidden = true;
    frame.title = 'Silent authentication check';
    frame.tabIndex = -1;
    frame.setAttribute('aria-hidden', 'true');
    // No sandbox: the frame ends on this origin's callback page, which needs scripts and its real
    // origin, and a same-origin frame allowed both could lift any sandbox anyway (browsers warn).
    frame.referrerPolicy = 'origin';
    let settled = false;
    const finish = (outcome: FrameOutcome) => {
      if (settled) return;
      settled = true;
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      frame.remove();
      resolve(outcome);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== frame.contentWindow) return;
      if (!isFrameCallbackMessage(event.data)) return;
      finish({ kind: 'callback', url: event.data.url });
    };
    const onAbort = () => finish({ kind: 'aborted' });
    if (options.signal?.aborted) return finish({ kind: 'aborted' });
    window.addEventListener('message', onMessage);
    options.signal?.addEventListener('abort', onAbort);
    const timer = setTimeout(() => finish({ kind: 'timeout' }), options.timeoutMs ?? frameTimeoutMs);
    frame.src = url;
    document.body.appendChild(frame);
  });
}

// ---------------------------------------------------------------------------------------------
// Redirect mode (widget side)

function readPending(): PendingLogin<unknown> | undefined {
  try {
    const raw = window.sessionStorage.getItem(roundTripStorageKey);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as PendingLogin<unknown>;
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.widget !== 'string') return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

function removePending(): void {
  try {
    window.sessionStorage.removeItem(roundTripStorageKey);
  } catch {
    // storage disabled: nothing was stored either
  }
}

/** Store the pending login (see the protocol above) and send this tab to the provider. */
export function beginRedirectLogin<C>(
  pending: Omit<PendingLogin<C>, 'startedAt' | 'callbackUrl'>,
  authorizationUrl: string,
): boolean {
  try {
    window.sessionStorage.setItem(
      roundTripStorageKey,
      JSON.stringify({ ...pending, startedAt: Date.now() } satisfies PendingLogin<C>),
    );
  } catch {
    return false; // without storage the page could not resume: say so rather than navigate
  }
  window.location.assign(authorizationUrl);
  return true;
}

/**
 * On mount: the login this widget started before a full-page redirect, if the callback page has
 * handed it back. Removes it from sessionStorage at once (the secrets are single-use).
 *
 * A login that will not come back is forgotten here too: a widget loads in this tab only after the
 * redirect ended, so an entry without a callback URL (the reader went back, or the provider never
 * answered) is removed, and so is an answer waiting for a page other than this one.
 */
export function takeReturnedLogin<C>(
  widget: string,
): (PendingLogin<C> & { callbackUrl: string }) | undefined {
  const pending = readPending();
  if (!pending) return undefined;
  const abandoned =
    Date.now() - pending.startedAt > pendingLifetimeMs ||
    typeof pending.callbackUrl !== 'string' ||
    pathOf(pending.returnTo) !== window.location.pathname;
  if (abandoned) {
    removePending();
    return undefined;
  }
  // Another widget on this page started it: leave it for that one.
  if (pending.widget !== widget) return undefined;
  removePending();
  return pending as PendingLogin<C> & { callbackUrl: string };
}

function pathOf(returnTo: unknown): string | undefined {
  if (typeof returnTo !== 'string') return undefined;
  return returnTo.split(/[?#]/, 1)[0];
}

// ---------------------------------------------------------------------------------------------
// The callback page

export type CallbackPageOutcome =
  | { kind: 'posted'; to: 'opener' | 'parent' }
  | { kind: 'resuming'; returnTo: string }
  /** `callbackUrl`: what arrived, when no login here waits for it (the page shows it; it left the address bar). */
  | { kind: 'orphan'; reason: string; callbackUrl?: string };

function stateOf(url: URL): string | null {
  const fromQuery = url.searchParams.get('state');
  if (fromQuery !== null) return fromQuery;
  return url.hash.length > 1 ? new URLSearchParams(url.hash.slice(1)).get('state') : null;
}

function sameOriginOpener(): Window | undefined {
  try {
    const opener = window.opener as Window | null;
    if (!opener || opener === window || opener.closed) return undefined;
    // Reading location of a cross-origin window throws: then it is not ours to talk to.
    return opener.location.origin === window.location.origin ? opener : undefined;
  } catch {
    return undefined;
  }
}

function isFramed(): boolean {
  try {
    return window.parent !== window;
  } catch {
    return true;
  }
}

function sameOriginParent(): Window | undefined {
  try {
    const parent = window.parent;
    // Reading location of a cross-origin window throws: then it is not ours to talk to.
    return parent !== window && parent.location.origin === window.location.origin ? parent : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Everything the callback page does, in order: remember the URL, strip it from the address bar,
 * then hand it to the widget that started the login (a framing widget first, then the redirect
 * entry, then the popup opener).
 */
export function handleCallbackPage(): CallbackPageOutcome {
  const href = window.location.href;
  window.history.replaceState(null, '', window.location.pathname);
  const url = new URL(href);
  const state = stateOf(url);

  if (isFramed()) {
    const parent = sameOriginParent();
    if (!parent)
      return { kind: 'orphan', reason: 'This page is framed by another site; it hands nothing to it.' };
    parent.postMessage(
      { type: frameCallbackMessageType, url: href } satisfies FrameCallbackMessage,
      window.location.origin,
    );
    return { kind: 'posted', to: 'parent' };
  }

  const pending = readPending();
  if (pending && Date.now() - pending.startedAt <= pendingLifetimeMs && pending.secrets?.state === state) {
    const returnTo =
      pending.returnTo.startsWith('/') && !pending.returnTo.startsWith('//') ? pending.returnTo : '/';
    try {
      window.sessionStorage.setItem(roundTripStorageKey, JSON.stringify({ ...pending, callbackUrl: href }));
    } catch {
      return {
        kind: 'orphan',
        reason: 'This browser does not allow session storage, so the page cannot resume.',
      };
    }
    window.location.replace(returnTo);
    return { kind: 'resuming', returnTo };
  }

  const opener = sameOriginOpener();
  if (opener) {
    opener.postMessage(
      { type: callbackMessageType, url: href } satisfies CallbackMessage,
      window.location.origin,
    );
    window.close();
    return { kind: 'posted', to: 'opener' };
  }
  return {
    kind: 'orphan',
    callbackUrl: href,
    reason:
      state === null && !url.search
        ? 'This page receives the answer of a login started by one of the portal’s tools; there is none here now.'
        : 'No login started in this tab is waiting for this answer (it may have been answered already, or started elsewhere). Start it again from the tool.',
  };
}
