// Markdown twins (issue #21): after the build, every page at /<path> gets /<path>.md, written from
// the page's source by src/markdown-twins/transform.ts; /llms.txt lists them like the sidebars and
// /llms-full.txt holds the guide and FAQ in one file. Each HTML page that does not render its own
// <link rel="alternate" type="text/markdown"> (src/components/CopyPageMarkdown does) gets one here.
// A page whose twin cannot be written, or a sitemap page without a twin, fails the build.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expandCodeFromFile } from './code-from-file';
import path from 'node:path';
import type { LoadContext, Plugin, RouteBuildMetadata } from '@docusaurus/types';
import { telenorIdPlusIssuers } from '../src/oidc/catalogue';
import {
  absoluteUrl,
  promptWarning,
  toMarkdown,
  twinDocument,
  twinPath,
  withoutFrontMatter,
} from '../src/markdown-twins/transform';
import { componentTwins } from '../src/markdown-twins/widgets';
import { llmsFullTxt, llmsTxt, type LlmsSection, type TwinEntry } from '../src/markdown-twins/llms';

/** The parts of a loaded doc the twins need (a subset of plugin-content-docs' DocMetadata). */
export type TwinDoc = {
  id: string;
  title: string;
  description: string;
  /** `@site/docs/…` */
  source: string;
  permalink: string;
  frontMatter: { description?: string; [key: string]: unknown };
};

type SidebarItem = {
  type: string;
  id?: string;
  label?: string;
  items?: SidebarItem[];
  link?: { type: string; id?: string };
};

export type DocsContent = { docs: TwinDoc[]; sidebars: Record<string, SidebarItem[]> };

/** A page that is not a doc: its twin is written here, in code. */
type PageTwin = { title: string; description: string; body: (abs: (p: string) => string) => string };

const sectionNames: Record<string, string> = { guide: 'Guide', faq: 'FAQ', tools: 'Tools' };

/** What TelenorID+ and this portal are: the opening of llms.txt. */
function about(abs: (p: string) => string): string {
  return [
    `> TelenorID+ is Telenor Norway's OpenID Connect provider (staging issuer ${telenorIdPlusIssuers.staging}, production issuer ${telenorIdPlusIssuers.production}).`,
    '',
    'This portal (not an official Telenor publication) explains how to integrate with it: concepts, an API reference for every endpoint, how-to guides, an FAQ for the errors integrators meet most, and browser tools that run against a mock TelenorID+ or a local test tenant.',
    `Every page has a Markdown twin at its URL + \`.md\` (the home page: ${abs('/index.md')}); a tool's twin says in text what the tool shows.`,
  ].join('\n');
}

const pageTwins: Record<string, PageTwin> = {
  '': {
    title: 'TelenorID+ Developer Portal',
    description: 'What the portal offers and where to start.',
    body: (abs) =>
      [
        '# TelenorID+ Developer Portal',
        '',
        "Integrate with Telenor Norway's OpenID Connect provider: read the guide, then try it live.",
        '',
        `- **Integrators — [the guide](${abs('/concepts')})**: how TelenorID+ logs users in: flows, scopes and claims, tokens, refresh, logout and every endpoint.`,
        `- **Developers — [the tools](${abs('/tools')})**: explore discovery, build scopes, test prompt=none and cause every refresh error, offline on a mock or against a real tenant.`,
        `- **Support — [the FAQ](${abs('/faq')})**: one short, stable link per answer, for the questions integrators ask most.`,
        '',
        `Every page in one list: ${abs('/llms.txt')}. The guide and the FAQ in one file: ${abs('/llms-full.txt')}.`,
      ].join('\n'),
  },
  search: {
    title: 'Search',
    description: 'Full-text search of the portal, run in the browser.',
    body: (abs) =>
      [
        '# Search',
        '',
        'On the web page, search runs in the browser over an index built with the site; nothing is sent anywhere.',
        `Without a browser, read the list of every page (${abs('/llms.txt')}) or the guide and the FAQ in one file (${abs('/llms-full.txt')}).`,
      ].join('\n'),
  },
};

