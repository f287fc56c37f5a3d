/**
 * The pages of the error reference (`/errors` and `/errors/<code>`), written as MDX from the catalogue
 * (errors.ts for the meaning, reaction and source; error-reference.ts for endpoints, causes, the FAQ
 * answer and the tool). Pure: `scripts/generate-error-pages.ts` writes the files, and
 * tests/unit/error-pages.test.ts fails when a file differs from what this returns. The pages are plain
 * Markdown, so they cost a reader no more JavaScript than any guide page, search indexes their text,
 * and the Markdown twins need nothing new.
 */
import {
  errorCodes,
  errorPagePath,
  errorReference,
  explain,
  guide,
  oauthErrors,
  type ErrorCode,
  type GuideTopic,
} from '../oidc/catalogue';

/** Where each page lives under docs/, by the kind of code. */
export function errorPageFile(code: ErrorCode): string {
  return `errors/${isProviderError(code) ? 'oauth' : 'portal'}/${code}.mdx`;
}

export const errorIndexFile = 'errors/index.mdx';

export function isProviderError(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(oauthErrors, code);
}

/** The title of the page a guide topic points at (from its front matter), for link text. */
export type TitleOf = (path: string) => string;

const generatedNote =
  '{/* Generated from src/oidc/catalogue by scripts/generate-error-pages.ts: edit the catalogue, then run npm run errors:pages. */}';

