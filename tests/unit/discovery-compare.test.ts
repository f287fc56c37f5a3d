import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDiscovery, compareSides, scopeCoverage } from '../../src/oidc/discovery-compare';

describe('comparing two discovery documents', () => {
  const staging = {
    issuer: 'https://id-test.telenor.no',
    authorization_endpoint: 'https://id-test.telenor.no/connect/authorize',
    scopes_supported: ['openid', 'profile', 'ial2', 'tnn.ids'],
    custom_logout_endpoint: 'https://id-test.telenor.no/connect/customlogout',
  };
  const local = {
    issuer: 'http://localhost:4400',
    authorization_endpoint: 'http://localhost:4400/connect/authorize',
    scopes_supported: ['profile', 'openid', 'ial2'],
    revocation_endpoint: 'http://localhost:4400/connect/revocation',
  };
  const rows = compareDiscovery(staging, local);
  const row = (f: string) => rows.find((r) => r.field === f)!;

  it('lists the issuer first, and flags different issuers', () => {
    expect(rows[0]!.field).toBe('issuer');
    expect(rows[0]!.status).toBe('differs');
  });

  it('treats endpoints on different hosts but the same path as the same', () => {
    expect(row('authorization_endpoint').status).toBe('same');
  });

  it('names the scopes only one side lists', () => {
    expect(row('scopes_supported').status).toBe('differs');
    expect(row('scopes_supported').onlyLeft).toEqual(['tnn.ids']);
    expect(row('scopes_supported').onlyRight).toEqual([]);
  });

  it('marks fields that only one environment publishes', () => {
    expect(row('custom_logout_endpoint').status).toBe('left-only');
    expect(row('revocation_endpoint').status).toBe('right-only');
  });

  it('never throws on hostile input (arrays, nesting, prototype keys)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        expect(Array.isArray(compareDiscovery(a, b))).toBe(true);
      }),
      { numRuns: 1000 },
    );
    const nest = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;
    // Two distinct 10 000-deep values: compared to a bounded depth, then called different, not a stack overflow.
    expect(compareDiscovery({ x: nest(10_000) }, { x: nest(10_000) })[0]!.status).toBe('differs');
    expect(compareDiscovery(JSON.parse('{"__proto__": {"a": 1}}'), {})[0]!.field).toBe('__proto__');
  });
});

describe('scopes_supported against the TelenorID+ catalogue', () => {
  const catalogue = ['openid', 'profile', 'ial2', 'tnn.ids'];

  it('names the TelenorID+ scopes present and missing, and the others', () => {
    const c = scopeCoverage({ scopes_supported: ['openid', 'profile', 'address', 'api:x'] }, catalogue);
    expect(c).toEqual({
      published: true,
      present: ['openid', 'profile'],
      missing: ['ial2', 'tnn.ids'],
      other: ['address'],
      apiListed: ['api:x'],
    });
  });

  it('treats a missing or malformed scopes_supported as not published', () => {
    expect(scopeCoverage({}, catalogue).published).toBe(false);
    expect(scopeCoverage({ scopes_supported: 'openid profile' }, catalogue).published).toBe(false);
    expect(scopeCoverage({ scopes_supported: [1, 2] }, catalogue).missing).toEqual(catalogue);
  });
});

describe('comparing with a side that failed', () => {
  const doc = { issuer: 'https://id-test.telenor.no', scopes_supported: ['openid'] };

  it('says the failed side failed instead of counting every field as different', () => {
    const outcome = compareSides(
      { label: 'TelenorID+ staging', ok: false },
      { label: 'Local test tenant', ok: true, document: doc },
    );
    expect(outcome.kind).toBe('side-failed');
    expect(outcome.sentence).toMatch(/^The left side \(TelenorID\+ staging\) could not be read/);
    expect(outcome.sentence).not.toMatch(/differ/);
  });

  it('names both sides when neither could be read', () => {
    const outcome = compareSides({ label: 'A', ok: false }, { label: 'B', ok: false });
    expect(outcome).toMatchObject({ kind: 'side-failed', failed: ['left', 'right'] });
    expect(outcome.sentence).toMatch(/Neither side/);
  });

  it('counts the differing fields when both were read', () => {
    const outcome = compareSides(
      { label: 'A', ok: true, document: doc },
      { label: 'B', ok: true, document: { ...doc, scopes_supported: ['openid', 'profile'] } },
    );
    expect(outcome).toMatchObject({ kind: 'compared', differing: 1 });
    expect(outcome.sentence).toBe('1 of 2 fields differ (endpoints are compared by path).');
  });
});
