/**
 * The test clock of the portal's two test engines (the mock and the local tenant): one contract, one
 * typed client. A reader moves an engine's clock forward (+10 min, +14 days, +91 days …) so every
 * expiry happens at once; real time is the default and a reset goes back to it.
 *
 *   GET  <issuer>/__mock/clock | <issuer>/__tenant/clock   → 200 {"clock":{"offsetSeconds":0,"now":…}}
 *   POST {"advanceSeconds":600}                            → 200 {"clock":{…}}   (forward only)
 *   POST {"reset":true}                                    → 200 {"clock":{"offsetSeconds":0,…}}
 *   anything else → 400 {"error":"invalid_request","error_description":"<sentence>"}; not JSON → 415
 *
 * What moves: everything the engine keeps is judged by the moved clock — sessions, grants, codes,
 * refresh and access tokens — so a token that would have expired by then is refused at once. What the
 * engine signs after a jump (iat, nbf, exp of ID and access tokens) carries real time, so a client whose
 * own clock did not move still accepts new tokens. A jump ages what exists; it does not make the
 * client's clock wrong. The session's login is aged too: auth_time is the login seen from the moved
 * clock (after a 14-day jump, 14 days before iat), and max_age is judged by it.
 */
import { refreshPolicies } from './catalogue/clients';
import { exampleLifetimes } from './catalogue/endpoints';
import { mockIssuer, type EnvironmentId } from './environments';

export const testClockPaths = { mock: '/__mock/clock', local: '/__tenant/clock' } as const;

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The longest single jump an engine accepts (a year and a bit: past every policy of the catalogue). */
export const maxClockJumpSeconds = 400 * DAY;

/** The clock as an engine reports it: how far it is ahead of real time, and its own now (epoch seconds). */
export type TestClock = { offsetSeconds: number; now: number };

export type TestClockRequest = { advanceSeconds: number } | { reset: true };

/** The one rule both engines apply to a POST body; the refusal is the sentence the engine answers. */
export function parseTestClockRequest(
  body: unknown,
): { ok: true; request: TestClockRequest } | { ok: false; error_description: string } {
  const usage = 'Send {"advanceSeconds": <seconds>} to move the clock forward, or {"reset": true}.';
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { ok: false, error_description: `The body is not a JSON object. ${usage}` };
  const { advanceSeconds, reset } = body as Record<string, unknown>;
  if (reset === true && advanceSeconds === undefined) return { ok: true, request: { reset: true } };
  if (advanceSeconds === undefined) return { ok: false, error_description: usage };
  if (typeof advanceSeconds !== 'number' || !Number.isFinite(advanceSeconds))
    return { ok: false, error_description: `advanceSeconds must be a number of seconds. ${usage}` };
  if (advanceSeconds <= 0)
    return {
      ok: false,
      error_description:
        'The test clock only moves forward (time does not run back for tokens already issued); send {"reset": true} to return to real time.',
    };
  if (advanceSeconds > maxClockJumpSeconds)
    return {
      ok: false,
      error_description: `One jump moves at most ${maxClockJumpSeconds / DAY} days; jump again to go further.`,
    };
  return { ok: true, request: { advanceSeconds: Math.floor(advanceSeconds) } };
}

/** The offset after a request: forward by whole seconds, or 0 on reset. */
export function applyTestClockRequest(offsetSeconds: number, request: TestClockRequest): number {
  return 'reset' in request ? 0 : offsetSeconds + request.advanceSeconds;
}

/** The body both engines answer with. */
export function testClockAnswer(offsetSeconds: number, realNowMs: number = Date.now()): { clock: TestClock } {
  return { clock: { offsetSeconds, now: Math.floor(realNowMs / 1000) + offsetSeconds } };
}

/** A jump a widget offers, named for what it makes expire (lifetimes from the catalogue). */
export type ClockJump = { id: string; label: string; seconds: number; expires: string };

