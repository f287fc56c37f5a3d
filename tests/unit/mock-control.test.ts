// The typed client widgets use to switch the mock's scenario (src/mocks/control.ts), against the mock itself.
import { describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { controlMock, mockControl, mockControlPath, readMockControl } from '../../src/mocks/control';
import { getMockScenario } from '../../src/mocks/tenant';
import { mockIssuer } from '../../src/oidc/environments';
import { useMockServer } from './support/mock-server';

const server = useMockServer();

describe('controlMock', () => {
  it('switches the scenario and answers with the scenario after the change', async () => {
    const answer = await controlMock({ set: { ssoSession: true, consentRequired: true } });
    expect(answer?.scenario.ssoSession).toBe(true);
    expect(answer?.scenario.consentRequired).toBe(true);
    expect(getMockScenario().consentRequired).toBe(true);
  });

  it('moves the clock and ends the session in one request', async () => {
    const before = getMockScenario().sessionId;
    const answer = await controlMock({ advanceClockSeconds: 600, endSession: true });
    expect(answer?.scenario.clockOffsetSeconds).toBe(600);
    expect(answer?.scenario.ssoSession).toBe(false);
    expect(answer?.scenario.sessionId).not.toBe(before);
    expect(answer?.revokedRefreshTokens).toBe(0);
  });

  it('gives undefined, not a throw, when the mock does not answer 200 with a scenario', async () => {
    server.use(http.post(mockIssuer + mockControlPath, () => HttpResponse.text('down', { status: 503 })));
    expect(await controlMock({ endSession: true })).toBeUndefined();
    server.use(http.post(mockIssuer + mockControlPath, () => HttpResponse.json({ unexpected: true })));
    expect(await controlMock({ endSession: true })).toBeUndefined();
  });
});

describe('mockControl (the client widgets hold)', () => {
  it('reads the scenario a GET answers bare (not under .scenario, which is the POST’s answer)', async () => {
    await controlMock({ set: { ssoSession: true } });
    const read = await readMockControl();
    expect(read?.ssoSession).toBe(true);
    expect(await mockControl().read()).toEqual(getMockScenario());
  });

  it('names each switch, and awaits the mock’s start before every request', async () => {
    const order: string[] = [];
    const client = mockControl({
      ready: async () => {
        order.push('ready');
      },
      fetch: (input, init) => {
        order.push(init?.method ?? 'GET');
        return globalThis.fetch(input, init);
      },
    });
    expect((await client.set({ consentRequired: true }))?.scenario.consentRequired).toBe(true);
    expect((await client.advanceClock(90))?.scenario.clockOffsetSeconds).toBe(90);
    expect((await client.endSession())?.scenario.ssoSession).toBe(false);
    expect((await client.revokeRefreshTokens())?.revokedRefreshTokens).toBe(0);
    expect(order).toEqual(['ready', 'POST', 'ready', 'POST', 'ready', 'POST', 'ready', 'POST']);
  });

  it('a mock that will not start, or a network error, is undefined, not a throw', async () => {
    expect(await mockControl({ ready: () => Promise.reject(new Error('no worker')) }).read()).toBeUndefined();
    server.use(http.get(mockIssuer + mockControlPath, () => HttpResponse.error()));
    expect(await readMockControl()).toBeUndefined();
    server.use(
      http.get(mockIssuer + mockControlPath, () => HttpResponse.json({ scenario: getMockScenario() })),
    );
    expect(await readMockControl()).toBeUndefined();
  });
});
