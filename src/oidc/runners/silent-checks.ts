/**
 * The silent checks behind the prompt=none tryout, as a runner: one check (plan → what the browser
 * brought back → state first → code exchange) reported as the exchanges a reader's client made (the
 * /authorize request and the redirect back, the /token request as redacted curl with its status and
 * body) and a verdict; the tryout's interactive login and logout read the same way, each failure as
 * `failureSentence`'s sentence. Framework-free: how the /authorize request reaches the provider (a
 * hidden frame, a top-level redirect, a test's HTTP walk) is the caller's, passed in as its answer.
 */
import { buildAuthorizationRequest, type AuthorizationSecrets } from '../authorize';
import { parseCallback } from '../callback';
import type { ClientSettings } from '../client';
import { toCurl, type RecordedRequest } from '../curl';
import { failureSentence, type FailureContext } from '../failure-sentence';
import type { OidcFailure, Result } from '../failures';
import { redactToken, tokenAnswerLine } from '../refresh';
import { httpExchange, type HttpExchange, type RunReport } from '../run';
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
} from '../silent';
import { describeExpiresIn } from '../times';
import { buildEndSessionRequest, exchangeCode, type TokenSet } from '../tokens';

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

/** The check's own data beside its exchanges: the outcome, the state comparison, who is logged in. */
export type SilentCheckResult = {
  mode: SilentMode;
  tampered: boolean;
  outcome: SilentOutcome;
  /** A code arrived and was exchanged. */
  exchanged: boolean;
  /** The /authorize request as sent (no secret in it). */
  authorizeUrl: string;
  /** The redirect back, the code shortened; absent when nothing came back. */
  callback?: string;
  stateSent: string;
  stateReceived?: string;
  stateOk?: boolean;
  /** Why /token was not asked (an error answer, a forged state, no answer). */
  tokenNotSent?: string;
  user?: SilentUser;
  /** For the framed-vs-top-level diagnosis; none for a tampered check (a forged answer says nothing about the session). */
  record?: CheckRecord;
  /** The ID token (in memory only), for a later logout's id_token_hint; the widget keeps it out of its state. */
  idToken?: string;
};

/** What a check returns: `exchanges[0]` is /authorize, `exchanges[1]` (when sent) /token. */
export type SilentCheckReport = RunReport<SilentCheckResult> & { result: SilentCheckResult };

