// The silent-check runner (src/oidc/runners/silent-checks.ts) on the mock (MSW's node server; the
// local tenant: silent-checks-tenant.test.ts): each check comes back as its exchanges (the /authorize
// request and the redirect back, the /token request as redacted curl with its status and body) and a
// verdict a reader can act on; the tryout's login and logout as sentences.
import { describe, expect, it } from 'vitest';
import {
  diagnoseFrame,
  fetchDiscovery,
  finishSilentCheck,
  finishTryoutLogin,
  mockIssuer,
  planSilentCheck,
  planTryoutLogout,
  readTryoutLogout,
  runSilentCheck,
  type ClientSettings,
  type FailureContext,
  type HttpExchange,
  type SilentArrival,
  type SilentCheckReport,
} from '../../src/oidc';
import { testClient } from '../../src/oidc/catalogue/fixtures';
import { setMockScenario } from '../../src/mocks/tenant';
import { mockAuthorizeAs } from './support/mock-login';
import { useMockServer } from './support/mock-server';

useMockServer();
const redirectUri = 'https://portal.test/callback/';
const atMock: FailureContext = { step: 'authorize', environment: 'Mock', corsLikely: false };

async function mockSettings(): Promise<ClientSettings> {
  const d = await fetchDiscovery(mockIssuer);
  if (!d.ok) throw new Error(d.failure.code);
  return { discovery: d.document, issuer: mockIssuer, clientId: testClient('mock', 'Public').clientId };
}

function reported(result: Awaited<ReturnType<typeof runSilentCheck>>): SilentCheckReport {
  if (!result.ok) throw new Error(result.failure.code);
  return result.report;
}

function http(report: SilentCheckReport, i: number): HttpExchange {
  const e = report.exchanges[i];
  if (e?.kind !== 'http') throw new Error(`no http exchange ${i}`);
  return e;
}

/** What a hidden frame brings back from the mock's authorize page. */
async function viaMock(authorizeUrl: string): Promise<SilentArrival> {
  const answer = await mockAuthorizeAs(new URL(authorizeUrl).searchParams);
  if (answer.kind !== 'redirect') throw new Error(answer.error);
  return { kind: 'callback', url: answer.redirectTo };
}

