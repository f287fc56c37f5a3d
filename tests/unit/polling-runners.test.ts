// The device-flow and CIBA runners the tryouts use (src/oidc/runners): what the reader reads for each
// answer, and that every exchange is shown redacted. Against the mock's node server; the clock moves.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mockIssuer } from '../../src/oidc/environments';
import type { FailureContext } from '../../src/oidc';
import { answerSimulatedPhone, readSimulatedPhone, simulatedPhoneUrl } from '../../src/oidc/polling';
import { pollingFlowFacts } from '../../src/oidc/catalogue/polling-flows';
import { allAssumedFacts } from '../../src/oidc/catalogue/all-facts';
import { isAssumed } from '../../src/oidc/catalogue';
import { ciba, deviceFlow } from '../../src/oidc/catalogue/polling-flows';
import { cibaGrantType, deviceGrantType } from '../../src/mocks/polling-grants';
import { runDeviceFlow, startDeviceRun, documentedDeviceCurls } from '../../src/oidc/runners/device-flow';
import { checkCibaRequest, runCiba, documentedCibaCurls } from '../../src/oidc/runners/ciba';
import { pollOnce } from '../../src/oidc/runners/polling-run';
import { mockDevicePath } from '../../src/mocks/control';
import { useMockServer } from './support/mock-server';
import { pollingDriver } from './conformance/polling-engines';

useMockServer();
let offset = 0;
const realNow = Date.now.bind(Date);
beforeAll(() => vi.spyOn(Date, 'now').mockImplementation(() => realNow() + offset));
afterAll(() => vi.restoreAllMocks());
const sleep = async (ms: number) => {
  offset += ms;
};
const context: FailureContext = { step: 'token', environment: 'Mock TelenorID+', corsLikely: false };
const driver = pollingDriver('mock', mockIssuer);

describe('device-flow runner', () => {
  it('reports pending polls, then tokens with a refresh token, all redacted', async () => {
    const settings = await driver.settings('device');
    const report = await runDeviceFlow({
      settings,
      scope: ['openid', 'profile', 'offline_access'],
      context,
      sleep,
      beforePoll: async (n, start) => {
        if (n === 2)
          await fetch(mockIssuer + mockDevicePath, {
            method: 'POST',
            body: new URLSearchParams({ user_code: start.userCode, user: 'sol', decision: 'approve' }),
          });
      },
    });
    expect(report.verdict.ok).toBe(true);
    expect(report.verdict.line).toMatch(
      /^Approved: tokens after 2 polls — an access token, an ID token, a refresh token/,
    );
    expect(report.exchanges.map((e) => e.kind === 'http' && e.statusLine.split(' ')[0])).toEqual([
      '200',
      '400',
      '200',
    ]);
    const shown = JSON.stringify(report.exchanges);
    const tokens = report.result!.view.tokens;
    for (const secret of [tokens.accessToken, tokens.refreshToken!, tokens.idToken!])
      expect(shown).not.toContain(secret);
  });

  it('“Poll now” before the interval earns slow_down, and the line says the new interval', async () => {
    const settings = await driver.settings('device');
    const started = await startDeviceRun(settings, ['openid'], context, Date.now);
    if (!started.ok) throw new Error(started.report.verdict.line);
    expect(started.line).toContain(started.start.userCode);
    expect(JSON.stringify(started.exchange)).not.toContain(started.start.deviceCode);
    const step = await pollOnce(settings, started.plan, context, Date.now, true);
    expect(step.done).toBe(false);
    if (step.done) return;
    expect(step.line).toBe(
      'slow_down: you polled sooner than the interval allows, so the provider asks for 5 s more: every 10 s from now on.',
    );
    expect(step.plan.intervalSeconds).toBe(10);
    expect(step.exchange.title).toBe('Poll 1 (early) at /token');
  });

  it('says access_denied and invalid_grant (expired) in words', async () => {
    const settings = await driver.settings('device');
    const denied = await runDeviceFlow({
      settings,
      scope: ['openid'],
      context,
      sleep,
      beforePoll: (n, start) =>
        void (
          n === 1 &&
          fetch(mockIssuer + mockDevicePath, {
            method: 'POST',
            body: new URLSearchParams({ user_code: start.userCode, user: 'ulv', decision: 'deny' }),
          })
        ),
    });
    // the decision lands after poll 1 was sent at the latest; poll 2 says so
    expect(denied.verdict.line).toMatch(/^access_denied: the user declined\. Nothing was granted/);
    const expired = await runDeviceFlow({
      settings,
      scope: ['openid'],
      context,
      sleep: (ms) => sleep(ms + 1_800_000),
    });
    expect(expired.verdict.line).toMatch(
      /^invalid_grant: the device request expired before the user approved it \(TelenorID\+ answers an expired device code with invalid_grant/,
    );
  });

  it('gives curl with placeholders for environments the page cannot call', () => {
    const curls = documentedDeviceCurls('https://id-test.telenor.no', ['openid']);
    expect(curls.start).toContain('https://id-test.telenor.no/connect/deviceauthorization');
    expect(curls.poll).toContain('device_code=<device_code>');
  });
});

describe('CIBA runner', () => {
  it('checks the login_hint and requested_expiry before sending', () => {
    expect(checkCibaRequest({ loginHint: 'ulv@example.com', requestedExpiry: '' })).toMatch(/phone number/);
    expect(checkCibaRequest({ loginHint: '+47 999 57 009', requestedExpiry: '301' })).toMatch(/1 to 300/);
    expect(checkCibaRequest({ loginHint: '99957009', requestedExpiry: '60' })).toBeUndefined();
  });

  it('pending until the phone approves, then tokens; a decline reads as invalid_grant', async () => {
    const settings = await driver.settings('ciba');
    const phone = simulatedPhoneUrl(mockIssuer, 'mock');
    const approve = async (decision: 'approve' | 'deny') => {
      const [prompt] = (await readSimulatedPhone(phone)) ?? [];
      expect(prompt?.msisdn).toBe('+4799957010');
      expect(await answerSimulatedPhone(phone, prompt!.prompt, decision)).toBe(true);
    };
    const request = { scope: ['openid', 'vipps', 'phone'], loginHint: '+4799957010' };
    const ok = await runCiba({
      settings,
      request,
      context,
      sleep,
      beforePoll: (n) => (n === 2 ? approve('approve') : undefined),
    });
    expect(ok.verdict.line).toMatch(
      /^Approved: tokens after 2 polls — an access token, an ID token\. Stop polling\./,
    );
    const no = await runCiba({
      settings,
      request,
      context,
      sleep,
      beforePoll: (n) => (n === 1 ? approve('deny') : undefined),
    });
    expect(no.verdict.line).toMatch(
      /^invalid_grant: the user declined \(TelenorID\+ answers a declined CIBA request with invalid_grant\)/,
    );
    expect(documentedCibaCurls('https://id-test.telenor.no', request).start).toContain(
      'login_hint=+4799957010',
    );
  });
});

describe('the polling flows’ facts', () => {
  it('each has a source, and the assumptions page lists every one that is not the guide’s', () => {
    const listed = allAssumedFacts().map((f) => f.subject);
    for (const f of pollingFlowFacts()) {
      expect(f.source).toBeDefined();
      expect(listed.includes(f.subject)).toBe(isAssumed(f.source));
    }
    // the mock's core names the grants without loading the flows: the same names
    expect([deviceGrantType, cibaGrantType]).toEqual([deviceFlow.grantType, ciba.grantType]);
    expect(listed).toEqual(
      expect.arrayContaining(['device flow: slow_down', 'device flow: declined', 'CIBA: simulated phone']),
    );
  });
});
