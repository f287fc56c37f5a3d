import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewJson, safeHref } from '../../src/oidc/links';

describe('which untrusted URLs become clickable', () => {
  it.each([
    ['https://id-test.telenor.no/connect/authorize', true],
    ['http://localhost:4400/connect/authorize', true],
    ['http://127.0.0.1:4400/x', true],
    ['http://[::1]:4400/x', true],
    ['http://example.com/connect/authorize', false],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['/connect/authorize', false],
    ['https://user:pass@example.com/', false],
    ['vbscript:msgbox', false],
  ])('%s → link: %s', (url, clickable) => {
    expect(safeHref(url) !== undefined).toBe(clickable);
  });

  it('non-strings are never links', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => typeof v === 'string' || safeHref(v) === undefined),
      { numRuns: 1000 },
    );
  });
});

describe('previewing untrusted JSON', () => {
  it('shows small values as JSON', () => {
    expect(previewJson({ a: [1, 'x'] })).toBe('{"a": [1, "x"]}');
  });

  it('cuts long values and says so', () => {
    const text = previewJson('x'.repeat(10_000), { maxChars: 100 });
    expect(text.length).toBeLessThan(200);
    expect(text).toMatch(/cut at 100 characters/);
  });

  it('survives 100 000 levels of nesting without throwing', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(previewJson(deep)).toContain('[…]');
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => typeof previewJson(v) === 'string'),
      { numRuns: 1000 },
    );
  });
});
