import { describe, expect, it } from 'vitest';
import { redirects } from '../../redirects';

describe('redirects.ts, the one list of old URLs', () => {
  const froms = redirects.flatMap((r) => [r.from].flat());

  it('names each old path once, so one old link never has two targets', () => {
    expect(new Set(froms).size).toBe(froms.length);
  });

  it('uses site-root paths without the base URL, so it works under any baseUrl', () => {
    for (const path of [...froms, ...redirects.map((r) => r.to)]) {
      expect(path).toMatch(/^\/([^/]|$)/);
      expect(path).not.toMatch(/^\/portal\//);
      expect(path).not.toContain('#');
    }
  });

  it('never redirects a path to itself', () => {
    for (const r of redirects) expect([r.from].flat()).not.toContain(r.to);
  });
});
