// The refresh-error simulator's runner (src/oidc/refresh-causes.ts) against both engines over real
// HTTP: the mock (MSW's node server) and the local tenant (oidc-provider on port 0). Each cause must
// end in the verdict a reader sees in the simulator, with its exchanges redacted, and drop the tokens
// after invalid_grant. Time passes by moving Date.now, which both engines read.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAuthorizationRequest,
  discoverProvider,
  mockIssuer,
  refreshRefusalHeadlines,
  type ClientSettings,
  type ClientTypeName,
  type TokenSet,
} from '../../src/oidc';
import {
  completeRefreshLogin,
  mockRefreshStage,
  noRefreshTokenPurpose,
  otherClientType,
  runRefresh,
  runRefreshCause,
  tenantRefreshStage,
  type RefreshRun,
  type RefreshStage,
} from '../../src/oidc/runners/refresh-causes';
import {
  defaultTestUserId,
  shortRefreshLifetimeSeconds,
  testClient,
  type Engine,
} from '../../src/oidc/catalogue/fixtures';
import { mockControl } from '../../src/mocks/control';
import { testClock } from '../../src/oidc/test-clock';
import { server } from '../../src/mocks/node';
import { resetMockTenant } from '../../src/mocks/tenant';
import { startTenant, type RunningTenant } from '../../src/tenant';
import { mockAuthorizeAs } from './support/mock-login';
import { TenantBrowser } from './support/tenant-browser';

const redirectUri = 'http://localhost:3000/callback/';
const realNow = Date.now.bind(Date);
let offsetMs = 0;
let tenant: RunningTenant;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  tenant = await startTenant({ port: 0, allowedOrigins: [] });
  Date.now = () => realNow() + offsetMs;
});
afterEach(() => {
  offsetMs = 0;
  resetMockTenant();
});
afterAll(async () => {
  Date.now = realNow;
  server.close();
  await tenant?.close();
});

/** One engine as the simulator sees it: its issuer, a browser in front of it, and its stage. */
type Engine_ = {
  engine: Engine;
  issuer: () => string;
  settings(type: ClientTypeName, short?: boolean): Promise<ClientSettings>;
  /** A login round trip: the callback URL the browser lands on. */
  authorize(url: string): Promise<string>;
  stage(): RefreshStage;
};

const discoveries = new Map<string, Record<string, unknown>>();
async function settingsAt(engine: Engine, issuer: string, type: ClientTypeName, short = false) {
  let discovery = discoveries.get(issuer);
  if (!discovery) {
    const found = await discoverProvider(issuer);
    if (!found.ok) throw new Error(found.failure.code);
    discovery = found.document;
    discoveries.set(issuer, discovery);
  }
  const client = testClient(engine, type, { short });
  return {
    discovery,
    issuer,
    clientId: client.clientId,
    ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}),
  } as ClientSettings;
}

const mock: Engine_ = {
  engine: 'mock',
  issuer: () => mockIssuer,
  settings: (type, short) => settingsAt('mock', mockIssuer, type, short),
  async authorize(url) {
    const answer = await mockAuthorizeAs(new URL(url).searchParams);
    if (answer.kind !== 'redirect') throw new Error(`no redirect: ${answer.kind}`);
    return answer.redirectTo;
  },
  stage: () => mockRefreshStage(mockControl()),
};

let browser: TenantBrowser;
const local: Engine_ = {
  engine: 'local',
  issuer: () => tenant.issuer,
  settings: (type, short) => settingsAt('local', tenant.issuer, type, short),
  async authorize(url) {
    browser = new TenantBrowser(tenant.issuer);
    return (await browser.authorizeAs(url, defaultTestUserId)).url;
  },
  stage: () =>
    tenantRefreshStage({
      async wait(seconds) {
        offsetMs += seconds * 1000;
        return true;
      },
      async logout(url, state) {
        const { response } = await browser.follow(url);
        const html = await response.text();
        const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
        const action = /id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1];
        if (!xsrf || !action) return 'not_back';
        const done = await browser.follow(new URL(action, tenant.issuer).href, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ xsrf, logout: 'yes' }),
        });
        return new URL(done.url).searchParams.get('state') === state ? 'done' : 'not_back';
      },
    }),
};

