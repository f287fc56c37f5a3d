/**
 * The browser round trip, simulated in Node: two page loads (the mock authorize page, then the
 * widget page) share only sessionStorage, as in a real tab.
 */
import { calculatePKCECodeChallenge, randomPKCECodeVerifier } from 'openid-client';
import { afterEach, describe, expect, it, vi } from 'vitest';

type BrowserModule = typeof import('../../src/mocks/browser');
type TenantModule = typeof import('../../src/mocks/tenant');

const storage = new Map<string, string>();
const sessionStorageStub = {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
  removeItem: (k: string) => void storage.delete(k),
};

/** A fresh page load at `url`: new module instances (new memory), same sessionStorage. */
async function pageLoad(url: string): Promise<{ browser: BrowserModule; tenant: TenantModule }> {
  vi.resetModules();
  vi.stubGlobal('location', new URL(url));
  vi.stubGlobal('sessionStorage', sessionStorageStub);
  return { browser: await import('../../src/mocks/browser'), tenant: await import('../../src/mocks/tenant') };
}

afterEach(() => {
  vi.unstubAllGlobals();
  storage.clear();
});

describe('the mock in the browser: authorize page → widget page', () => {
  it('points discovery at the portal’s own authorize page under baseUrl', async () => {
    const { browser, tenant } = await pageLoad('https://portal.test/portal/docs/tools/scope-builder');
    browser.prepareMockTenant({ baseUrl: '/portal/' });
    expect(tenant.mockDiscoveryDocument()['authorization_endpoint']).toBe(
      'https://portal.test/portal/mock/authorize/',
    );
    expect(tenant.mockDiscoveryDocument()['end_session_endpoint']).toBe(
      'https://portal.test/portal/mock/logout/',
    );
  });

  it('issues a code on one page load that the token endpoint redeems on the next, SSO session included', async () => {
    const verifier = randomPKCECodeVerifier();
    const redirectUri = 'https://portal.test/portal/callback/';
    const params = new URLSearchParams({
      client_id: 'mock-mobile',
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid profile offline_access',
      state: 'st',
      nonce: 'nn',
      code_challenge: await calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const authorizePage = await pageLoad(`https://portal.test/portal/mock/authorize?${params}`);
    const screen = await authorizePage.browser.answerMockAuthorizePage({ baseUrl: '/portal/' });
    // No session yet: the login screen lists the fixture users; the reader picks the guide's test user.
    if (screen.kind !== 'login') throw new Error(`expected the login screen, got ${screen.kind}`);
    expect(screen.users.map((u) => u.msisdn)).toContain('+4799957009');
    const answer = await authorizePage.browser.answerMockLogin({
      baseUrl: '/portal/',
      request: screen.request,
      userId: 'ulv',
    });
    if (answer.kind !== 'redirect') throw new Error(answer.kind);
    expect(answer.outcome).toBe('code');
    const sessionId = authorizePage.tenant.getMockScenario().sessionId;
    expect([...storage.values()].join()).not.toMatch(/eyJ/); // no token or code is persisted

    const widgetPage = await pageLoad(answer.redirectTo);
    widgetPage.browser.prepareMockTenant({ baseUrl: '/portal/' });
    expect(widgetPage.tenant.getMockScenario()).toMatchObject({ ssoSession: true, sessionId });
    const code = new URL(answer.redirectTo).searchParams.get('code')!;
    const tokens = await widgetPage.tenant.mockTokenEndpoint(
      new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: 'mock-mobile',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }),
      null,
    );
    expect(tokens.status).toBe(200);
    const refresh = await widgetPage.tenant.mockTokenEndpoint(
      new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: 'mock-mobile',
        refresh_token: String((tokens.json as Record<string, unknown>)['refresh_token']),
      }),
      null,
    );
    expect(refresh.status).toBe(200);
  });

  it('shows an error page for a redirect_uri on another origin', async () => {
    const params = new URLSearchParams({ client_id: 'mock-public', redirect_uri: 'https://evil.test/cb' });
    const page = await pageLoad(`https://portal.test/mock/authorize?${params}`);
    expect(await page.browser.answerMockAuthorizePage({ baseUrl: '/' })).toMatchObject({
      kind: 'error_page',
      error: 'invalid_redirect_uri',
    });
  });

  it.each([
    ['another origin', 'https://elsewhere.example/'],
    ['another page of the portal', 'https://portal.test/docs/tools/scope-builder'],
    ['the callback under another base URL', 'https://portal.test/callback/'],
    ['the callback with a query', 'https://portal.test/portal/callback/?x=1'],
    ['a user name before the host', 'https://portal.test@elsewhere.example/portal/callback/'],
    ['plain http on the portal’s host', 'http://portal.test/portal/callback/'],
  ])('redirects only to the portal’s own callback, not to %s', async (_what, uri) => {
    const params = new URLSearchParams({
      client_id: 'mock-public',
      redirect_uri: uri,
      response_type: 'code',
      scope: 'openid',
      state: 's',
      code_challenge: await calculatePKCECodeChallenge(randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const page = await pageLoad(`https://portal.test/portal/mock/authorize?${params}`);
    expect(await page.browser.answerMockAuthorizePage({ baseUrl: '/portal/' })).toMatchObject({
      kind: 'error_page',
      error: 'invalid_redirect_uri',
    });
  });

  it('does not follow a post_logout_redirect_uri off the portal’s callback', async () => {
    const page = await pageLoad(
      'https://portal.test/mock/logout?post_logout_redirect_uri=https://elsewhere.example/',
    );
    page.tenant.setMockScenario({ ssoSession: true });
    const r = await page.browser.answerMockLogoutPage({ baseUrl: '/' });
    expect(r.redirectTo).toBeUndefined();
  });

  it('a logout in the popup ends the session of the page that opened it (same origin only)', async () => {
    const target = new EventTarget();
    vi.stubGlobal('window', target);
    const page = await pageLoad('https://portal.test/tools/logout');
    page.browser.prepareMockTenant({ baseUrl: '/' });
    const { sessionId } = page.tenant.setMockScenario({ ssoSession: true });
    const tell = (origin: string, id: string) =>
      target.dispatchEvent(
        new MessageEvent('message', {
          origin,
          data: { type: page.browser.mockSessionEndedMessage, sessionId: id },
        }),
      );
    tell('https://elsewhere.example', sessionId);
    tell('https://portal.test', 'another-session');
    expect(page.tenant.getMockScenario().ssoSession).toBe(true);
    tell('https://portal.test', sessionId);
    expect(page.tenant.getMockScenario().ssoSession).toBe(false);
  });

  it('the logout page takes the widget page’s ID token as id_token_hint without making a key of its own', async () => {
    // The hint was signed in another page's memory (the widget page's key): the logout page, a new
    // document, has none, and making one (an RSA key pair) only to compare kids cost ~300 ms a logout.
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const hint = `${b64({ alg: 'RS256', kid: 'mock-widget-page', typ: 'JWT' })}.${b64({ iss: 'https://mock.telenorid.invalid', aud: 'mock-mobile', sub: 'x' })}.c2ln`;
    const page = await pageLoad(
      `https://portal.test/mock/logout?${new URLSearchParams({ id_token_hint: hint, post_logout_redirect_uri: 'https://portal.test/callback/', state: 'st' })}`,
    );
    page.tenant.setMockScenario({ ssoSession: true });
    const generateKey = vi.spyOn(globalThis.crypto.subtle, 'generateKey');
    try {
      const r = await page.browser.answerMockLogoutPage({ baseUrl: '/' });
      expect(r.redirectTo).toBe('https://portal.test/callback/?state=st');
      expect(page.tenant.getMockScenario().ssoSession).toBe(false);
      expect(generateKey).not.toHaveBeenCalled();
    } finally {
      generateKey.mockRestore();
    }
  });

  it('starting the mock starts making its signing key, so the first /token after a page load does not wait for it', async () => {
    const page = await pageLoad('https://portal.test/tools/scope-builder');
    const generateKey = vi.spyOn(globalThis.crypto.subtle, 'generateKey');
    vi.doMock('msw/browser', () => ({ setupWorker: () => ({ start: () => new Promise(() => undefined) }) }));
    try {
      void page.browser.startMocks({ baseUrl: '/' });
      await vi.waitFor(() => expect(generateKey).toHaveBeenCalledTimes(1));
    } finally {
      vi.doUnmock('msw/browser');
      generateKey.mockRestore();
    }
  });

  it('ends the session on the mock logout page and returns to the site', async () => {
    const page = await pageLoad(
      'https://portal.test/mock/logout?post_logout_redirect_uri=https://portal.test/callback/',
    );
    page.tenant.setMockScenario({ ssoSession: true });
    const r = await page.browser.answerMockLogoutPage({ baseUrl: '/' });
    expect(r.message).toBe('You are now logged out');
    expect(r.detail).toMatch(/without an id_token_hint/);
    expect(page.tenant.getMockScenario().ssoSession).toBe(false);
  });
});
