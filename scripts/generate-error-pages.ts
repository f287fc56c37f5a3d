/**
 * Writes the error reference page (docs/help/errors.mdx, at /errors) from the catalogue: `npm run errors:pages`.
 * tests/unit/error-pages.test.ts fails when the file and the catalogue disagree.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorPageFiles } from '../src/error-pages/render';
import { docTitles } from '../src/error-pages/titles';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');
const files = errorPageFiles(docTitles(docs));
for (const [path, content] of Object.entries(files)) {
  mkdirSync(dirname(join(docs, path)), { recursive: true });
  writeFileSync(join(docs, path), content);
}
console.log(`Wrote ${Object.keys(files).join(', ')} under docs/.`);
