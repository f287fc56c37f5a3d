// Every page the catalogue points readers to (error explanations, findings, widgets) must exist,
// with the section its #anchor names — otherwise a widget's "Read more" link would 404 or land at the top.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guide } from '../../src/oidc/catalogue';

function docFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? docFiles(path.join(dir, e.name))
      : /\.mdx?$/.test(e.name)
        ? [path.join(dir, e.name)]
        : [],
  );
}

/** route → file text, from each doc's `slug` front matter (or its path). */
function routes(): Map<string, string> {
  const map = new Map<string, string>();
  for (const file of docFiles('docs')) {
    const text = readFileSync(file, 'utf8');
    const slug = /^slug:\s*(\S+)\s*$/m.exec(text)?.[1];
    const route =
      slug ??
      `/${path
        .relative('docs', file)
        .replace(/\.mdx?$/, '')
        .replace(/\/index$/, '')}`;
    map.set(route, text);
  }
  return map;
}

/** Heading ids of a page: explicit `{#id}`s and GitHub-style slugs of the headings. */
function anchors(text: string): Set<string> {
  const ids = new Set<string>();
  for (const m of text.matchAll(/^#{1,6}\s+(.*)$/gm)) {
    const heading = m[1]!;
    // `{#id}` in .md; `{/* #id */}` in .mdx (the MDX 1 form is off under future.v4).
    const explicit = /\{#([\w-]+)\}\s*$/.exec(heading) ?? /\{\/\*\s*#([\w-]+)\s*\*\/\}\s*$/.exec(heading);
    if (explicit) ids.add(explicit[1]!);
    else
      ids.add(
        heading
          .toLowerCase()
          .replace(/[^\p{L}\p{N}\s_-]/gu, '')
          .trim()
          .replace(/\s/g, '-'),
      );
  }
  for (const m of text.matchAll(/id="([\w-]+)"/g)) ids.add(m[1]!);
  return ids;
}

describe('links from the catalogue into the guide', () => {
  const pages = routes();
  it.each(Object.entries(guide))('%s → %s exists', (_topic, target) => {
    const [route, anchor] = target.split('#') as [string, string | undefined];
    const page = pages.get(route);
    expect(page, `no page with slug ${route}`).toBeDefined();
    if (anchor) expect([...anchors(page!)]).toContain(anchor);
  });
});
