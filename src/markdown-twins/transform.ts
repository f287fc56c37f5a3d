/**
 * Turns the source of one doc page (Markdown or MDX, front matter already removed) into its Markdown
 * twin: plain CommonMark + GFM that an assistant or a script can read without running anything.
 * Pure string in, string out; `plugins/markdown-twins.ts` does the reading and writing.
 *
 * What it does: drops MDX imports and `{/* comments *\/}` (so `{/* #id *\/}` heading ids go), turns
 * admonitions into blockquotes with a bold label, replaces each embedded component by the text it
 * is given (or by nothing), and makes every link absolute. What it cannot turn into Markdown
 * (an unknown component, HTML, a JSX expression, an unclosed admonition) is a `TwinError`, so the
 * build stops instead of publishing a twin with a hole in it.
 */

/** The first line of every twin and of llms.txt. */
export const promptWarning =
  '> Tokens, authorization codes and client secrets never belong in a prompt: paste placeholders instead.';

export class TwinError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TwinError';
  }
}

/**
 * What an embedded component becomes in the twin: Markdown text, or `''` to drop it (page chrome); a
 * function when the text depends on the component's string attributes (`<Assumed standard="RFC 7009" />`).
 */
export type ComponentTwin = string | ((attributes: Readonly<Record<string, string>>) => string);
export type ComponentTwins = Readonly<Record<string, ComponentTwin>>;

/** The `name="value"` attributes of a self-closing component tag. */
function tagAttributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([A-Za-z][\w-]*)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** An empty anchor on a line of its own (`<a id="old-typo"></a>`): an old URL's target, no text. */
const emptyAnchorLine = /^\s*<a\s+(?:id|name)="[^"]*"\s*><\/a>\s*$/;

/** A self-closing component tag inside a line of prose (`… revoked<Assumed standard="RFC 7009" />,`). */
const inlineComponent = /<([A-Z][\w.]*)((?:\s+[A-Za-z][\w-]*="[^"]*")*)\s*\/>/g;

export type TwinInput = {
  /** The page's source without front matter. */
  body: string;
  format: 'md' | 'mdx';
  /** Used when the body has no `# heading` of its own. */
  title: string;
  /** The site's URL without a path, e.g. `https://developer.example` (no trailing slash needed). */
  siteUrl: string;
  /** Docusaurus `baseUrl`, e.g. `/` or `/portal/`. */
  baseUrl: string;
  /** The page's permalink as Docusaurus has it (it already starts with `baseUrl`). */
  permalink: string;
  components: ComponentTwins;
  /** Lines before the body in the source file (its front matter), so errors name the file's line. */
  lineOffset?: number;
  /** Turns a link to a doc file (`../api/token.md`) into that doc's permalink; undefined if unknown. */
  resolveDocFile?: (href: string) => string | undefined;
};

const admonitionLabels: Record<string, string> = {
  note: 'Note',
  tip: 'Tip',
  info: 'Info',
  warning: 'Warning',
  caution: 'Caution',
  danger: 'Danger',
  important: 'Important',
  success: 'Success',
  secondary: 'Note',
};

export { twinPath } from './twin-path';

/** Site URL + a path that starts with `/` (a permalink, or baseUrl + page path). */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${path}`;
}

function fail(line: number, message: string): never {
  throw new TwinError(`line ${line}: ${message}`);
}

/** Transform a line's text but not its code spans (a link's text may hold one: [`x`](/y)). */
function mapOutsideCode(line: string, transform: (text: string) => string): string {
  const spans: string[] = [];
  const masked = line.replace(/`+[^`]*?`+/g, (span) => `\uE000${spans.push(span) - 1}\uE000`);
  return transform(masked).replace(/\uE000(\d+)\uE000/g, (_all, i: string) => spans[Number(i)]!);
}