/** One second past each lifetime of the catalogue, so each jump makes exactly that token expire. */
export const clockJumps: readonly ClockJump[] = [
  {
    id: 'public-web',
    label: '+10 min',
    seconds: (refreshPolicies.PublicWeb.lifetimeSeconds ?? 0) + 1,
    expires: 'a PublicWeb refresh token (10 minutes)',
  },
  {
    id: 'access-token',
    label: '+1 h',
    seconds: exampleLifetimes.accessTokenSeconds + 1,
    expires: 'an access token (3600 s)',
  },
  {
    id: 'confidential',
    label: '+14 days',
    seconds: (refreshPolicies.Confidential.lifetimeSeconds ?? 0) + 1,
    expires: 'a Confidential refresh token (14 days, fixed)',
  },
  {
    id: 'mobile',
    label: '+91 days',
    seconds: 91 * DAY,
    expires: 'a Mobile refresh token (90 days)',
  },
];

/** "real time", or how far ahead the clock is, in the largest units that say it ("14 days, 0 h 0 min 1 s ahead"). */
export function describeClockOffset(offsetSeconds: number): string {
  if (!offsetSeconds) return 'real time';
  let rest = Math.abs(Math.round(offsetSeconds));
  const days = Math.floor(rest / DAY);
  rest -= days * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / MINUTE);
  const seconds = rest - minutes * MINUTE;
  const parts = [
    days ? `${days} ${days === 1 ? 'day' : 'days'}` : '',
    hours ? `${hours} h` : '',
    minutes ? `${minutes} min` : '',
    seconds ? `${seconds} s` : '',
  ].filter(Boolean);
  return `${parts.join(' ')} ${offsetSeconds > 0 ? 'ahead of' : 'behind'} real time`;
}

/** Which engine's clock: the mock (its fixed issuer) or the local tenant at `issuer`. */
export type TestClockTarget = { environment: 'mock' } | { environment: 'local'; issuer: string };

/** The target for an environment, or undefined: staging, production and custom issuers keep real time. */
export function testClockTarget(environment: EnvironmentId, issuer: string): TestClockTarget | undefined {
  if (environment === 'mock') return { environment: 'mock' };
  if (environment === 'local') return { environment: 'local', issuer };
  return undefined;
}

export function testClockUrl(target: TestClockTarget): string {
  return target.environment === 'mock'
    ? mockIssuer + testClockPaths.mock
    : target.issuer.replace(/\/+$/, '') + testClockPaths.local;
}

export type TestClockResult = { ok: true; clock: TestClock } | { ok: false; sentence: string };

/** Why only the two test engines have a clock (for an environment without one). */
export const noTestClockSentence =
  'Only the mock and the local test tenant have a test clock; TelenorID+ staging and production (and a custom issuer) keep real time, so there the expiry comes only by waiting.';

function isClock(value: unknown): value is TestClock {
  if (!value || typeof value !== 'object') return false;
  const { offsetSeconds, now } = value as Record<string, unknown>;
  return (
    typeof offsetSeconds === 'number' &&
    Number.isFinite(offsetSeconds) &&
    typeof now === 'number' &&
    Number.isFinite(now)
  );
}

/**
 * Reads (no `request`) or moves an engine's test clock. Never throws: a failure is the sentence to show.
 * The mock must be started first (`environmentReady('mock', …)`), as for any request to it.
 */
export async function testClock(
  target: TestClockTarget,
  request?: TestClockRequest,
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
): Promise<TestClockResult> {
  const url = testClockUrl(target);
  const engine = target.environment === 'mock' ? 'The mock' : `The local test tenant at ${target.issuer}`;
  let response: Response;
  try {
    response = await fetchImpl(
      url,
      request
        ? {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(request),
          }
        : { method: 'GET' },
    );
  } catch {
    return {
      ok: false,
      sentence:
        target.environment === 'mock'
          ? 'The mock did not answer its clock: reload the page to start it again.'
          : `${engine} did not answer: start it (npm run tenant, or npm start) and try again.`,
    };
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (response.status === 404)
    return {
      ok: false,
      sentence: `${engine} has no test clock (404): it is not the portal's tenant, or an older one; restart it from this checkout.`,
    };
  if (!response.ok) {
    const description =
      json &&
      typeof json === 'object' &&
      typeof (json as Record<string, unknown>).error_description === 'string'
        ? String((json as Record<string, unknown>).error_description)
        : `it answered HTTP ${response.status}`;
    return { ok: false, sentence: `${engine} refused to move its clock: ${description}` };
  }
  const clock = json && typeof json === 'object' ? (json as Record<string, unknown>).clock : undefined;
  if (!isClock(clock))
    return {
      ok: false,
      sentence: `${engine} answered its clock without an offset; restart it from this checkout.`,
    };
  return { ok: true, clock };
}
