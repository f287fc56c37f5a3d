// The silent-check runner (src/oidc/runners/silent-checks.ts) at the local test tenant, over real loopback
// HTTP with a cookie jar (no MSW here): the same verdicts and exchanges as on the mock
// (silent-checks.test.ts), from a real OpenID Provider.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fetchDiscovery,
  finishTryoutLogin,
  planSilentCheck,
  runSilentCheck,
  type ClientSettings,
  type SilentArrival,
  type HttpExchange,
  type SilentCheckReport,
} from '../../src/oidc';
import { testClient, testUsers } from '../../src/oidc/catalogue/fixtures';
import { startTenant, type RunningTenant } from '../../src/tenant';
import { TenantBrowser } from './support/tenant-browser';

async function settingsAt(issuer: string, clientId: string): Promise<ClientSettings> {
  const d = await fetchDiscovery(issuer);
  if (!d.ok) throw new Error(d.failure.code);
  return { discovery: d.document, issuer, clientId };
}

function ran(result: Awaited<ReturnType<typeof runSilentCheck>>): SilentCheckReport {
  if (!result.ok) throw new Error(result.failure.code);
  return result.report;
}

function tokenExchange(report: SilentCheckReport): HttpExchange {
  const e = report.exchanges[1];
  if (e?.kind !== 'http') throw new Error('token not sent');
  return e;
}

describe('the runner on the local tenant', () => {
  let tenant: RunningTenant;
  const redirectUri = 'http://localhost:3000/callback/';
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
  });
  afterAll(async () => tenant?.close());

  it('fresh browser → login_required; after a login → a code exchanged for Ulv; a native client → interaction_required', async () => {
    const browser = new TenantBrowser(tenant.issuer);
    const web = await settingsAt(tenant.issuer, testClient('local', 'Public').clientId);
    const viaTenant = async (url: string): Promise<SilentArrival> => ({
      kind: 'callback',
      url: (await browser.follow(url)).url,
    });

    const fresh = ran(await runSilentCheck(web, { redirectUri, mode: 'iframe' }, viaTenant));
    expect(fresh.result.outcome).toBe('login_required');
    expect(fresh.exchanges).toHaveLength(1);

    const planned = await planSilentCheck(web, { redirectUri, mode: 'iframe' });
    if (!planned.ok) throw new Error(planned.failure.code);
    const interactive = new URL(planned.plan.authorizeUrl);
    interactive.searchParams.delete('prompt');
    const { url } = await browser.authorizeAs(interactive.href, testUsers[0]!.id);
    const login = await finishTryoutLogin(web, url, planned.plan.secrets, {
      step: 'authorize',
      environment: 'Local test tenant',
      corsLikely: false,
      isLocal: true,
    });
    expect(login.note).toBe(
      'Logged in at Local test tenant as Ulv Telenormobilno: the browser now has an SSO session.',
    );

    const after = ran(await runSilentCheck(web, { redirectUri, mode: 'redirect' }, viaTenant));
    expect(after.verdict.ok).toBe(true);
    expect(after.result).toMatchObject({
      outcome: 'session',
      exchanged: true,
      user: { name: 'Ulv Telenormobilno' },
    });
    const token = tokenExchange(after);
    expect(token.status).toBe(200);
    expect(token.curl).toContain(`${tenant.issuer}/`);
    expect(token.curl).toContain('<code>');

    const native = await settingsAt(tenant.issuer, testClient('local', 'MobileApp').clientId);
    const app = ran(await runSilentCheck(native, { redirectUri, mode: 'iframe' }, viaTenant));
    expect(app.result.outcome).toBe('interaction_required');
  });

  it('consent required at the tenant: consent_required, the tenant’s own words kept in the failure', async () => {
    const browser = new TenantBrowser(tenant.issuer);
    const web = await settingsAt(tenant.issuer, testClient('local', 'Public').clientId);
    const planned = await planSilentCheck(web, { redirectUri, mode: 'iframe' });
    if (!planned.ok) throw new Error(planned.failure.code);
    const interactive = new URL(planned.plan.authorizeUrl);
    interactive.searchParams.delete('prompt');
    await browser.authorizeAs(interactive.href, testUsers[0]!.id);
    const toggle = (on: boolean) =>
      fetch(`${tenant.issuer}/__tenant/scenario`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ set: { consentRequired: on } }),
      });
    expect((await toggle(true)).status).toBe(200);
    try {
      const run = ran(
        await runSilentCheck(web, { redirectUri, mode: 'iframe' }, async (url) => ({
          kind: 'callback',
          url: (await browser.follow(url)).url,
        })),
      );
      expect(run.result.outcome).toBe('consent_required');
      expect(run.verdict.failure?.error).toBe('consent_required');
    } finally {
      await toggle(false);
    }
  });
});
