// Old guide URLs keep working: every old page (both `/<Name>.html` and `/<Name>`) lands on the
// page for its topic, every old FAQ anchor lands on its answer's page, and every old in-page
// anchor the guide linked to lands on the matching section.
//
// Each check runs at the cheapest level that can see it: the redirect files are read over HTTP
// (status, the target in the meta refresh and in the script, the target page itself), one browser
// test per redirect form proves that the script forwards the query and the #fragment, and the
// anchors — which need the client-side anchor map and a scroll — are walked in the browser, grouped
// by the page they land on.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { redirects } from '../../redirects';
import { faqAnchors, misspelledAnchors } from '../../src/components/OldAnchors/map';

/**
 * The old pages, written out by hand from the facts sheet (§1: the 35 current pages, the root
 * README and the 3 deleted pages) with the page each must land on. Kept apart from redirects.ts
 * on purpose: an entry missing there, or pointing elsewhere, fails here.
 */
const oldPages: [name: string, target: string][] = [
  ['TelenorID_Plus_-_intro', '/concepts'],
  ['TelenorID_TelenorID_Plus_-_term', '/concepts/telenorid-vs-telenorid-plus'],
  ['TelenorID_Plus_-_overarching', '/concepts/architecture'],
  ['TelenorID_Plus_-_authentication_providers', '/concepts/authentication-providers'],
  ['TelenorID_Plus_-_assurance_level', '/concepts/assurance-levels'],
  ['OIDC_basics', '/concepts/oidc-basics'],
  ['TelenorID_Plus_-_standard_oidc_flows', '/concepts/flows'],
  ['RelatedArticles', '/help/related-reading'],
  ['TelenorID_Plus_-_technicaldocs', '/api'],
  ['TelenorID_Plus_-_api', '/api'],
  ['TelenorID_Plus_-_clienttypes', '/concepts/client-types'],
  ['TelenorID_Plus_-_scopes', '/concepts/scopes-and-claims'],
  ['TelenorID_Plus_-_SSO', '/concepts/sso-and-sessions'],
  ['TelenorID_Plus_-_discovery', '/api/discovery'],
  ['TelenorID_Plus_-_authorize', '/api/authorize'],
  ['TelenorID_Plus_-_token', '/api/token'],
  ['TelenorID_Plus_-_accesstokens', '/api/access-token'],
  ['TelenorID_Plus_-_idtokens', '/api/id-token'],
  ['TelenorID_Plus_-_token_refresh', '/api/refresh-tokens'],
  ['TelenorID_Plus_-_token_exchange', '/api/token-exchange'],
  ['TelenorID_Plus_-_userinfo', '/api/userinfo'],
  ['TelenorID_Plus_-_logout', '/api/logout'],
  ['TelenorID_Plus_deviceflow', '/api/device-flow'],
  ['TelenorID_Plus_-_CIBA', '/api/ciba'],
  ['TelenorID_Plus_-_ManageMyTelenor', '/api/self-service'],
  ['TelenorID_Plus_sensitive_data_exchange', '/how-to/sensitive-data'],
  ['TelenorID_Plus_-_NativeClients', '/how-to/native-apps'],
  ['TelenorID_Plus_-_telenorid_from_sdk', '/how-to/native-apps'],
  ['TelenorID_Plus_-_ad_integration_staging', '/how-to/entra-id'],
  ['TelenorID_Plus_-_ad_integration_prod', '/how-to/entra-id'],
  ['TelenorID_Plus_-_help', '/help'],
  ['TelenorID_Plus_-_switch_to_new_domain', '/how-to/domain-switch'],
  ['TelenorID_Plus_-_user_login_-_integration_example_step_by_step', '/how-to/user-login'],
  ['TelenorID_Plus_-_QandA', '/faq'],
  ['TelenorID_Plus_-_integration_guide', '/concepts'],
  // Deleted pages whose URLs may be bookmarked.
  ['logout', '/api/logout'],
  ['TelenorID_Plus_-_WebClients', '/concepts/flows'],
  ['TelenorID_Plus_-_kyc_bankid_-_integration_example_step_by_step', '/concepts/authentication-providers'],
];

