/**
 * The silent-check runner behind the prompt=none tryout: one check (plan → the browser's answer →
 * state check → code exchange) as data — the exchanges as sent and answered (request, status,
 * body, redacted curl) and a verdict with its sentence — and the tryout's interactive login and
 * logout read the same way. Framework-free: how the /authorize request reaches the provider (a
 * hidden frame, a top-level redirect, a test's HTTP walk) is the caller's, passed in as its answer.
 */
import { buildAuthorizationRequest, type AuthorizationSecrets } from './authorize';
import { buildEndSessionRequest, exchangeCode } from './tokens';
import { parseCallback } from './callback';
import type { ClientSettings } from './client';
import { toCurl } from './curl';
import type { OidcFailure, Result } from './failures';
import { redactedTokenResponse, redactToken, tokenAnswerLine, tokenFailureBody } from './refresh';
import {
  buildSilentAuthRequest,
  describeUser,
  readSilentAnswer,
  silentCheckTimeoutMs,
  silentTimeoutAnswer,
  tamperWithState,
  type CheckRecord,
  type SilentAnswer,
  type SilentMode,
  type SilentOutcome,
} from './silent';
import { describeExpiresIn } from './times';

/** The scopes of a silent check: enough for the ID token to say who is logged in. */
export const silentCheckScope = 'openid profile';

/** What came back to the redirect_uri, or that nothing did in time. */
export type SilentArrival = { kind: 'callback'; url: string } | { kind: 'timeout'; afterMs?: number };

/** A check ready to send: where the browser goes, and what this page keeps (in memory, single use). */
export type SilentCheckPlan = {
  mode: SilentMode;
  /** Demonstration: the answer's state is forged before it is read, so the check must reject it. */
  tamper: boolean;
  authorizeUrl: string;
  secrets: AuthorizationSecrets;
};

/** Who the ID token says is logged in (untrusted text: render it as text). */
export type SilentUser = { name?: string; sub?: string };

/** The /authorize leg: the request sent (no secret in it) and the redirect that came back. */
export type AuthorizeExchange = {
  mode: SilentMode;
  url: string;
  /** `curl -i` of the request: the answer is a redirect whose Location carries the outcome. */
  curl: string;
  /** The redirect back, the code shortened; absent when nothing came back. */
  callback?: string;
  stateSent: string;
  stateReceived?: string;
  stateOk?: boolean;
};

/** The /token leg: sent (with its answer) or, with the reason, not sent. */
export type TokenExchange =
  | {
      sent: true;
      /** The request as a shell command; the code, verifier and tokens as placeholders. */
      curl: string;
      status?: number;
      statusLine: string;
      /** The answer's body, every token shortened. */
      body: string;
      ok: boolean;
      /** The answer's expires_in as a time. */
      note?: string;
    }
  | { sent: false; reason: string };

export type SilentVerdict = {
  outcome: SilentOutcome;
  /** A code arrived and was exchanged. */
  ok: boolean;
  /** The one line the reader sees first. */
  line: string;
  /** What went wrong, for its error-reference link and its explanation. */
  failure?: OidcFailure;
  user?: SilentUser;
};

export type SilentCheckRun = {
  mode: SilentMode;
  tampered: boolean;
  exchanges: { authorize: AuthorizeExchange; token: TokenExchange };
  verdict: SilentVerdict;
  /** For the framed-vs-top-level diagnosis; none for a tampered check (a forged answer says nothing about the session). */
  record?: CheckRecord;
  /** The ID token (in memory only), for a later logout's id_token_hint. */
  idToken?: string;
};

/**
 * Plan a check: the /authorize request with prompt=none (PKCE, state, nonce).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
 */
export async function planSilentCheck(
  settings: ClientSettings,
  input: { redirectUri: string; mode: SilentMode; tamper?: boolean; scope?: string },
): Promise<Result<{ plan: SilentCheckPlan }>> {
  const built = await buildSilentAuthRequest(settings, {
    redirectUri: input.redirectUri,
    scope: input.scope ?? silentCheckScope,
  });
  if (!built.ok) return built;
  return {
    ok: true,
    plan: {
      mode: input.mode,
      tamper: input.tamper ?? false,
      authorizeUrl: built.request.url,
      secrets: built.request.secrets,
    },
  };
}

function stateIn(callbackUrl: string): string | undefined {
  try {
    return new URL(callbackUrl).searchParams.get('state') ?? undefined;
  } catch {
    return undefined;
  }
}

/** A callback URL as shown on screen: the one-time code shortened, everything else as it came. */
export function redactCallbackUrl(
  callbackUrl: string,
  redact: (value: string) => string = redactToken,
): string {
  try {
    const url = new URL(callbackUrl);
    const code = url.searchParams.get('code');
    if (code !== null) url.searchParams.set('code', redact(code));
    return url.href;
  } catch {
    return '(not a URL)';
  }
}

