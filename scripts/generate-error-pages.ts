/**
 * Writes the error reference pages (docs/errors/**) from the catalogue: `npm run errors:pages`.
 * Removes pages of codes the catalogue no longer has. tests/unit/error-pages.test.ts fails when the
 * files and the catalogue disagree.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorPageFiles } from '../src/error-pages/render';
import { docTitles } from '../src/error-pages/titles';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');
const files = errorPageFiles(docTitles(docs));
for (const sub of ['oauth', 'portal']) {
  const dir = join(docs, 'errors', sub);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir))
    if (!Object.hasOwn(files, `errors/${sub}/${name}`)) rmSync(join(dir, name));
}
for (const [path, content] of Object.entries(files)) writeFileSync(join(docs, path), content);
console.log(`Wrote ${Object.keys(files).length} files under docs/errors.`);
