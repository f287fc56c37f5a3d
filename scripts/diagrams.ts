// `npm run diagrams`: draws every ```mermaid block of docs/ as two SVG pictures (light and dark) with the
// mermaid package in Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH), into static/diagrams/, and
// writes static/diagrams/diagrams.json (each block's SHA-256, title, description, size). Run it after
// changing a diagram and commit the result: `npm run build` never draws (a fresh machine needs no
// browser), it only places the pictures and fails on a stale one (plugins/mermaid-diagrams.ts), and
// tests/unit/diagrams.test.ts fails when a source and its picture disagree.
//
//   npm run diagrams            draw what changed (pictures whose source hash still matches are kept)
//   npm run diagrams -- --all   draw everything again
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import {
  diagramId,
  diagramsDir,
  diagramText,
  manifestFile,
  mermaidBlocks,
  readManifest,
  sourceHash,
  type DiagramManifest,
} from '../plugins/mermaid-diagrams';

const siteDir = path.resolve(__dirname, '..');

/** The page backgrounds of the two colour modes (Infima), so a picture opened on its own stays readable. */
const modes = {
  light: { theme: 'neutral', background: '#ffffff' },
  dark: { theme: 'dark', background: '#1b1b1d' },
} as const;

/** Arial metrics everywhere (Liberation Sans on Linux, Helvetica on Apple): boxes fit their text. */
const fontFamily = 'arial, "Liberation Sans", helvetica, sans-serif';

function docFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).replace(/\\/g, '/'))
    .sort();
}

/** Fixed size from the viewBox, the source's hash on the root, a background for viewing on its own. */
export function finishSvg(
  svg: string,
  sha256: string,
  background: string,
): { svg: string; width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  const viewBox = root && /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(root);
  if (!root || !viewBox) throw new Error('mermaid returned an SVG without a viewBox');
  const width = Math.ceil(Number(viewBox[3]));
  const height = Math.ceil(Number(viewBox[4]));
  const next = root
    .replace(/\swidth="[^"]*"/, '')
    .replace(/\sheight="[^"]*"/, '')
    .replace(/\sstyle="[^"]*"/, '')
    .replace(
      /^<svg\b/,
      `<svg width="${width}" height="${height}" style="background-color: ${background}" data-source-sha256="${sha256}"`,
    );
  return { svg: svg.replace(root, next), width, height };
}

async function main() {
  const { values } = parseArgs({ options: { all: { type: 'boolean', default: false } } });
  const outDir = path.join(siteDir, diagramsDir);
  mkdirSync(outDir, { recursive: true });
  const old = readManifest(siteDir);
  const manifest: DiagramManifest = {};
  const todo: { id: string; source: string; value: string }[] = [];
  for (const file of docFiles(path.join(siteDir, 'docs'))) {
    for (const block of mermaidBlocks(readFileSync(path.join(siteDir, file), 'utf8'))) {
      const id = diagramId(file, block.index);
      const { title, description } = diagramText(block.value);
      if (!title || !description)
        throw new Error(`${file}: diagram ${block.index} needs accTitle and accDescr lines.`);
      const sha256 = sourceHash(block.value);
      const kept = old[id];
      const fresh =
        !values.all &&
        kept?.sha256 === sha256 &&
        existsSync(path.join(outDir, `${id}.light.svg`)) &&
        existsSync(path.join(outDir, `${id}.dark.svg`));
      if (fresh) manifest[id] = { ...kept, source: file, title, description };
      else todo.push({ id, source: file, value: block.value });
    }
  }

  if (todo.length > 0) {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    try {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
      for (const { id, source, value } of todo) {
        const sha256 = sourceHash(value);
        let size = { width: 0, height: 0 };
        for (const [mode, { theme, background }] of Object.entries(modes)) {
          const raw = await page.evaluate(
            async ({ id, value, theme, fontFamily }) => {
              const mermaid = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;
              mermaid.initialize({
                startOnLoad: false,
                securityLevel: 'strict',
                theme,
                fontFamily,
                htmlLabels: false,
                flowchart: { htmlLabels: false },
              });
              return (await mermaid.render(`diagram-${id}`, value)).svg;
            },
            { id, value, theme, fontFamily },
          );
          const done = finishSvg(raw, sha256, background);
          if (mode === 'light') size = { width: done.width, height: done.height };
          writeFileSync(path.join(outDir, `${id}.${mode}.svg`), done.svg + '\n');
        }
        const { title, description } = diagramText(value);
        manifest[id] = { source, sha256, title, description, ...size };
        console.log(`drew ${id} (${size.width}×${size.height})`);
      }
    } finally {
      await browser.close();
    }
  }

  // Pictures of diagrams that no longer exist go.
  for (const name of readdirSync(outDir)) {
    const id = name.replace(/\.(light|dark)\.svg$/, '');
    if (name !== manifestFile && !(id in manifest)) {
      rmSync(path.join(outDir, name));
      console.log(`removed ${name}`);
    }
  }
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(path.join(outDir, manifestFile), JSON.stringify(sorted, null, 2) + '\n');
  console.log(`${Object.keys(sorted).length} diagrams, ${todo.length} drawn`);
}

type MermaidApi = {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string): Promise<{ svg: string }>;
};

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) void main();
