import { describe, expect, it } from 'vitest';
import {
  maxTimelineMinutes,
  readTimelineMinutes,
  refreshSucceeds,
  refreshTimeline,
  type TimelineField,
} from '../../src/oidc';

describe('refresh timeline', () => {
  it('treats expiry as exclusive: a refresh exactly at expiry fails', () => {
    expect(refreshSucceeds(9.99, 10)).toBe(true);
    expect(refreshSucceeds(10, 10)).toBe(false);
  });

  it('PublicWeb (10 min, sliding) survives refreshing every 5 minutes', () => {
    const t = refreshTimeline({ policy: 'PublicWeb', refreshEveryMinutes: 5, horizonMinutes: 60 });
    expect(t.invalidGrantAtMinute).toBeUndefined();
    expect(t.events.filter((e) => e.kind === 'refresh')).toHaveLength(12);
    expect(t.events.at(-1)?.validUntilMinute).toBe(70);
  });

  it('PublicWeb fails after an idle gap longer than 10 minutes', () => {
    const t = refreshTimeline({
      policy: 'PublicWeb',
      refreshEveryMinutes: 5,
      idle: { startMinute: 12, durationMinutes: 15 },
    });
    // last refresh at 10 → valid until 20; back at 27 → invalid_grant
    expect(t.invalidGrantAtMinute).toBe(27);
    expect(t.events.map((e) => e.kind)).toEqual([
      'login',
      'refresh',
      'refresh',
      'idle_start',
      'idle_end',
      'invalid_grant',
    ]);
  });

  it('PublicWeb fails when the user returns exactly at expiry', () => {
    const t = refreshTimeline({
      policy: 'PublicWeb',
      refreshEveryMinutes: 5,
      idle: { startMinute: 11, durationMinutes: 9 },
    });
    expect(t.invalidGrantAtMinute).toBe(20);
    expect(t.events.at(-1)?.note).toMatch(/exactly/);
  });

  it('Confidential (14 days, fixed) fails at day 14 however often it refreshes', () => {
    const t = refreshTimeline({
      policy: 'Confidential',
      refreshEveryMinutes: 60,
      horizonMinutes: 15 * 24 * 60,
    });
    expect(t.invalidGrantAtMinute).toBe(14 * 24 * 60);
    expect(t.events.find((e) => e.kind === 'refresh')?.validUntilMinute).toBe(14 * 24 * 60);
    expect(t.omittedRefreshes).toBeGreaterThan(0);
  });

  it('Mobile (90 days, sliding) survives a month of idleness', () => {
    const t = refreshTimeline({
      policy: 'Mobile',
      refreshEveryMinutes: 60,
      idle: { startMinute: 120, durationMinutes: 30 * 24 * 60 },
    });
    expect(t.invalidGrantAtMinute).toBeUndefined();
  });

  it('NoRefresh (Public) has no refresh token to use', () => {
    const t = refreshTimeline({ policy: 'NoRefresh', refreshEveryMinutes: 5 });
    expect(t.events.map((e) => e.kind)).toEqual(['login', 'no_refresh_token']);
  });

  it('does not throw on nonsense input', () => {
    expect(() =>
      refreshTimeline({
        policy: 'Web',
        refreshEveryMinutes: Number.NaN,
        idle: { startMinute: -5, durationMinutes: Infinity },
      }),
    ).not.toThrow();
  });
});

describe('what the reader types into the refresh timeline', () => {
  it('refuses "refresh every 0 minutes" with a sentence', () => {
    const r = readTimelineMinutes('everyMinutes', '0');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(
      /^A client cannot refresh every 0 minutes: .* Enter 1 minute or more\.$/,
    );
  });

  it('refuses negative, empty, huge and non-numbers, each with its own sentence', () => {
    const message = (field: TimelineField, text: string) => {
      const r = readTimelineMinutes(field, text);
      return r.ok ? `accepted ${r.minutes}` : r.message;
    };
    expect(message('everyMinutes', '-5')).toMatch(/cannot be negative/);
    expect(message('idleForMinutes', '')).toBe('Enter how long the user stays away, in minutes.');
    expect(message('idleAtMinute', '99999999')).toMatch(/more than a year/);
    expect(message('everyMinutes', 'abc')).toMatch(/^“abc” is not a number of minutes/);
    expect(message('everyMinutes', '1e3')).toMatch(/is not a number/);
    expect(message('everyMinutes', '0x10')).toMatch(/is not a number/);
    expect(message('everyMinutes', '<img src=x>')).toMatch(/^“<img src=x>” is not a number/);
  });

  it('accepts whole and decimal minutes, and 0 for the idle fields', () => {
    expect(readTimelineMinutes('everyMinutes', ' 5 ')).toEqual({ ok: true, minutes: 5 });
    expect(readTimelineMinutes('everyMinutes', '2,5')).toEqual({ ok: true, minutes: 2.5 });
    expect(readTimelineMinutes('idleAtMinute', '0')).toEqual({ ok: true, minutes: 0 });
    expect(readTimelineMinutes('idleForMinutes', String(maxTimelineMinutes))).toEqual({
      ok: true,
      minutes: maxTimelineMinutes,
    });
  });
});
