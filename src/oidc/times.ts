/**
 * Times as a reader reads them: `exp: 1764621667` becomes "1 Dec 2026, 20:41:07 CET (in 5 min)",
 * `expires_in: 3600` becomes "expires 21:36:07 CET (in 60 min)". Pure: the caller passes "now"
 * (and a time zone in tests), so the same value always gives the same text.
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-2 (NumericDate: seconds since the epoch)
 */

/** The JWT claims that hold a NumericDate (RFC 7519 §4.1, OpenID Connect Core §2). */
export const timeClaimNames = ['exp', 'iat', 'nbf', 'auth_time'] as const;

export type TimeFormatOptions = { timeZone?: string; locale?: string };

/** Seconds since the epoch a reader could mean: a finite number from 1970 to the year 5138. */
function isPlausibleEpoch(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 1e11;
}

/** A span of time in words: "45 s", "10 min", "1 h 5 min", "30 days". Whole units, rounded down. */
export function formatDuration(seconds: number): string {
  const s = Math.floor(Math.abs(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}

/**
 * Time left as a countdown that ticks once a second: "59 min 59 s", "45 s" under an hour; from an hour
 * on as `formatDuration` ("1 h 5 min"), where seconds would only be noise. Rounded up, as a countdown
 * is: a tick lands a little after each whole second, and 1.9 s left is still "2 s", 0.2 s "1 s".
 */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s >= 3600) return formatDuration(s);
  const minutes = Math.floor(s / 60);
  return minutes ? `${minutes} min ${s % 60} s` : `${s} s`;
}

/** "in 5 min", "5 min ago", or "now" (within a second). */
export function formatRelative(deltaSeconds: number): string {
  if (Math.abs(deltaSeconds) < 1) return 'now';
  return deltaSeconds > 0 ? `in ${formatDuration(deltaSeconds)}` : `${formatDuration(deltaSeconds)} ago`;
}

function formatInstant(ms: number, options: TimeFormatOptions, withDate: boolean): string {
  return new Intl.DateTimeFormat(options.locale ?? 'en-GB', {
    ...(withDate ? { day: 'numeric', month: 'short', year: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(ms);
}

/** A NumericDate as a date and how far it is from now: "1 Dec 2026, 20:41:07 UTC (in 5 min)". */
export function describeEpochSeconds(value: number, nowMs: number, options: TimeFormatOptions = {}): string {
  return `${formatInstant(value * 1000, options, true)} (${formatRelative(value - nowMs / 1000)})`;
}

/**
 * The readable form of a claim's value when the claim is a time (`exp`, `iat`, `nbf`, `auth_time`)
 * and the value a plausible NumericDate; otherwise undefined (show the value as it is).
 */
export function describeTimeClaim(
  name: string,
  value: unknown,
  nowMs: number,
  options: TimeFormatOptions = {},
): string | undefined {
  if (!(timeClaimNames as readonly string[]).includes(name) || !isPlausibleEpoch(value)) return undefined;
  return describeEpochSeconds(value, nowMs, options);
}

/**
 * A token response's `expires_in` (seconds from when it was received) as a sentence:
 * "expires_in 3600: the access token expires at 21:36:07 UTC (in 60 min)". Undefined when absent
 * or not a sensible number of seconds.
 */
export function describeExpiresIn(
  expiresIn: unknown,
  receivedAtMs: number,
  nowMs: number,
  options: TimeFormatOptions = {},
): string | undefined {
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn < 0 || expiresIn > 1e10)
    return undefined;
  const endMs = receivedAtMs + expiresIn * 1000;
  const withDate = expiresIn >= 24 * 3600;
  const left = (endMs - nowMs) / 1000;
  const verb = left > 0 ? 'expires' : 'expired';
  const relative = left > 0 ? `in ${formatCountdown(left)}` : formatRelative(left);
  return `expires_in ${expiresIn}: the access token ${verb} at ${formatInstant(endMs, options, withDate)} (${relative})`;
}

/**
 * `expires_in` as a live line, for a caller that ticks once a second: the sentence of `describeExpiresIn`
 * while time is left, and once it has run out the moment it expired without an "ago" (which would go
 * stale, since the ticking stops there). `done`: stop ticking.
 */
export function describeExpiresInCountdown(
  expiresIn: unknown,
  receivedAtMs: number,
  nowMs: number,
  options: TimeFormatOptions = {},
): { text: string; done: boolean } | undefined {
  const text = describeExpiresIn(expiresIn, receivedAtMs, nowMs, options);
  if (text === undefined || typeof expiresIn !== 'number') return undefined;
  const endMs = receivedAtMs + expiresIn * 1000;
  if (endMs > nowMs) return { text, done: false };
  return {
    text: `expires_in ${expiresIn}: the access token expired at ${formatInstant(endMs, options, expiresIn >= 24 * 3600)}`,
    done: true,
  };
}
