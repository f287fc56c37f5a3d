import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { redirects, typoHeadingIds } from '../../redirects';

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

describe('old heading ids with typos (facts §33)', () => {
  const routeOf = (page: string) => '/' + page.replace(/^docs\//, '').replace(/(\/index)?\.mdx?$/, '');

  it('maps all four typo’d ids of the old guide', () => {
    expect(typoHeadingIds.map((t) => t.oldId).sort()).toEqual(
      ['prerequists', 'recommandations', 'releated-articles', 'telenorid-assuarance-levels'].sort(),
    );
  });

  for (const t of typoHeadingIds) {
    it(`#${t.oldId} on the old ${t.oldPage} lands on #${t.newId} of ${routeOf(t.page)}`, () => {
      const redirect = redirects.find((r) => [r.from].flat().includes(`/${t.oldPage}.html`));
      expect(redirect?.to, `${t.oldPage}.html redirects to the page that has the anchor`).toBe(
        routeOf(t.page),
      );
      const source = readFileSync(t.page, 'utf8');
      // The empty anchor sits right before the heading, so the browser scrolls to that section.
      expect(source).toMatch(
        new RegExp(`<a id="${t.oldId}"></a>\\n\\n#+ [^\\n]*\\{/\\* #${t.newId} \\*/\\}`),
      );
    });
  }
});
