// The polling flows on both engines: one scenario list (device flow and CIBA: pending, slow_down,
// approval, denial, expiry, the errors of each start), run against the mock (MSW node server) and
// the local tenant (oidc-provider on port 0) through src/oidc/polling.ts, comparing what a client
// sees. Both engines read Date.now, so the clock is moved instead of waited for.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ciba, deviceFlow } from '../../../src/oidc/catalogue/polling-flows';
import { findTestUser, pairwiseSub } from '../../../src/oidc/catalogue/fixtures';
import { mockIssuer } from '../../../src/oidc/environments';
import {
  pollToken,
  runPolling,
  startCiba,
  startDeviceAuthorization,
  type PollReading,
  type PollingSettings,
} from '../../../src/oidc/polling';
import { server } from '../../../src/mocks/node';
import { resetMockTenant } from '../../../src/mocks/tenant';
import { startTenant, type RunningTenant } from '../../../src/tenant';
import { pollingDriver, type PollingDriver } from './polling-engines';

let tenant: RunningTenant;
let offsetMs = 0;
const realNow = Date.now.bind(Date);

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  tenant = await startTenant({ port: 0 });
  vi.spyOn(Date, 'now').mockImplementation(() => realNow() + offsetMs);
});
afterEach(() => {
  resetMockTenant();
});
afterAll(async () => {
  vi.restoreAllMocks();
  server.close();
  await tenant?.close();
});

/** The test's clock: jump forward instead of waiting. */
const sleep = async (ms: number) => {
  offsetMs += ms;
};

const engines = (): PollingDriver[] => [
  pollingDriver('mock', mockIssuer),
  pollingDriver('local', tenant.issuer),
];
const ulv = findTestUser('ulv')!;
const kinds = (readings: PollReading[]) =>
  readings.map((r) => (r.kind === 'failed' ? r.failure.code : r.kind));
const errorOf = (r: PollReading) => ('failure' in r ? r.failure.error : undefined);

async function startDevice(settings: PollingSettings, scope = ['openid', 'profile', 'offline_access']) {
  const started = await startDeviceAuthorization(settings, scope);
  if (!started.ok)
    throw new Error(`device start: ${started.failure.code} ${started.failure.error_description}`);
  return started.start;
}

describe.each(['mock', 'local'] as const)('device flow on the %s engine', (name) => {
  const driver = () => engines().find((e) => e.engine === name)!;

  it('answers the catalogue’s start: 9-digit user code, verification URIs, 1800 s, interval 5', async () => {
    const start = await startDevice(await driver().settings('device'));
    expect(start.userCode.replace(/\D/g, '')).toHaveLength(deviceFlow.userCode.value.digits);
    expect(start.expiresInSeconds).toBe(deviceFlow.expiresInSeconds.value);
    expect(start.intervalSeconds).toBe(deviceFlow.intervalSeconds.value);
    expect(start.verificationUriComplete).toContain(encodeURIComponent(start.userCode).replace(/%2D/g, '-'));
  });

  it('pending, then tokens once the user approves; the code is spent afterwards', async () => {
    const d = driver();
    const settings = await d.settings('device');
    const start = await startDevice(settings);
    const run = await runPolling({
      settings,
      flow: 'device',
      handle: start.deviceCode,
      intervalSeconds: start.intervalSeconds,
      expiresInSeconds: start.expiresInSeconds,
      sleep,
      beforePoll: async (n) => {
        if (n === 3) await d.verifyDevice(start.verificationUriComplete!, start.userCode, 'ulv', 'approve');
      },
    });
    expect(kinds(run.readings)).toEqual(['pending', 'pending', 'tokens']);
    expect(run.verdict.kind).toBe('tokens');
    if (run.verdict.kind !== 'tokens') return;
    const { view } = run.verdict;
    expect(view.grantedScopes.sort()).toEqual(['offline_access', 'openid', 'profile']);
    expect(view.tokens.refreshToken).toBeTruthy();
    expect(view.idToken?.claims['sub']).toBe(await pairwiseSub('ulv', 'device'));
    expect(view.idToken?.claims['given_name']).toBe(ulv.claims.given_name);
    expect(view.idToken?.claims['acr']).toEqual(['urn:telenor.identity.aal.2']);
    await sleep(10_000);
    const again = await pollToken(settings, 'device', start.deviceCode, 5);
    expect(errorOf(again.reading)).toBe('invalid_grant');
  });

  it('slow_down when polled sooner than the interval, and the interval grows by 5 s', async () => {
    const settings = await driver().settings('device');
    const start = await startDevice(settings);
    await sleep(2000);
    const early = await pollToken(settings, 'device', start.deviceCode, start.intervalSeconds);
    expect(early.reading).toEqual({ kind: 'slow_down', intervalSeconds: 10 });
    expect(early.exchange.status).toBe(400);
    await sleep(6000); // the old interval is no longer enough
    expect((await pollToken(settings, 'device', start.deviceCode, 10)).reading.kind).toBe('slow_down');
    await sleep(15_000);
    expect((await pollToken(settings, 'device', start.deviceCode, 15)).reading.kind).toBe('pending');
  });

  it('access_denied when the user declines', async () => {
    const d = driver();
    const settings = await d.settings('device');
    const start = await startDevice(settings);
    await d.verifyDevice(start.verificationUriComplete!, start.userCode, 'ulv', 'deny');
    await sleep(5000);
    const poll = await pollToken(settings, 'device', start.deviceCode, 5);
    expect(poll.reading.kind).toBe('denied');
    expect(errorOf(poll.reading)).toBe(deviceFlow.answers.denied.value);
  });

  it('invalid_grant (not expired_token) once the device code has expired, as the guide says', async () => {
    const settings = await driver().settings('device');
    const start = await startDevice(settings);
    await sleep((deviceFlow.expiresInSeconds.value + 1) * 1000);
    const poll = await pollToken(settings, 'device', start.deviceCode, 5);
    expect(poll.reading.kind).toBe('expired');
    expect(errorOf(poll.reading)).toBe('invalid_grant');
  });

  it('a client without the device grant is refused at the start', async () => {
    const settings = { ...(await driver().settings('ciba')) };
    const device = await driver().settings('device');
    const started = await startDeviceAuthorization({ ...settings, startEndpoint: device.startEndpoint }, [
      'openid',
    ]);
    expect(started.ok).toBe(false);
    if (!started.ok) expect(started.failure.code).toBe('unauthorized_client');
  });
});

