/**
 * What a flow run is, as data: the exchanges it made (each request beside its answer, as a reader
 * copies it), its verdict, and the one state machine every widget's Run follows —
 * idle → running → exchanging → done | failed. Runners in `src/oidc/runners/` return exchanges and a
 * verdict; a widget feeds them to `runReducer` (React's `useReducer`) and renders the state.
 */
import { redactUrlSecrets, secretParameters, toCurl, type RecordedRequest } from './curl';
import type { OidcFailure } from './failures';
import { redactToken, tokenAnswerLine, tokenFailureBody } from './refresh';

/** One request a reader's client makes, beside its answer. Secrets in `curl` and `body` are redacted. */
export type HttpExchange = {
  kind: 'http';
  /** What the step is, in the reader's words: “Code exchange at /token”. */
  title: string;
  method: string;
  /** The URL as sent, with any secret query value redacted. */
  url: string;
  /** The request as a shell command, secrets replaced by placeholders (`toCurl`). */
  curl: string;
  /** The HTTP status, or undefined when no answer came (network error, CORS, timeout). */
  status?: number;
  /** `200 OK`, `400 invalid_grant — …` (`tokenAnswerLine`). */
  statusLine: string;
  /** The answer as shown: pretty JSON with every token shortened, or what is known of it. */
  body: string;
  ok: boolean;
  note?: string;
};

/** A lever the portal pulls on the mock or the tenant (a scenario switch): shown, never as a request a client makes. */
export type StageExchange = { kind: 'stage'; title: string; note?: string };

export type Exchange = HttpExchange | StageExchange;

/** How a run ended, in one line, and the failure behind it when it failed. */
export type RunVerdict = {
  ok: boolean;
  /** Done, but with something the reader should look at (unmet acr_values …): not shown as green. */
  warning?: boolean;
  line: string;
  failure?: OidcFailure;
};

/** What a runner returns: everything it sent, and how it ended; `result` is the runner's own data. */
export type RunReport<R> = { exchanges: Exchange[]; verdict: RunVerdict; result?: R };

export type RunPhase = 'idle' | 'running' | 'exchanging' | 'done' | 'failed';

export type RunState<R> =
  | { phase: 'idle' }
  | { phase: 'running' | 'exchanging'; status: string; exchanges: Exchange[] }
  | { phase: 'done'; verdict: RunVerdict; exchanges: Exchange[]; result?: R }
  | { phase: 'failed'; verdict: RunVerdict; exchanges: Exchange[] };

export type RunEvent<R> =
  /** The reader pressed Run: earlier results go. */
  | { type: 'start'; status: string }
  /** The login came back: the code is being exchanged (or any later step). */
  | { type: 'exchanging'; status: string }
  | { type: 'exchange'; exchange: Exchange }
  /** The runner's report: done when its verdict is ok, failed otherwise. */
  | { type: 'report'; report: RunReport<R> }
  /** Failed before a runner could report (the login window closed, the mock would not start …). */
  | { type: 'fail'; line: string; failure?: OidcFailure }
  | { type: 'reset' };

export const idleRun = { phase: 'idle' } as const satisfies RunState<never>;

function exchangesOf<R>(state: RunState<R>): Exchange[] {
  return state.phase === 'idle' ? [] : state.exchanges;
}

/**
 * The run state machine. Events that do not fit the phase are ignored (a late answer after a
 * reset, a second start while running), so a widget cannot render an impossible state.
 */
export function runReducer<R>(state: RunState<R>, event: RunEvent<R>): RunState<R> {
  switch (event.type) {
    case 'start':
      if (state.phase === 'running' || state.phase === 'exchanging') return state;
      return { phase: 'running', status: event.status, exchanges: [] };
    case 'exchanging':
      if (state.phase !== 'running' && state.phase !== 'exchanging') return state;
      return { phase: 'exchanging', status: event.status, exchanges: state.exchanges };
    case 'exchange':
      if (state.phase !== 'running' && state.phase !== 'exchanging') return state;
      return { ...state, exchanges: [...state.exchanges, event.exchange] };
    case 'report': {
      if (state.phase !== 'running' && state.phase !== 'exchanging') return state;
      const exchanges = [...exchangesOf(state), ...event.report.exchanges];
      return event.report.verdict.ok
        ? {
            phase: 'done',
            verdict: event.report.verdict,
            exchanges,
            ...(event.report.result !== undefined ? { result: event.report.result } : {}),
          }
        : { phase: 'failed', verdict: event.report.verdict, exchanges };
    }
    case 'fail':
      if (state.phase !== 'running' && state.phase !== 'exchanging') return state;
      return {
        phase: 'failed',
        verdict: { ok: false, line: event.line, ...(event.failure ? { failure: event.failure } : {}) },
        exchanges: exchangesOf(state),
      };
    case 'reset':
      return idleRun;
  }
}

/** True while a run is under way (a widget's buttons are `aria-disabled` then). */
export function isRunning(state: RunState<unknown>): boolean {
  return state.phase === 'running' || state.phase === 'exchanging';
}

/** The line of the verdict region: the status while running, the verdict after, nothing before. */
export function runLine(state: RunState<unknown>): string {
  if (state.phase === 'idle') return '';
  return 'status' in state ? state.status : state.verdict.line;
}

/** An answer's JSON as shown: every secret value (tokens, codes, secrets) shortened by `redactToken`, at any depth. */
export function redactedAnswer(value: unknown, depth = 0): unknown {
  if (depth > 16 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => redactedAnswer(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] =
      secretParameters.includes(k) && typeof v === 'string' ? redactToken(v) : redactedAnswer(v, depth + 1);
  return out;
}

/**
 * One request beside its answer, ready to show: the URL and curl redacted, the status line, the body
 * with tokens shortened. A failure (`OidcFailure`) gives the status line and body the provider sent,
 * or what is known (no answer: a network error, CORS).
 */
export function httpExchange(
  title: string,
  request: RecordedRequest,
  answer:
    | { ok: true; status?: number; body?: unknown; note?: string }
    | { ok: false; failure: OidcFailure; note?: string },
): HttpExchange {
  const base = {
    kind: 'http' as const,
    title,
    method: request.method.toUpperCase(),
    url: redactUrlSecrets(request.url),
    curl: toCurl(request),
    ...(answer.note ? { note: answer.note } : {}),
  };
  if (!answer.ok)
    return {
      ...base,
      ...(answer.failure.status !== undefined ? { status: answer.failure.status } : {}),
      statusLine: tokenAnswerLine({ ok: false, failure: answer.failure }),
      body: tokenFailureBody(answer.failure),
      ok: false,
    };
  const status = answer.status ?? 200;
  return {
    ...base,
    status,
    statusLine: tokenAnswerLine({ ok: true, status }),
    body: answer.body === undefined ? '' : JSON.stringify(redactedAnswer(answer.body), null, 2),
    ok: true,
  };
}
