/**
 * A code block whose meta says `file=<path>` shows that file, read at build time (the path is
 * relative to the page's source): for examples that are real files run by the tests, so the page
 * cannot show code that no longer works. The remark plugin fills the page; `expandCodeFromFile` does
 * the same to a page's source text for its Markdown twin. The file must be inside the site.
 *
 *   ```ts title="tests/unit/examples/local-tenant-login.test.ts" file=../../tests/unit/examples/local-tenant-login.test.ts
 *   ```
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const fileMeta = /(?:^|\s)file=(\S+)/;

/** The file a code block's meta names, if any. */
export function codeFileOf(meta: string | null | undefined): string | undefined {
  return meta ? fileMeta.exec(meta)?.[1] : undefined;
}

/** The meta without its `file=` part (the title and the rest stay). */
export function metaWithoutFile(meta: string): string {
  return meta.replace(fileMeta, '').trim();
}

/** Read `ref` relative to the page `docFile`; refuses a path that leaves `siteDir`. */
export function readCodeFile(docFile: string, ref: string, siteDir: string = process.cwd()): string {
  const target = path.resolve(path.dirname(docFile), ref);
  const root = path.resolve(siteDir) + path.sep;
  if (!target.startsWith(root)) throw new Error(`file=${ref} in ${docFile} points outside the site`);
  return readFileSync(target, 'utf8').replace(/\s+$/, '');
}

type CodeNode = { type: string; meta?: string | null; value?: string; children?: CodeNode[] };

/** Remark plugin: fill every `file=` code block from its file. */
export default function remarkCodeFromFile() {
  return (tree: CodeNode, file: { path?: string; history?: string[] }) => {
    const docFile = file.path ?? file.history?.[0];
    const visit = (node: CodeNode) => {
      if (node.type === 'code') {
        const ref = codeFileOf(node.meta);
        if (ref && docFile) {
          node.value = readCodeFile(docFile, ref);
          node.meta = metaWithoutFile(node.meta!) || null;
        }
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}

/** The same for a page's source text: fill each fenced `file=` block (for the Markdown twin). */
export function expandCodeFromFile(source: string, docFile: string, siteDir?: string): string {
  return source.replace(/^(```+)([^\n]*)\n([\s\S]*?)^\1[ \t]*$/gm, (whole, fence: string, info: string) => {
    const ref = codeFileOf(info);
    if (!ref) return whole;
    return `${fence}${metaWithoutFile(info)}\n${readCodeFile(docFile, ref, siteDir)}\n${fence}`;
  });
}