function failureLine(answer: Exclude<SilentAnswer, { outcome: 'session' }>): string {
  const f = answer.failure;
  if (answer.outcome === 'state_mismatch')
    return `state_mismatch — rejected: ${f.detail ?? f.explanation.meaning} The code was not exchanged.`;
  if (answer.outcome === 'timeout') return `timeout — ${f.detail ?? f.explanation.meaning}`;
  return `${f.error ?? f.code} — ${f.explanation.meaning}`;
}

function notSentBecause(outcome: SilentOutcome): string {
  if (outcome === 'state_mismatch')
    return 'Not sent: the state does not match, so the answer is rejected and its code is never exchanged.';
  if (outcome === 'timeout') return 'Not sent: no answer came back.';
  return 'Not sent: the answer is an error, not a code.';
}

function userLine(user: SilentUser | undefined): string {
  return user?.name ?? user?.sub ?? '';
}

/**
 * Read what came back from a planned check (state first; a forged state is rejected even with a
 * code), exchange a code at /token, and describe all of it. Never throws.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthError
 */
export async function finishSilentCheck(
  settings: ClientSettings,
  plan: SilentCheckPlan,
  arrival: SilentArrival,
  options: {
    now?: () => number;
    /** Called when a code arrived and goes to /token (the widget's run moves to “exchanging”). */
    onExchange?: () => void;
  } = {},
): Promise<SilentCheckRun> {
  const now = options.now ?? Date.now;
  const received =
    arrival.kind === 'callback' ? (plan.tamper ? tamperWithState(arrival.url) : arrival.url) : undefined;
  const answer: SilentAnswer = received
    ? readSilentAnswer(received, plan.secrets.state)
    : silentTimeoutAnswer(arrival.kind === 'timeout' ? (arrival.afterMs ?? silentCheckTimeoutMs) : 0);
  const stateReceived = received === undefined ? undefined : stateIn(received);
  const authorize: AuthorizeExchange = {
    mode: plan.mode,
    url: plan.authorizeUrl,
    curl: toCurl({ method: 'GET', url: plan.authorizeUrl, headers: {} }).replace(/^curl\b/, 'curl -i'),
    stateSent: plan.secrets.state,
    ...(received !== undefined
      ? {
          callback: redactCallbackUrl(received),
          ...(stateReceived !== undefined ? { stateReceived } : {}),
          stateOk: stateReceived === plan.secrets.state,
        }
      : {}),
  };
  const base = { mode: plan.mode, tampered: plan.tamper };
  const record = (outcome: SilentOutcome) =>
    plan.tamper ? {} : { record: { mode: plan.mode, outcome, at: now() } satisfies CheckRecord };

  if (answer.outcome !== 'session') {
    return {
      ...base,
      exchanges: { authorize, token: { sent: false, reason: notSentBecause(answer.outcome) } },
      verdict: { outcome: answer.outcome, ok: false, line: failureLine(answer), failure: answer.failure },
      ...record(answer.outcome),
    };
  }

  options.onExchange?.();
  const exchanged = await exchangeCode(settings, received!, plan.secrets, {
    requestedScopes: silentCheckScope.split(' '),
  });
  if (!exchanged.ok) {
    const f = exchanged.failure;
    return {
      ...base,
      exchanges: {
        authorize,
        token: {
          sent: true,
          curl: f.curl ?? '',
          ...(f.status !== undefined ? { status: f.status } : {}),
          statusLine: `${f.status ?? '—'} ${f.error ?? f.code}`,
          body: tokenFailureBody(f),
          ok: false,
        },
      },
      verdict: {
        outcome: 'session',
        ok: false,
        failure: f,
        line: `Code received — but the code exchange failed: ${tokenAnswerLine({ ok: false, failure: f })}`,
      },
      ...record('session'),
    };
  }
  const { view } = exchanged;
  const user = describeUser(view.idToken);
  const at = now();
  const note = describeExpiresIn(view.tokens.expiresIn, at, at);
  return {
    ...base,
    exchanges: {
      authorize,
      token: {
        sent: true,
        // The code is used up now, but curl shows it only as <code> (curl.ts), like the tokens.
        curl: exchanged.curl,
        status: 200,
        statusLine: '200 OK',
        body: JSON.stringify(redactedTokenResponse(view.tokens), null, 2),
        ok: true,
        ...(note ? { note } : {}),
      },
    },
    verdict: {
      outcome: 'session',
      ok: true,
      user,
      line: `Code received — the user has a TelenorID+ session and nothing was shown; the code was exchanged: ${userLine(user) || 'a user'} is logged in.`,
    },
    ...record('session'),
    ...(view.tokens.idToken ? { idToken: view.tokens.idToken } : {}),
  };
}

