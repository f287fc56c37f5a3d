// The committed diagram pictures (static/diagrams/, drawn by `npm run diagrams`) match the Mermaid
// blocks of docs/: a diagram edited without redrawing, a picture without its block, or a block
// without a text alternative fails here, before a build would.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  diagramFigure,
  diagramId,
  diagramsDir,
  diagramText,
  manifestFile,
  mermaidBlocks,
  readManifest,
  remarkMermaidPictures,
  sourceHash,
  staleReason,
} from '../../plugins/mermaid-diagrams';

const siteDir = path.resolve(__dirname, '../..');
const manifest = readManifest(siteDir);

const docs = readdirSync(path.join(siteDir, 'docs'), { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
  .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).replace(/\\/g, '/'));

const blocks = docs.flatMap((file) =>
  mermaidBlocks(readFileSync(path.join(siteDir, file), 'utf8')).map((b) => ({
    file,
    id: diagramId(file, b.index),
    value: b.value,
  })),
);

describe('diagram pictures', () => {
  it('the guide has diagrams (the extraction finds them)', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
  });

  it.each(blocks)('$id: its pictures were drawn from this very source', ({ id, value, file }) => {
    expect(staleReason(manifest, id, value, siteDir)).toBeUndefined();
    expect(manifest[id]!.source).toBe(file);
    for (const mode of ['light', 'dark']) {
      const svg = readFileSync(path.join(siteDir, diagramsDir, `${id}.${mode}.svg`), 'utf8');
      expect(svg).toContain(`data-source-sha256="${sourceHash(value)}"`);
      // The picture names itself for anyone who opens it on its own.
      expect(svg).toContain(`>${diagramText(value).title.replace(/&/g, '&amp;')}</title>`);
    }
  });

  it('has no picture without a diagram', () => {
    const ids = new Set(blocks.map((b) => b.id));
    expect(Object.keys(manifest).filter((id) => !ids.has(id))).toEqual([]);
    const files = readdirSync(path.join(siteDir, diagramsDir)).filter((f) => f !== manifestFile);
    expect(files.filter((f) => !ids.has(f.replace(/\.(light|dark)\.svg$/, '')))).toEqual([]);
  });

  it('an edited diagram is refused with what to run', () => {
    const { id, value } = blocks[0]!;
    expect(staleReason(manifest, id, value + '\n    A->>B: new step', siteDir)).toMatch(
      /changed since its picture was drawn: run `npm run diagrams`/,
    );
    expect(staleReason(manifest, 'docs-new-1', value, siteDir)).toMatch(/has no picture yet/);
  });

  it('reads blocks the way remark does: text between the fences, no trailing newline', () => {
    const md =
      'Intro\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\n```js\nx\n```\n\n````mermaid\nsequenceDiagram\n````\n';
    expect(mermaidBlocks(md)).toEqual([
      { index: 1, value: 'flowchart LR\n  A --> B' },
      { index: 2, value: 'sequenceDiagram' },
    ]);
  });
});

describe('the remark plugin', () => {
  const { id, value, file } = blocks[0]!;
  const run = async (code: string) => {
    const root = {
      type: 'root',
      children: [{ type: 'code', lang: 'mermaid', value: code }],
    };
    await remarkMermaidPictures({ siteDir, baseUrl: '/portal/' })()(root, { path: path.join(siteDir, file) });
    return root.children[0] as unknown as Record<string, unknown>;
  };

  it('puts the figure in place of the block: both pictures, a full-size link, the source as text', async () => {
    const figure = await run(value);
    expect(figure).toEqual(diagramFigure(id, value, manifest[id]!, '/portal/'));
    const json = JSON.stringify(figure);
    expect(json).toContain(`"/portal/diagrams/${id}.light.svg"`);
    expect(json).toContain(`"/portal/diagrams/${id}.dark.svg"`);
    expect(json).toContain('Open full size');
    expect(json).toContain(JSON.stringify(diagramText(value).description).slice(1, -1));
    expect(json).toContain('"details"');
  });

  it('fails the build on a stale diagram, naming the page', async () => {
    await expect(run(value + '\n    A->>B: x')).rejects.toThrow(new RegExp(`${file}: diagram ${id} changed`));
  });

  it('the pictures are committed with the repository', () => {
    expect(existsSync(path.join(siteDir, diagramsDir, manifestFile))).toBe(true);
  });
});
