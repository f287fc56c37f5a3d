// Silent authentication (prompt=none) against the mock (the local tenant: silent-auth-tenant.test.ts): the answers a
// real OP gives (error in the redirect's query, with the state), the state check, what next, the
// third-party-cookie diagnosis, the share link, and the openid-client sample the tryout shows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as oidc from 'openid-client';
import { describe, expect, it } from 'vitest';
import {
  buildSilentAuthRequest,
  describeUser,
  diagnoseFrame,
  exchangeCode,
  fetchDiscovery,
  mockIssuer,
  prepareClient,
  readSilentAnswer,
  silentOutcomeOf,
  silentTimeoutAnswer,
  tamperWithState,
  whatNext,
  type CheckRecord,
  type ClientSettings,
  type SilentOutcome,
} from '../../src/oidc';
import { setMockScenario } from '../../src/mocks/tenant';
import { mockAuthorizeAs } from './support/mock-login';
import { parseSilentScenario, redactCallbackUrl, shareSilentScenarioUrl } from '../../src/oidc';
import { testClientFor } from '../../src/oidc/session';
import { silentCheckSample } from '../../src/widgets/SilentAuthTryout/sample';
import { useMockServer } from './support/mock-server';

useMockServer();
const redirectUri = 'https://portal.test/callback/';

async function mockSettings(): Promise<ClientSettings> {
  const d = await fetchDiscovery(mockIssuer);
  if (!d.ok) throw new Error(d.failure.code);
  return { discovery: d.document, issuer: mockIssuer, clientId: testClientFor('mock', 'Public')!.clientId };
}

/** A silent check at the mock, answered as the mock authorize page would: the callback URL and secrets. */
async function mockCheck(settings: ClientSettings) {
  const built = await buildSilentAuthRequest(settings, { redirectUri, scope: 'openid profile' });
  if (!built.ok) throw new Error(built.failure.code);
  const answer = await mockAuthorizeAs(new URL(built.request.url).searchParams);
  if (answer.kind !== 'redirect') throw new Error(answer.error);
  return { request: built.request, callbackUrl: answer.redirectTo, answer };
}

describe('the silent check request', () => {
  it('is a PKCE code request with prompt=none, state and nonce', async () => {
    const built = await buildSilentAuthRequest(await mockSettings(), {
      redirectUri,
      scope: 'openid profile',
    });
    if (!built.ok) throw new Error(built.failure.code);
    const q = new URL(built.request.url).searchParams;
    expect(q.get('prompt')).toBe('none');
    expect(q.get('response_type')).toBe('code');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('state')).toBe(built.request.secrets.state);
    expect(q.get('nonce')).toBe(built.request.secrets.nonce);
    expect(q.get('client_id')).toBe('mock-public');
  });
});

