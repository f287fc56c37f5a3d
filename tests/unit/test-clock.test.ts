// The test clock of both engines (src/oidc/test-clock.ts): one contract at /__mock/clock and
// /__tenant/clock, one typed client, and tokens a client still accepts after a jump. What each jump
// expires on both engines is in the conformance suite (tests/unit/conformance, "test clock: …").
import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../src/mocks/node';
import { resetMockTenant } from '../../src/mocks/tenant';
import { endpointPaths } from '../../src/oidc/catalogue';
import { testClient } from '../../src/oidc/catalogue/fixtures';
import { mockIssuer } from '../../src/oidc/environments';
import {
  clockJumps,
  describeClockOffset,
  parseTestClockRequest,
  testClock,
  testClockPaths,
  testClockTarget,
} from '../../src/oidc/test-clock';
import { startTenant, type RunningTenant } from '../../src/tenant';
import { mockDriver, redirectUri, tenantDriver, type EngineDriver } from './conformance/engines';

let tenant: RunningTenant;
const DAY = 24 * 60 * 60;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  tenant = await startTenant({ port: 0, allowedOrigins: [] });
});
afterAll(async () => {
  server.close();
  resetMockTenant();
  await tenant?.close();
});

const engines = () =>
  [
    ['mock', { environment: 'mock' as const }, mockIssuer + testClockPaths.mock],
    [
      'local tenant',
      { environment: 'local' as const, issuer: tenant.issuer },
      tenant.issuer + testClockPaths.local,
    ],
  ] as const;

describe('the clock contract', () => {
  it('moves forward only, by a finite number of seconds, at most 400 days at once', () => {
    expect(parseTestClockRequest({ advanceSeconds: 600 })).toEqual({
      ok: true,
      request: { advanceSeconds: 600 },
    });
    expect(parseTestClockRequest({ reset: true })).toEqual({ ok: true, request: { reset: true } });
    for (const bad of [{ advanceSeconds: -5 }, { advanceSeconds: 0 }])
      expect(parseTestClockRequest(bad)).toMatchObject({
        ok: false,
        error_description: /only moves forward/,
      });
    expect(parseTestClockRequest({ advanceSeconds: '600' })).toMatchObject({ ok: false });
    expect(parseTestClockRequest({ advanceSeconds: 401 * DAY })).toMatchObject({
      ok: false,
      error_description: /at most 400 days/,
    });
    expect(parseTestClockRequest([1])).toMatchObject({ ok: false, error_description: /not a JSON object/ });
  });

  it('names the offset as a reader reads it, and each jump one second past a lifetime of the catalogue', () => {
    expect(describeClockOffset(0)).toBe('real time');
    expect(describeClockOffset(14 * DAY + 1)).toBe('14 days 1 s ahead of real time');
    expect(describeClockOffset(601)).toBe('10 min 1 s ahead of real time');
    expect(clockJumps.map((j) => [j.label, j.seconds])).toEqual([
      ['+10 min', 601],
      ['+1 h', 3601],
      ['+14 days', 14 * DAY + 1],
      ['+91 days', 91 * DAY],
    ]);
  });

  it('exists only for the mock and the local tenant', () => {
    expect(testClockTarget('staging', 'https://id-test.telenor.no')).toBeUndefined();
    expect(testClockTarget('custom', 'https://example.com')).toBeUndefined();
    expect(testClockTarget('local', 'http://localhost:4400')).toEqual({
      environment: 'local',
      issuer: 'http://localhost:4400',
    });
  });
});

describe.each([0, 1])('each engine answers the same contract (%#)', (index) => {
  it('reads, moves, refuses and resets the clock', async () => {
    const [name, target, url] = engines()[index]!;
    expect(await testClock(target), name).toMatchObject({ ok: true, clock: { offsetSeconds: 0 } });
    const moved = await testClock(target, { advanceSeconds: 601 });
    expect(moved, name).toMatchObject({ ok: true, clock: { offsetSeconds: 601 } });
    expect(moved.ok && moved.clock.now - Math.floor(Date.now() / 1000)).toBeGreaterThanOrEqual(600);
    expect(await testClock(target, { advanceSeconds: 14 * DAY })).toMatchObject({
      clock: { offsetSeconds: 14 * DAY + 601 },
    });
    const refused = await testClock(target, { advanceSeconds: -1 });
    expect(refused).toMatchObject({
      ok: false,
      sentence: /refused to move its clock: The test clock only moves forward/,
    });
    // JSON only: a form post (what a page on another site could send without asking) is refused.
    const form = await fetch(url, { method: 'POST', body: new URLSearchParams({ advanceSeconds: '60' }) });
    expect(form.status, name).toBe(415);
    expect(await testClock(target, { reset: true })).toMatchObject({ ok: true, clock: { offsetSeconds: 0 } });
  });
});

describe('the typed client', () => {
  it('says in a sentence what went wrong instead of throwing', async () => {
    const target = { environment: 'local' as const, issuer: 'http://localhost:1' };
    const down = await testClock(target, undefined, () => Promise.reject(new TypeError('fetch failed')));
    expect(down).toEqual({
      ok: false,
      sentence:
        'The local test tenant at http://localhost:1 did not answer: start it (npm run tenant, or npm start) and try again.',
    });
    const old = await testClock(target, undefined, async () => new Response('Not Found', { status: 404 }));
    expect(old).toMatchObject({ ok: false, sentence: /has no test clock \(404\)/ });
    const odd = await testClock(target, undefined, async () => Response.json({ clock: { offset: 1 } }));
    expect(odd).toMatchObject({ ok: false, sentence: /without an offset/ });
  });
});

describe('the tenant’s clock from the browser', () => {
  it('answers CORS and its preflight for a loopback portal only', async () => {
    const url = tenant.issuer + testClockPaths.local;
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3181', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3181');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
    const foreign = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});

async function loginAndRedeem(driver: EngineDriver) {
  const outcome = await driver.authorize({ clientType: 'MobileApp', scope: 'openid offline_access' });
  const client = testClient(driver.engine, 'MobileApp');
  const response = await fetch(driver.issuer + endpointPaths.token_endpoint.path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: outcome.callback!.searchParams.get('code')!,
      redirect_uri: redirectUri,
      code_verifier: outcome.verifier,
      client_id: client.clientId,
    }),
  });
  return (await response.json()) as { id_token: string; access_token: string };
}

describe.each([0, 1])('after a jump a client whose clock did not move accepts new tokens (%#)', (index) => {
  it('stamps what it signs with real time', async () => {
    const driver = index === 0 ? mockDriver() : tenantDriver(tenant.issuer);
    await driver.reset();
    try {
      await driver.moveClock({ advanceSeconds: 14 * DAY });
      const tokens = await loginAndRedeem(driver);
      const now = Math.floor(Date.now() / 1000);
      for (const token of [tokens.id_token, tokens.access_token]) {
        const claims = jose.decodeJwt(token);
        expect(Math.abs(claims.iat! - now), driver.engine).toBeLessThanOrEqual(2);
        expect(claims.nbf! - now, driver.engine).toBeLessThanOrEqual(2);
        expect(claims.exp! - now, driver.engine).toBeGreaterThan(250);
      }
    } finally {
      await driver.moveClock({ reset: true });
    }
  });
});
