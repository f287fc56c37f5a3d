// The one list of budgets (issue #9). The bench report (`npm run bench`, scripts/bench/run.ts) marks
// each as held or missed; the byte budget check in `npm test` (tests/e2e/bytes.spec.ts) fails the
// build when a page type goes over its JavaScript budget. Change a budget here, with a reason.

/** Issue #9: a plain guide page executes at most this × the JS of the plain Docusaurus site's docs page. */
export const guideVsPlainRatio = 1.1;

/** Issue #9: Lighthouse mobile minimums on every page measured. */
export const lighthouse = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 } as const;

/** Issue #9: click → verdict of each widget in the mock environment, 95th percentile. */
export const widgetP95Ms = 150;

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
  /** The landing page: ≤ 1.10 × the plain site's home page. */
  home: Math.floor(guideVsPlainRatio * plainJsGzipBytes.home),
  /** A guide page with no widget, no diagram, no mock: ≤ 1.10 × the plain site's docs page (issue #9). */
  guide: Math.floor(guideVsPlainRatio * plainJsGzipBytes.docs),
  /** An FAQ answer with no widget: the same as a guide page. */
  faq: Math.floor(guideVsPlainRatio * plainJsGzipBytes.docs),
  /**
   * The error reference (/errors, issue #17): a guide page whose text is one entry per error code
   * (about 40). Its text is its weight: the guide budget plus 10 kB for it (Dec 2026: 201.7 kB, the
   * text 11.8 kB). Like a guide page it may load no widget code, jose or MSW. (A page per code would
   * have put every other page over the guide budget: each route costs every page about 100 bytes.)
   */
  reference: Math.floor(guideVsPlainRatio * plainJsGzipBytes.docs) + 10_000,
  /** A page with a Mermaid diagram: mermaid is heavy and loads only there (380 kB in Nov 2026). */
  mermaid: 420_000,
  /**
   * A tool page: its widget, openid-client, jose, and MSW when the widget reads the mock on load.
   * Nov 2026: 213–232 kB for the widgets that start the mock on the first click; 357 kB for the scope
   * builder, which starts MSW on load to read the mock's discovery for the authorization URL it shows
   * at once (building the mock's URL from the catalogue's endpoints would move MSW to "Run").
   */
  tool: 375_000,
} as const;

export type PageType = keyof typeof pageJsGzipBytes;

/** Code a page without a widget, a diagram or the mock must not load (issue #9). */
export const heavyCode = ['msw', 'mock', 'openid-client', 'jose', 'mermaid', 'widget'] as const;
export type HeavyCode = (typeof heavyCode)[number];

/** What each page type may load of the heavy code. */
export const allowedHeavyCode: Record<PageType, readonly HeavyCode[]> = {
  home: [],
  guide: [],
  faq: [],
  reference: [],
  mermaid: ['mermaid'],
  tool: ['msw', 'mock', 'openid-client', 'jose', 'widget'],
};

/** The pages measured, besides every page under tools/ (found in the sitemap). Paths relative to the base URL. */
export const portalPages: { type: PageType; label: string; path: string }[] = [
  { type: 'home', label: 'Home', path: '' },
  { type: 'guide', label: 'Guide page (API: userinfo)', path: 'api/userinfo' },
  { type: 'faq', label: 'FAQ answer (redirect_uri mismatch)', path: 'faq/redirect-uri-mismatch' },
  // Generated from the catalogue, a plain page: no widget code, no jose (issue #17).
  { type: 'reference', label: 'Error reference (/errors)', path: 'errors' },
  { type: 'mermaid', label: 'Mermaid diagram (OIDC flows)', path: 'concepts/flows' },
];

/** The plain Docusaurus site's counterparts: its home and its docs page. */
export const plainPages = { home: '', docs: 'docs/intro' } as const;