function textOutsideCode(line: string): string {
  return line
    .split(/(`+[^`]*?`+)/)
    .filter((_, i) => i % 2 === 0)
    .join(' ');
}

function makeLinkAbsolute(href: string, input: TwinInput, lineNo: number): string {
  const base = input.baseUrl.endsWith('/') ? input.baseUrl : `${input.baseUrl}/`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('pathname:')) return href;
  if (href.startsWith('//')) return href;
  if (href.startsWith('#')) return absoluteUrl(input.siteUrl, input.permalink) + href;
  if (href.startsWith('pathname://'))
    return absoluteUrl(input.siteUrl, base + href.slice(11).replace(/^\//, ''));
  if (href.startsWith('/')) {
    // Docusaurus adds baseUrl to site-absolute links unless they already carry it.
    const path = base !== '/' && href.startsWith(base) ? href : base + href.slice(1);
    return absoluteUrl(input.siteUrl, path);
  }
  const [file, hash] = href.split('#', 2);
  if (file && /\.mdx?$/.test(file)) {
    const permalink = input.resolveDocFile?.(file);
    if (!permalink) fail(lineNo, `the link ${href} points to a doc file that is not a page of this site.`);
    return absoluteUrl(input.siteUrl, permalink) + (hash !== undefined ? `#${hash}` : '');
  }
  return new URL(href, absoluteUrl(input.siteUrl, input.permalink)).href;
}

function rewriteLinks(text: string, input: TwinInput, lineNo: number): string {
  return text
    .replace(
      /(!?\[[^\]]*\]\()(<[^>]*>|[^)\s]+)((?:\s+"[^"]*")?\))/g,
      (_all, open: string, href: string, close: string) => {
        const bare = href.startsWith('<') ? href.slice(1, -1) : href;
        return `${open}${makeLinkAbsolute(bare, input, lineNo)}${close}`;
      },
    )
    .replace(/^(\s*\[[^\]]+\]:\s*)(\S+)/, (_all, open: string, href: string) => {
      return `${open}${makeLinkAbsolute(href, input, lineNo)}`;
    });
}

/** A tag that is HTML or JSX rather than an autolink (`<https://…>`, `<name@host>`). */
const tagPattern = /<\/?([A-Za-z][\w.-]*)(?=[\s/>])/;

function componentText(name: string, tag: string, input: TwinInput, lineNo: number): string {
  const twin = input.components[name];
  if (twin === undefined)
    fail(
      lineNo,
      `<${name} /> has no Markdown twin. Give it one in src/markdown-twins/widgets.ts (its text, or '' for page chrome).`,
    );
  return typeof twin === 'function' ? twin(tagAttributes(tag)) : twin;
}

/**
 * The Markdown twin of one page's body (without the warning line and footer: see `twinDocument`).
 * @throws TwinError when part of the page cannot be written as Markdown.
 */
