/**
 * The one list of old URLs that must keep working.
 *
 * Every entry sends an old path (from the retired GitHub Pages guide, or an earlier
 * location in this portal) to the page that now answers the same question.
 * `@docusaurus/plugin-client-redirects` writes a small HTML page for each `from`
 * path; that page forwards the query string and the #fragment too.
 *
 * Paths are relative to the site root and do NOT include `baseUrl`: the plugin
 * prefixes it, so the same list works under `/` and under `/portal/`.
 */
export type Redirect = {
  /** Where the reader should land now (an existing route). */
  to: string;
  /** The old path(s); each becomes an HTML page that forwards to `to`. */
  from: string | string[];
};

export const redirects: Redirect[] = [
  { to: '/concepts', from: ['/TelenorID_Plus_-_intro.html', '/TelenorID_Plus_-_intro'] },
];
