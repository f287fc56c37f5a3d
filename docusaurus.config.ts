import type { Config, LoadContext, Plugin } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type { PluginOptions as SearchOptions } from '@easyops-cn/docusaurus-search-local';
import { redirects } from './redirects';
import { errorRedirects } from './src/error-pages/render';
import { codeThemes } from './config/prism-themes';
import htmlRedirectFiles, { isHtmlPath } from './plugins/html-redirect-files';
import bundleModules from './plugins/bundle-modules';
import lazySearchHighlight from './plugins/lazy-search-highlight';
import docDescriptions from './plugins/doc-descriptions';
import contentSecurityPolicy from './plugins/content-security-policy';
import rehypeTableScroll from './plugins/rehype-table-scroll';
import remarkCodeFromFile from './plugins/code-from-file';
import { codeHighlightPlugin, remarkCodeHighlight } from './plugins/code-highlight';
import markdownTwins from './plugins/markdown-twins';
import { remarkMermaidPictures } from './plugins/mermaid-diagrams';
import roundTripPages, { roundTripStaticDir } from './plugins/round-trip-pages';
import clientRedirects from '@docusaurus/plugin-client-redirects';
import { defaultTenantIssuer } from './src/tenant/defaults';

// Where the site is published. Both come from the environment so one build recipe
// serves a root host (`/`) and a sub-path host (`BASE_URL=/portal/`).
// Without SITE_URL the url is a placeholder: "Copy link" then uses the origin the page is served from.
const configuredSiteUrl = process.env.SITE_URL ?? '';
const siteUrlConfigured = configuredSiteUrl !== '';
const url = siteUrlConfigured ? configuredSiteUrl : 'http://localhost:3000';
const baseUrl = normaliseBaseUrl(process.env.BASE_URL ?? '/');