describe('the runner on the mock', () => {
  it('no session: login_required is an answer — the /authorize leg shown, /token not sent, the check recorded', async () => {
    setMockScenario({ ssoSession: false });
    const report = reported(
      await runSilentCheck(await mockSettings(), { redirectUri, mode: 'iframe' }, viaMock, { now: () => 42 }),
    );
    expect(report.verdict.ok).toBe(true);
    expect(report.verdict.line).toMatch(/^login_required — /);
    expect(report.verdict.failure?.code).toBe('login_required');
    expect(report.result).toMatchObject({ outcome: 'login_required', exchanged: false, stateOk: true });
    expect(report.result.stateReceived).toBe(report.result.stateSent);
    expect(report.result.tokenNotSent).toBe('Not sent: the answer is an error, not a code.');
    expect(report.result.record).toEqual({ mode: 'iframe', outcome: 'login_required', at: 42 });
    expect(report.exchanges).toHaveLength(1);
    const authorize = http(report, 0);
    expect(new URL(authorize.url).searchParams.get('prompt')).toBe('none');
    expect(authorize.curl).toBe(`curl -i \\\n  '${authorize.url}'`);
    expect(authorize.body).toContain('error=login_required');
    expect(authorize.ok).toBe(true);
  });

  it('consent required: consent_required, with its failure for the error reference', async () => {
    setMockScenario({ ssoSession: true, consentRequired: true });
    const report = reported(
      await runSilentCheck(await mockSettings(), { redirectUri, mode: 'redirect' }, viaMock),
    );
    expect(report.result.outcome).toBe('consent_required');
    expect(report.verdict.failure?.code).toBe('consent_required');
    expect(report.verdict.line).toMatch(/^consent_required — /);
  });

  it('session: the code exchanged at /token, the curl and body redacted, the user named', async () => {
    setMockScenario({ ssoSession: true, consentRequired: false });
    let code = '';
    let exchanging = 0;
    const report = reported(
      await runSilentCheck(
        await mockSettings(),
        { redirectUri, mode: 'iframe' },
        async (url) => {
          const arrival = await viaMock(url);
          if (arrival.kind === 'callback') code = new URL(arrival.url).searchParams.get('code') ?? '';
          return arrival;
        },
        { onExchange: () => (exchanging += 1) },
      ),
    );
    expect(exchanging).toBe(1);
    expect(report.verdict.ok).toBe(true);
    expect(report.verdict.line).toMatch(/^Code received — the user has a TelenorID\+ session/);
    expect(report.result).toMatchObject({
      outcome: 'session',
      exchanged: true,
      user: { name: 'Ulv Telenormobilno' },
    });
    expect(code.length).toBeGreaterThan(20);
    expect(report.result.callback).not.toContain(code);
    const token = http(report, 1);
    expect(token.title).toBe('Code exchange at /token');
    expect(token.statusLine).toBe('200 OK');
    expect(token.status).toBe(200);
    expect(token.curl).toContain('grant_type=authorization_code');
    expect(token.curl).toContain('<code>');
    expect(token.curl).not.toContain(code);
    expect(token.note).toMatch(/^expires_in \d+: the access token expires at/);
    // Tokens in the body are shortened, never whole; the ID token itself is kept in memory for the logout.
    expect(report.result.idToken).toMatch(/^eyJ/);
    expect(token.body).not.toContain(report.result.idToken!);
    expect(JSON.parse(token.body)).toMatchObject({
      token_type: expect.any(String),
      id_token: expect.stringContaining('…'),
    });
  });

  it('a tampered state: rejected, the code never sent to /token, nothing recorded for the diagnosis', async () => {
    setMockScenario({ ssoSession: true, consentRequired: false });
    const settings = await mockSettings();
    const planned = await planSilentCheck(settings, { redirectUri, mode: 'iframe', tamper: true });
    if (!planned.ok) throw new Error(planned.failure.code);
    const arrival = await viaMock(planned.plan.authorizeUrl);
    const sent: string[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      sent.push(String(input));
      return original(input, init);
    };
    let report: SilentCheckReport;
    try {
      report = await finishSilentCheck(settings, planned.plan, arrival);
    } finally {
      globalThis.fetch = original;
    }
    expect(report.verdict.ok).toBe(false);
    expect(report.result.outcome).toBe('state_mismatch');
    expect(report.verdict.line).toMatch(/^state_mismatch — rejected: .*The code was not exchanged\.$/);
    expect(report.result.stateOk).toBe(false);
    expect(report.result.tokenNotSent).toMatch(/never exchanged/);
    expect(report.exchanges).toHaveLength(1);
    expect(sent).toEqual([]);
    expect(report.result.record).toBeUndefined();
    expect(report.result.tampered).toBe(true);
  });

  it('nothing came back: a timeout that says how long it waited and why a frame stays silent', async () => {
    const settings = await mockSettings();
    const planned = await planSilentCheck(settings, { redirectUri, mode: 'iframe' });
    if (!planned.ok) throw new Error(planned.failure.code);
    const report = await finishSilentCheck(settings, planned.plan, { kind: 'timeout', afterMs: 10_000 });
    expect(report.verdict.ok).toBe(false);
    expect(report.verdict.line).toMatch(/^timeout — The hidden frame sent nothing back within 10 s\./);
    expect(report.result.callback).toBeUndefined();
    expect(http(report, 0).statusLine).toBe('No answer');
    expect(report.result.tokenNotSent).toBe('Not sent: no answer came back.');
  });

  it('a refused code at /token: the verdict is the failure sentence of the exchange', async () => {
    setMockScenario({ ssoSession: true, consentRequired: false });
    const settings = await mockSettings();
    const planned = await planSilentCheck(settings, { redirectUri, mode: 'iframe' });
    if (!planned.ok) throw new Error(planned.failure.code);
    const arrival = await viaMock(planned.plan.authorizeUrl);
    const context = { ...atMock, step: 'token' } as const;
    await finishSilentCheck(settings, planned.plan, arrival, { context }); // redeems the code
    const again = await finishSilentCheck(settings, planned.plan, arrival, { context });
    expect(again.verdict.ok).toBe(false);
    expect(again.verdict.line).toMatch(
      /^Code received — but the code exchange failed: 400 invalid_grant during the code exchange at \/token — /,
    );
    expect(http(again, 1)).toMatchObject({ ok: false, status: 400 });
    expect(http(again, 1).curl).toContain('<code>');
  });

  it('a framed login_required next to a top-level session: the reports’ records diagnose a withheld cookie', async () => {
    setMockScenario({ ssoSession: true, consentRequired: false });
    const settings = await mockSettings();
    // The frame got no cookie: the provider saw no session.
    const framed = reported(
      await runSilentCheck(settings, { redirectUri, mode: 'iframe' }, async (url) => {
        setMockScenario({ ssoSession: false });
        const arrival = await viaMock(url);
        setMockScenario({ ssoSession: true });
        return arrival;
      }),
    );
    const top = reported(await runSilentCheck(settings, { redirectUri, mode: 'redirect' }, viaMock));
    expect(diagnoseFrame([framed.result.record!, top.result.record!])).toBe('cookie_withheld_from_frame');
  });

  it('a refused redirect_uri is the one failure before anything is sent', async () => {
    let sent = false;
    const result = await runSilentCheck(
      await mockSettings(),
      { redirectUri: 'https://portal.test/callback/?next=x', mode: 'iframe' },
      async () => {
        sent = true;
        return { kind: 'timeout' };
      },
    );
    expect(result.ok).toBe(false);
    expect(sent).toBe(false);
  });

  it('the interactive login and the logout, read as sentences', async () => {
    setMockScenario({ ssoSession: false });
    const settings = await mockSettings();
    const planned = await planSilentCheck(settings, { redirectUri, mode: 'iframe' });
    if (!planned.ok) throw new Error(planned.failure.code);
    const interactive = new URL(planned.plan.authorizeUrl);
    interactive.searchParams.delete('prompt');
    const arrival = await viaMock(interactive.href);
    if (arrival.kind !== 'callback') throw new Error('no callback');
    const login = await finishTryoutLogin(settings, arrival.url, planned.plan.secrets, atMock);
    expect(login).toMatchObject({
      ok: true,
      note: 'Logged in at Mock as Ulv Telenormobilno: the browser now has an SSO session.',
    });
    // The same answer again: the code is single use.
    const again = await finishTryoutLogin(settings, arrival.url, planned.plan.secrets, atMock);
    expect(again.ok).toBe(false);
    expect(again.note).toMatch(
      /^The login did not complete: 400 invalid_grant during the code exchange at \/token/,
    );
    const wrongState = await finishTryoutLogin(
      settings,
      arrival.url,
      { ...planned.plan.secrets, state: 'x' },
      atMock,
    );
    expect(wrongState).toMatchObject({ ok: false, failure: { code: 'state_mismatch' } });
    expect(wrongState.note).toMatch(
      /^The login did not complete: The answer came back with a state this browser did not send/,
    );

    const logout = planTryoutLogout(settings, {
      postLogoutRedirectUri: redirectUri,
      ...(login.ok && login.idToken ? { idTokenHint: login.idToken } : {}),
    });
    if (!logout.ok) throw new Error(logout.failure.code);
    expect(new URL(logout.plan.url).searchParams.get('state')).toBe(logout.plan.state);
    expect(readTryoutLogout(logout.plan, `${redirectUri}?state=${logout.plan.state}`, 'Mock')).toEqual({
      ended: true,
      note: 'Logged out at Mock through its end_session_endpoint: the SSO session has ended.',
    });
    expect(readTryoutLogout(logout.plan, `${redirectUri}?state=other`, 'Mock').ended).toBe(false);
    expect(readTryoutLogout(logout.plan, undefined, 'Mock').note).toMatch(/the session may still exist/);
  });
});