describe('the mock answers prompt=none as an OpenID Provider does', () => {
  it('no session: login_required in the redirect’s query, with the state, and shows nothing', async () => {
    setMockScenario({ ssoSession: false });
    const { request, callbackUrl, answer } = await mockCheck(await mockSettings());
    expect(answer.kind === 'redirect' && answer.shown).toEqual([]);
    const url = new URL(callbackUrl);
    expect(url.origin + url.pathname).toBe(redirectUri);
    expect(url.searchParams.get('error')).toBe('login_required');
    expect(url.searchParams.get('state')).toBe(request.secrets.state);
    expect(url.searchParams.has('code')).toBe(false);
    const read = readSilentAnswer(callbackUrl, request.secrets.state);
    expect(read.outcome).toBe('login_required');
  });

  it('session and consent required: consent_required (the session is checked first)', async () => {
    setMockScenario({ ssoSession: false, consentRequired: true });
    const settings = await mockSettings();
    expect(readSilentAnswer((await mockCheck(settings)).callbackUrl, 'x').outcome).toBe('state_mismatch');
    const first = await mockCheck(settings);
    expect(readSilentAnswer(first.callbackUrl, first.request.secrets.state).outcome).toBe('login_required');
    setMockScenario({ ssoSession: true });
    const second = await mockCheck(settings);
    expect(new URL(second.callbackUrl).searchParams.get('state')).toBe(second.request.secrets.state);
    expect(readSilentAnswer(second.callbackUrl, second.request.secrets.state).outcome).toBe(
      'consent_required',
    );
  });

  it('session: a code with the state, which exchanges for an ID token naming the user', async () => {
    setMockScenario({ ssoSession: true, consentRequired: false });
    const settings = await mockSettings();
    const { request, callbackUrl, answer } = await mockCheck(settings);
    expect(answer.kind === 'redirect' && answer.shown).toEqual(['sso']);
    const read = readSilentAnswer(callbackUrl, request.secrets.state);
    expect(read.outcome).toBe('session');
    const exchanged = await exchangeCode(settings, callbackUrl, request.secrets);
    if (!exchanged.ok) throw new Error(exchanged.failure.code);
    expect(describeUser(exchanged.view.idToken)).toMatchObject({ name: 'Ulv Telenormobilno' });
  });

  it('a tampered state is rejected even though the answer carries a code', async () => {
    setMockScenario({ ssoSession: true, consentRequired: false });
    const settings = await mockSettings();
    const { request, callbackUrl } = await mockCheck(settings);
    const forged = tamperWithState(callbackUrl);
    expect(new URL(forged).searchParams.get('code')).toBe(new URL(callbackUrl).searchParams.get('code'));
    expect(new URL(forged).searchParams.get('state')).not.toBe(request.secrets.state);
    const read = readSilentAnswer(forged, request.secrets.state);
    expect(read.outcome).toBe('state_mismatch');
    // and the exchange refuses it before any request is sent
    const exchanged = await exchangeCode(settings, forged, request.secrets);
    expect(exchanged.ok).toBe(false);
    if (!exchanged.ok) expect(exchanged.failure.code).toBe('state_mismatch');
  });

  it('a tampered error answer is rejected too: its login_required is not believed', async () => {
    setMockScenario({ ssoSession: false });
    const { request, callbackUrl } = await mockCheck(await mockSettings());
    expect(readSilentAnswer(tamperWithState(callbackUrl), request.secrets.state).outcome).toBe(
      'state_mismatch',
    );
  });
});

