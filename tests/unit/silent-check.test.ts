// The silent-check runner (src/oidc/silent-check.ts) on the mock (MSW's node server; the local tenant:
// silent-check-tenant.test.ts): each check comes back as its exchanges (the /authorize request and
// redirect, the /token request as redacted curl with its status and body) and a verdict a reader can
// act on; the tryout's login and logout as sentences.
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
  type SilentArrival,
  type SilentCheckRun,
} from '../../src/oidc';
import { testClient } from '../../src/oidc/catalogue/fixtures';
import { setMockScenario } from '../../src/mocks/tenant';
import { mockAuthorizeAs } from './support/mock-login';
import { useMockServer } from './support/mock-server';

useMockServer();

async function settingsAt(issuer: string, clientId: string): Promise<ClientSettings> {
  const d = await fetchDiscovery(issuer);
  if (!d.ok) throw new Error(d.failure.code);
  return { discovery: d.document, issuer, clientId };
}

function ran(result: Awaited<ReturnType<typeof runSilentCheck>>): SilentCheckRun {
  if (!result.ok) throw new Error(result.failure.code);
  return result.run;
}

describe('the runner on the mock', () => {
  const redirectUri = 'https://portal.test/callback/';
  const mockSettings = () => settingsAt(mockIssuer, testClient('mock', 'Public').clientId);
  /** What a hidden frame brings back from the mock's authorize page. */
  const viaMock = async (authorizeUrl: string): Promise<SilentArrival> => {
    const answer = await mockAuthorizeAs(new URL(authorizeUrl).searchParams);
    if (answer.kind !== 'redirect') throw new Error(answer.error);
    return { kind: 'callback', url: answer.redirectTo };
  };

  it('no session: login_required, the /authorize leg shown, /token not sent, and what the check records', async () => {
    setMockScenario({ ssoSession: false });
    const run = ran(
      await runSilentCheck(await mockSettings(), { redirectUri, mode: 'iframe' }, viaMock, { now: () => 42 }),
    );
    expect(run.verdict.outcome).toBe('login_required');
    expect(run.verdict.ok).toBe(false);
    expect(run.verdict.line).toMatch(/^login_required — /);
    expect(run.verdict.failure?.code).toBe('login_required');
    const { authorize, token } = run.exchanges;
    expect(new URL(authorize.url).searchParams.get('prompt')).toBe('none');
    expect(authorize.curl).toBe(`curl -i \\\n  '${authorize.url}'`);
    expect(authorize.callback).toContain('error=login_required');
    expect(authorize.stateOk).toBe(true);
    expect(authorize.stateReceived).toBe(authorize.stateSent);
    expect(token).toEqual({ sent: false, reason: 'Not sent: the answer is an error, not a code.' });
    expect(run.record).toEqual({ mode: 'iframe', outcome: 'login_required', at: 42 });
  });

  it('consent required: consent_required, with its failure for the error reference', async () => {
    setMockScenario({ ssoSession: true, consentRequired: true });
    const run = ran(await runSilentCheck(await mockSettings(), { redirectUri, mode: 'redirect' }, viaMock));
    expect(run.verdict.outcome).toBe('consent_required');
    expect(run.verdict.failure?.code).toBe('consent_required');
    expect(run.verdict.line).toMatch(/^consent_required — /);
  });

  it('session: the code exchanged at /token, the curl and body redacted, the user named', async () => {
    setMockScenario({ ssoSession: true, consentRequired: false });
    let code = '';
    const run = ran(
      await runSilentCheck(await mockSettings(), { redirectUri, mode: 'iframe' }, async (url) => {
        const arrival = await viaMock(url);
        if (arrival.kind === 'callback') code = new URL(arrival.url).searchParams.get('code') ?? '';
        return arrival;
      }),
    );
    expect(run.verdict).toMatchObject({ outcome: 'session', ok: true, user: { name: 'Ulv Telenormobilno' } });
    expect(run.verdict.line).toMatch(/^Code received — the user has a TelenorID\+ session/);
    expect(code.length).toBeGreaterThan(20);
    const { authorize, token } = run.exchanges;
    expect(authorize.callback).not.toContain(code);
    if (!token.sent) throw new Error('token not sent');
    expect(token.statusLine).toBe('200 OK');
    expect(token.curl).toContain('grant_type=authorization_code');
    expect(token.curl).toContain('<code>');
    expect(token.curl).not.toContain(code);
    expect(token.note).toMatch(/^expires_in \d+: the access token expires at/);
    // Tokens in the body are shortened, never whole; the ID token itself is kept in memory for the logout.
    expect(run.idToken).toMatch(/^eyJ/);
    expect(token.body).not.toContain(run.idToken!);
    expect(JSON.parse(token.body)).toMatchObject({
      token_type: expect.any(String),
      id_token: expect.stringContaining('…'),
    });
  });

  it('a tampered state: rejected, the code never sent to /token, nothing recorded for the diagnosis', async () => {
    setMockScenario({ ssoSession: true, consentRequired: false });
    const tokenCalls: string[] = [];
    const settings = await mockSettings();
    const planned = await planSilentCheck(settings, { redirectUri, mode: 'iframe', tamper: true });
    if (!planned.ok) throw new Error(planned.failure.code);
    const arrival = await viaMock(planned.plan.authorizeUrl);
    const original = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      tokenCalls.push(String(input));
      return original(input, init);
    };
    let run: SilentCheckRun;
    try {
      run = await finishSilentCheck(settings, planned.plan, arrival);
    } finally {
      globalThis.fetch = original;
    }
    expect(run.verdict.outcome).toBe('state_mismatch');
    expect(run.verdict.line).toMatch(/^state_mismatch — rejected: .*The code was not exchanged\.$/);
    expect(run.exchanges.authorize.stateOk).toBe(false);
    expect(run.exchanges.token).toMatchObject({
      sent: false,
      reason: expect.stringMatching(/never exchanged/),
    });
    expect(tokenCalls).toEqual([]);
    expect(run.record).toBeUndefined();
    expect(run.tampered).toBe(true);
  });

  it('nothing came back: a timeout that says how long it waited and why a frame stays silent', async () => {
    const planned = await planSilentCheck(await mockSettings(), { redirectUri, mode: 'iframe' });
    if (!planned.ok) throw new Error(planned.failure.code);
    const run = await finishSilentCheck(await mockSettings(), planned.plan, {
      kind: 'timeout',
      afterMs: 10_000,
    });
    expect(run.verdict.outcome).toBe('timeout');
    expect(run.verdict.line).toMatch(/^timeout — The hidden frame sent nothing back within 10 s\./);
    expect(run.exchanges.authorize.callback).toBeUndefined();
    expect(run.exchanges.token).toEqual({ sent: false, reason: 'Not sent: no answer came back.' });
  });

  it('a framed login_required next to a top-level session: the runs’ records diagnose a withheld cookie', async () => {
    setMockScenario({ ssoSession: true, consentRequired: false });
    const settings = await mockSettings();
    // The frame got no cookie: the provider saw no session.
    const framed = ran(
      await runSilentCheck(settings, { redirectUri, mode: 'iframe' }, async (url) => {
        setMockScenario({ ssoSession: false });
        const arrival = await viaMock(url);
        setMockScenario({ ssoSession: true });
        return arrival;
      }),
    );
    const top = ran(await runSilentCheck(settings, { redirectUri, mode: 'redirect' }, viaMock));
    expect(diagnoseFrame([framed.record!, top.record!])).toBe('cookie_withheld_from_frame');
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
    const login = await finishTryoutLogin(settings, arrival.url, planned.plan.secrets, 'Mock');
    expect(login).toMatchObject({
      ok: true,
      note: 'Logged in at Mock as Ulv Telenormobilno: the browser now has an SSO session.',
    });
    // The same answer again: the state is single use in the reader's eyes, the code in the provider's.
    const again = await finishTryoutLogin(settings, arrival.url, planned.plan.secrets, 'Mock');
    expect(again.ok).toBe(false);
    expect(again.note).toMatch(/^The login’s code exchange failed: 400 invalid_grant/);
    const wrongState = await finishTryoutLogin(
      settings,
      arrival.url,
      { ...planned.plan.secrets, state: 'x' },
      'Mock',
    );
    expect(wrongState).toMatchObject({ ok: false, failure: { code: 'state_mismatch' } });
    expect(wrongState.note).toMatch(/^The login did not complete: state_mismatch — /);

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