/** In-page anchors the old guide linked to (facts §1) → [new page, id of the section there]. */
const oldAnchors: [page: string, anchor: string, target: string, id: string][] = [
  [
    'TelenorID_Plus_-_authentication_providers',
    'authentication-providers',
    '/concepts/authentication-providers',
    'authentication-providers',
  ],
  [
    'TelenorID_Plus_-_assurance_level',
    'authentication-assurance-aal',
    '/concepts/assurance-levels',
    'authentication-assurance-aal',
  ],
  ...[
    'telenorid-standard-openid-connect-oidc-flows',
    'standard-oidc-authorization-code-flow',
    'standard-oidc-authorization-code-flow-pkce',
  ].map(
    (a) =>
      ['TelenorID_Plus_-_standard_oidc_flows', a, '/concepts/flows', a] as [string, string, string, string],
  ),
  ['TelenorID_Plus_-_authorize', 'check-if-user-has-session', '/api/authorize', 'check-if-user-has-session'],
  [
    'TelenorID_Plus_-_authorize',
    'force-authentication-and-ignore-sso',
    '/api/authorize',
    'force-authentication-and-ignore-sso',
  ],
  [
    'TelenorID_Plus_-_accesstokens',
    'access-token-validation',
    '/api/access-token',
    'access-token-validation',
  ],
  [
    'TelenorID_Plus_-_accesstokens',
    'Access-token-validation',
    '/api/access-token',
    'access-token-validation',
  ],
  ['TelenorID_Plus_-_idtokens', 'id-token-body', '/api/id-token', 'id-token-body'],
  [
    'TelenorID_Plus_-_idtokens',
    'authentication-methods-referencesamr',
    '/api/id-token',
    'authentication-methods-referencesamr',
  ],
  ['TelenorID_Plus_-_CIBA', 'vipps', '/api/ciba', 'vipps'],
  ['TelenorID_Plus_-_CIBA', 'bankid', '/api/ciba', 'bankid'],
  ...[
    'access-to-sdks-on-telenor-norway-github-for-native-clients',
    'telenorid-sdk---android',
    'telenorid-sdk---ios',
  ].map(
    (a) =>
      ['TelenorID_Plus_-_telenorid_from_sdk', a, '/how-to/native-apps', a] as [
        string,
        string,
        string,
        string,
      ],
  ),
  ...[
    'background',
    'telenorid-vs-telenorid',
    'telenorid-ibis-uris',
    'staging',
    'production',
    'what-to-do---web-clients',
    'staging-1',
    'production-1',
    'what-to-do---native-clients',
    'what-to-do---bankid',
  ].map(
    (a) =>
      ['TelenorID_Plus_-_switch_to_new_domain', a, '/how-to/domain-switch', a] as [
        string,
        string,
        string,
        string,
      ],
  ),
  // The old table of contents linked to ids that did not exist (facts §33); they land on the section too.
  [
    'TelenorID_Plus_-_switch_to_new_domain',
    'telenorid---vs-telenorid',
    '/how-to/domain-switch',
    'telenorid-vs-telenorid',
  ],
  [
    'TelenorID_Plus_-_switch_to_new_domain',
    'telenorid-----ibis---uris',
    '/how-to/domain-switch',
    'telenorid-ibis-uris',
  ],
  ...[
    'user-login',
    'debugger-start-page',
    'step-1-start-authorization-authorize',
    'accountlogin',
    'step-2-redirect-to-telenorid-login',
    'step-3-user-login-telenor-id-sign-in',
    'next-page',
    'next-page-1',
    'step-4-ibis-callback-redirect-from-telenorid-to-ibis',
    'step-5-client-callback-redirect-from-ibis-to-client-application',
    'step-6-fetch-tokens-token',
    'step-7-get-user-info-userinfo',
    'step-8-check-session-checksession',
    'telenorid-user-login-sequence-diagram',
  ].map(
    (a) =>
      ['TelenorID_Plus_-_user_login_-_integration_example_step_by_step', a, '/how-to/user-login', a] as [
        string,
        string,
        string,
        string,
      ],
  ),
];

/** The seven old FAQ anchors (facts §1), written out so a missing map entry fails. */
const oldFaqAnchors: [anchor: string, answer: string][] = [
  [
    'what-should-we-do-when-we-get-http-400-invalid_grant-when-trying-to-refresh-a-access_token',
    '/faq/invalid-grant',
  ],
  ['how-do-i-get-line-authentication-when-using-telenor-id-from-a-app', '/faq/line-authentication'],
  ['what-is-a-bff', '/faq/bff'],
  [
    'our-application-is-used-together-with-other-applications-can-we-log-the-customer-into-our-application-without-page-refresh-when-the-customer-is-already-on-one-of-these-applications-and-is-logged-in',
    '/faq/silent-login',
  ],
  ['how-does-your-scopes-work-together-with-the-apigee-scopes', '/faq/api-scopes'],
  ['can-you-get-telenorid-without-being-a-telenor-customer', '/faq/non-customers'],
  [
    'is-logout-uri-mandatory-in-the-client-definition-on-telenorid-for-ios-and-android-apps',
    '/faq/logout-uri',
  ],
];

async function expectLandedOn(page: Page, target: string): Promise<void> {
  await expect(page.locator('html[data-has-hydrated="true"]')).toBeAttached();
  await expect.poll(() => new URL(page.url()).pathname).toBe(target);
  const h1 = page.locator('h1').first();
  await expect(h1).toBeVisible();
  await expect(h1).not.toHaveText(/page not found/i);
}

test.describe('the data tables agree with each other', () => {
  test('redirects.ts sends every old page, in both forms, where the hand-written list says', () => {
    const routes = new Map(redirects.flatMap((r) => [r.from].flat().map((f) => [f, r.to] as const)));
    for (const [name, target] of oldPages) {
      expect(routes.get(`/${name}.html`), `/${name}.html`).toBe(target);
      expect(routes.get(`/${name}`), `/${name}`).toBe(target);
    }
  });

  test('the FAQ anchor map holds every old FAQ anchor', () => {
    expect(faqAnchors).toEqual(Object.fromEntries(oldFaqAnchors));
  });

  test('the misspelled-anchor map covers the anchors this spec expects', () => {
    expect(misspelledAnchors['/api/access-token']?.['Access-token-validation']).toBe(
      '#access-token-validation',
    );
    expect(misspelledAnchors['/how-to/domain-switch']?.['telenorid---vs-telenorid']).toBe(
      '#telenorid-vs-telenorid',
    );
  });
});