/**
 * One whole check: plan it, let `send` take the /authorize request to the provider and bring back
 * what arrived at the redirect_uri, then finish it. A failure to plan (a refused configuration) is
 * the only `ok: false`; every answer of the provider is a run with its verdict.
 */
export async function runSilentCheck(
  settings: ClientSettings,
  input: { redirectUri: string; mode: SilentMode; tamper?: boolean },
  send: (authorizeUrl: string) => Promise<SilentArrival>,
  options: { now?: () => number } = {},
): Promise<Result<{ run: SilentCheckRun }>> {
  const planned = await planSilentCheck(settings, input);
  if (!planned.ok) return planned;
  const arrival = await send(planned.plan.authorizeUrl);
  return { ok: true, run: await finishSilentCheck(settings, planned.plan, arrival, options) };
}

/**
 * The tryout's interactive login (what a reader's “Log in” button does): the same request as the
 * check, without prompt=none, so TelenorID+ shows its login page.
 */
export async function planTryoutLogin(
  settings: ClientSettings,
  input: { redirectUri: string },
): Promise<Result<{ url: string; secrets: AuthorizationSecrets }>> {
  const built = await buildAuthorizationRequest(settings, {
    redirectUri: input.redirectUri,
    scope: silentCheckScope,
  });
  if (!built.ok) return built;
  return { ok: true, url: built.request.url, secrets: built.request.secrets };
}

/** The tryout's interactive login, finished: who logged in, or the sentence why not. */
export type TryoutLoginResult =
  | {
      ok: true;
      user: SilentUser;
      idToken?: string;
      /** The provider's session id from the redirect, when it sent one (the mock adopts it). */
      sessionState?: string;
      note: string;
    }
  | { ok: false; failure: OidcFailure; note: string };

/**
 * Read the redirect of an interactive login (state first), exchange its code, and say who is
 * logged in now — the session the next silent check will find.
 */
export async function finishTryoutLogin(
  settings: ClientSettings,
  callbackUrl: string,
  secrets: AuthorizationSecrets,
  environmentLabel: string,
): Promise<TryoutLoginResult> {
  const parsed = parseCallback(callbackUrl, { state: secrets.state });
  if (!parsed.ok)
    return {
      ok: false,
      failure: parsed.failure,
      note: `The login did not complete: ${tokenAnswerLine({ ok: false, failure: parsed.failure })}`,
    };
  const exchanged = await exchangeCode(settings, callbackUrl, secrets);
  if (!exchanged.ok)
    return {
      ok: false,
      failure: exchanged.failure,
      note: `The login’s code exchange failed: ${tokenAnswerLine({ ok: false, failure: exchanged.failure })}`,
    };
  const user = describeUser(exchanged.view.idToken);
  const who = userLine(user);
  return {
    ok: true,
    user,
    ...(exchanged.view.tokens.idToken ? { idToken: exchanged.view.tokens.idToken } : {}),
    ...(parsed.response.sessionState ? { sessionState: parsed.response.sessionState } : {}),
    note: `Logged in at ${environmentLabel}${who ? ` as ${who}` : ''}: the browser now has an SSO session.`,
  };
}

/** An RP-initiated logout ready to send: its URL and the state its return must carry. */
export type TryoutLogoutPlan = { url: string; state: string };

/**
 * The logout of the tryout: the end_session_endpoint with the ID token as hint when this page has
 * one (else client_id names the client), back to the portal's callback with a fresh state.
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout
 */
export function planTryoutLogout(
  settings: ClientSettings,
  input: { postLogoutRedirectUri: string; idTokenHint?: string; state?: string },
): Result<{ plan: TryoutLogoutPlan }> {
  const state = input.state ?? crypto.randomUUID();
  const end = buildEndSessionRequest(settings, {
    ...(input.idTokenHint ? { idTokenHint: input.idTokenHint } : {}),
    postLogoutRedirectUri: input.postLogoutRedirectUri,
    state,
  });
  if (!end.ok) return end;
  return { ok: true, plan: { url: end.url, state } };
}

/** What the logout's return says: ended (the state came back), or the sentence why it may not have. */
export function readTryoutLogout(
  plan: TryoutLogoutPlan,
  returned: string | undefined,
  environmentLabel: string,
): { ended: boolean; note: string } {
  if (returned === undefined || stateIn(returned) !== plan.state)
    return {
      ended: false,
      note: 'The logout did not come back (or came back with another state); the session may still exist.',
    };
  return {
    ended: true,
    note: `Logged out at ${environmentLabel} through its end_session_endpoint: the SSO session has ended.`,
  };
}
