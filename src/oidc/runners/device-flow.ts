/**
 * The device-flow tryout's runner: the device authorization request, then polls through
 * `polling-run.ts`. `runDeviceFlow` runs it whole with an injected sleep (tests, the bench).
 * @see https://www.rfc-editor.org/rfc/rfc8628
 */
import { deviceFlow } from '../catalogue/polling-flows';
import { endpointPaths } from '../catalogue/endpoints';
import { toCurl } from '../curl';
import type { FailureContext } from '../failure-sentence';
import { startDeviceAuthorization, type DeviceStart, type PollingSettings } from '../polling';
import type { HttpExchange, RunReport } from '../run';
import {
  planAfterStart,
  pollingHttpExchange,
  pollUntilDone,
  refusedStartReport,
  type PollingPlan,
  type PollingResult,
} from './polling-run';

export type DeviceRunStart =
  | { ok: true; exchange: HttpExchange; start: DeviceStart; plan: PollingPlan; line: string }
  | { ok: false; report: RunReport<PollingResult> };

/** Step 1: the device authorization request; on success the plan for the polls. */
export async function startDeviceRun(
  settings: PollingSettings,
  scope: readonly string[],
  context: FailureContext,
  nowMs: () => number,
): Promise<DeviceRunStart> {
  const started = await startDeviceAuthorization(settings, scope);
  const title = 'Device authorization request';
  if (!started.ok) return { ok: false, report: refusedStartReport(title, started, context) };
  const { start } = started;
  return {
    ok: true,
    exchange: pollingHttpExchange(title, started.exchange),
    start,
    plan: planAfterStart('device', start.deviceCode, start, scope, nowMs()),
    line: `Show the user ${start.userCode} and ${start.verificationUri}. First poll in ${start.intervalSeconds} s; the code lives ${Math.round(start.expiresInSeconds / 60)} min.`,
  };
}

/** The whole run, polling at the interval with `sleep` (never real waiting in tests). */
export async function runDeviceFlow(options: {
  settings: PollingSettings;
  scope: readonly string[];
  context: FailureContext;
  sleep: (ms: number) => Promise<void>;
  nowMs?: () => number;
  /** Called with the start (show the code, approve) and before each poll. */
  beforePoll?: (poll: number, start: DeviceStart) => Promise<void> | void;
  maxPolls?: number;
}): Promise<RunReport<PollingResult>> {
  const now = options.nowMs ?? (() => Date.now());
  const started = await startDeviceRun(options.settings, options.scope, options.context, now);
  if (!started.ok) return started.report;
  return pollUntilDone({
    settings: options.settings,
    context: options.context,
    startExchange: started.exchange,
    plan: started.plan,
    sleep: options.sleep,
    nowMs: now,
    beforePoll: (n) => options.beforePoll?.(n, started.start),
    maxPolls: options.maxPolls ?? 400,
  });
}

/** The two requests as curl for an environment the page cannot call (its documented endpoints, placeholders for secrets). */
export function documentedDeviceCurls(
  issuer: string,
  scope: readonly string[],
): { start: string; poll: string } {
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
  return {
    start: toCurl({
      method: 'POST',
      url: issuer + endpointPaths.device_authorization_endpoint.path,
      headers: form,
      body: {
        kind: 'form',
        params: [
          ['client_id', '<client_id>'],
          ['scope', scope.join(' ')],
        ],
      },
    }),
    poll: toCurl({
      method: 'POST',
      url: issuer + endpointPaths.token_endpoint.path,
      headers: form,
      body: {
        kind: 'form',
        params: [
          ['grant_type', deviceFlow.grantType],
          ['device_code', '<device_code>'],
          ['client_id', '<client_id>'],
        ],
      },
    }),
  };
}