async function logIn(
  e: Engine_,
  type: ClientTypeName,
  options: { offline?: boolean; short?: boolean; cause?: 'no_refresh_token' } = {},
): Promise<{ run: RefreshRun; settings: ClientSettings }> {
  const settings = await e.settings(type, options.short);
  const offline = options.offline ?? true;
  const built = await buildAuthorizationRequest(settings, {
    redirectUri,
    scope: offline ? 'openid offline_access' : 'openid',
  });
  if (!built.ok) throw new Error(built.failure.code);
  const callback = await e.authorize(built.request.url);
  const run = await completeRefreshLogin(
    settings,
    callback,
    built.request.secrets,
    options.cause ? noRefreshTokenPurpose(type) : { clientType: type, offline },
    { stage: e.stage() },
  );
  return { run, settings };
}

function held(run: RefreshRun): TokenSet {
  if (!run.result.tokens?.refreshToken) throw new Error(`no refresh token: ${run.verdict.line}`);
  return run.result.tokens;
}

/** Nothing a reader copies holds a token: every curl and body shows it shortened or as a placeholder. */
function expectRedacted(run: RefreshRun, tokens: TokenSet) {
  const shown = JSON.stringify(run.exchanges);
  for (const t of [tokens.refreshToken, tokens.accessToken, tokens.idToken])
    if (t) expect(shown).not.toContain(t);
}

const titles = (run: RefreshRun) =>
  run.exchanges.map((x) => (x.kind === 'stage' ? `(stage) ${x.title}` : x.title));

