/**
 * Code blocks highlighted at build time (issue #19): the shape of what the build writes and the page
 * reads. `plugins/code-highlight.ts` tokenises every fenced block of the docs with Prism in Node and
 * attaches the result to the block as one `data-hl` attribute (a JSON string); `../CodeBlock`
 * renders it without Prism, so no page of the docs loads, starts or runs a highlighter.
 *
 * The text itself is not repeated: each line is a list of [style, length] runs over the block's own
 * code, and a style is an index into the block's palette (-1: plain text, no span). A palette entry
 * carries the token's Prism classes and its colour, font style and opacity in the light and the dark
 * theme, resolved by the same rules as prism-react-renderer's `<Highlight>`; the page picks one with
 * CSS (`[data-theme]`), so nothing differs between the server's HTML and the first render in a
 * browser set to dark mode, and no re-render is needed after hydration.
 *
 * Framework-free: imported by the build (Node) and by the page.
 */

/** One token style: colour, font style and opacity, each absent when the theme leaves it to the block. */
export type TokenLook = { color?: string; fontStyle?: string; opacity?: number };

/** A palette entry: Prism's class names ("token keyword"), the light look, the dark look. */
export type PaletteEntry = [classes: string, light: TokenLook, dark: TokenLook];

/** A run of characters in one style: palette index (-1 = plain text) and its length. */
export type Run = [style: number, length: number];

export type HighlightData = {
  /** Format version: a page built by an older build is read only when it matches. */
  v: 1;
  /** The block's plain text and background colours: [light text, light background, dark text, dark background]. */
  c: [string, string, string, string];
  p: PaletteEntry[];
  /** One list of runs per line of the code. */
  l: Run[][];
};

/** A line ready to render: pieces of text, each with its palette index (-1 = plain). */
export type StaticLine = { text: string; style: number }[];

const isLook = (x: unknown): x is TokenLook =>
  typeof x === 'object' &&
  x !== null &&
  Object.entries(x).every(([k, v]) =>
    k === 'opacity' ? typeof v === 'number' : (k === 'color' || k === 'fontStyle') && typeof v === 'string',
  );

/**
 * The block's lines, cut from `code` by the build's runs, or undefined when `json` is not such data or
 * does not describe exactly this code (a stale build, an edited block, a transform that changed the
 * text after the build tokenised it): the block is then highlighted in the browser instead.
 */
export function readHighlight(
  json: unknown,
  code: string,
): { data: HighlightData; lines: StaticLine[] } | undefined {
  if (typeof json !== 'string') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Partial<HighlightData>;
  if (d.v !== 1 || !Array.isArray(d.c) || d.c.length !== 4 || !d.c.every((c) => typeof c === 'string'))
    return undefined;
  if (!Array.isArray(d.p) || !Array.isArray(d.l)) return undefined;
  const palette = d.p;
  if (
    !palette.every(
      (e) => Array.isArray(e) && e.length === 3 && typeof e[0] === 'string' && isLook(e[1]) && isLook(e[2]),
    )
  )
    return undefined;
  const sourceLines = code.split('\n');
  if (sourceLines.length !== d.l.length) return undefined;
  const lines: StaticLine[] = [];
  for (let i = 0; i < sourceLines.length; i += 1) {
    const source = sourceLines[i]!;
    const runs = d.l[i];
    if (!Array.isArray(runs)) return undefined;
    const line: StaticLine = [];
    let at = 0;
    for (const run of runs) {
      if (!Array.isArray(run) || run.length !== 2) return undefined;
      const [style, length] = run as [unknown, unknown];
      if (typeof style !== 'number' || typeof length !== 'number') return undefined;
      if (!Number.isInteger(style) || style < -1 || style >= palette.length) return undefined;
      if (!Number.isInteger(length) || length <= 0 || at + length > source.length) return undefined;
      line.push({ text: source.slice(at, at + length), style });
      at += length;
    }
    if (at !== source.length) return undefined;
    lines.push(line);
  }
  return { data: d as HighlightData, lines };
}

/** The CSS custom properties of a palette entry (read by the code block's stylesheet). */
export function lookVariables([, light, dark]: PaletteEntry): Record<string, string> {
  const vars: Record<string, string> = {};
  if (light.color) vars['--hl-l'] = light.color;
  if (light.fontStyle) vars['--hl-ls'] = light.fontStyle;
  if (light.opacity !== undefined) vars['--hl-lo'] = String(light.opacity);
  if (dark.color) vars['--hl-d'] = dark.color;
  if (dark.fontStyle) vars['--hl-ds'] = dark.fontStyle;
  if (dark.opacity !== undefined) vars['--hl-do'] = String(dark.opacity);
  return vars;
}
