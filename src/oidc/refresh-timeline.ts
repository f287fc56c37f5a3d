/**
 * When does a refresh token stop working? A pure model of TelenorID+'s refresh policies
 * (sliding vs fixed lifetime) for the refresh-error simulator: a client refreshes every N minutes,
 * the user goes idle for M minutes, and the timeline shows each refresh and the first
 * `invalid_grant`.
 *
 * Expiry is exclusive: a refresh token that expires at minute E works at E − ε and fails at E
 * exactly. Providers compare “now < expiry” (IdentityServer does), and a client must never plan
 * to refresh at the last instant anyway.
 *
 * Only the lifetime is modelled: revocation, reuse and the end of the SSO session (which also end
 * a refresh token) are separate scenarios of the mock.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
import { refreshPolicies, type RefreshPolicy, type RefreshPolicyName } from './catalogue';

export type TimelineEventKind =
  'login' | 'refresh' | 'idle_start' | 'idle_end' | 'invalid_grant' | 'no_refresh_token';

export type TimelineEvent = {
  atMinute: number;
  kind: TimelineEventKind;
  /** After this event, the refresh token the client holds is valid until this minute (exclusive). */
  validUntilMinute?: number;
  note: string;
};

export type RefreshTimelineInput = {
  policy: RefreshPolicyName | RefreshPolicy;
  /** The client refreshes every N minutes while the user is active (≤ 0: only after the idle gap). */
  refreshEveryMinutes: number;
  /** The user is away (no refreshes) from `startMinute` for `durationMinutes`; then the client refreshes once. */
  idle?: { startMinute: number; durationMinutes: number };
  /** Stop the timeline here (default: two refresh intervals after the idle gap, or one lifetime). */
  horizonMinutes?: number;
};

export type RefreshTimeline = {
  policy: RefreshPolicy;
  events: TimelineEvent[];
  /** Minute of the first failing refresh, if any. */
  invalidGrantAtMinute?: number;
  /** Routine refreshes left out of `events` to keep it short (first and last ones are kept). */
  omittedRefreshes: number;
  summary: string;
};

const keepEdgeRefreshes = 25;
const maxSteps = 1_000_000;

function finite(n: number, fallback: number): number {
  return Number.isFinite(n) ? n : fallback;
}

/** Would a refresh at `atMinute` succeed against a token valid until `validUntilMinute`? Expiry is exclusive. */
export function refreshSucceeds(atMinute: number, validUntilMinute: number): boolean {
  return atMinute < validUntilMinute;
}

/**
 * Compute the refresh timeline for a policy. Pure and total: odd inputs (negative, NaN) are
 * clamped rather than thrown on.
 */