export type SilentCheckOptions = {
  now?: () => number;
  /** Called when a code arrived and goes to /token (the widget's run moves to “exchanging”). */
  onExchange?: () => void;
  /** Where the check runs, for the sentence of a failed exchange (`session.failureContext('token')`). */
  context?: FailureContext;
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

function answerLine(answer: Exclude<SilentAnswer, { outcome: 'session' }>): string {
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

/** The /authorize leg as an exchange: the navigation sent (as `curl -i`: its answer is a redirect) and where it came back. */
function authorizeExchange(
  plan: SilentCheckPlan,
  received: string | undefined,
  stateOk: boolean,
): HttpExchange {
  return {
    kind: 'http',
    title: `/authorize with prompt=none, ${plan.mode === 'iframe' ? 'in a hidden iframe' : 'as a top-level redirect'}`,
    method: 'GET',
    url: plan.authorizeUrl,
    curl: toCurl({ method: 'GET', url: plan.authorizeUrl, headers: {} }).replace(/^curl\b/, 'curl -i'),
    statusLine: received === undefined ? 'No answer' : 'Redirect back to the redirect_uri',
    body: received === undefined ? '' : redactCallbackUrl(received),
    ok: received !== undefined && stateOk,
  };
}

/** The answer's fields, tokens whole: `httpExchange` shortens each. */
function tokenBody(tokens: TokenSet): Record<string, unknown> {
  return {
    access_token: tokens.accessToken,
    token_type: tokens.tokenType,
    ...(tokens.expiresIn !== undefined ? { expires_in: tokens.expiresIn } : {}),
    ...(tokens.refreshToken ? { refresh_token: tokens.refreshToken } : {}),
    ...(tokens.idToken ? { id_token: tokens.idToken } : {}),
    ...(tokens.scope !== undefined ? { scope: tokens.scope } : {}),
  };
}

const tokenTitle = 'Code exchange at /token';

/** The token request as far as known without a recording (a failure carries only its curl). */
function tokenRequestOf(settings: ClientSettings): RecordedRequest {
  const endpoint = settings.discovery['token_endpoint'];
  return { method: 'POST', url: typeof endpoint === 'string' ? endpoint : '', headers: {} };
}

function failedTokenExchange(settings: ClientSettings, f: OidcFailure): HttpExchange {
  const exchange = httpExchange(tokenTitle, tokenRequestOf(settings), { ok: false, failure: f });
  return f.curl ? { ...exchange, curl: f.curl } : exchange;
}

/**
 * Read what came back from a planned check (state first; a forged state is rejected even with a
 * code), exchange a code at /token, and report all of it. Never throws. The verdict is ok when the
 * provider's answer was read (login_required is an answer, not a failure); `result.exchanged` says
 * whether a user is logged in now.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthError
 */
export async function finishSilentCheck(
  settings: ClientSettings,
  plan: SilentCheckPlan,
  arrival: SilentArrival,
  options: SilentCheckOptions = {},
): Promise<SilentCheckReport> {
  const now = options.now ?? Date.now;
  const received =
    arrival.kind === 'callback' ? (plan.tamper ? tamperWithState(arrival.url) : arrival.url) : undefined;
  const answer: SilentAnswer = received
    ? readSilentAnswer(received, plan.secrets.state)
    : silentTimeoutAnswer(arrival.kind === 'timeout' ? (arrival.afterMs ?? silentCheckTimeoutMs) : 0);
  const stateReceived = received === undefined ? undefined : stateIn(received);
  const stateOk = received !== undefined && stateReceived === plan.secrets.state;
  const authorize = authorizeExchange(plan, received, stateOk);
  const base = {
    mode: plan.mode,
    tampered: plan.tamper,
    authorizeUrl: plan.authorizeUrl,
    stateSent: plan.secrets.state,
    ...(received !== undefined
      ? {
          callback: redactCallbackUrl(received),
          ...(stateReceived !== undefined ? { stateReceived } : {}),
          stateOk,
        }
      : {}),
  };
  const record = (outcome: SilentOutcome) =>
    plan.tamper ? {} : { record: { mode: plan.mode, outcome, at: now() } satisfies CheckRecord };

  if (answer.outcome !== 'session') {
    // A forged answer and a frame that never answered are failures of the check; the provider's
    // OAuth errors (login_required …) are its answer.
    const read = answer.outcome !== 'state_mismatch' && answer.outcome !== 'timeout';
    return {
      exchanges: [authorize],
      verdict: { ok: read, line: answerLine(answer), failure: answer.failure },
      result: {
        ...base,
        outcome: answer.outcome,
        exchanged: false,
        tokenNotSent: notSentBecause(answer.outcome),
        ...record(answer.outcome),
      },
    };
  }

  options.onExchange?.();
  const exchanged = await exchangeCode(settings, received!, plan.secrets, {
    requestedScopes: silentCheckScope.split(' '),
  });
  if (!exchanged.ok) {
    const f = exchanged.failure;
    const why = options.context
      ? failureSentence(f, options.context)
      : tokenAnswerLine({ ok: false, failure: f });
    return {
      exchanges: [authorize, failedTokenExchange(settings, f)],
      verdict: { ok: false, failure: f, line: `Code received — but the code exchange failed: ${why}` },
      result: { ...base, outcome: 'session', exchanged: false, ...record('session') },
    };
  }
  const { view, requests } = exchanged;
  const user = describeUser(view.idToken);
  const at = now();
  const note = describeExpiresIn(view.tokens.expiresIn, at, at);
  // The code is used up now, but curl shows it only as <code> (curl.ts), like the tokens.
  const token = httpExchange(tokenTitle, requests[requests.length - 1] ?? tokenRequestOf(settings), {
    ok: true,
    status: 200,
    body: tokenBody(view.tokens),
    ...(note ? { note } : {}),
  });
  return {
    exchanges: [authorize, token],
    verdict: {
      ok: true,
      line: `Code received — the user has a TelenorID+ session and nothing was shown; the code was exchanged: ${userLine(user) || 'a user'} is logged in.`,
    },
    result: {
      ...base,
      outcome: 'session',
      exchanged: true,
      user,
      ...record('session'),
      ...(view.tokens.idToken ? { idToken: view.tokens.idToken } : {}),
    },
  };
}

/**
 * One whole check: plan it, let `send` take the /authorize request to the provider and bring back
 * what arrived at the redirect_uri, then finish it. A failure to plan (a refused configuration) is
 * the only `ok: false`; every answer of the provider is a report with its verdict.
 */
export async function runSilentCheck(
  settings: ClientSettings,
  input: { redirectUri: string; mode: SilentMode; tamper?: boolean },
  send: (authorizeUrl: string) => Promise<SilentArrival>,
  options: SilentCheckOptions = {},
): Promise<Result<{ report: SilentCheckReport }>> {
  const planned = await planSilentCheck(settings, input);
  if (!planned.ok) return planned;
  const arrival = await send(planned.plan.authorizeUrl);
  return { ok: true, report: await finishSilentCheck(settings, planned.plan, arrival, options) };
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
 * logged in now — the session the next silent check will find. `context`: the environment's
 * (`session.failureContext('authorize')`); its step is replaced per leg.
 */
export async function finishTryoutLogin(
  settings: ClientSettings,
  callbackUrl: string,
  secrets: AuthorizationSecrets,
  context: FailureContext,
): Promise<TryoutLoginResult> {
  const parsed = parseCallback(callbackUrl, { state: secrets.state });
  if (!parsed.ok)
    return {
      ok: false,
      failure: parsed.failure,
      note: `The login did not complete: ${failureSentence(parsed.failure, { ...context, step: 'authorize' })}`,
    };
  const exchanged = await exchangeCode(settings, callbackUrl, secrets);
  if (!exchanged.ok)
    return {
      ok: false,
      failure: exchanged.failure,
      note: `The login did not complete: ${failureSentence(exchanged.failure, { ...context, step: 'token' })}`,
    };
  const user = describeUser(exchanged.view.idToken);
  const who = userLine(user);
  return {
    ok: true,
    user,
    ...(exchanged.view.tokens.idToken ? { idToken: exchanged.view.tokens.idToken } : {}),
    ...(parsed.response.sessionState ? { sessionState: parsed.response.sessionState } : {}),
    note: `Logged in at ${context.environment}${who ? ` as ${who}` : ''}: the browser now has an SSO session.`,
  };
}

/** An RP-initiated logout ready to send: its URL and the state its return must carry. */
export type TryoutLogoutPlan = { url: string; state: string; redirectUri: string };

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
  return { ok: true, plan: { url: end.url, state, redirectUri: input.postLogoutRedirectUri } };
}

/** What the logout's return says: ended (the state came back), or the sentence why it may not have. */
export function readTryoutLogout(
  plan: Pick<TryoutLogoutPlan, 'state'>,
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
