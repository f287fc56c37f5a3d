// The refresh-error simulator's share link: what support staff paste to a customer must reopen the same
// case, and a hand-edited or hostile link must be ignored field by field, never trusted or thrown on.
import { describe, expect, it } from 'vitest';
import {
  defaultTimeline,
  parseSharedScenario,
  shareScenarioUrl,
} from '../../src/oidc/refresh-simulator-scenario';

describe('refresh simulator share link', () => {
  it('round-trips client type, cause and timeline, and drops whatever else the page URL had', () => {
    const timeline = { policy: 'PublicWeb' as const, everyMinutes: 5, idleAtMinute: 20, idleForMinutes: 15 };
    const link = shareScenarioUrl('https://portal.test/tools/refresh-simulator?code=abc&state=x#tokens', {
      env: 'local',
      clientType: 'PublicWithRefresh',
      cause: 'expired',
      timeline,
    });
    const url = new URL(link);
    expect(url.hash).toBe('');
    expect(url.searchParams.has('code')).toBe(false);
    expect(url.searchParams.has('state')).toBe(false);
    expect(url.searchParams.get('env')).toBe('local');
    expect(parseSharedScenario(url.search)).toEqual({
      clientType: 'PublicWithRefresh',
      cause: 'expired',
      timeline,
    });
  });

  it('ignores unknown client types, causes and policies', () => {
    expect(parseSharedScenario('?client=Admin&cause=<script>&policy=__proto__')).toEqual({});
    expect(parseSharedScenario('?policy=constructor')).toEqual({});
  });

  it('falls back to the policy defaults for negative, huge or non-numeric minutes', () => {
    const d = defaultTimeline('Confidential');
    expect(parseSharedScenario('?policy=Confidential&every=-5&idleAt=1e99&idleFor=abc').timeline).toEqual(d);
  });

  it('reads the link the 10-minute FAQ answer points at', () => {
    const faq = '?client=PublicWithRefresh&cause=expired&policy=PublicWeb&every=5&idleAt=20&idleFor=12';
    expect(parseSharedScenario(faq)).toMatchObject({ clientType: 'PublicWithRefresh', cause: 'expired' });
  });
});