export function refreshTimeline(input: RefreshTimelineInput): RefreshTimeline {
  const policy = typeof input.policy === 'string' ? refreshPolicies[input.policy] : input.policy;
  const events: TimelineEvent[] = [{ atMinute: 0, kind: 'login', note: 'The user logs in.' }];
  if (policy.lifetimeSeconds === undefined) {
    events[0]!.note = `The user logs in; policy ${policy.name} issues no refresh token.`;
    const firstTry = Math.max(0, finite(input.refreshEveryMinutes, 0)) || 0;
    events.push({
      atMinute: firstTry,
      kind: 'no_refresh_token',
      note: 'There is no refresh token to use: renew the session with prompt=none or a new login.',
    });
    return {
      policy,
      events,
      omittedRefreshes: 0,
      summary: `${policy.name}: no refresh token, so there is nothing to refresh.`,
    };
  }
  const lifetime = policy.lifetimeSeconds / 60;
  const every = Math.max(0, finite(input.refreshEveryMinutes, 0));
  const idleStart = input.idle ? Math.max(0, finite(input.idle.startMinute, 0)) : undefined;
  const idleEnd =
    input.idle && idleStart !== undefined
      ? idleStart + Math.max(0, finite(input.idle.durationMinutes, 0))
      : undefined;
  const horizon = Math.max(
    0,
    finite(
      input.horizonMinutes ??
        (idleEnd !== undefined ? idleEnd + 2 * every : Math.max(lifetime, every) + every),
      lifetime,
    ),
  );

  let validUntil = lifetime;
  events[0]!.validUntilMinute = validUntil;
  events[0]!.note = `The user logs in; the refresh token is valid until minute ${validUntil} (${policy.sliding ? 'sliding' : 'fixed'}).`;

  const routine: TimelineEvent[] = [];
  let omitted = 0;
  const flushRoutine = () => {
    if (routine.length > 2 * keepEdgeRefreshes) {
      omitted += routine.length - 2 * keepEdgeRefreshes;
      events.push(...routine.slice(0, keepEdgeRefreshes), ...routine.slice(-keepEdgeRefreshes));
    } else events.push(...routine);
    routine.length = 0;
  };
  let invalidAt: number | undefined;

  const attempt = (t: number, routineRefresh: boolean): boolean => {
    if (!refreshSucceeds(t, validUntil)) {
      flushRoutine();
      invalidAt = t;
      events.push({
        atMinute: t,
        kind: 'invalid_grant',
        note:
          t === validUntil
            ? `Refresh at minute ${t}, exactly when the token expires: expiry is exclusive, so 400 invalid_grant.`
            : `Refresh at minute ${t}: the token expired at minute ${validUntil}, so 400 invalid_grant. The user must log in again.`,
      });
      return false;
    }
    if (policy.sliding) validUntil = t + lifetime;
    const ev: TimelineEvent = {
      atMinute: t,
      kind: 'refresh',
      validUntilMinute: validUntil,
      note: policy.sliding
        ? `Refresh succeeds; the new refresh token is valid until minute ${validUntil}.`
        : `Refresh succeeds; the end stays at minute ${validUntil} (fixed lifetime).`,
    };
    if (routineRefresh) routine.push(ev);
    else {
      flushRoutine();
      events.push(ev);
    }
    return true;
  };

  let steps = 0;
  if (every > 0) {
    for (let t = every; t <= horizon && steps < maxSteps; t += every, steps++) {
      if (idleStart !== undefined && idleEnd !== undefined && t >= idleStart) break;
      if (!attempt(t, true)) break;
    }
  }
  if (invalidAt === undefined && idleStart !== undefined && idleEnd !== undefined) {
    flushRoutine();
    events.push({
      atMinute: idleStart,
      kind: 'idle_start',
      note: `The user goes idle for ${idleEnd - idleStart} minutes: no refreshes.`,
    });
    events.push({ atMinute: idleEnd, kind: 'idle_end', note: 'The user is back; the client refreshes.' });
    if (attempt(idleEnd, false) && every > 0) {
      for (let t = idleEnd + every; t <= horizon && steps < maxSteps; t += every, steps++) {
        if (!attempt(t, true)) break;
      }
    }
  }
  flushRoutine();

  const summary =
    invalidAt === undefined
      ? `${policy.name}: every refresh succeeds up to minute ${horizon}.`
      : `${policy.name}: the refresh at minute ${invalidAt} fails with invalid_grant; the user must log in again.`;
  return {
    policy,
    events,
    ...(invalidAt !== undefined ? { invalidGrantAtMinute: invalidAt } : {}),
    omittedRefreshes: omitted,
    summary,
  };
}

/** The three numbers a reader types into the refresh timeline. */
export type TimelineField = 'everyMinutes' | 'idleAtMinute' | 'idleForMinutes';

/** No refresh policy outlives a year; a larger number is a typo, and would only stretch the picture. */
export const maxTimelineMinutes = 525_600;

/**
 * Read what the reader typed into a timeline field: a number of minutes, or the sentence that says
 * why it cannot be used ("refresh every 0 minutes" is refused: a client that never waits is not a
 * pattern the timeline can draw). Accepts "5", "2.5" and "2,5"; nothing else (no "1e3", "0x10").
 */
export function readTimelineMinutes(
  field: TimelineField,
  text: string,
): { ok: true; minutes: number } | { ok: false; message: string } {
  const what = {
    everyMinutes: 'how often the client refreshes',
    idleAtMinute: 'the minute the user goes idle',
    idleForMinutes: 'how long the user stays away',
  }[field];
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `Enter ${what}, in minutes.` };
  const shown = trimmed.length > 20 ? `${trimmed.slice(0, 20)}…` : trimmed;
  if (/^-\s*\d/.test(trimmed))
    return { ok: false, message: `Minutes cannot be negative: enter ${what} as 0 or more.` };
  if (!/^\d{1,9}([.,]\d{1,3})?$/.test(trimmed))
    return { ok: false, message: `“${shown}” is not a number of minutes: enter ${what} as digits, e.g. 5.` };
  const minutes = Number(trimmed.replace(',', '.'));
  if (field === 'everyMinutes' && minutes < 1)
    return {
      ok: false,
      message: `A client cannot refresh every ${shown} minutes: it would never stop sending requests. Enter 1 minute or more.`,
    };
  if (minutes > maxTimelineMinutes)
    return {
      ok: false,
      message: `${shown} minutes is more than a year; no refresh token lives that long. Enter ${maxTimelineMinutes.toLocaleString('en-GB')} minutes or fewer.`,
    };
  return { ok: true, minutes };
}