describe('openid-client behaves as the tryout’s sample says', () => {
  it('authorizationCodeGrant rejects a login_required redirect with error = login_required', async () => {
    setMockScenario({ ssoSession: false });
    const settings = await mockSettings();
    const { request, callbackUrl } = await mockCheck(settings);
    const prepared = prepareClient(settings);
    if (!prepared.ok) throw new Error(prepared.failure.code);
    const thrown = await oidc
      .authorizationCodeGrant(prepared.client.config, new URL(callbackUrl), {
        pkceCodeVerifier: request.secrets.codeVerifier,
        expectedState: request.secrets.state,
        expectedNonce: request.secrets.nonce,
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect((thrown as { error?: unknown }).error).toBe('login_required');
  });

  it('the sample shown is the type-checked file, word for word', () => {
    const file = readFileSync(
      path.join(__dirname, '../../src/widgets/SilentAuthTryout/sample/silent-check.ts'),
      'utf8',
    );
    expect(silentCheckSample).toBe(file.trimEnd());
    for (const name of ['buildAuthorizationUrl', 'authorizationCodeGrant', 'calculatePKCECodeChallenge'])
      expect(typeof (oidc as Record<string, unknown>)[name]).toBe('function');
    expect(silentCheckSample).toContain("prompt: 'none'");
  });
});

describe('what next', () => {
  it('login_required: a normal /authorize on the user’s click, never a loop', () => {
    const next = whatNext('login_required');
    expect(next.steps.join(' ')).toMatch(/without prompt=none/);
    expect(next.steps.join(' ')).toMatch(/loop/);
    expect(next.guide).toBe('faqLoginRequired');
  });

  it('every outcome has advice, and state_mismatch forbids the exchange', () => {
    const outcomes: SilentOutcome[] = [
      'session',
      'login_required',
      'consent_required',
      'interaction_required',
      'account_selection_required',
      'timeout',
      'state_mismatch',
      'other',
    ];
    for (const o of outcomes) expect(whatNext(o).steps.length).toBeGreaterThan(0);
    expect(whatNext('state_mismatch').steps[0]).toMatch(/Do not exchange the code/);
    expect(whatNext('interaction_required').steps.join(' ')).toMatch(/MobileApp/);
  });

  it('maps failures to outcomes', () => {
    expect(silentOutcomeOf({ code: 'interaction_required' })).toBe('interaction_required');
    expect(silentOutcomeOf({ code: 'invalid_scope' })).toBe('other');
    expect(silentTimeoutAnswer(10_000)).toMatchObject({ outcome: 'timeout' });
    const t = silentTimeoutAnswer(10_000);
    if (t.outcome !== 'session') expect(t.failure.detail).toMatch(/10 s/);
  });
});

describe('the third-party-cookie diagnosis', () => {
  const at = 1_000_000;
  const rec = (mode: CheckRecord['mode'], outcome: SilentOutcome, offset = 0): CheckRecord => ({
    mode,
    outcome,
    at: at + offset,
  });

  it('frame says login_required, top level finds the session: the cookie was withheld', () => {
    expect(diagnoseFrame([rec('iframe', 'login_required'), rec('redirect', 'session', 5000)])).toBe(
      'cookie_withheld_from_frame',
    );
    expect(diagnoseFrame([rec('redirect', 'session'), rec('iframe', 'login_required', 5000)])).toBe(
      'cookie_withheld_from_frame',
    );
  });

  it('a silent frame next to a successful top-level check: the frame is refused', () => {
    expect(diagnoseFrame([rec('iframe', 'timeout'), rec('redirect', 'session', 1000)])).toBe('frame_refused');
  });

  it('agreeing, lone, or far-apart checks say nothing', () => {
    expect(diagnoseFrame([rec('iframe', 'login_required'), rec('redirect', 'login_required', 1)])).toBe(
      'none',
    );
    expect(diagnoseFrame([rec('iframe', 'session'), rec('redirect', 'session', 1)])).toBe('none');
    expect(diagnoseFrame([rec('iframe', 'login_required')])).toBe('none');
    expect(diagnoseFrame([rec('iframe', 'login_required'), rec('redirect', 'session', 11 * 60_000)])).toBe(
      'none',
    );
  });

  it('only the latest check of each mode counts', () => {
    expect(
      diagnoseFrame([
        rec('iframe', 'login_required'),
        rec('redirect', 'session', 10),
        rec('iframe', 'session', 20),
      ]),
    ).toBe('none');
  });
});

describe('the share link and what is shown', () => {
  it('round-trips mode and the mock’s switches, and carries nothing else', () => {
    const link = shareSilentScenarioUrl('https://portal.test/tools/silent-auth?code=abc&state=s#x', {
      env: 'mock',
      mode: 'redirect',
      session: true,
      consent: false,
    });
    const url = new URL(link);
    expect([...url.searchParams.keys()].sort()).toEqual(['consent', 'env', 'mode', 'session']);
    expect(url.hash).toBe('');
    expect(parseSilentScenario(url.search)).toEqual({ mode: 'redirect', session: true, consent: false });
  });

  it('the local tenant’s session is a login, never a link parameter', () => {
    const url = new URL(
      shareSilentScenarioUrl('https://portal.test/tools/silent-auth', {
        env: 'local',
        mode: 'iframe',
        session: true,
      }),
    );
    expect(url.searchParams.has('session')).toBe(false);
  });

  it('ignores odd values', () => {
    expect(parseSilentScenario('?mode=popup&session=yes&consent=1')).toEqual({});
  });

  it('shortens the code in a callback URL shown on screen', () => {
    const shown = redactCallbackUrl(
      'https://portal.test/callback/?code=ABCDEFGHIJKLMNOPQRSTUVWXYZ&state=s',
      (c) => c.slice(0, 3),
    );
    expect(shown).toContain('code=ABC&');
    expect(shown).not.toContain('ABCDEFGHIJ');
  });

  it('has a client only where the portal has registered ones', () => {
    expect(testClientFor('local', 'Public')?.clientId).toBe('local-public');
    expect(testClientFor('staging', 'Public')).toBeUndefined();
  });
});
