/**
 * A polling run as data, shared by the device-flow and CIBA tryouts: the plan (handle, interval, when
 * the next poll is due, when the request expires), one poll turned into an exchange and the next plan
 * or a final report, and every line the reader reads. Framework-free: the widgets keep the timer.
 */
import { ciba, deviceFlow } from '../catalogue/polling-flows';
import { cibaTestClient, deviceTestClient } from '../catalogue/fixtures';
import { failureSentence, type FailureContext } from '../failure-sentence';
import type { OidcFailure } from '../failures';
import {
  pollingEndpoints,
  pollToken,
  type PollingExchange,
  type PollingSettings,
  type PollReading,
} from '../polling';
import { httpExchange, type HttpExchange, type RunReport } from '../run';
import type { ProviderSession } from '../session';
import type { TokenView } from '../tokens';

export type PollingFlow = 'device' | 'ciba';

export type PollingPlan = {
  flow: PollingFlow;
  /** device_code or auth_req_id: kept in memory only, never shown whole, never in a link. */
  handle: string;
  intervalSeconds: number;
  nextPollAtMs: number;
  expiresAtMs: number;
  polls: number;
  scope: readonly string[];
};

export type PollingResult = { view: TokenView; polls: number };

export function planAfterStart(
  flow: PollingFlow,
  handle: string,
  start: { intervalSeconds: number; expiresInSeconds: number },
  scope: readonly string[],
  nowMs: number,
): PollingPlan {
  return {
    flow,
    handle,
    intervalSeconds: start.intervalSeconds,
    // Wait the interval before the first poll too (facts §21).
    nextPollAtMs: nowMs + start.intervalSeconds * 1000,
    expiresAtMs: nowMs + start.expiresInSeconds * 1000,
    polls: 0,
    scope,
  };
}

/** The exchange a poll (or a start) shows, titled for the reader. */
export function pollingHttpExchange(
  title: string,
  exchange: PollingExchange,
  problem?: OidcFailure,
): HttpExchange {
  return httpExchange(
    title,
    exchange.request,
    problem
      ? { ok: false, failure: problem }
      : {
          ok: true,
          ...(exchange.status !== undefined ? { status: exchange.status } : {}),
          body: exchange.body,
        },
  );
}

const flowWords: Record<PollingFlow, string> = { device: 'device request', ciba: 'CIBA request' };

/** The line a poll's reading gives while the run goes on (pending, slow_down). */
export function pollingLine(reading: PollReading, plan: PollingPlan, early: boolean): string {
  if (reading.kind === 'pending')
    return `authorization_pending: the user has not approved yet. Next poll in ${plan.intervalSeconds} s.`;
  if (reading.kind === 'slow_down')
    return `slow_down: ${early ? 'you polled' : 'the poll came'} sooner than the interval allows, so the provider asks for ${deviceFlow.slowDownStepSeconds.value} s more: every ${reading.intervalSeconds} s from now on.`;
  return '';
}

/** The verdict of a final reading. */
function finalReport(
  reading: Exclude<PollReading, { kind: 'pending' | 'slow_down' }>,
  plan: PollingPlan,
  exchange: HttpExchange,
  context: FailureContext,
): RunReport<PollingResult> {
  if (reading.kind === 'tokens') {
    const refresh = reading.view.tokens.refreshToken ? ', a refresh token' : '';
    return {
      exchanges: [exchange],
      verdict: {
        ok: true,
        line: `Approved: tokens after ${plan.polls} poll${plan.polls === 1 ? '' : 's'} — an access token${reading.view.tokens.idToken ? ', an ID token' : ''}${refresh}. Stop polling.`,
      },
      result: { view: reading.view, polls: plan.polls },
    };
  }
  const f = reading.failure;
  const error = f.error ?? f.code;
  const line =
    reading.kind === 'expired'
      ? `${error}: the ${flowWords[plan.flow]} expired before the user approved it${plan.flow === 'device' ? ' (TelenorID+ answers an expired device code with invalid_grant, not expired_token)' : ''}. Stop polling and start a new request.`
      : reading.kind === 'denied'
        ? `${error}: the user declined${plan.flow === 'ciba' ? ' (TelenorID+ answers a declined CIBA request with invalid_grant)' : ''}. Nothing was granted; stop polling, and let the user start again when they choose to.`
        : failureSentence(f, context);
  return { exchanges: [exchange], verdict: { ok: false, line, failure: f } };
}

export type PollStep =
  | { done: false; exchange: HttpExchange; plan: PollingPlan; line: string }
  | { done: true; report: RunReport<PollingResult> };

/**
 * One poll now: `early` when the reader pressed “Poll now” before the interval was over (the way to
 * earn slow_down). Returns the next plan, or the run's final report.
 */
