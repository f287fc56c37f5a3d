/**
 * The CIBA tryout's runner (the Vipps start: scope with vipps and phone, login_hint = phone number),
 * then polls through `polling-run.ts`. `runCiba` runs it whole with an injected sleep.
 * @see https://openid.net/specs/openid-client-initiated-backchannel-authentication-core-1_0.html
 */
import { ciba } from '../catalogue/polling-flows';
import { endpointPaths } from '../catalogue/endpoints';
import { toCurl } from '../curl';
import type { FailureContext } from '../failure-sentence';
import { startCiba, type CibaRequest, type CibaStart, type PollingSettings } from '../polling';
import type { HttpExchange, RunReport } from '../run';
import {
  planAfterStart,
  pollingHttpExchange,
  pollUntilDone,
  refusedStartReport,
  type PollingPlan,
  type PollingResult,
} from './polling-run';

export type CibaRunStart =
  | { ok: true; exchange: HttpExchange; start: CibaStart; plan: PollingPlan; line: string }
  | { ok: false; report: RunReport<PollingResult> };

/** What the reader typed, checked before anything is sent: a phone number, the expiry in range. */
export function checkCibaRequest(input: { loginHint: string; requestedExpiry: string }): string | undefined {
  const digits = input.loginHint.replace(/[\s()-]/g, '').replace(/^\+/, '');
  if (!/^\d{8,12}$/.test(digits))
    return 'login_hint must be the person’s phone number, for example +47 followed by eight digits.';
  const { minSeconds, maxSeconds } = ciba.expiry.value;
  if (input.requestedExpiry.trim() === '') return undefined;
  const n = Number(input.requestedExpiry);
  if (!Number.isInteger(n) || n < minSeconds || n > maxSeconds)
    return `requested_expiry must be a whole number of seconds from ${minSeconds} to ${maxSeconds}, or empty for the default ${ciba.expiry.value.defaultSeconds}.`;
  return undefined;
}

export async function startCibaRun(
  settings: PollingSettings,
  request: CibaRequest,
  context: FailureContext,
  nowMs: () => number,
): Promise<CibaRunStart> {
  const started = await startCiba(settings, request);
  const title = 'Backchannel authentication request (/connect/ciba)';
  if (!started.ok) return { ok: false, report: refusedStartReport(title, started, context) };
  const { start } = started;
  return {
    ok: true,
    exchange: pollingHttpExchange(title, started.exchange),
    start,
    plan: planAfterStart('ciba', start.authReqId, start, request.scope, nowMs()),
    line: `auth_req_id received: the user’s phone asks them now. First poll in ${start.intervalSeconds} s; the request lives ${start.expiresInSeconds} s.`,
  };
}

export async function runCiba(options: {
  settings: PollingSettings;
  request: CibaRequest;
  context: FailureContext;
  sleep: (ms: number) => Promise<void>;
  nowMs?: () => number;
  beforePoll?: (poll: number) => Promise<void> | void;
  maxPolls?: number;
}): Promise<RunReport<PollingResult>> {
  const now = options.nowMs ?? (() => Date.now());
  const started = await startCibaRun(options.settings, options.request, options.context, now);
  if (!started.ok) return started.report;
  return pollUntilDone({
    settings: options.settings,
    context: options.context,
    startExchange: started.exchange,
    plan: started.plan,
    sleep: options.sleep,
    nowMs: now,
    ...(options.beforePoll ? { beforePoll: options.beforePoll } : {}),
    maxPolls: options.maxPolls ?? 100,
  });
}

/** The start and the poll as curl for an environment the page cannot call (the guide's staging URLs; placeholders for secrets). */
export function documentedCibaCurls(issuer: string, request: CibaRequest): { start: string; poll: string } {
  const headers = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Authorization: 'Basic <base64(client_id:client_secret)>',
  };
  return {
    start: toCurl({
      method: 'POST',
      url: issuer + endpointPaths.backchannel_authentication_endpoint.path,
      headers,
      body: {
        kind: 'form',
        params: [
          ['scope', request.scope.join(' ')],
          ['login_hint', request.loginHint],
        ],
      },
    }),
    poll: toCurl({
      method: 'POST',
      url: issuer + endpointPaths.token_endpoint.path,
      headers,
      body: {
        kind: 'form',
        params: [
          ['grant_type', ciba.grantType],
          ['auth_req_id', '<auth_req_id>'],
        ],
      },
    }),
  };
}
