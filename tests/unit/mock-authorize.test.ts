// The mock's authorization endpoint as DOM-free decisions (src/mocks/tenant.ts): when the login screen
// shows, which users it lists and which one login_hint picks, and what the reader's pick leads to.
// The portal's mock authorize page only renders these answers.
import { calculatePKCECodeChallenge, randomPKCECodeVerifier } from 'openid-client';
import { afterEach, describe, expect, it } from 'vitest';
import { testUsers } from '../../src/oidc/catalogue/fixtures';
import {
  completeMockLogin,
  endMockSession,
  getMockScenario,
  mockAuthorize,
  mockTokenEndpoint,
  resetMockTenant,
  setMockScenario,
} from '../../src/mocks/tenant';

const redirectUri = 'https://portal.test/callback/';

let verifier = randomPKCECodeVerifier();

async function request(extra: Record<string, string> = {}): Promise<URLSearchParams> {
  verifier = randomPKCECodeVerifier();
  return new URLSearchParams({
    client_id: 'mock-public',
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile',
    state: 'st',
    code_challenge: await calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...extra,
  });
}

afterEach(() => resetMockTenant());

describe('the mock login screen', () => {
  it('shows without an SSO session, listing every fixture user and preselecting none', async () => {
    const answer = await mockAuthorize(await request());
    if (answer.kind !== 'login') throw new Error(answer.kind);
    expect(answer.users.map((u) => u.msisdn)).toEqual(testUsers.map((u) => u.msisdn));
    expect(answer.preselected).toBeUndefined();
    expect(answer.clientId).toBe('mock-public');
    expect(answer.scope).toBe('openid profile');
    expect(getMockScenario().ssoSession).toBe(false); // showing the screen changes nothing
  });

  it.each([
    ['+4799957010', 'sol'],
    ['4799957010', 'sol'],
    ['99957010', 'sol'],
    ['+47 999 57 011', 'kari'],
  ])('preselects the user login_hint %s names', async (hint, id) => {
    const answer = await mockAuthorize(await request({ login_hint: hint }));
    expect(answer.kind === 'login' && answer.preselected).toBe(id);
  });

  it('says so when login_hint names nobody, and preselects no one', async () => {
    const answer = await mockAuthorize(await request({ login_hint: 'someone@example.com' }));
    if (answer.kind !== 'login') throw new Error(answer.kind);
    expect(answer.preselected).toBeUndefined();
    expect(answer.notes.join(' ')).toMatch(/names none of the test users/);
  });

  it('logs in the user the reader picks, starting an SSO session, and redirects with a code', async () => {
    const screen = await mockAuthorize(await request({ login_hint: '+4799957010' }));
    if (screen.kind !== 'login') throw new Error(screen.kind);
    const answer = await completeMockLogin(screen.request, 'kari');
    if (answer.kind !== 'redirect') throw new Error(answer.kind);
    expect(answer.outcome).toBe('code');
    expect(answer.shown).toEqual(['login']);
    expect(new URL(answer.redirectTo).searchParams.get('state')).toBe('st');
    expect(getMockScenario()).toMatchObject({ ssoSession: true, userId: 'kari' });
  });

  it('shows the screen again with an error line for a user that does not exist', async () => {
    const screen = await mockAuthorize(await request());
    if (screen.kind !== 'login') throw new Error(screen.kind);
    const again = await completeMockLogin(screen.request, '<img src=x>');
    expect(again).toMatchObject({ kind: 'login', error: 'Choose one of the test users to log in.' });
    expect(getMockScenario().ssoSession).toBe(false);
  });

  it('re-checks the submitted request: a tampered redirect_uri is an error page, not a redirect', async () => {
    const screen = await mockAuthorize(await request());
    if (screen.kind !== 'login') throw new Error(screen.kind);
    const tampered = new URLSearchParams(screen.request);
    tampered.set('redirect_uri', 'https://evil.example/');
    expect(await completeMockLogin(tampered.toString(), 'ulv')).toMatchObject({
      kind: 'error_page',
      error: 'invalid_redirect_uri',
    });
  });

  it('uses the SSO session without a screen, and shows the screen again for prompt=login', async () => {
    setMockScenario({ ssoSession: true });
    const sso = await mockAuthorize(await request());
    expect(sso).toMatchObject({ kind: 'redirect', outcome: 'code', shown: ['sso'] });
    const forced = await mockAuthorize(await request({ prompt: 'login' }));
    if (forced.kind !== 'login') throw new Error(forced.kind);
    expect(forced.notes.join(' ')).toMatch(/prompt=login/);
  });

  it('never shows a screen for prompt=none: login_required without a session, consent_required without consent', async () => {
    const none = await mockAuthorize(await request({ prompt: 'none' }));
    expect(none.kind === 'redirect' && new URL(none.redirectTo).searchParams.get('error')).toBe(
      'login_required',
    );
    setMockScenario({ ssoSession: true, consentRequired: true });
    const consent = await mockAuthorize(await request({ prompt: 'none' }));
    expect(consent.kind === 'redirect' && new URL(consent.redirectTo).searchParams.get('error')).toBe(
      'consent_required',
    );
  });

  it('shows an error page, never a screen, for an unknown client', async () => {
    expect(await mockAuthorize({ client_id: 'nobody', redirect_uri: redirectUri })).toMatchObject({
      kind: 'error_page',
      error: 'invalid_client',
    });
  });
});

describe('a login in another page (the popup)', () => {
  async function loginElsewhere(userId: string): Promise<string> {
    const screen = await mockAuthorize(await request());
    if (screen.kind !== 'login') throw new Error(screen.kind);
    const answer = await completeMockLogin(screen.request, userId);
    if (answer.kind !== 'redirect') throw new Error(answer.kind);
    return new URL(answer.redirectTo).searchParams.get('code')!;
  }
  const redeem = (code: string) =>
    mockTokenEndpoint(
      new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: 'mock-public',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }),
      null,
    );

  it('brings its SSO session to the page that redeems the code, so the next login is silent', async () => {
    const code = await loginElsewhere('kari');
    resetMockTenant(); // the widget's page: its own mock, which never saw that login
    expect((await redeem(code)).status).toBe(200);
    expect(getMockScenario()).toMatchObject({ ssoSession: true, userId: 'kari' });
    expect(await mockAuthorize(await request())).toMatchObject({ kind: 'redirect', shown: ['sso'] });
  });

  it('never brings back a session that ended (logout) in the page', async () => {
    const code = await loginElsewhere('sol');
    endMockSession();
    expect((await redeem(code)).status).toBe(200);
    expect(getMockScenario().ssoSession).toBe(false);
  });
});