export async function pollOnce(
  settings: PollingSettings,
  plan: PollingPlan,
  context: FailureContext,
  nowMs: () => number,
  early = false,
): Promise<PollStep> {
  const polled = await pollToken(settings, plan.flow, plan.handle, plan.intervalSeconds, plan.scope);
  const polls = plan.polls + 1;
  const waiting = polled.reading.kind === 'pending' || polled.reading.kind === 'slow_down';
  const exchange = pollingHttpExchange(
    `Poll ${polls}${early ? ' (early)' : ''} at /token`,
    polled.exchange,
    polled.failure,
  );
  if (!waiting)
    return {
      done: true,
      report: finalReport(
        polled.reading as Exclude<PollReading, { kind: 'pending' | 'slow_down' }>,
        { ...plan, polls },
        exchange,
        context,
      ),
    };
  const intervalSeconds =
    polled.reading.kind === 'slow_down' ? polled.reading.intervalSeconds : plan.intervalSeconds;
  const next = { ...plan, polls, intervalSeconds, nextPollAtMs: nowMs() + intervalSeconds * 1000 };
  return { done: false, exchange, plan: next, line: pollingLine(polled.reading, next, early) };
}

/** A start the provider refused (or that could not be sent): its exchange, if any, and the reader's sentence. */
export function refusedStartReport(
  title: string,
  started: { exchange?: PollingExchange; failure: OidcFailure },
  context: FailureContext,
): RunReport<PollingResult> {
  return {
    exchanges: started.exchange ? [pollingHttpExchange(title, started.exchange, started.failure)] : [],
    verdict: { ok: false, line: failureSentence(started.failure, context), failure: started.failure },
  };
}

/**
 * Polls at the plan's interval (waiting with `sleep`: never real time in tests) until the flow ends or
 * `maxPolls` is reached; the start's exchange comes first in the report.
 */
export async function pollUntilDone(options: {
  settings: PollingSettings;
  context: FailureContext;
  startExchange: HttpExchange;
  plan: PollingPlan;
  sleep: (ms: number) => Promise<void>;
  nowMs: () => number;
  beforePoll?: (poll: number) => Promise<void> | void;
  maxPolls: number;
}): Promise<RunReport<PollingResult>> {
  const exchanges: HttpExchange[] = [options.startExchange];
  let plan = options.plan;
  for (let n = 1; n <= options.maxPolls; n++) {
    await options.sleep(Math.max(0, plan.nextPollAtMs - options.nowMs()));
    await options.beforePoll?.(n);
    const step = await pollOnce(options.settings, plan, options.context, options.nowMs);
    if (step.done) return { ...step.report, exchanges: [...exchanges, ...step.report.exchanges] };
    exchanges.push(step.exchange);
    plan = step.plan;
  }
  return { exchanges, verdict: { ok: false, line: 'Stopped polling: the request outlived its expires_in.' } };
}

/**
 * The settings a polling flow needs at the selected environment: its discovery document's endpoints
 * and the test client for the flow (mock and local tenant only; TelenorID+ needs the reader's own
 * client, and the CIBA one a secret that does not belong in a browser).
 */
export async function pollingSettings(
  session: ProviderSession,
  flow: PollingFlow,
): Promise<{ ok: true; settings: PollingSettings } | { ok: false; line: string; curl?: string }> {
  const blocked = session.blocked();
  if (blocked) return { ok: false, line: blocked.sentence };
  const env = session.environment.id;
  if (env !== 'mock' && env !== 'local')
    return {
      ok: false,
      line: `${session.environment.label} has no test client here: ${flow === 'device' ? 'the device flow needs a client registered for it' : 'CIBA needs a CIBA-enabled confidential client, whose secret never belongs in a browser'}. Copy the curl commands on this page and run them from your own machine or back end, or switch to the mock or the local test tenant.`,
    };
  const discovery = await session.discovery();
  if (!discovery.ok)
    return {
      ok: false,
      line: discovery.problem.sentence,
      ...(discovery.problem.curl ? { curl: discovery.problem.curl } : {}),
    };
  const endpoints = pollingEndpoints(discovery.document, flow);
  if (!endpoints.ok)
    return { ok: false, line: endpoints.failure.detail ?? endpoints.failure.explanation.meaning };
  const client = flow === 'device' ? deviceTestClient(env) : cibaTestClient(env);
  return {
    ok: true,
    settings: {
      tokenEndpoint: endpoints.tokenEndpoint,
      startEndpoint: endpoints.startEndpoint,
      clientId: client.clientId,
      ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}),
    },
  };
}

/** The interval and lifetime the catalogue gives, for the page before the first request. */
export const pollingDefaults = {
  device: {
    intervalSeconds: deviceFlow.intervalSeconds.value,
    expiresInSeconds: deviceFlow.expiresInSeconds.value,
  },
  ciba: { intervalSeconds: ciba.intervalSeconds.value, expiresInSeconds: ciba.expiry.value.defaultSeconds },
} as const;
