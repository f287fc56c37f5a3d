// The logout tryout's runner (src/oidc/runners/logout.ts) against both engines, with the navigations a
// browser would make done over HTTP: log in, log out (end session with and without a logout URI, or the
// custom logout), then prompt=none must answer login_required and the refresh token invalid_grant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../src/mocks/node';
import { mockAuthorize, mockEndSession, resetMockTenant } from '../../src/mocks/tenant';
import { failureSentence, fetchDiscovery, type ClientSettings } from '../../src/oidc';
import { refreshTokens } from '../../src/oidc/tokens';
import { testClient, type Engine } from '../../src/oidc/catalogue/fixtures';
import { mockIssuer } from '../../src/oidc/environments';
import {
  buildLogout,
  buildLogoutLogin,
  buildSessionCheck,
  checkAfterLogout,
  refreshLeftBehindLine,
  finishLogoutLogin,
  readLogoutReturn,
  runCustomLogout,
  type LoggedIn,
  type LogoutReturn,
} from '../../src/oidc/runners/logout';
import { startTenant, type RunningTenant } from '../../src/tenant';
import { mockAuthorizeAs } from './support/mock-login';
import { TenantBrowser } from './support/tenant-browser';

const redirectUri = 'http://localhost:3000/callback/';
const ctx = { environment: 'the engine', corsLikely: false };
let tenant: RunningTenant;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  tenant = await startTenant({ port: 0, allowedOrigins: [] });
});
afterAll(async () => {
  server.close();
  resetMockTenant();
  await tenant?.close();
});

/** What a browser does at each engine: follow /authorize (picking the test user), the logout, a silent check. */
type Browser = {
  settings: ClientSettings;
  authorize(url: string): Promise<string>;
  /** Where the logout ends: the callback URL, or the text of the provider's own page. */
  logout(url: string): Promise<{ callback?: string; page?: string }>;
  silent(url: string): Promise<string>;
};

async function browserAt(
  engine: Engine,
  clientType: 'PublicWithRefresh' | 'MobileApp' = 'PublicWithRefresh',
): Promise<Browser> {
  const issuer = engine === 'mock' ? mockIssuer : tenant.issuer;
  const discovery = await fetchDiscovery(issuer);
  if (!discovery.ok) throw new Error(discovery.failure.code);
  const settings = {
    discovery: discovery.document,
    issuer,
    clientId: testClient(engine, clientType).clientId,
  };
  if (engine === 'mock') {
    resetMockTenant();
    const params = (url: string) => new URL(url).searchParams;
    return {
      settings,
      async authorize(url) {
        const answer = await mockAuthorizeAs(params(url));
        if (answer.kind !== 'redirect') throw new Error(answer.kind);
        return answer.redirectTo;
      },
      async logout(url) {
        const answer = await mockEndSession(params(url));
        return answer.redirectTo ? { callback: answer.redirectTo } : { page: answer.message };
      },
      async silent(url) {
        const answer = await mockAuthorize(params(url));
        if (answer.kind !== 'redirect') throw new Error(answer.kind);
        return answer.redirectTo;
      },
    };
  }
  const browser = new TenantBrowser(issuer);
  return {
    settings,
    authorize: async (url) => (await browser.authorizeAs(url, 'ulv')).url,
    async logout(url) {
      // The tenant's logout page submits itself (TelenorID+ asks nothing): submit it as the browser would.
      const { response } = await browser.follow(url);
      const html = await response.text();
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!;
      const action = /id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)![1]!;
      const done = await browser.follow(new URL(action, issuer).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ xsrf, logout: 'yes' }),
      });
      return done.url.startsWith(redirectUri)
        ? { callback: done.url }
        : { page: /<h1>([^<]+)<\/h1>/.exec(await done.response.text())?.[1] ?? '' };
    },
    silent: async (url) => (await browser.follow(url)).url,
  };
}

