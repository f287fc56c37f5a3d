// The one list of budgets (issue #9). The bench report (`npm run bench`, scripts/bench/run.ts) marks
// each as held or missed; the byte budget check in `npm test` (tests/e2e/bytes.spec.ts) fails the
// build when a page type goes over its JavaScript budget. Change a budget here, with a reason.

/**
 * A plain guide page executes at most this × the JS of the plain Docusaurus site's docs page: 1.10 ×
 * since issue #9, 1.05 × since issue #19 (the bench's target; Dec 2026 bench: 185.6 kB = 1.053 ×, missed
 * by 0.6 kB; after issue #19's last part 179.8 kB = 1.020 ×). The byte check of `npm test` uses the
 * fixed ceilings in `pageJsGzipBytes` below.
 */
export const guideVsPlainRatio = 1.05;

/**
 * Gzip bytes a plain page may execute in `npm test`: the largest of the guide, FAQ and diagram pages
 * after issue #19 (the diagram page /concepts/flows, 179.9 kB) + ~2 kB: 182 kB (was 187.5 kB). Then code
 * blocks highlighted at build time (plugins/code-highlight.ts: Prism out of main.js, −25 kB): the
 * diagram page 155.3 kB, the guide page 154.7 kB, the FAQ answer 154.5 kB (Dec 2026 quiet bench) + ~2.5 kB.
 */
const plainPageCeiling = 158_000;

/** Issue #9: Lighthouse mobile minimums on every page measured. */
export const lighthouse = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 } as const;

/** Issue #9: click → verdict of each widget in the mock environment, 95th percentile. */
export const widgetP95Ms = 150;

/** Issue #19: the first click after a page load (MSW starts, chunks load), click → verdict. */
export const widgetFirstClickMs = 500;

/**
 * The plain Docusaurus 3.10.2 classic site's JavaScript (gzip bytes executed; `npm run bench` measures
 * it afresh each run: update these when Docusaurus is upgraded). The byte budgets below derive from it.
 */
export const plainJsGzipBytes = { home: 171_737, docs: 176_226 } as const;

/**
 * Gzip bytes of the JavaScript a page executes (every script the page ran, measured in Chromium),
 * per page type, checked by `npm test` (tests/e2e/bytes.spec.ts) and reported by the bench.
 * Pages without widgets get the ratio against the plain site; the others a fixed ceiling
 * a little above today's figure, so a heavy import that reaches them fails the tests.
 */
export const pageJsGzipBytes = {
  /**
   * The landing page. Dec 2026 bench (issues #19, #23): 156.4 kB = 0.91 × the plain home (171.7 kB); with
   * no Prism in main.js (build-time highlighting) 130.9 kB = 0.76 ×.
   */
  home: 133_500,
  /**
   * A guide page with no widget, no diagram, no mock. Dec 2026 bench: /api/userinfo 185.6 kB = 1.053 ×
   * (191.8 kB before issue #19 and #23): Prism's component index out of main.js and the bash and http
   * grammars on demand, the search box's code loaded on first use (−5.5 kB). Then 179.8 kB = 1.020 ×:
   * the docs' descriptions out of the version props every doc page loads (plugins/doc-descriptions,
   * −2.8 kB), and a grammar loads when its block comes into view (that page's bash block starts just
   * below a 1280×800 window, −3.1 kB; its http grammar, 0.9 kB, loads). Then 154.7 kB = 0.88 ×: code
   * blocks highlighted at build time, so no page of the docs loads a highlighter.
   */
  guide: plainPageCeiling,
  /** An FAQ answer with no widget. Dec 2026 bench: 181.8 kB = 1.03 × (192.1 kB before); then 179.1 kB. */
  faq: plainPageCeiling,
  /**
   * The error reference (/errors, issue #17): a guide page whose text is one entry per error code
   * (about 40; its chunk ~11.8 kB). Dec 2026 bench: 191.0 kB; 188.3 kB without the docs' descriptions
   * (plugins/doc-descriptions); 163.6 kB with build-time highlighting. Like a guide page it may load no widget
   * code, jose or MSW. (A page per code would have put every other page over its ceiling: each route
   * costs every page about 100 bytes.)
   */
  reference: 166_500,
  /**
   * A page with diagrams: since issue #19 they are pictures (static/diagrams/), so such a page executes
   * what a guide page does and has its ceiling (the issue asks ≤ 1.25 × the plain docs page).
   * Dec 2026 bench: /concepts/flows 182.6 kB (1.04 ×), down from 380.3 kB with mermaid; then 179.9 kB.
   */
  mermaid: plainPageCeiling,
  /**
   * A tool page: its widget, openid-client and jose; MSW and the mock load when the reader acts
   * (issue #19: the scope builder builds the mock's authorization URL from the catalogue's endpoints
   * instead of reading the mock's discovery on load). Dec 2026 bench: 210.7 kB (discovery explorer) to
   * 263.7 kB (prompt=none tryout); the scope builder 249.7 kB, down from 367.3 kB with MSW on load;
   * the inspector 253.1 kB. After the docs' descriptions left the version props (−2.6 kB on each):
   * 208.2 kB (discovery explorer) to 261.2 kB (prompt=none tryout), + ~2 kB. With Prism a chunk of its
   * own, loaded when a widget first shows code or is first touched: 185.4 kB (discovery explorer) to
   * 234.3 kB (refresh simulator), the others 228.9–231.1 kB (Dec 2026 quiet bench) + ~3 kB.
   */
  tool: 237_500,
} as const;

