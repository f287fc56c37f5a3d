// Old in-page anchors of the retired guide that cannot simply be heading ids on the new pages.
// The old page redirects to the new one with its #fragment; <OldAnchors> then moves the reader on.

/** Old FAQ anchors on TelenorID_Plus_-_QandA (→ /faq#…) and the answer page each now has. */
export const faqAnchors: Record<string, string> = {
  'what-should-we-do-when-we-get-http-400-invalid_grant-when-trying-to-refresh-a-access_token':
    '/faq/invalid-grant',
  'how-do-i-get-line-authentication-when-using-telenor-id-from-a-app': '/faq/line-authentication',
  'what-is-a-bff': '/faq/bff',
  'our-application-is-used-together-with-other-applications-can-we-log-the-customer-into-our-application-without-page-refresh-when-the-customer-is-already-on-one-of-these-applications-and-is-logged-in':
    '/faq/silent-login',
  'how-does-your-scopes-work-together-with-the-apigee-scopes': '/faq/api-scopes',
  'can-you-get-telenorid-without-being-a-telenor-customer': '/faq/non-customers',
  'is-logout-uri-mandatory-in-the-client-definition-on-telenorid-for-ios-and-android-apps': '/faq/logout-uri',
};

/**
 * Anchors the old guide linked to although no heading had them (facts §33): the old link's
 * fragment → `#id` of the matching section on the new page. Keyed by the new page's path.
 */
export const misspelledAnchors: Record<string, Record<string, string>> = {
  '/api/access-token': { 'Access-token-validation': '#access-token-validation' },
  '/how-to/domain-switch': {
    'telenorid---vs-telenorid': '#telenorid-vs-telenorid',
    'telenorid-----ibis---uris': '#telenorid-ibis-uris',
  },
};