/** What an old URL's redirect file sends the browser to, read as a static host serves it. */
async function redirectTarget(request: APIRequestContext, path: string) {
  const res = await request.get(path, { maxRedirects: 0 });
  const html = await res.text();
  const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(html)?.[1];
  // Both redirect writers build the script's target from a quoted path + search + hash.
  const script =
    /location\.(?:replace\(|href = )["']([^"']+)["'] \+ window\.location\.search \+ window\.location\.hash/.exec(
      html,
    )?.[1];
  return { status: res.status(), refresh, script };
}

/** The target page answers 200 with a real page (an h1 that is not the 404 page's). */
async function expectPage(request: APIRequestContext, baseURL: string, target: string) {
  const res = await request.get(new URL(target.replace(/^\//, ''), baseURL).href);
  expect.soft(res.status(), `${target} answers`).toBe(200);
  const h1 = /<h1[^>]*>(.*?)<\/h1>/s.exec(await res.text())?.[1] ?? '';
  expect.soft(h1, `${target} has a heading`).not.toBe('');
  expect.soft(h1, `${target} is not the 404 page`).not.toMatch(/page not found/i);
}

for (const form of ['.html', ''] as const) {
  test(`every old page /<Name>${form} redirects to its topic's page (over HTTP)`, async ({
    request,
    baseURL,
  }) => {
    const base = new URL(baseURL!).pathname;
    for (const [name, target] of oldPages) {
      const { status, refresh, script } = await redirectTarget(request, `${name}${form}`);
      const expected = `${base}${target.replace(/^\//, '')}`;
      expect.soft(status, `/${name}${form} answers`).toBe(200);
      expect.soft(refresh, `/${name}${form}: meta refresh target`).toBe(expected);
      expect.soft(script, `/${name}${form}: script target (forwards ?query and #fragment)`).toBe(expected);
    }
    for (const target of new Set(oldPages.map(([, t]) => t))) await expectPage(request, baseURL!, target);
  });
}

// README.md was the old site root: its URLs are the new landing page itself, not redirects.
test('the old root / and /index.html are the landing page (over HTTP)', async ({ request }) => {
  for (const form of ['', 'index.html']) {
    const res = await request.get(form, { maxRedirects: 0 });
    expect.soft(res.status(), `/${form}`).toBe(200);
    expect
      .soft(/<h1[^>]*>(.*?)<\/h1>/s.exec(await res.text())?.[1], `/${form}`)
      .toBe('TelenorID+ Developer Portal');
  }
});

// The browser follows both redirect forms, keeping the query string and landing on the #fragment.
for (const form of ['TelenorID_Plus_-_authorize.html', 'TelenorID_Plus_-_authorize']) {
  test(`a browser following /${form}?…#… keeps the query and lands on the section`, async ({ page }) => {
    await page.goto(`${form}?from=bookmark#force-authentication-and-ignore-sso`);
    await expectLandedOn(page, '/api/authorize');
    expect(new URL(page.url()).search).toBe('?from=bookmark');
    await expect.poll(() => new URL(page.url()).hash).toBe('#force-authentication-and-ignore-sso');
    await expect(page.locator('[id="force-authentication-and-ignore-sso"]')).toBeInViewport();
  });
}

for (const form of ['TelenorID_Plus_-_QandA.html', 'TelenorID_Plus_-_QandA']) {
  test(`every old FAQ anchor on /${form} lands on its answer`, async ({ page }) => {
    test.setTimeout(10_000 * oldFaqAnchors.length + 30_000); // one navigation per anchor
    for (const [anchor, answer] of oldFaqAnchors) {
      await test.step(`#${anchor.slice(0, 40)}… → ${answer}`, async () => {
        await page.goto(`${form}#${anchor}`);
        await expectLandedOn(page, answer);
      });
    }
  });
}

const anchorsByTarget = new Map<string, typeof oldAnchors>();
for (const entry of oldAnchors)
  anchorsByTarget.set(entry[2], [...(anchorsByTarget.get(entry[2]) ?? []), entry]);
for (const [target, anchors] of anchorsByTarget) {
  test(`every old in-page anchor of ${target} lands on its section`, async ({ page }) => {
    test.setTimeout(10_000 * anchors.length + 30_000); // one navigation per anchor
    for (const [name, anchor, , id] of anchors) {
      await test.step(`/${name}.html#${anchor} → ${target}#${id}`, async () => {
        await page.goto(`${name}.html#${anchor}`);
        await expectLandedOn(page, target);
        await expect(page.locator(`[id="${id}"]`)).toBeAttached();
        await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toBe(`#${id}`);
        await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
      });
    }
  });
}