export type PageType = keyof typeof pageJsGzipBytes;

/**
 * Gzip bytes of the JavaScript each static round-trip page holds (issue #19: plugins/round-trip-pages.ts
 * writes it into the page), checked by tests/e2e/bytes.spec.ts. Dec 2026: authorize 15.6 kB (the mock's
 * logic: jose, the fixtures, the catalogue's scopes and claims), logout 14.6 kB, callback 1.5 kB (+ the
 * arrival script file, loaded only for an answer opened by hand), device 4.7 kB. Before the scripts
 * moved into the pages (module script + preloaded chunks): 23.7, 22.9, 1.9 and 7.5 kB.
 */
export const roundTripPageJsGzipBytes = {
  authorize: 17_000,
  logout: 16_000,
  callback: 2_000,
  // The device flow's verification page (mock only): the fixture users and the channel, no jose.
  device: 5_500,
} as const;

/**
 * Code a page without a widget, a diagram or the mock must not load (issue #9). `highlighter` is
 * Prism: docs code blocks are highlighted by the build (plugins/code-highlight.ts, issue #19), so
 * only widgets' samples and answers need it in the browser.
 */
export const heavyCode = [
  'msw',
  'mock',
  'openid-client',
  'jose',
  'mermaid',
  'highlighter',
  'widget',
] as const;
export type HeavyCode = (typeof heavyCode)[number];

/** What each page type may load of the heavy code. */
export const allowedHeavyCode: Record<PageType, readonly HeavyCode[]> = {
  home: [],
  guide: [],
  faq: [],
  reference: [],
  // Issue #19: diagrams are pictures; no page may load the diagram library.
  mermaid: [],
  tool: ['msw', 'mock', 'openid-client', 'jose', 'highlighter', 'widget'],
};

/** The pages measured, besides every page under tools/ (found in the sitemap). Paths relative to the base URL. */
export const portalPages: { type: PageType; label: string; path: string }[] = [
  { type: 'home', label: 'Home', path: '' },
  { type: 'guide', label: 'Guide page (API: userinfo)', path: 'api/userinfo' },
  { type: 'faq', label: 'FAQ answer (redirect_uri mismatch)', path: 'faq/redirect-uri-mismatch' },
  // Generated from the catalogue, a plain page: no widget code, no jose (issue #17).
  { type: 'reference', label: 'Error reference (/errors)', path: 'errors' },
  { type: 'mermaid', label: 'Diagram page (OIDC flows)', path: 'concepts/flows' },
];

/** The plain Docusaurus site's counterparts: its home and its docs page. */
export const plainPages = { home: '', docs: 'docs/intro' } as const;
