import { describe, expect, it } from 'vitest';
import {
  describeExpiresIn,
  describeExpiresInCountdown,
  describeTimeClaim,
  formatCountdown,
  formatDuration,
  formatRelative,
} from '../../src/oidc/times';

const utc = { timeZone: 'UTC' };
const now = Date.UTC(2026, 11, 1, 20, 36, 7); // 1 Dec 2026, 20:36:07 UTC
const nowSeconds = now / 1000;

describe('timestamps as a reader reads them', () => {
  it('shows exp as a date and "in 5 min" instead of an epoch number', () => {
    expect(describeTimeClaim('exp', nowSeconds + 300, now, utc)).toBe('1 Dec 2026, 20:41:07 UTC (in 5 min)');
  });

  it('shows iat and auth_time in the past as "… ago"', () => {
    expect(describeTimeClaim('iat', nowSeconds - 90, now, utc)).toBe('1 Dec 2026, 20:34:37 UTC (1 min ago)');
    expect(describeTimeClaim('auth_time', nowSeconds - 2 * 3600, now, utc)).toMatch(/\(2 h ago\)$/);
    expect(describeTimeClaim('nbf', nowSeconds, now, utc)).toMatch(/\(now\)$/);
  });

  it('leaves other claims and implausible values as they are', () => {
    expect(describeTimeClaim('sub', nowSeconds, now, utc)).toBeUndefined();
    for (const bad of ['1764621667', -1, Number.NaN, Number.POSITIVE_INFINITY, 1e15, null, {}])
      expect(describeTimeClaim('exp', bad, now, utc)).toBeUndefined();
  });

  it('turns expires_in into the moment the access token expires', () => {
    expect(describeExpiresIn(3600, now, now, utc)).toBe(
      'expires_in 3600: the access token expires at 21:36:07 UTC (in 1 h)',
    );
    expect(describeExpiresIn(60, now, now + 120_000, utc)).toBe(
      'expires_in 60: the access token expired at 20:37:07 UTC (1 min ago)',
    );
    expect(describeExpiresIn(90 * 24 * 3600, now, now, utc)).toMatch(
      /at 1 Mar 2027, 20:36:07 UTC \(in 90 days\)$/,
    );
    for (const bad of [undefined, '3600', -5, Number.NaN, 1e12])
      expect(describeExpiresIn(bad, now, now, utc)).toBeUndefined();
  });

  it('words durations in whole units', () => {
    expect([45, 60, 600, 3900, 7200, 30 * 86400].map(formatDuration)).toEqual([
      '45 s',
      '1 min',
      '10 min',
      '1 h 5 min',
      '2 h',
      '30 days',
    ]);
    expect(formatRelative(-600)).toBe('10 min ago');
  });

  it('counts expires_in down second by second under an hour, in hours and minutes above', () => {
    expect([7200, 3600, 3599, 600, 61, 60, 59, 1, 0, -3].map(formatCountdown)).toEqual([
      '2 h',
      '1 h',
      '59 min 59 s',
      '10 min 0 s',
      '1 min 1 s',
      '1 min 0 s',
      '59 s',
      '1 s',
      '0 s',
      '0 s',
    ]);
    // A tick lands a little after each whole second: rounded up, no second is skipped or cut short.
    expect([2.997, 1.9, 0.2].map(formatCountdown)).toEqual(['3 s', '2 s', '1 s']);
    // The inspector's line as it ticks from the paste (received at `now`).
    const at = (secondsLater: number) =>
      describeExpiresInCountdown(3600, now, now + secondsLater * 1000, utc);
    expect(at(0)).toEqual({
      text: 'expires_in 3600: the access token expires at 21:36:07 UTC (in 1 h)',
      done: false,
    });
    expect(at(1)?.text).toBe('expires_in 3600: the access token expires at 21:36:07 UTC (in 59 min 59 s)');
    expect(at(3599)).toEqual({
      text: 'expires_in 3600: the access token expires at 21:36:07 UTC (in 1 s)',
      done: false,
    });
    expect(at(3599.8)?.text).toMatch(/\(in 1 s\)$/);
    // Run out: the moment it expired, no "ago" that would go stale once the ticking stops.
    for (const later of [3600, 3600.5, 7200])
      expect(at(later)).toEqual({
        text: 'expires_in 3600: the access token expired at 21:36:07 UTC',
        done: true,
      });
    expect(describeExpiresInCountdown('3600', now, now, utc)).toBeUndefined();
  });
});