describe.each([mock, local])('the refresh causes on the $engine engine', (e) => {
  it('a login with offline_access holds a refresh token; a refresh rotates it (sliding policy)', async () => {
    const { run, settings } = await logIn(e, 'PublicWithRefresh');
    expect(run.verdict).toMatchObject({
      ok: true,
      line: '200 OK — logged in as PublicWithRefresh; a refresh token was issued.',
    });
    expect(titles(run)[0]).toBe('Code exchange (login)');
    const tokens = held(run);
    const refreshed = await runRefresh(settings, tokens);
    expect(refreshed.verdict.line).toBe(
      '200 OK — new tokens; the refresh token was rotated: the old one is now used up.',
    );
    expect(refreshed.result.rotation?.before).toBe(tokens.refreshToken);
    expect(refreshed.result.rotation?.after).toBe(refreshed.result.tokens?.refreshToken);
    expect(refreshed.result.tokens?.refreshToken).not.toBe(tokens.refreshToken);
    const [exchange] = refreshed.exchanges;
    expect(exchange).toMatchObject({ kind: 'http', status: 200, title: 'Refresh' });
    expect(exchange?.kind === 'http' && exchange.curl).toContain('grant_type=refresh_token');
    expectRedacted(refreshed, tokens);
  });

  it('a Confidential refresh keeps its token (fixed policy), and says so', async () => {
    const { run, settings } = await logIn(e, 'Confidential');
    const refreshed = await runRefresh(settings, held(run));
    expect(refreshed.verdict.line).toMatch(/^200 OK — new tokens; the refresh token was not rotated/);
    expect(refreshed.result.tokens?.refreshToken).toBe(run.result.tokens?.refreshToken);
    // The curl shows the secret as a placeholder, never the published test value.
    const curl = refreshed.exchanges[0]?.kind === 'http' ? refreshed.exchanges[0].curl : '';
    expect(curl).not.toContain(testClient(e.engine, 'Confidential').clientSecret!);
  });

  it('1. expired: time passes past the policy’s lifetime, then invalid_grant and the tokens are gone', async () => {
    const { run, settings } = await logIn(e, 'PublicWithRefresh');
    const out = await runRefreshCause('expired', {
      clientType: 'PublicWithRefresh',
      settings,
      tokens: held(run),
      stage: e.stage(),
    });
    expect(out.verdict.line).toMatch(new RegExp(`^400 invalid_grant — ${refreshRefusalHeadlines.expired}`));
    expect(out.verdict).toMatchObject({ ok: false, cause: 'expired' });
    expect(out.result.tokens).toBeUndefined();
    expect(titles(out).at(-1)).toBe('Refresh after the lifetime');
    if (e.engine === 'mock') expect(titles(out)[0]).toMatch(/^\(stage\) The mock moves its clock .* forward/);
    expectRedacted(out, run.result.tokens!);
  });

  it('2. revoked: the revocation answers 200, the refresh after it invalid_grant', async () => {
    const { run, settings } = await logIn(e, 'PublicWithRefresh');
    const out = await runRefreshCause('revoked', {
      clientType: 'PublicWithRefresh',
      settings,
      tokens: held(run),
      stage: e.stage(),
    });
    expect(titles(out)).toEqual(['Revocation (RFC 7009)', 'Refresh with the revoked token']);
    expect(out.exchanges.map((x) => x.kind === 'http' && x.status)).toEqual([200, 400]);
    expect(out.verdict.line).toContain(`400 invalid_grant — ${refreshRefusalHeadlines.revoked}`);
    expect(out.result.tokens).toBeUndefined();
  });

  it('3. reused after rotation (MobileApp): the old token is refused and the new one dies with it', async () => {
    const { run, settings } = await logIn(e, 'MobileApp');
    const out = await runRefreshCause('reused', {
      clientType: 'MobileApp',
      settings,
      tokens: held(run),
      stage: e.stage(),
    });
    expect(titles(out)).toEqual(['Refresh (rotates the token)', 'Refresh with the OLD token']);
    expect(out.verdict.line).toContain(`400 invalid_grant — ${refreshRefusalHeadlines.reused}`);
    expect(out.result.rotation?.after).toBeDefined();
    expect(out.result.rotation?.after).not.toBe(out.result.rotation?.before);
    expect(out.result.tokens).toBeUndefined();
    const again = await runRefresh(settings, {
      ...run.result.tokens!,
      refreshToken: out.result.rotation!.after!,
    });
    expect(again.verdict.failure?.code).toBe('invalid_grant');
  });

  it('3. reused, for a Confidential client: cannot fail, and the 200 says why', async () => {
    const { run, settings } = await logIn(e, 'Confidential');
    const out = await runRefreshCause('reused', {
      clientType: 'Confidential',
      settings,
      tokens: held(run),
      stage: e.stage(),
    });
    expect(out.verdict.ok).toBe(true);
    expect(out.verdict.line).toMatch(
      /^200 OK — Reuse after rotation cannot happen for a Confidential client/,
    );
    expect(titles(out)[1]).toBe('Refresh with the same token again');
    expect(out.result.tokens?.refreshToken).toBe(run.result.tokens?.refreshToken);
  });

  it('4. the SSO session ended: the logout is shown, then invalid_grant', async () => {
    const { run, settings } = await logIn(e, 'PublicWithRefresh');
    const out = await runRefreshCause('session_ended', {
      clientType: 'PublicWithRefresh',
      settings,
      tokens: held(run),
      stage: e.stage(),
      postLogoutRedirectUri: redirectUri,
    });
    expect(titles(out)[0]).toMatch(/^Logout \(end_session_endpoint, /);
    const logout = out.exchanges[0];
    // The logout is a navigation: its "curl" names the endpoint, never the ID token.
    expect(logout?.kind === 'http' && logout.curl).toContain('id_token_hint=<id_token>');
    expect(out.verdict.line).toContain(`400 invalid_grant — ${refreshRefusalHeadlines.session_ended}`);
    expect(out.result.tokens).toBeUndefined();
    expectRedacted(out, run.result.tokens!);
  });

  it('5. belongs to another client: presented with another client_id, invalid_grant', async () => {
    const { run, settings } = await logIn(e, 'Confidential');
    const otherClient = await e.settings(otherClientType('Confidential'));
    const out = await runRefreshCause('other_client', {
      clientType: 'Confidential',
      settings,
      tokens: held(run),
      stage: e.stage(),
      otherClient,
    });
    expect(titles(out)).toEqual([`Refresh presented by another client (${otherClient.clientId})`]);
    expect(out.verdict.line).toContain(`400 invalid_grant — ${refreshRefusalHeadlines.other_client}`);
    expect(out.result.tokens).toBeUndefined();
  });

  it('6. Public with offline_access, or another type without it: no refresh_token, and why', async () => {
    const pub = await logIn(e, 'Public', { cause: 'no_refresh_token' });
    expect(pub.run.verdict).toMatchObject({ ok: false, cause: 'no_refresh_token' });
    expect(pub.run.verdict.line).toBe(
      '200 OK — no refresh_token in the token response (no_refresh_token): the Public client type’s refresh policy (NoRefresh) issues none, even with offline_access.',
    );
    expect(pub.run.verdict.failure?.code).toBe('no_refresh_token');
    const web = await logIn(e, 'PublicWithRefresh', { cause: 'no_refresh_token', offline: false });
    expect(web.run.verdict.line).toMatch(/offline_access was not requested\.$/);
    const out = await runRefreshCause('revoked', {
      clientType: 'Public',
      settings: pub.settings,
      tokens: pub.run.result.tokens!,
      stage: e.stage(),
    });
    expect(out).toMatchObject({
      exchanges: [],
      verdict: { line: 'Log in first: this cause needs a refresh token.' },
    });
  });
});

describe('the tenant’s short-lived twin', () => {
  it('expires after its few seconds (the wait the simulator counts down)', async () => {
    const waited: number[] = [];
    const { run, settings } = await logIn(local, 'PublicWithRefresh', { short: true });
    const out = await runRefreshCause('expired', {
      clientType: 'PublicWithRefresh',
      settings,
      tokens: held(run),
      refreshLifetimeSeconds: shortRefreshLifetimeSeconds,
      stage: tenantRefreshStage({
        async wait(seconds) {
          waited.push(seconds);
          offsetMs += seconds * 1000;
          return true;
        },
        logout: async () => 'not_back',
      }),
    });
    expect(waited).toEqual([shortRefreshLifetimeSeconds + 1]);
    expect(out.verdict.line).toContain(refreshRefusalHeadlines.expired);
  });

  it('a wait cut short, or a logout that does not come back, stops the cause with a sentence and sends nothing', async () => {
    const { run, settings } = await logIn(local, 'PublicWithRefresh');
    const stage = tenantRefreshStage({ wait: async () => false, logout: async () => 'no_popup' });
    const input = { clientType: 'PublicWithRefresh' as const, settings, tokens: held(run), stage };
    const expired = await runRefreshCause('expired', input);
    expect(expired).toMatchObject({
      exchanges: [],
      verdict: { ok: false, line: 'The wait was cut short; nothing was refreshed.' },
    });
    expect(expired.result.tokens).toBe(input.tokens);
    const ended = await runRefreshCause('session_ended', input);
    expect(ended.verdict.line).toBe('Allow popups for this site: the logout runs in a popup window.');
    // The tokens were not touched: a refresh still works.
    expect((await runRefresh(settings, input.tokens)).verdict.ok).toBe(true);
  });
});

describe('a refresh the provider cannot be reached for', () => {
  it('keeps the tokens (transient): the answer says nothing about the login', async () => {
    const { run, settings } = await logIn(mock, 'PublicWithRefresh');
    const offline: ClientSettings = {
      ...settings,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    };
    const out = await runRefresh(offline, held(run));
    expect(out.verdict.ok).toBe(false);
    expect(out.result.tokens).toBe(run.result.tokens);
  });
});

describe('expiry by the tenant’s test clock instead of a wait', () => {
  const target = () => ({ environment: 'local' as const, issuer: tenant.issuer });
  afterEach(async () => {
    await testClock(target(), { reset: true });
  });
  const noWait = async () => {
    throw new Error('the clock jumps: nothing waits in real time');
  };

  it.each([
    ['PublicWithRefresh', '10 min'],
    ['Confidential', '14 days'],
    ['MobileApp', '90 days'],
  ] as const)(
    '%s: the clock jumps %s past the policy’s lifetime, then invalid_grant',
    async (type, shown) => {
      const { run, settings } = await logIn(local, type);
      const out = await runRefreshCause('expired', {
        clientType: type,
        settings,
        tokens: held(run),
        stage: tenantRefreshStage({
          wait: noWait,
          logout: async () => 'not_back',
          jump: (seconds) => testClock(target(), { advanceSeconds: seconds }),
        }),
      });
      const [jumped] = out.exchanges;
      expect(jumped).toMatchObject({ kind: 'stage' });
      expect(jumped?.kind === 'stage' && jumped.title).toBe(
        `The tenant’s test clock jumps ${shown} forward, past the refresh token’s lifetime`,
      );
      expect(jumped?.kind === 'stage' && jumped.note).toMatch(/^The clock is now .* ahead of real time;/);
      expect(out.verdict.line).toContain(`400 invalid_grant — ${refreshRefusalHeadlines.expired}`);
      expect(out.result.tokens).toBeUndefined();
    },
  );

  it('a clock that will not move stops the cause with its sentence and keeps the tokens', async () => {
    const { run, settings } = await logIn(local, 'PublicWithRefresh');
    const out = await runRefreshCause('expired', {
      clientType: 'PublicWithRefresh',
      settings,
      tokens: held(run),
      stage: tenantRefreshStage({
        wait: noWait,
        logout: async () => 'not_back',
        jump: async () => ({ ok: false, sentence: 'The local test tenant has no test clock (404).' }),
      }),
    });
    expect(out.verdict).toMatchObject({
      ok: false,
      line: 'The local test tenant has no test clock (404). Nothing was refreshed.',
    });
    expect(out.exchanges).toEqual([]);
    expect(out.result.tokens).toBe(run.result.tokens);
  });
});