async function logIn(b: Browser): Promise<LoggedIn> {
  const built = await buildLogoutLogin(b.settings, redirectUri);
  if (!built.ok) throw new Error(built.failure.code);
  const report = await finishLogoutLogin(
    b.settings,
    await b.authorize(built.request.url),
    built.request.secrets,
    ctx,
  );
  expect(report.verdict.ok, report.verdict.line).toBe(true);
  expect(report.exchanges[0]).toMatchObject({ kind: 'http', title: 'Code exchange at /token', ok: true });
  return report.result!;
}

/** The proof; `beside`: the refresh goes out together with the prompt=none check, as the tryout sends it. */
async function afterLogout(
  b: Browser,
  loggedIn: LoggedIn,
  options: { refreshLeftBehind?: boolean; beside?: boolean } = {},
) {
  const { beside, ...rest } = options;
  const check = await buildSessionCheck(b.settings, redirectUri);
  if (!check.ok) throw new Error(check.failure.code);
  const refreshToken =
    loggedIn.refreshToken && !options.refreshLeftBehind ? loggedIn.refreshToken : undefined;
  const refreshed = beside && refreshToken ? refreshTokens(b.settings, refreshToken) : undefined;
  return checkAfterLogout(
    b.settings,
    {
      checkUrl: check.request.url,
      checkState: check.request.secrets.state,
      callbackUrl: await b.silent(check.request.url),
      ...(refreshToken ? { refreshToken } : {}),
      ...(refreshed ? { refreshed } : {}),
      ...rest,
    },
    ctx,
  );
}

async function endSession(b: Browser, loggedIn: LoggedIn, returnTo: LogoutReturn) {
  const built = buildLogout(b.settings, {
    idToken: loggedIn.idToken,
    redirectUri,
    state: 'bye-42',
    returnTo,
  });
  if (!built.ok) throw new Error(built.failure.code);
  const landed = await b.logout(built.url);
  return { url: built.url, landed };
}

