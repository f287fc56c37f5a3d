// The code-flow runner (src/oidc/runners/code-flow.ts) against both engines, the mock (MSW's node server)
// and the local tenant (oidc-provider on port 0): the exchanges a reader sees and one verdict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../src/mocks/node';
import { resetMockTenant } from '../../src/mocks/tenant';
import { startTenant, type RunningTenant } from '../../src/tenant';
import { runCodeFlow } from '../../src/oidc/runners/code-flow';
import { forgetDiscoveries, providerSession, type ProviderSession } from '../../src/oidc/session';
import { mockIssuer } from '../../src/oidc/environments';
import { mockDriver, redirectUri, tenantDriver, type EngineDriver } from './conformance/engines';

let tenant: RunningTenant;
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  tenant = await startTenant({ port: 0, allowedOrigins: [] });
});
afterAll(async () => {
  server.close();
  resetMockTenant();
  forgetDiscoveries();
  await tenant?.close();
});

const portal = { origin: 'http://localhost:3000', baseUrl: '/' };
const engines: [string, () => { driver: EngineDriver; session: ProviderSession }][] = [
  [
    'mock',
    () => ({
      driver: mockDriver(),
      session: providerSession(
        { id: 'mock', label: 'Mock', issuer: mockIssuer, corsLikely: false },
        { portal },
      ),
    }),
  ],
  [
    'local tenant',
    () => ({
      driver: tenantDriver(tenant.issuer),
      session: providerSession(
        { id: 'local', label: 'Local test tenant', issuer: tenant.issuer, corsLikely: false },
        { portal },
      ),
    }),
  ],
];

async function login(driver: EngineDriver, session: ProviderSession, scope: string) {
  await driver.reset();
  const outcome = await driver.authorize({ clientType: 'Public', scope });
  if (!outcome.callback) throw new Error(JSON.stringify(outcome.errorPage));
  const settings = await session.clientSettings('Public');
  if (!settings.ok) throw new Error(settings.problem.sentence);
  return {
    settings: settings.settings,
    callbackUrl: outcome.callback.href,
    secrets: { codeVerifier: outcome.verifier, state: outcome.state, nonce: outcome.nonce, redirectUri },
  };
}

describe.each(engines)('runCodeFlow on the %s', (_name, make) => {
  it('returns the code exchange and /userinfo, redacted, and a Done verdict naming the client', async () => {
    const { driver, session } = make();
    const input = await login(driver, session, 'openid profile');
    const report = await runCodeFlow({
      ...input,
      requestedScopes: ['openid', 'profile'],
      context: session.failureContext('token'),
    });
    expect(report.verdict).toEqual({
      ok: true,
      line: `Done: tokens received from ${session.environment.label} for ${input.settings.clientId}; the claims are marked with the scope they came from.`,
    });
    expect(report.exchanges.map((e) => e.title)).toEqual([
      'Code exchange at /token',
      'The /userinfo request',
    ]);
    const token = report.exchanges[0]!;
    if (token.kind !== 'http') throw new Error('not an exchange');
    expect(token).toMatchObject({ method: 'POST', status: 200, statusLine: '200 OK', ok: true });
    const code = new URL(input.callbackUrl).searchParams.get('code')!;
    expect(token.curl).not.toContain(code);
    expect(token.curl).toContain('code_verifier=<code_verifier>');
    expect(token.body).toContain('"access_token"');
    expect(token.body).not.toMatch(/"access_token": "[^"…]{40,}"/);
    expect(report.result?.run.received.some((c) => c.claim === 'given_name')).toBe(true);
  });

  it('a forged state is refused before any exchange, in one sentence', async () => {
    const { driver, session } = make();
    const input = await login(driver, session, 'openid');
    const forged = new URL(input.callbackUrl);
    forged.searchParams.set('state', 'forged');
    const report = await runCodeFlow({
      ...input,
      callbackUrl: forged.href,
      requestedScopes: ['openid'],
      context: session.failureContext('token'),
    });
    expect(report.exchanges).toEqual([]);
    expect(report.verdict.ok).toBe(false);
    expect(report.verdict.failure?.code).toBe('state_mismatch');
    expect(report.verdict.line).toMatch(/^The answer came back with a state this browser did not send/);
  });

  it('a code redeemed twice: the second run shows the 400 beside its request, and says invalid_grant', async () => {
    const { driver, session } = make();
    const input = await login(driver, session, 'openid');
    const first = await runCodeFlow({
      ...input,
      requestedScopes: ['openid'],
      context: session.failureContext('token'),
    });
    expect(first.verdict.ok).toBe(true);
    const again = await runCodeFlow({
      ...input,
      requestedScopes: ['openid'],
      context: session.failureContext('token'),
    });
    expect(again.verdict.ok).toBe(false);
    expect(again.verdict.failure?.code).toBe('invalid_grant');
    expect(again.verdict.line).toMatch(/^400 invalid_grant during the code exchange at \/token — /);
    expect(again.exchanges).toHaveLength(1);
    expect(again.exchanges[0]).toMatchObject({ kind: 'http', status: 400, ok: false });
  });
});