function docSourceFile(siteDir: string, source: string): string {
  return path.join(siteDir, source.replace(/^@site\//, ''));
}

/** The sidebar's docs in reading order: a category's own page first, then its items. */
function docIdsOf(items: SidebarItem[]): string[] {
  return items.flatMap((item) => {
    if (item.type === 'doc' || item.type === 'ref') return item.id ? [item.id] : [];
    if (item.type === 'category') {
      const own = item.link?.type === 'doc' && item.link.id ? [item.link.id] : [];
      return [...own, ...docIdsOf(item.items ?? [])];
    }
    return [];
  });
}

function htmlFileOf(outDir: string, relPath: string): string | undefined {
  const candidates = relPath === '' ? ['index.html'] : [`${relPath}/index.html`, `${relPath}.html`];
  return candidates.map((c) => path.join(outDir, c)).find((f) => existsSync(f));
}

/**
 * Write the alternate link into a built page's <head>, unless the page has one already (doc pages
 * and the home page render it with their copy button, so it follows client-side navigation).
 */
export function withAlternateLink(html: string, href: string): string {
  const tag = `<link rel="alternate" type="text/markdown" href="${href}">`;
  if (/<link[^>]*type="?text\/markdown/.test(html)) return html;
  if (!html.includes('</head>')) throw new Error('the page has no </head>.');
  return html.replace('</head>', `${tag}</head>`);
}

export type WriteTwinsInput = {
  siteDir: string;
  outDir: string;
  siteUrl: string;
  baseUrl: string;
  siteTitle: string;
  content: DocsContent;
  routesPaths: string[];
  routesBuildMetadata: Record<string, RouteBuildMetadata>;
};

/**
 * Write every twin, llms.txt and llms-full.txt into outDir and link each page to its twin.
 * @throws Error naming the page when a twin cannot be written or a sitemap page has none.
 */
export function writeTwins(input: WriteTwinsInput): { written: string[] } {
  const { siteDir, outDir, siteUrl, content } = input;
  const baseUrl = input.baseUrl.endsWith('/') ? input.baseUrl : `${input.baseUrl}/`;
  const abs = (p: string) => absoluteUrl(siteUrl, baseUrl + p.replace(/^\//, ''));
  const components = componentTwins(abs);
  const llmsUrl = abs('/llms.txt');
  const bySourceFile = new Map(content.docs.map((d) => [docSourceFile(siteDir, d.source), d.permalink]));

  const twins = new Map<string, { entry: TwinEntry; markdown: string }>();
  const write = (permalink: string, markdown: string) => {
    const file = path.join(outDir, twinPath(permalink).slice(baseUrl.length));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, markdown);
  };

  for (const doc of content.docs) {
    const file = docSourceFile(siteDir, doc.source);
    let body: string;
    try {
      const source = expandCodeFromFile(readFileSync(file, 'utf8'), file, siteDir);
      const withoutMatter = withoutFrontMatter(source);
      body = toMarkdown({
        body: withoutMatter,
        lineOffset: source.split('\n').length - withoutMatter.split('\n').length,
        format: file.endsWith('.mdx') ? 'mdx' : 'md',
        title: doc.title,
        siteUrl,
        baseUrl,
        permalink: doc.permalink,
        components,
        resolveDocFile: (href) => bySourceFile.get(path.resolve(path.dirname(file), href)),
      });
    } catch (error) {
      throw new Error(
        `The Markdown twin of ${doc.source} cannot be written: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    const pageUrl = absoluteUrl(siteUrl, doc.permalink);
    const markdown = twinDocument(body, pageUrl, llmsUrl);
    write(doc.permalink, markdown);
    const description = doc.frontMatter.description ?? doc.description;
    twins.set(doc.permalink, {
      entry: { title: doc.title, description, url: absoluteUrl(siteUrl, twinPath(doc.permalink)) },
      markdown,
    });
  }

  for (const [rel, page] of Object.entries(pageTwins)) {
    const permalink = baseUrl + rel;
    if (twins.has(permalink)) continue;
    const markdown = twinDocument(page.body(abs), absoluteUrl(siteUrl, permalink), llmsUrl);
    write(permalink, markdown);
    twins.set(permalink, {
      entry: {
        title: page.title,
        description: page.description,
        url: absoluteUrl(siteUrl, twinPath(permalink)),
      },
      markdown,
    });
  }

  // Every page the sitemap lists (indexable routes; the 404 page is not one) must have a twin.
  const indexable = input.routesPaths.filter(
    (r) => !input.routesBuildMetadata[r]?.noIndex && !r.endsWith('/404.html') && r !== '/404.html',
  );
  const missing = indexable.filter((r) => !twins.has(r) && !twins.has(r.replace(/\/$/, '')));
  if (missing.length > 0)
    throw new Error(
      `These pages have no Markdown twin: ${missing.join(', ')}. A doc gets one from its source; any other page needs an entry in pageTwins (plugins/markdown-twins.ts).`,
    );

  for (const permalink of twins.keys()) {
    const rel = permalink.slice(baseUrl.length).replace(/\/$/, '');
    const html = htmlFileOf(outDir, rel);
    if (!html) {
      if (indexable.includes(permalink)) throw new Error(`No built HTML file for ${permalink}.`);
      continue;
    }
    writeFileSync(html, withAlternateLink(readFileSync(html, 'utf8'), twinPath(permalink)));
  }

  // llms.txt: the twins grouped like the sidebars; every twin no sidebar lists comes last.
  const byId = new Map(content.docs.map((d) => [d.id, d.permalink]));
  const listed = new Set<string>();
  const entriesOf = (ids: string[]) =>
    ids.flatMap((id) => {
      const permalink = byId.get(id);
      const twin = permalink === undefined ? undefined : twins.get(permalink);
      if (!twin || listed.has(permalink!)) return [];
      listed.add(permalink!);
      return [twin.entry];
    });
  const sections: LlmsSection[] = Object.entries(content.sidebars).map(([id, items]) => {
    const categories = items.every((i) => i.type === 'category');
    return {
      heading: sectionNames[id] ?? id,
      groups: categories
        ? items.map((c) => ({ heading: c.label ?? '', entries: entriesOf(docIdsOf([c])) }))
        : [{ heading: '', entries: entriesOf(docIdsOf(items)) }],
    };
  });
  const fullTwins = ['guide', 'faq'].flatMap((id) =>
    docIdsOf(content.sidebars[id] ?? []).flatMap((docId) => {
      const twin = twins.get(byId.get(docId) ?? '');
      return twin ? [twin.markdown] : [];
    }),
  );
  const rest = [...twins.entries()].filter(([permalink]) => !listed.has(permalink)).map(([, t]) => t.entry);
  sections.push({ heading: 'Other pages', groups: [{ heading: '', entries: rest }] });

  const llms = llmsTxt({
    siteTitle: input.siteTitle,
    about: about(abs),
    fullUrl: abs('/llms-full.txt'),
    sections,
  });
  writeFileSync(path.join(outDir, 'llms.txt'), llms);
  writeFileSync(path.join(outDir, 'llms-full.txt'), llmsFullTxt(input.siteTitle, fullTwins));
  if (!llms.startsWith(promptWarning)) throw new Error('llms.txt must open with the prompt warning.');
  return { written: [...twins.keys()] };
}

export default function markdownTwins(context: LoadContext): Plugin {
  let content: DocsContent | undefined;
  return {
    name: 'markdown-twins',
    allContentLoaded({ allContent }) {
      const docsPlugin = allContent['docusaurus-plugin-content-docs'] as
        | Record<string, { loadedVersions: { docs: TwinDoc[]; sidebars: DocsContent['sidebars'] }[] }>
        | undefined;
      const version = docsPlugin?.default?.loadedVersions[0];
      if (!version) throw new Error('markdown-twins: the docs plugin has no loaded content.');
      content = { docs: version.docs, sidebars: version.sidebars };
    },
    postBuild({ outDir, routesPaths, routesBuildMetadata }) {
      if (!content) throw new Error('markdown-twins: postBuild ran before the docs were loaded.');
      writeTwins({
        siteDir: context.siteDir,
        outDir,
        siteUrl: context.siteConfig.url,
        baseUrl: context.siteConfig.baseUrl,
        siteTitle: context.siteConfig.title,
        content,
        routesPaths,
        routesBuildMetadata,
      });
    },
  };
}