function normaliseBaseUrl(value: string): string {
  const withLeading = value.startsWith('/') ? value : `/${value}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

const config: Config = {
  title: 'TelenorID+ Developer Portal',
  tagline: 'Integrate with Telenor Norway’s OpenID Connect provider — read it, then try it live.',
  favicon: 'img/favicon.svg',
  url,
  baseUrl,
  trailingSlash: undefined,

  future: { v4: true },

  customFields: {
    // The issuer of the local test tenant (src/tenant) that the “Local test tenant” environment
    // talks to. `npm start` and the e2e suite run the tenant there; change both together.
    localTenantIssuer: process.env.TENANT_ISSUER ?? defaultTenantIssuer,
    siteUrlConfigured,
  },

  // static/ plus the round-trip pages (mock authorize/logout, callback) that plugins/round-trip-pages.ts
  // writes before each build and `npm start`.
  staticDirectories: ['static', roundTripStaticDir],

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',

  i18n: { defaultLocale: 'en', locales: ['en'] },

  markdown: {
    // .md is plain CommonMark + GFM; .mdx is MDX (for pages that embed widgets).
    format: 'detect',
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
  },

  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        language: ['en'],
        indexDocs: true,
        indexPages: true,
        indexBlog: false,
        docsRouteBasePath: '/',
        highlightSearchTermsOnTargetPage: true,
        explicitSearchResultPath: true,
        searchResultLimits: 10,
        searchBarShortcutHint: true,
        // Not the answer a reader searches for: widget frames (their "Loading the … tryout…"
        // placeholder is all the static HTML holds) and "Copy link <url>" buttons.
        ignoreCssSelectors: ['[data-widget]', '[data-search-exclude]'],
      } satisfies SearchOptions,
    ],
  ],

  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          // Tables scroll sideways in a focusable region on phones instead of breaking words.
          rehypePlugins: [rehypeTableScroll],
          // Mermaid blocks become their pictures drawn by `npm run diagrams` (static/diagrams/): readers
          // download no diagram library, and the build needs no browser (issue #19).
          // Examples that are real, tested files: a code block with file=<path> shows that file.
          beforeDefaultRemarkPlugins: [
            remarkCodeFromFile,
            remarkMermaidPictures({ siteDir: __dirname, baseUrl }),
          ],
          // Code blocks are highlighted when the site is built: readers load, start and run no
          // highlighter (plugins/code-highlight.ts, issue #19).
          remarkPlugins: [remarkCodeHighlight(codeThemes)],
          showLastUpdateTime: false,
        },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
        sitemap: { lastmod: null, changefreq: null, priority: null },
      } satisfies Preset.Options,
    ],
  ],

  plugins: [
    codeHighlightPlugin,
    // One list (redirects.ts), two writers: `.html` paths become plain files, the rest
    // go to plugin-client-redirects. See plugins/html-redirect-files.ts for why.
    // plugin-client-redirects is called from a function so its list stays out of the site config
    // that Docusaurus ships to every page in main.js (issue #9); the options are its defaults plus ours.
    function oldPaths(context: LoadContext) {
      const plugin = clientRedirects(context, {
        id: 'default',
        fromExtensions: [],
        toExtensions: [],
        redirects: [
          ...redirects
            .map(({ to, from }) => ({ to, from: [from].flat().filter((f) => !isHtmlPath(f)) }))
            .filter((r) => r.from.length > 0),
          // /errors/<code> → /errors#<code>: a short link per error code without a route of its own.
          ...errorRedirects(),
        ],
      });
      return plugin as Plugin<unknown> | null;
    },
    htmlRedirectFiles(redirects),
    // Which module is in which built file, for the byte budget check (tests/e2e/bytes.spec.ts).
    bundleModules,
    // mark.js (search-term highlighting) loads when a search result is opened, not on every page.
    lazySearchHighlight,
    // Every doc's description out of the docs route props that every doc page loads (no doc cards here).
    docDescriptions,
    // A Content-Security-Policy and a referrer policy in every page (head tags), with each page's inline
    // scripts hashed into it after the build; frame-ancestors and nosniff need HTTP headers
    // (config/security-headers.mjs, README “Publishing”).
    contentSecurityPolicy,
    // The mock's authorize and logout pages and the callback: static pages without the site bundle (issue #19).
    roundTripPages,
    // A Markdown twin of every page (/<path>.md), /llms.txt and /llms-full.txt (issue #21).
    markdownTwins,
  ],

  themeConfig: {
    image: 'img/social-card.png',
    metadata: [
      { name: 'description', content: 'Guides, FAQ and live tools for integrating with TelenorID+.' },
    ],
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'TelenorID+ Developer Portal',
      logo: { alt: 'TelenorID+ portal logo', src: 'img/logo.svg' },
      items: [
        { type: 'docSidebar', sidebarId: 'guide', position: 'left', label: 'Guide' },
        { type: 'docSidebar', sidebarId: 'faq', position: 'left', label: 'FAQ' },
        { type: 'docSidebar', sidebarId: 'tools', position: 'left', label: 'Tools' },
        // src/theme/NavbarItem/ComponentTypes.tsx: the site-wide environment switch.
        { type: 'custom-environmentPicker', position: 'right' },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Read',
          items: [
            { label: 'Concepts', to: '/concepts' },
            { label: 'API reference', to: '/api' },
            { label: 'How-to guides', to: '/how-to' },
          ],
        },
        {
          title: 'Answers',
          items: [
            { label: 'FAQ', to: '/faq' },
            { label: 'Error reference', to: '/errors' },
            { label: 'Support', to: '/help' },
          ],
        },
        {
          title: 'Try',
          items: [
            { label: 'Tools', to: '/tools' },
            { label: 'Inspector', to: '/tools/inspector' },
          ],
        },
      ],
      copyright: `TelenorID+ Developer Portal. Not an official Telenor publication.`,
    },
    prism: {
      theme: codeThemes.light,
      darkTheme: codeThemes.dark,
      // Docs blocks are highlighted by the build (plugins/code-highlight.ts, with bash and http added to
      // prism-react-renderer's own languages); the browser's highlighter, for widgets' samples, loads
      // the same two when a block first needs them (src/theme/CodeBlock/Content).
      additionalLanguages: [],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