describe.each(['mock', 'local'] as const)('CIBA on the %s engine', (name) => {
  const driver = () => engines().find((e) => e.engine === name)!;
  const vipps = ['openid', ...ciba.requiredScopes.value.vipps, 'profile'];

  it('auth_req_id, pending, approval on the phone, then ID and access tokens (no refresh token)', async () => {
    const d = driver();
    const settings = await d.settings('ciba');
    const started = await startCiba(settings, {
      scope: vipps,
      loginHint: ulv.msisdn,
      bindingMessage: 'TV-1234',
    });
    if (!started.ok) throw new Error(started.failure.code);
    expect(started.start.expiresInSeconds).toBe(ciba.expiry.value.defaultSeconds);
    expect(started.start.intervalSeconds).toBe(ciba.intervalSeconds.value);
    expect(started.exchange.curl).not.toContain(started.start.authReqId);
    const run = await runPolling({
      settings,
      flow: 'ciba',
      handle: started.start.authReqId,
      intervalSeconds: started.start.intervalSeconds,
      expiresInSeconds: started.start.expiresInSeconds,
      sleep,
      beforePoll: async (n) => {
        if (n === 2) expect(await d.answerPhone(ulv.msisdn, 'approve')).toBe(true);
      },
    });
    expect(kinds(run.readings)).toEqual(['pending', 'tokens']);
    if (run.verdict.kind !== 'tokens') return;
    expect(run.verdict.view.tokens.refreshToken).toBeUndefined();
    expect(run.verdict.view.idToken?.claims['sub']).toBe(await pairwiseSub('ulv', 'ciba'));
    expect(run.verdict.view.grantedScopes).toEqual(expect.arrayContaining(['openid', 'vipps', 'phone']));
    expect(run.exchanges.every((e) => !e.curl.includes(started.start.authReqId))).toBe(true);
  });

  it('invalid_grant when the user declines on the phone, as the guide says', async () => {
    const d = driver();
    const settings = await d.settings('ciba');
    const started = await startCiba(settings, { scope: vipps, loginHint: '99957009' });
    if (!started.ok) throw new Error(started.failure.code);
    expect(await d.answerPhone(ulv.msisdn, 'deny')).toBe(true);
    await sleep(5000);
    const poll = await pollToken(settings, 'ciba', started.start.authReqId, 5);
    expect(poll.reading.kind).toBe('denied');
    expect(errorOf(poll.reading)).toBe('invalid_grant');
  });

  it('expired_token after requested_expiry, and slow_down when polled too soon', async () => {
    const settings = await driver().settings('ciba');
    const started = await startCiba(settings, {
      scope: vipps,
      loginHint: ulv.msisdn,
      requestedExpirySeconds: 30,
    });
    if (!started.ok) throw new Error(started.failure.code);
    expect(started.start.expiresInSeconds).toBe(30);
    await sleep(4000);
    expect((await pollToken(settings, 'ciba', started.start.authReqId, 5)).reading.kind).toBe('slow_down');
    await sleep(31_000);
    const poll = await pollToken(settings, 'ciba', started.start.authReqId, 10);
    expect(poll.reading.kind).toBe('expired');
    expect(errorOf(poll.reading)).toBe('expired_token');
  });

  it('refuses a start without vipps and phone, an unknown phone number, or another client', async () => {
    const settings = await driver().settings('ciba');
    const codes = async (s: PollingSettings, scope: string[], loginHint: string) => {
      const r = await startCiba(s, { scope, loginHint });
      return r.ok ? 'ok' : r.failure.code;
    };
    expect(await codes(settings, ['openid', 'profile'], ulv.msisdn)).toBe('invalid_scope');
    expect(await codes(settings, vipps, '+4711111111')).toBe('unknown_user_id');
    const device = await driver().settings('device');
    expect(await codes({ ...device, startEndpoint: settings.startEndpoint }, vipps, ulv.msisdn)).toMatch(
      /^(unauthorized_client|invalid_client)$/,
    );
  });
});
