// Code blocks that show a real file (plugins/code-from-file.ts): the how-to page's example is the
// file the unit tests run, on the page and in its Markdown twin alike.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFileOf, expandCodeFromFile, readCodeFile } from '../../plugins/code-from-file';

const siteDir = path.resolve(__dirname, '../..');
const page = path.join(siteDir, 'docs/how-to/test-against-local-tenant.mdx');

describe('code blocks from files', () => {
  it('reads the file= part of a code block’s meta', () => {
    expect(codeFileOf('title="x.ts" file=../a/b.ts')).toBe('../a/b.ts');
    expect(codeFileOf('title="x.ts"')).toBeUndefined();
  });

  it('fills the how-to page’s example with the test file the unit suite runs', () => {
    const expanded = expandCodeFromFile(readFileSync(page, 'utf8'), page, siteDir);
    const example = readFileSync(
      path.join(siteDir, 'tests/unit/examples/local-tenant-login.test.ts'),
      'utf8',
    );
    expect(expanded).toContain(example.trimEnd());
    expect(expanded).toContain('```ts title="tests/unit/examples/local-tenant-login.test.ts"\n');
    expect(expanded).not.toContain('file=');
  });

  it('refuses a path outside the site, and a file that is not there', () => {
    expect(() => readCodeFile(page, '../../../../etc/passwd', siteDir)).toThrow(/outside the site/);
    expect(() => readCodeFile(page, './nope.ts', siteDir)).toThrow();
  });
});
