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

/**
 * Old guide page names (file name without `.md`); each answers as `/<name>.html` and `/<name>`.
 * README.md was the site root: `/` and `/index.html` are the new landing page, so it needs no entry.
 */
const oldGuidePages: Record<string, string> = {
  'TelenorID_Plus_-_intro': '/concepts',
  // Emptied in the repository; it was the original one-page guide of 2021.
  'TelenorID_Plus_-_integration_guide': '/concepts',
  'TelenorID_TelenorID_Plus_-_term': '/concepts/telenorid-vs-telenorid-plus',
  'TelenorID_Plus_-_overarching': '/concepts/architecture',
  OIDC_basics: '/concepts/oidc-basics',
  'TelenorID_Plus_-_standard_oidc_flows': '/concepts/flows',
  // Deleted 2022-01-26 (code flow with a secret), merged into the standard flows.
  'TelenorID_Plus_-_WebClients': '/concepts/flows',
  'TelenorID_Plus_-_assurance_level': '/concepts/assurance-levels',
  'TelenorID_Plus_-_authentication_providers': '/concepts/authentication-providers',
  // Deleted 2023-07-04 (BankID KYC example).
  'TelenorID_Plus_-_kyc_bankid_-_integration_example_step_by_step': '/concepts/authentication-providers',
  'TelenorID_Plus_-_clienttypes': '/concepts/client-types',
  'TelenorID_Plus_-_scopes': '/concepts/scopes-and-claims',
  'TelenorID_Plus_-_SSO': '/concepts/sso-and-sessions',
  'TelenorID_Plus_-_technicaldocs': '/api',
  'TelenorID_Plus_-_api': '/api',
  'TelenorID_Plus_-_discovery': '/api/discovery',
  'TelenorID_Plus_-_authorize': '/api/authorize',
  'TelenorID_Plus_-_token': '/api/token',
  'TelenorID_Plus_-_accesstokens': '/api/access-token',
  'TelenorID_Plus_-_idtokens': '/api/id-token',
  'TelenorID_Plus_-_userinfo': '/api/userinfo',
  'TelenorID_Plus_-_token_refresh': '/api/refresh-tokens',
  'TelenorID_Plus_-_token_exchange': '/api/token-exchange',
  'TelenorID_Plus_-_logout': '/api/logout',
  // Deleted 2021-11-22, merged into TelenorID_Plus_-_logout.
  logout: '/api/logout',
  TelenorID_Plus_deviceflow: '/api/device-flow',
  'TelenorID_Plus_-_CIBA': '/api/ciba',
  'TelenorID_Plus_-_ManageMyTelenor': '/api/self-service',
  'TelenorID_Plus_-_user_login_-_integration_example_step_by_step': '/how-to/user-login',
  'TelenorID_Plus_-_NativeClients': '/how-to/native-apps',
  'TelenorID_Plus_-_telenorid_from_sdk': '/how-to/native-apps',
  'TelenorID_Plus_-_ad_integration_staging': '/how-to/entra-id',
  'TelenorID_Plus_-_ad_integration_prod': '/how-to/entra-id',
  TelenorID_Plus_sensitive_data_exchange: '/how-to/sensitive-data',
  'TelenorID_Plus_-_switch_to_new_domain': '/how-to/domain-switch',
  // Old FAQ anchors ride along in the #fragment; the FAQ index sends each to its answer page.
  'TelenorID_Plus_-_QandA': '/faq',
  'TelenorID_Plus_-_help': '/help',
  RelatedArticles: '/help/related-reading',
};

function byTarget(pages: Record<string, string>): Redirect[] {
  const targets = new Map<string, string[]>();
  for (const [name, to] of Object.entries(pages)) {
    targets.set(to, [...(targets.get(to) ?? []), `/${name}.html`, `/${name}`]);
  }
  return [...targets].map(([to, from]) => ({ to, from }));
}

export const redirects: Redirect[] = byTarget(oldGuidePages);

/**
 * Heading ids of the old guide that carry typos (facts §33). The old page redirects with its
 * #fragment; the new page (MDX) keeps an empty `<a id="old-id">` just before the heading with `newId`, so
 * the old link lands on the right section without any script.
 */
export const typoHeadingIds: { oldPage: string; oldId: string; page: string; newId: string }[] = [
  {
    oldPage: 'TelenorID_Plus_-_logout',
    oldId: 'recommandations',
    page: 'docs/api/logout.mdx',
    newId: 'recommendations',
  },
  {
    oldPage: 'TelenorID_Plus_deviceflow',
    oldId: 'prerequists',
    page: 'docs/api/device-flow.mdx',
    newId: 'prerequisites',
  },
  {
    oldPage: 'TelenorID_Plus_-_overarching',
    oldId: 'telenorid-assuarance-levels',
    page: 'docs/concepts/architecture.mdx',
    newId: 'assurance-frameworks',
  },
  {
    oldPage: 'TelenorID_Plus_-_technicaldocs',
    oldId: 'releated-articles',
    page: 'docs/api/index.mdx',
    newId: 'related-reading',
  },
];
