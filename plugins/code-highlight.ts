/**
 * Code blocks highlighted at build time (issue #19), as the diagrams are drawn ahead of the browser.
 *
 * In the browser, Docusaurus highlights every code block with prism-react-renderer: its ~20 kB (gzip)
 * sat in every page's main.js, started its grammars on every page load, tokenised each block while
 * the page hydrated, and re-mounted every block right after (so that a dark-mode reader gets the dark
 * colours): most of a guide page's blocking time in Lighthouse. This remark plugin runs the same
 * Prism over each fenced block when the site is built, with the same rules for colours, and attaches
 * the result to the block (`src/theme/CodeBlock/highlightData.ts` describes the format); the swizzled
 * `@theme/CodeBlock` renders it as plain markup. Readers get the same colours, in both themes, from
 * the HTML itself.
 *
 * `codeHighlightPlugin` (a Docusaurus plugin) also stops theme-classic's startup module from importing
 * Prism into main.js. Blocks without build-time data (a widget's samples, a `<CodeBlock>` written in
 * MDX) are still highlighted in the browser, from a chunk loaded when one is first shown.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { normalizeTokens, Prism, type PrismTheme } from 'prism-react-renderer';
import type { HighlightData, PaletteEntry, Run, TokenLook } from '../src/theme/CodeBlock/highlightData';
import { lazyGrammarNames, loadGrammar } from '../src/theme/CodeBlock/Content/lazyGrammars';

let grammarsLoaded: Promise<void> | undefined;

/**
 * Adds the guide's extra grammars (bash, http) to prism-react-renderer's Prism, with the loader the
 * browser uses (src/theme/CodeBlock/Content/lazyGrammars.ts); a build without one fails.
 */
export function loadGrammars(): Promise<void> {
  grammarsLoaded ??= (async () => {
    for (const name of lazyGrammarNames) {
      await loadGrammar(name);
      if (!Prism.languages[name]) throw new Error(`code-highlight: the Prism grammar "${name}" did not load`);
    }
  })();
  return grammarsLoaded;
}

type Themes = { light: PrismTheme; dark: PrismTheme };
type Look = Record<string, unknown>;

/** Each token type's style in `theme` for `language`, merged in the theme's order (as <Highlight> does). */
function styleByType(theme: PrismTheme, language: string): Record<string, Look> {
  const byType: Record<string, Look> = {};
  for (const entry of theme.styles) {
    if (entry.languages && !entry.languages.includes(language)) continue;
    for (const type of entry.types) byType[type] = { ...byType[type], ...(entry.style as Look) };
  }
  return byType;
}

/** A token's look: its types' styles merged in order, the innermost last; plain text has none. */
function lookOf(byType: Record<string, Look>, types: string[], plainColour: string): TokenLook {
  const merged: Look =
    types.length === 1 && types[0] === 'plain' ? {} : Object.assign({}, ...types.map((t) => byType[t]));
  const look: TokenLook = {
    color: typeof merged.color === 'string' ? merged.color : plainColour,
  };
  if (typeof merged.fontStyle === 'string' && merged.fontStyle !== 'normal')
    look.fontStyle = merged.fontStyle;
  if (typeof merged.opacity === 'number' && merged.opacity !== 1) look.opacity = merged.opacity;
  return look;
}

const plainColourOf = (theme: PrismTheme) => String(theme.plain.color ?? 'inherit');
const backgroundOf = (theme: PrismTheme) => String(theme.plain.backgroundColor ?? 'transparent');

/**
 * `code` in `language`, tokenised by Prism (grammars must be loaded: `loadGrammars`), as the data the
 * page renders. A language Prism does not know gives plain lines, as in the browser.
 */
export function highlight(code: string, language: string | undefined, themes: Themes): HighlightData {
  const lang = language ?? '';
  const grammar = lang ? Prism.languages[lang] : undefined;
  const lines = normalizeTokens(grammar ? Prism.tokenize(code, grammar) : [code]);
  const light = styleByType(themes.light, lang);
  const dark = styleByType(themes.dark, lang);
  const palette: PaletteEntry[] = [];
  const index = new Map<string, number>();
  const styleOf = (types: string[]): number => {
    if (types.length === 1 && types[0] === 'plain') return -1;
    const classes = ['token', ...types].join(' ');
    let i = index.get(classes);
    if (i === undefined) {
      const lightLook = lookOf(light, types, plainColourOf(themes.light));
      const darkLook = lookOf(dark, types, plainColourOf(themes.dark));
      // A token that looks like plain text in both themes is written as plain text: fewer elements.
      const plain = (look: TokenLook, theme: PrismTheme) =>
        Object.keys(look).length === 1 && look.color === plainColourOf(theme);
      if (plain(lightLook, themes.light) && plain(darkLook, themes.dark)) i = -1;
      else {
        i = palette.length;
        palette.push([classes, lightLook, darkLook]);
      }
      index.set(classes, i);
    }
    return i;
  };
  const runs: Run[][] = lines.map((tokens) => {
    const line: Run[] = [];
    for (const token of tokens) {
      // An empty line is one "\n" token (the line break itself): it adds no text to the line.
      const length = token.empty ? 0 : token.content.length;
      if (length === 0) continue;
      const style = styleOf(token.types);
      const last = line.at(-1);
      if (last && last[0] === style) last[1] += length;
      else line.push([style, length]);
    }
    return line;
  });
  return {
    v: 1,
    c: [
      plainColourOf(themes.light),
      backgroundOf(themes.light),
      plainColourOf(themes.dark),
      backgroundOf(themes.dark),
    ],
    p: palette,
    l: runs,
  };
}

type CodeNode = {
  type: string;
  lang?: string | null;
  value?: string;
  data?: { hProperties?: Record<string, unknown> };
  children?: CodeNode[];
};

/** Remark plugin: attach build-time highlighting to every fenced code block (`data-hl`). */
export function remarkCodeHighlight(themes: Themes) {
  return () => async (tree: CodeNode) => {
    await loadGrammars();
    const visit = (node: CodeNode) => {
      if (node.type === 'code' && typeof node.value === 'string' && node.lang !== 'mermaid') {
        const language = node.lang ?? undefined;
        node.data ??= {};
        node.data.hProperties ??= {};
        node.data.hProperties['data-hl'] = JSON.stringify(highlight(node.value, language, themes));
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}

/**
 * theme-classic registers a startup module that imports Prism so that `additionalLanguages` can be
 * added to it: with build-time highlighting it would only put Prism into every page's main.js. This
 * plugin points it at an empty module (the browser's highlighter loads its grammars itself).
 */
export function codeHighlightPlugin(context: LoadContext): Plugin {
  const resolve = createRequire(path.join(context.siteDir, 'package.json')).resolve;
  const startupModule = resolve('@docusaurus/theme-classic/lib/prism-include-languages');
  const empty = path.join(context.siteDir, 'src/theme/CodeBlock/noStartupPrism.ts');
  return {
    name: 'code-highlight',
    configureWebpack() {
      // The client modules list requires the file without its extension.
      return {
        resolve: { alias: { [startupModule]: empty, [startupModule.replace(/\.js$/, '')]: empty } },
      };
    },
  };
}