export function toMarkdown(input: TwinInput): string {
  const lines = input.body.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  const admonitions: number[] = [];
  let fence: { char: string; length: number } | undefined;
  let hasTitle = false;
  const mdx = input.format === 'mdx';

  const emit = (text: string) => {
    const prefix = '> '.repeat(admonitions.length);
    out.push(prefix ? (text === '' ? prefix.trimEnd() : prefix + text) : text);
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1 + (input.lineOffset ?? 0);
    let line = lines[i]!;

    if (fence) {
      const close = line.match(/^\s*(`{3,}|~{3,})\s*$/);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = undefined;
      emit(line);
      continue;
    }
    const open = line.match(/^\s*(`{3,}|~{3,})/);
    if (open) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      emit(line);
      continue;
    }

    if (mdx && /^(import|export)\s/.test(line)) {
      if (/^export\s/.test(line))
        fail(lineNo, 'an MDX export has no Markdown form; move the value into a module.');
      // An import may span lines; it ends with its quoted module name.
      while (!/['"];?\s*$/.test(line) && i + 1 < lines.length) line = lines[++i]!;
      continue;
    }

    if (mdx && line.includes('{/*')) {
      // MDX comments, including the `{/* #id */}` heading ids; one may span lines.
      while (!line.includes('*/}') && i + 1 < lines.length) line += '\n' + lines[++i]!;
      line = line.replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
      if (line.includes('{/*')) fail(lineNo, 'an MDX comment is not closed.');
      if (line.trim() === '') continue;
      line = line.replace(/[ \t]+$/, '');
    }

    const admonitionOpen = line.match(/^(:{3,})([a-z]+)(?:\[(.*)\])?\s*(.*)$/);
    if (admonitionOpen) {
      const type = admonitionOpen[2]!;
      const label = admonitionLabels[type];
      if (!label) fail(lineNo, `:::${type} is not an admonition this site knows.`);
      const rawTitle = (admonitionOpen[3] ?? admonitionOpen[4] ?? '').trim();
      const title = mapOutsideCode(rawTitle, (text) => rewriteLinks(text, input, lineNo));
      admonitions.push(admonitionOpen[1]!.length);
      emit(`**${title ? `${label}: ${title}` : label}**`);
      emit('');
      continue;
    }
    if (/^:{3,}\s*$/.test(line)) {
      if (admonitions.length === 0)
        fail(lineNo, `${line.trim()} closes an admonition that was never opened.`);
      admonitions.pop();
      // Drop the blank line before the closing fence, so the quote ends cleanly.
      if (out.length > 0 && /^[>\s]*$/.test(out[out.length - 1]!)) out.pop();
      continue;
    }

    if (emptyAnchorLine.test(line)) continue;

    const component = line.match(/^\s*<([A-Z][\w.]*)\b/);
    if (component && !/^\s*<[A-Z][\w.]*(?:\s+[A-Za-z][\w-]*="[^"]*")*\s*\/>\s*\S/.test(line)) {
      const name = component[1]!;
      while (!/\/>\s*$/.test(line) && i + 1 < lines.length && !/^\s*$/.test(lines[i + 1]!))
        line += ' ' + lines[++i]!;
      if (!/\/>\s*$/.test(line))
        fail(lineNo, `<${name}> has children; only self-closing components can be given a Markdown twin.`);
      const text = componentText(name, line, input, lineNo);
      for (const textLine of text.split('\n')) if (text !== '') emit(textLine);
      continue;
    }

    line = mapOutsideCode(line, (text) =>
      text.replace(inlineComponent, (tag, name: string) => componentText(name, tag, input, lineNo)),
    );

    const visible = textOutsideCode(line);
    const tag = visible.match(tagPattern);
    if (tag) fail(lineNo, `<${tag[1]}> is HTML or JSX; write it as Markdown so the twin can carry it.`);
    if (mdx && /(^|[^\\])[{}]/.test(visible))
      fail(
        lineNo,
        'a JSX expression in braces has no Markdown form; write its text, or escape the brace as \\{.',
      );

    line = mapOutsideCode(line, (text) => {
      let t = rewriteLinks(text, input, lineNo);
      if (mdx) t = t.replace(/\\([{}])/g, '$1');
      return t;
    });
    // Explicit heading ids in .md (`## Title {#id}`) are Docusaurus syntax, not Markdown.
    if (/^#{1,6}\s/.test(line)) line = line.replace(/\s*\{#[\w-]+\}\s*$/, '');
    if (/^#\s/.test(line)) hasTitle = true;
    emit(line);
  }

  const last = lines.length + (input.lineOffset ?? 0);
  if (fence) fail(last, 'a code block is not closed.');
  if (admonitions.length > 0) fail(last, 'an admonition (:::) is not closed.');

  const body = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return hasTitle ? body : `# ${input.title}\n\n${body}`;
}

/** A whole twin: the warning line, the page, and where the page and the index live. */
export function twinDocument(body: string, pageUrl: string, llmsTxtUrl: string): string {
  return `${promptWarning}\n\n${body.trim()}\n\n---\n\nWeb page: ${pageUrl} · All pages: ${llmsTxtUrl}\n`;
}

/** Strip YAML front matter (`---` … `---` at the very top). */
export function withoutFrontMatter(source: string): string {
  return source.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/, '');
}
