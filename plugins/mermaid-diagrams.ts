// Mermaid diagrams as pictures (issue #19): `npm run diagrams` (scripts/diagrams.ts) renders every
// ```mermaid block of docs/ to two committed SVGs, light and dark, under static/diagrams/, and records
// each source's SHA-256 in static/diagrams/diagrams.json and in the SVG itself. At build time the remark
// plugin below replaces each block by a <figure> of those two pictures (CSS on [data-theme] shows the
// one that fits the colour mode, no script), a link that opens the picture full size, and the source as
// the text version in a <details>. So readers never download mermaid, and `npm run build` needs no
// browser; a block whose picture is missing or stale fails the build with a sentence saying what to run.
// The Markdown twins read the doc sources, so they keep the Mermaid source as it is.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the pictures live, relative to the site (static/ is served at the base URL). */
export const diagramsDir = 'static/diagrams';
export const manifestFile = 'diagrams.json';

export type DiagramEntry = {
  /** The doc file, relative to the site, e.g. docs/concepts/flows.md. */
  source: string;
  /** SHA-256 (hex) of the block's text, as remark reads it (no fence, no trailing newline). */
  sha256: string;
  title: string;
  description: string;
  /** The light picture's size in CSS pixels (the dark one has the same layout). */
  width: number;
  height: number;
};
export type DiagramManifest = Record<string, DiagramEntry>;

export type MermaidBlock = { index: number; value: string };

export const sourceHash = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** The diagram's id: its doc's path under docs/ with dashes, and its number on the page (1-based). */
export function diagramId(docPath: string, index: number): string {
  const rel = docPath.replace(/\\/g, '/').replace(/^docs\//, '');
  return `${rel.replace(/\.mdx?$/, '').replace(/[^a-z0-9]+/gi, '-')}-${index}`;
}

/**
 * Every ```mermaid block of a Markdown/MDX source, in order. Fences must start at the beginning of a
 * line (the guide's diagrams all do); the text is what remark gives the code node.
 */
export function mermaidBlocks(markdown: string): MermaidBlock[] {
  const blocks: MermaidBlock[] = [];
  const pattern = /^(`{3,}|~{3,})mermaid[^\S\n]*(?:[^\n]*)\n([\s\S]*?)^\1[^\S\n]*$/gm;
  let index = 0;
  for (const m of markdown.matchAll(pattern)) {
    index += 1;
    blocks.push({ index, value: (m[2] ?? '').replace(/\n$/, '') });
  }
  return blocks;
}

/** accTitle / accDescr of a diagram (Mermaid's accessibility lines), the text alternative of its picture. */
export function diagramText(value: string): { title: string; description: string } {
  const title = /^\s*accTitle\s*:\s*(.+)$/m.exec(value)?.[1]?.trim() ?? '';
  const description = /^\s*accDescr\s*:\s*(.+)$/m.exec(value)?.[1]?.trim() ?? '';
  return { title, description };
}

export function readManifest(siteDir: string): DiagramManifest {
  const file = path.join(siteDir, diagramsDir, manifestFile);
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as DiagramManifest;
}

/** Why a block cannot be shown as its committed picture, or undefined when it can. */
export function staleReason(
  manifest: DiagramManifest,
  id: string,
  value: string,
  siteDir: string,
): string | undefined {
  const entry = manifest[id];
  const run = 'run `npm run diagrams` and commit static/diagrams/';
  if (!entry) return `diagram ${id} has no picture yet: ${run}.`;
  if (entry.sha256 !== sourceHash(value)) return `diagram ${id} changed since its picture was drawn: ${run}.`;
  for (const mode of ['light', 'dark'] as const) {
    if (!existsSync(path.join(siteDir, diagramsDir, `${id}.${mode}.svg`)))
      return `diagram ${id} lacks its ${mode} picture: ${run}.`;
  }
  const { title, description } = diagramText(value);
  if (!title || !description)
    return `diagram ${id} needs an accTitle and an accDescr line (its text alternative).`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The remark plugin

type Attr = { type: 'mdxJsxAttribute'; name: string; value: string };
type MdNode = { type: string; [key: string]: unknown };

const attr = (name: string, value: string | number): Attr => ({
  type: 'mdxJsxAttribute',
  name,
  value: String(value),
});
// Marked as explicit JSX (what MDX does for JSX typed in a page), so MDX renders plain elements
// instead of mapping img, a, details, pre and code to the theme's components.
const el = (name: string, attributes: Attr[], children: MdNode[] = []): MdNode => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes,
  children,
  data: { _mdxExplicitJsx: true },
});
const text = (value: string): MdNode => ({ type: 'text', value });

/** The <figure> that stands for one diagram (see the file comment). */
export function diagramFigure(id: string, value: string, entry: DiagramEntry, baseUrl: string): MdNode {
  const { title, description } = diagramText(value);
  const href = (mode: string) => `${baseUrl}diagrams/${id}.${mode}.svg`;
  const view = (mode: 'light' | 'dark') =>
    el(
      'a',
      [attr('className', `diagram__view diagram__view--${mode}`), attr('href', href(mode))],
      [
        el('img', [
          attr('src', href(mode)),
          attr('width', entry.width),
          attr('height', entry.height),
          attr('alt', `${title}. ${description}`),
          attr('loading', 'lazy'),
          attr('decoding', 'async'),
        ]),
        el('span', [attr('className', 'diagram__open')], [text('Open full size')]),
      ],
    );
  return el(
    'figure',
    [attr('className', 'diagram'), attr('id', `diagram-${id}`)],
    [
      view('light'),
      view('dark'),
      el('figcaption', [attr('className', 'diagram__caption')], [text(title)]),
      el(
        'details',
        [attr('className', 'diagram__source'), attr('data-search-exclude', 'true')],
        [
          el('summary', [], [text('Text version (the diagram’s Mermaid source)')]),
          el('pre', [], [el('code', [], [text(value)])]),
        ],
      ),
    ],
  );
}

/** Replaces every ```mermaid block of a doc by its pre-rendered figure; throws when one is stale. */
export function remarkMermaidPictures(options: { siteDir: string; baseUrl: string }) {
  return () => {
    return async (root: MdNode, file: { path?: string }) => {
      const { visit } = await import('unist-util-visit');
      const manifest = readManifest(options.siteDir);
      const docPath = path.relative(options.siteDir, file.path ?? '').replace(/\\/g, '/');
      let index = 0;
      const problems: string[] = [];
      visit(root as never, 'code', (node: MdNode, at: number | undefined, parent: MdNode | undefined) => {
        if (node['lang'] !== 'mermaid' || parent === undefined || at === undefined) return;
        index += 1;
        const id = diagramId(docPath, index);
        const value = String(node['value'] ?? '');
        const reason = staleReason(manifest, id, value, options.siteDir);
        if (reason) {
          problems.push(`${docPath}: ${reason}`);
          return;
        }
        (parent['children'] as MdNode[])[at] = diagramFigure(id, value, manifest[id]!, options.baseUrl);
      });
      if (problems.length > 0) throw new Error(problems.join('\n'));
    };
  };
}
