// Silent authentication (prompt=none) at the local test tenant: a real OpenID Provider answers
// login_required without a session, a code after a login, interaction_required to a native client,
// and login_required again after RP-initiated logout. Real loopback requests: no MSW here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildEndSessionRequest,
  buildSilentAuthRequest,
  fetchDiscovery,
  readSilentAnswer,
  type ClientSettings,
} from '../../src/oidc';
import { startTenant, testUsers, type RunningTenant } from '../../src/tenant';
import { TenantBrowser } from './support/tenant-browser';

describe('the local test tenant answers the same checks', () => {
  let tenant: RunningTenant;
  const tenantRedirect = 'http://localhost:3000/callback/';
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
  });
  afterAll(async () => tenant?.close());

  async function settings(clientId: string): Promise<ClientSettings> {
    const d = await fetchDiscovery(tenant.issuer);
    if (!d.ok) throw new Error(d.failure.code);
    return { discovery: d.document, issuer: tenant.issuer, clientId };
  }

  it('fresh browser: login_required; after a login: a code; native client: interaction_required', async () => {
    const browser = new TenantBrowser(tenant.issuer);
    const web = await settings('local-public');
    const check = async (s: ClientSettings) => {
      const built = await buildSilentAuthRequest(s, { redirectUri: tenantRedirect, scope: 'openid profile' });
      if (!built.ok) throw new Error(built.failure.code);
      const { url } = await browser.follow(built.request.url);
      return readSilentAnswer(url, built.request.secrets.state);
    };
    expect((await check(web)).outcome).toBe('login_required');

    // an interactive login as the first test user
    const login = await buildSilentAuthRequest(web, { redirectUri: tenantRedirect, scope: 'openid' });
    if (!login.ok) throw new Error(login.failure.code);
    const interactive = new URL(login.request.url);
    interactive.searchParams.delete('prompt');
    await browser.authorizeAs(interactive.href, testUsers[0]!.id);

    const after = await check(web);
    expect(after.outcome).toBe('session');
    expect((await check(await settings('local-mobile'))).outcome).toBe('interaction_required');

    // RP-initiated logout without an id_token_hint (the page may have been reloaded): client_id names the client
    const end = buildEndSessionRequest(web, { postLogoutRedirectUri: tenantRedirect, state: 'bye' });
    if (!end.ok) throw new Error(end.failure.code);
    expect(new URL(end.url).searchParams.get('client_id')).toBe('local-public');
    const { response } = await browser.follow(end.url);
    const html = await response.text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!;
    const action = /id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)![1]!;
    const { url } = await browser.follow(new URL(action, tenant.issuer).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    expect(url).toBe(`${tenantRedirect}?state=bye`);
    expect((await check(web)).outcome).toBe('login_required');
  });
});
