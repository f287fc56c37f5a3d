/**
 * Node only: the title of each doc page by its URL path, read from the front matter of docs/**, so the
 * error pages name the FAQ answer and guide page they link to by their titles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TitleOf } from './render';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function frontMatter(source: string, key: string): string | undefined {
  const block = /^---\n([\s\S]*?)\n---/.exec(source)?.[1];
  const line = block?.split('\n').find((l) => l.startsWith(`${key}:`));
  if (line === undefined) return undefined;
  const value = line.slice(key.length + 1).trim();
  return /^'.*'$/.test(value)
    ? value.slice(1, -1).replace(/''/g, "'")
    : /^".*"$/.test(value)
      ? value.slice(1, -1)
      : value;
}

/** path (`/faq/invalid-grant`, with or without `#anchor`) → the page's title. Throws for an unknown path. */
export function docTitles(docsDir: string): TitleOf {
  const byPath = new Map<string, string>();
  for (const file of walk(docsDir)) {
    const source = readFileSync(file, 'utf8');
    const title = frontMatter(source, 'title');
    if (title === undefined) continue;
    const slug = frontMatter(source, 'slug');
    const path =
      slug ??
      '/' +
        relative(docsDir, file)
          .replace(/\\/g, '/')
          .replace(/\.mdx?$/, '')
          .replace(/\/index$/, '');
    byPath.set(path, title);
  }
  return (path) => {
    const title = byPath.get(path.split('#')[0]!);
    if (title === undefined) throw new Error(`No doc page at ${path} (docs/ has no page with that path)`);
    return title;
  };
}