describe.each(['mock', 'local'] as const)('the logout runner on the %s engine', (engine) => {
  it('end_session back to the client: the state returns, prompt=none says login_required, the refresh token dies', async () => {
    const b = await browserAt(engine);
    const loggedIn = await logIn(b);
    expect(loggedIn.refreshToken).toBeTruthy();
    const { url, landed } = await endSession(b, loggedIn, 'back');
    expect(landed.callback).toBe(`${redirectUri}?state=bye-42`);
    const back = readLogoutReturn(url, { kind: 'callback', stateMatches: true }, 'back');
    expect(back.verdict.ok).toBe(true);
    // The exchange shows the request without the ID token, and its curl with a placeholder.
    const [exchange] = back.exchanges;
    expect(exchange?.kind === 'http' && exchange.url).not.toContain(loggedIn.idToken);
    expect(exchange?.kind === 'http' && exchange.curl).not.toContain(loggedIn.idToken);
    const after = await afterLogout(b, loggedIn);
    expect(after.result).toEqual({ sessionGone: true, refreshRefused: true });
    expect(after.verdict.line).toMatch(/^Logged out\. prompt=none now answers login_required.*invalid_grant/);
  });

  it('the refresh sent beside the prompt=none check, as the tryout sends it, is judged the same: refused after a logout, alive without one', async () => {
    const kept = await browserAt(engine);
    const alive = await afterLogout(kept, await logIn(kept), { beside: true });
    expect(alive.result).toEqual({ sessionGone: false, refreshRefused: false });
    const b = await browserAt(engine);
    const loggedIn = await logIn(b);
    await endSession(b, loggedIn, 'back');
    const after = await afterLogout(b, loggedIn, { beside: true });
    expect(after.result).toEqual({ sessionGone: true, refreshRefused: true });
    // The report keeps its order: the session check first, then the refresh.
    expect(after.exchanges.map((e) => e.title)).toEqual([
      'prompt=none at /authorize (hidden frame): is there a session?',
      'Refresh at /token with the session’s refresh token',
    ]);
  });

  it('a logout through the whole tab (popups blocked): the proof is prompt=none, and it says the refresh token stayed behind', async () => {
    const b = await browserAt(engine);
    const loggedIn = await logIn(b);
    await endSession(b, loggedIn, 'back');
    const after = await afterLogout(b, loggedIn, { refreshLeftBehind: true });
    // No refresh was sent: nothing to refuse, and nothing claimed about it but why it was not tried.
    expect(after.result).toEqual({ sessionGone: true, refreshRefused: undefined });
    expect(after.exchanges.map((e) => e.title)).toEqual([
      'prompt=none at /authorize (hidden frame): is there a session?',
    ]);
    expect(after.verdict).toEqual({
      ok: true,
      line: `Logged out. prompt=none now answers login_required: the SSO session is gone. ${refreshLeftBehindLine}`,
    });
  });

  it('without a post_logout_redirect_uri the user stays on “You are now logged out”, and the session is still gone', async () => {
    const b = await browserAt(engine);
    const loggedIn = await logIn(b);
    const { url, landed } = await endSession(b, loggedIn, 'white_page');
    expect(landed.page).toBe('You are now logged out');
    const report = readLogoutReturn(url, { kind: 'closed' }, 'white_page');
    expect(report.verdict).toMatchObject({ ok: true, line: /stayed on the provider's page/ });
    expect((await afterLogout(b, loggedIn)).result).toEqual({ sessionGone: true, refreshRefused: true });
  });

  it('custom logout (a native app): 200 with the state, then the same proof; again: Already logged out', async () => {
    const b = await browserAt(engine);
    const loggedIn = await logIn(b);
    const first = await runCustomLogout(b.settings, { idToken: loggedIn.idToken, state: 'app-7' }, ctx);
    expect(first.verdict).toMatchObject({ ok: true, line: /200 with the state this page sent/ });
    expect(first.exchanges[0]).toMatchObject({ statusLine: '200 app-7', method: 'POST' });
    expect(first.exchanges[0]?.kind === 'http' && first.exchanges[0].curl).not.toContain(loggedIn.idToken);
    expect((await afterLogout(b, loggedIn)).result).toEqual({ sessionGone: true, refreshRefused: true });
    const again = await runCustomLogout(b.settings, { idToken: loggedIn.idToken, state: 'app-7' }, ctx);
    expect(again.verdict.line).toMatch(/Already logged out/);
  });

  it('a native test client (MobileApp) logs out by the custom logout, and its Mobile refresh token dies too', async () => {
    const b = await browserAt(engine, 'MobileApp');
    const loggedIn = await logIn(b);
    expect(
      (await runCustomLogout(b.settings, { idToken: loggedIn.idToken, state: 'm' }, ctx)).verdict.ok,
    ).toBe(true);
    expect((await afterLogout(b, loggedIn)).result).toEqual({ sessionGone: true, refreshRefused: true });
  });

  it('without a logout the proof fails and says so: the session is alive, the refresh token works', async () => {
    const b = await browserAt(engine);
    const loggedIn = await logIn(b);
    const report = await afterLogout(b, loggedIn);
    expect(report.verdict.ok).toBe(false);
    expect(report.result).toEqual({ sessionGone: false, refreshRefused: false });
    expect(report.verdict.line).toMatch(/session is alive.*refresh token still works/);
  });

  it('a forged id_token_hint at the custom logout is 401 Invalid token, in a sentence', async () => {
    const b = await browserAt(engine);
    const loggedIn = await logIn(b);
    const [h, p] = loggedIn.idToken.split('.');
    const forged = `${h}.${p}.${'A'.repeat(342)}`;
    const report = await runCustomLogout(b.settings, { idToken: forged, state: 's' }, ctx);
    expect(report.verdict.ok).toBe(false);
    expect(report.verdict.failure?.status).toBe(401);
    expect(report.verdict.line).toMatch(/401/);
  });
});

describe('a blocked popup, as the tryout says it', () => {
  it('asks to allow popups and does not blame session storage (runLogin got no redirect to fall back on)', () => {
    const line = failureSentence(
      { kind: 'popup_blocked' },
      { step: 'end_session', ...ctx, unchanged: 'Nothing was changed.' },
    );
    expect(line).toBe(
      'The popup was blocked: allow popups for this site, then try again. Nothing was changed.',
    );
  });
});