/** Catalogue prose in MDX: characters MDX or Markdown would read as syntax are escaped. */
export function mdxText(text: string): string {
  return text.replace(/[\\{}<>[\]*`]/g, (c) => `\\${c}`);
}

/** A string inside a JSX attribute in double quotes. */
function attribute(text: string): string {
  return text.replace(/"/g, '″').replace(/[{}<>]/g, '');
}

function yamlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const retryWords = {
  never: 'Do not retry the same request automatically: something must change first.',
  poll: 'Keep polling, at the interval the provider gave.',
  later: 'A transient failure: retrying later, with back-off and a limit, is reasonable.',
} as const;

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function topicLink(topic: GuideTopic, titleOf: TitleOf): string {
  return `[${mdxText(titleOf(guide[topic]))}](${guide[topic]})`;
}

/** The MDX source of `/errors/<code>`. */
export function errorPageSource(code: ErrorCode, titleOf: TitleOf): string {
  const explanation = explain(code);
  const ref = errorReference[code];
  const provider = isProviderError(code);
  const source = explanation.source;
  const usesAssumed = source !== undefined && source.kind !== 'guide';
  const lines: string[] = [
    '---',
    `title: ${yamlString(`${code}: ${lowerFirst(ref.title)}`)}`,
    `sidebar_label: ${code}`,
    `description: ${yamlString(explanation.meaning)}`,
    `slug: ${errorPagePath(code)}`,
    `keywords: [${code}]`,
    '---',
    '',
    generatedNote,
    '',
  ];
  if (usesAssumed) lines.push("import Assumed from '@site/src/components/Assumed';", '');
  lines.push(`# \`${code}\`: ${mdxText(lowerFirst(ref.title))}`, '');
  const sourceNote =
    source === undefined
      ? ' This is a check of the portal’s own tools, not an answer from TelenorID+.'
      : source.kind === 'guide'
        ? ' Documented by TelenorID+.'
        : ` TelenorID+ does not document this code; the portal assumes the standard behaviour.<Assumed standard="${attribute(source.kind === 'standard' ? source.ref : source.why)}" />`;
  lines.push(
    `**What it means${provider ? ' at TelenorID+' : ''}:** ${mdxText(explanation.meaning)}${sourceNote}`,
    '',
  );
  lines.push('## Where it comes from {/* #endpoints */}', '');
  for (const e of ref.endpoints) lines.push(`- ${mdxText(e)}`);
  lines.push('', '## Causes {/* #causes */}', '');
  for (const c of ref.causes) lines.push(`- ${mdxText(c)}`);
  lines.push('', '## What to do {/* #what-to-do */}', '', mdxText(explanation.reaction), '');
  lines.push(retryWords[explanation.retry], '');
  lines.push('## Read more {/* #read-more */}', '');
  if (ref.faq) lines.push(`- The FAQ answer: ${topicLink(ref.faq, titleOf)}`);
  if (explanation.guide && explanation.guide !== ref.faq)
    lines.push(`- In the guide: ${topicLink(explanation.guide, titleOf)}`);
  if (explanation.spec)
    lines.push(`- The specification: [${specLabel(explanation.spec)}](${explanation.spec})`);
  lines.push('- [Every error code](/errors)', '');
  if (ref.reproduce) {
    lines.push(
      '## Reproduce it {/* #reproduce */}',
      '',
      `[${mdxText(ref.reproduce.label)}](${ref.reproduce.path}) — the ${ref.reproduce.tool} opens set up to show \`${code}\`${ref.reproduce.path.includes('env=mock') ? ', against the mock TelenorID+ in your browser' : ''}.`,
      '',
    );
  }
  return lines.join('\n');
}

/** "RFC 6749 §5.2" or "OpenID Connect Core 1.0 (AuthError)" for a specification URL. */
export function specLabel(url: string): string {
  const rfc = /rfc-editor\.org\/rfc\/rfc(\d+)(?:#section-([\d.]+))?/.exec(url);
  if (rfc) return `RFC ${rfc[1]}${rfc[2] ? ` §${rfc[2]}` : ''}`;
  const openid = /openid\.net\/specs\/([a-z0-9-]+?)(?:-1_0)?\.html(?:#(\w+))?/.exec(url);
  if (openid) {
    const name = openid[1]!
      .split('-')
      .map((w) =>
        w === 'openid' ? 'OpenID' : w === 'oauth' ? 'OAuth' : w.charAt(0).toUpperCase() + w.slice(1),
      )
      .join(' ');
    return `${name} 1.0${openid[2] ? ` (${openid[2]})` : ''}`;
  }
  return url;
}

/** The /connect/… paths a code comes from, for the index. */
function endpointPaths(code: ErrorCode): string {
  const paths = new Set<string>();
  for (const e of errorReference[code].endpoints)
    for (const m of e.matchAll(/\/connect\/[a-z]+/g)) paths.add(`\`${m[0]}\``);
  return paths.size ? [...paths].join(', ') : 'APIs';
}

function indexRows(codes: readonly ErrorCode[], withEndpoints: boolean): string[] {
  return [
    `| Code | What it says |${withEndpoints ? ' Returned by |' : ''}`,
    `| --- | --- |${withEndpoints ? ' --- |' : ''}`,
    ...codes.map(
      (code) =>
        `| [\`${code}\`](${errorPagePath(code)}) | ${mdxText(errorReference[code].title)} |${withEndpoints ? ` ${endpointPaths(code)} |` : ''}`,
    ),
  ];
}

/** The MDX source of `/errors`. */
export function errorIndexSource(): string {
  const provider = errorCodes.filter((c) => isProviderError(c));
  const portal = errorCodes.filter((c) => !isProviderError(c));
  return [
    '---',
    "title: 'Error reference: every error code'",
    'sidebar_label: All error codes',
    'sidebar_position: 0',
    "description: 'Every error TelenorID+ returns and every failure the portal’s tools report: what it means, where it comes from, what to do.'",
    'slug: /errors',
    `keywords: [${errorCodes.join(', ')}]`,
    '---',
    '',
    generatedNote,
    '',
    '# Error reference',
    '',
    'One page per error code: what it means at TelenorID+, which endpoints return it, the causes, what',
    'your client should do, the FAQ answer about it, and the tool that shows it. Every failure a tool of',
    'this portal shows links to its page here. Search finds them by code too.',
    '',
    'To read a whole answer you got (an error on the redirect back, a token endpoint JSON body, a token),',
    'paste it into the [inspector](/tools/inspector).',
    '',
    '## Returned by TelenorID+ {/* #oauth */}',
    '',
    'OAuth 2.0 and OpenID Connect `error` codes, in the redirect back from `/connect/authorize` or in the',
    'JSON body of an HTTP 400 or 401 answer.',
    '',
    ...indexRows(provider, true),
    '',
    '## Found by the portal’s tools {/* #portal */}',
    '',
    'What the tools detect in your browser before or instead of an answer: network and CORS failures,',
    'unsafe URLs, and checks of state, nonce and tokens a client must make itself.',
    '',
    ...indexRows(portal, false),
    '',
  ].join('\n');
}

/** Every generated file, docs/-relative path → content. */
export function errorPageFiles(titleOf: TitleOf): Record<string, string> {
  const files: Record<string, string> = { [errorIndexFile]: errorIndexSource() };
  for (const code of errorCodes) files[errorPageFile(code)] = errorPageSource(code, titleOf);
  files['errors/oauth/_category_.json'] =
    JSON.stringify({ label: 'Returned by TelenorID+', position: 1, collapsed: false }, null, 2) + '\n';
  files['errors/portal/_category_.json'] =
    JSON.stringify({ label: 'Found by the portal’s tools', position: 2, collapsed: true }, null, 2) + '\n';
  return files;
}
