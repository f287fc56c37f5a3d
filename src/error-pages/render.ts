/**
 * The error reference page (`/errors`, docs/help/errors.mdx, one section per code at `#<code>`), written as MDX from the
 * catalogue (errors.ts for the meaning, reaction and source; error-reference.ts for endpoints, causes,
 * the FAQ answer and the tool). Pure: `scripts/generate-error-pages.ts` writes the file, and
 * tests/unit/error-pages.test.ts fails when it differs from what this returns.
 *
 * Why one page and not a page per code: every route costs every page of the site about 100 bytes of
 * JavaScript (Docusaurus's route table and the docs metadata), so 40 pages would have put every guide
 * page over its byte budget. `/errors/<code>` is a redirect file instead (`errorRedirects`), which costs
 * nothing; search indexes each section. The page is plain Markdown: no widget code, no jose.
 */
import { explain, guide, oauthErrors, type GuideTopic } from '../oidc/catalogue';
import { errorCodes, errorPagePath, errorReference, type ErrorCode } from '../oidc/catalogue/error-reference';

/** Under the guide's Help section (its sidebar), at `/errors`. */
export const errorReferenceFile = 'help/errors.mdx';

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

/** One code's section: what it means, where it comes from, causes, what to do, links, the tool. */
export function errorSectionSource(code: ErrorCode, titleOf: TitleOf): string {
  const explanation = explain(code);
  const ref = errorReference[code];
  const provider = isProviderError(code);
  const source = explanation.source;
  const sourceNote =
    source === undefined
      ? ' A check of the portal’s own tools, not an answer from TelenorID+.'
      : source.kind === 'guide'
        ? ' Documented by TelenorID+.'
        : ` TelenorID+ does not document this code; the portal assumes the standard behaviour.<Assumed standard="${attribute(source.kind === 'standard' ? source.ref : source.why)}" />`;
  const links: string[] = [];
  if (ref.faq) links.push(`the FAQ answer ${topicLink(ref.faq, titleOf)}`);
  if (explanation.guide && explanation.guide !== ref.faq)
    links.push(`in the guide ${topicLink(explanation.guide, titleOf)}`);
  if (explanation.spec) links.push(`the specification [${specLabel(explanation.spec)}](${explanation.spec})`);
  const lines = [
    `### \`${code}\`: ${mdxText(lowerFirst(ref.title))} {/* #${code} */}`,
    '',
    `**What it means${provider ? ' at TelenorID+' : ''}:** ${mdxText(explanation.meaning)}${sourceNote}`,
    '',
    `**Where it comes from:** ${ref.endpoints.map(mdxText).join('; ')}.`,
    '',
    '**Causes:**',
    '',
    ...ref.causes.map((c) => `- ${mdxText(c)}`),
    '',
    `**What to do:** ${mdxText(explanation.reaction)} ${retryWords[explanation.retry]}`,
    '',
  ];
  if (links.length) lines.push(`**Read more:** ${links.join(' · ')}.`, '');
  if (ref.reproduce)
    lines.push(
      `**See it happen:** [${mdxText(ref.reproduce.label)}](${ref.reproduce.path}) — the ${ref.reproduce.tool} opens set up to show \`${code}\`${ref.reproduce.path.includes('env=mock') ? ', against the mock TelenorID+ in your browser' : ''}.`,
      '',
    );
  return lines.join('\n');
}

function indexRows(codes: readonly ErrorCode[]): string[] {
  return [
    '| Code | What it says |',
    '| --- | --- |',
    ...codes.map((code) => `| [\`${code}\`](#${code}) | ${mdxText(errorReference[code].title)} |`),
  ];
}

/** The MDX source of `/errors`. */
export function errorReferenceSource(titleOf: TitleOf): string {
  const provider = errorCodes.filter((c) => isProviderError(c));
  const portal = errorCodes.filter((c) => !isProviderError(c));
  return [
    '---',
    "title: 'Error reference: every error code'",
    'sidebar_label: Error reference',
    'sidebar_position: 1',
    "description: 'Every error TelenorID+ returns and every failure the portal’s tools report: what it means, where it comes from, what to do.'",
    'slug: /errors',
    'toc_max_heading_level: 3',
    '---',
    '',
    generatedNote,
    '',
    "import Assumed from '@site/src/components/Assumed';",
    '',
    '# Error reference',
    '',
    'Every error code, with what it means at TelenorID+, which endpoints return it, the causes, what your',
    'client should do, the FAQ answer about it, and the tool that shows it. Every failure a tool of this',
    'portal shows links to its section here. Each code has a short link of its own, `/errors/<code>` (for',
    'example `/errors/invalid_grant`), that opens its section.',
    '',
    'To read a whole answer you got (an error on the redirect back, a token endpoint JSON body, a token),',
    'paste it into the [inspector](/tools/inspector).',
    '',
    '## Returned by TelenorID+ {/* #oauth */}',
    '',
    'OAuth 2.0 and OpenID Connect `error` codes, in the redirect back from `/connect/authorize` or in the',
    'JSON body of an HTTP 400 or 401 answer.',
    '',
    ...indexRows(provider),
    '',
    ...provider.map((c) => errorSectionSource(c, titleOf)),
    '## Found by the portal’s tools {/* #portal */}',
    '',
    'What the tools detect in your browser before or instead of an answer: network and CORS failures,',
    'unsafe URLs, and the checks of state, nonce and tokens a client must make itself.',
    '',
    ...indexRows(portal),
    '',
    ...portal.map((c) => errorSectionSource(c, titleOf)),
  ].join('\n');
}

/** Every generated file, docs/-relative path → content. */
export function errorPageFiles(titleOf: TitleOf): Record<string, string> {
  return { [errorReferenceFile]: errorReferenceSource(titleOf) };
}

/** `/errors/<code>` → `/errors#<code>`: a short, stable link per code, as a redirect file (no route). */
export function errorRedirects(): { from: string; to: string }[] {
  return errorCodes.map((code) => ({ from: `/errors/${code}`, to: errorPagePath(code) }));
}
