/**
 * The two engines the conformance suite drives the same way, over real HTTP: the mock (MSW's node
 * server answering the mock issuer in-process) and the local tenant (oidc-provider on port 0). Only
 * what a browser does differs: the mock's login screen comes as JSON and its pick as a form POST,
 * the tenant's as HTML pages with cookies.
 */
import { calculatePKCECodeChallenge, randomPKCECodeVerifier, randomState } from 'openid-client';
import { endpointPaths, type ClientTypeName } from '../../../src/oidc/catalogue';
import {
  findTestUser,
  testClient,
  testUsers,
  type Engine,
  type TestUserId,
} from '../../../src/oidc/catalogue/fixtures';
import { mockIssuer } from '../../../src/oidc/environments';
import { controlMock, mockLoginPath } from '../../../src/mocks/control';
import { resetMockTenant } from '../../../src/mocks/tenant';
import { testClock, type TestClockRequest, type TestClockTarget } from '../../../src/oidc/test-clock';
import { TenantBrowser } from '../support/tenant-browser';

/** Both engines accept the portal's callback on a loopback origin. */
export const redirectUri = 'http://localhost:3000/callback/';

export type AuthorizeInput = {
  clientType: ClientTypeName;
  short?: boolean;
  scope: string;
  prompt?: string;
  loginHint?: string;
  acrValues?: string;
  /** max_age in seconds: how old the login may be. */
  maxAge?: number;
  /** Who the reader picks if a login screen shows; `hinted`: the one it preselects. */
  user?: TestUserId | 'hinted';
};

/** What the browser saw on the way and where it ended. */
export type AuthorizeOutcome = {
  screen: { shown: false } | { shown: true; users: string[]; preselected: string | undefined };
  callback: URL | undefined;
  /** An error page instead of a redirect (status and text). */
  errorPage?: { status: number; text: string };
  verifier: string;
  nonce: string;
  state: string;
};

export type EngineDriver = {
  engine: Engine;
  issuer: string;
  /** A fresh browser with no session (the mock: a fresh tenant, as after a new tab). */
  reset(): Promise<void>;
  authorize(input: AuthorizeInput): Promise<AuthorizeOutcome>;
  /** RP-initiated logout with the ID token as hint; resolves to where the browser ends. */
  logout(idToken: string): Promise<string>;
  /** The scenario switch both engines have: prompt=none needs consent the user has not given. */
  setConsentRequired(on: boolean): Promise<void>;
  /** The test clock both engines have (src/oidc/test-clock.ts): forward by `seconds`, or back to real time. */
  moveClock(request: TestClockRequest): Promise<void>;
  /** TelenorID+'s custom logout (POST JSON): its status and body. */
  customLogout(idToken: string, state?: string): Promise<{ status: number; text: string }>;
};

async function moveClockOf(target: TestClockTarget, request: TestClockRequest): Promise<void> {
  const moved = await testClock(target, request);
  if (!moved.ok) throw new Error(moved.sentence);
}

async function customLogoutAt(issuer: string, idToken: string, state?: string) {
  const response = await fetch(issuer + endpointPaths.custom_logout_endpoint.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id_token_hint: idToken, ...(state !== undefined ? { state } : {}) }),
  });
  return { status: response.status, text: await response.text() };
}

async function authorizationUrl(authorizationEndpoint: string, input: AuthorizeInput, engine: Engine) {
  const client = testClient(engine, input.clientType, { short: input.short ?? false });
  const verifier = randomPKCECodeVerifier();
  const state = randomState();
  const nonce = randomState();
  const url = new URL(authorizationEndpoint);
  const params: Record<string, string> = {
    client_id: client.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: input.scope,
    state,
    nonce,
    code_challenge: await calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...(input.prompt ? { prompt: input.prompt } : {}),
    ...(input.loginHint ? { login_hint: input.loginHint } : {}),
    ...(input.acrValues ? { acr_values: input.acrValues } : {}),
    ...(input.maxAge !== undefined ? { max_age: String(input.maxAge) } : {}),
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { url: url.href, verifier, state, nonce };
}

function pickUser(input: AuthorizeInput, preselectedMsisdn: string | undefined): TestUserId {
  if (input.user === 'hinted') {
    const hinted = testUsers.find((u) => u.msisdn === preselectedMsisdn);
    if (!hinted) throw new Error('the login screen preselected nobody');
    return hinted.id;
  }
  return input.user ?? 'ulv';
}

export function mockDriver(): EngineDriver {
  const issuer = mockIssuer;
  return {
    engine: 'mock',
    issuer,
    async reset() {
      resetMockTenant();
    },
    async authorize(input) {
      const { url, verifier, state, nonce } = await authorizationUrl(
        issuer + endpointPaths.authorization_endpoint.path,
        input,
        'mock',
      );
      let response = await fetch(url, { redirect: 'manual' });
      let screen: AuthorizeOutcome['screen'] = { shown: false };
      if (response.status === 200) {
        const { login } = (await response.json()) as {
          login: { request: string; users: { id: string; msisdn: string }[]; preselected?: string };
        };
        const preselected = login.users.find((u) => u.id === login.preselected)?.msisdn;
        screen = { shown: true, users: login.users.map((u) => u.msisdn), preselected };
        response = await fetch(issuer + mockLoginPath, {
          method: 'POST',
          body: new URLSearchParams({ request: login.request, user: pickUser(input, preselected) }),
          redirect: 'manual',
        });
      }
      const location = response.headers.get('location');
      if (response.status !== 302 || !location)
        return {
          screen,
          callback: undefined,
          errorPage: { status: response.status, text: await response.text() },
          verifier,
          nonce,
          state,
        };
      return { screen, callback: new URL(location), verifier, nonce, state };
    },
    async logout(idToken) {
      const url = new URL(issuer + endpointPaths.end_session_endpoint.path);
      url.searchParams.set('id_token_hint', idToken);
      url.searchParams.set('post_logout_redirect_uri', redirectUri);
      url.searchParams.set('state', 'bye');
      const response = await fetch(url, { redirect: 'manual' });
      return response.headers.get('location') ?? `(no redirect: ${response.status})`;
    },
    async setConsentRequired(on) {
      await controlMock({ set: { consentRequired: on } });
    },
    moveClock: (request) => moveClockOf({ environment: 'mock' }, request),
    customLogout: (idToken, state) => customLogoutAt(issuer, idToken, state),
  };
}

/** The tenant's login page: the users it lists (by phone number) and the one login_hint marks. */
function readLoginPage(html: string): {
  users: string[];
  preselected: string | undefined;
  forms: Map<string, string>;
} {
  const forms = new Map<string, string>();
  const users: string[] = [];
  let preselected: string | undefined;
  const item =
    /<form method="post" action="([^"]+)">\s*<input type="hidden" name="(?:sub|user)" value="([^"]+)">\s*<button type="submit"([^>]*)><span class="who">[^<]*?(\+\d+)<\/span>/g;
  for (const m of html.matchAll(item)) {
    const [, action, value, attributes, msisdn] = m as unknown as [string, string, string, string, string];
    users.push(msisdn);
    forms.set(msisdn, `${action}\n${value}`);
    if (/class="hint"/.test(attributes)) preselected = msisdn;
  }
  return { users, preselected, forms };
}

export function tenantDriver(issuer: string): EngineDriver {
  let browser = new TenantBrowser(issuer);
  return {
    engine: 'local',
    issuer,
    async reset() {
      browser = new TenantBrowser(issuer);
    },
    async authorize(input) {
      const { url, verifier, state, nonce } = await authorizationUrl(
        issuer + endpointPaths.authorization_endpoint.path,
        input,
        'local',
      );
      const first = await browser.follow(url);
      let screen: AuthorizeOutcome['screen'] = { shown: false };
      let end = first;
      if (first.response.status === 200 && first.url.startsWith(issuer)) {
        const page = readLoginPage(await first.response.text());
        if (page.users.length === 0)
          return {
            screen,
            callback: undefined,
            errorPage: { status: 200, text: 'no login form' },
            verifier,
            nonce,
            state,
          };
        screen = { shown: true, users: page.users, preselected: page.preselected };
        const chosen = findTestUser(pickUser(input, page.preselected))!;
        const [action, value] = page.forms.get(chosen.msisdn)!.split('\n') as [string, string];
        end = await browser.follow(new URL(action, issuer).href, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ user: value }),
        });
        // Another user over an existing session: oidc-provider ends the old session first with a
        // self-submitting form (a browser runs its script); submit it as the browser would.
        if (end.response.status === 200 && end.url.startsWith(issuer)) {
          const html = await end.response.clone().text();
          const form =
            /<form method="post" action="([^"]+)">\s*<input type="hidden" name="xsrf" value="([^"]+)"/.exec(
              html,
            );
          if (form)
            end = await browser.follow(new URL(form[1]!, issuer).href, {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({ xsrf: form[2]!, logout: 'yes' }),
            });
        }
      }
      if (end.url.startsWith(issuer) || !(end.response.status >= 300 && end.response.status < 400))
        return {
          screen,
          callback: undefined,
          errorPage: { status: end.response.status, text: (await end.response.text()).slice(0, 500) },
          verifier,
          nonce,
          state,
        };
      return { screen, callback: new URL(end.url), verifier, nonce, state };
    },
    async logout(idToken) {
      const url = new URL(issuer + endpointPaths.end_session_endpoint.path);
      url.searchParams.set('id_token_hint', idToken);
      url.searchParams.set('post_logout_redirect_uri', redirectUri);
      url.searchParams.set('state', 'bye');
      const { response } = await browser.follow(url.href);
      const html = await response.text();
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
      const action = /id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1];
      if (!xsrf || !action) return `(no logout form: ${response.status})`;
      const done = await browser.follow(new URL(action, issuer).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ xsrf, logout: 'yes' }),
      });
      return done.url;
    },
    async setConsentRequired(on) {
      const response = await fetch(`${issuer}/__tenant/scenario`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ set: { consentRequired: on } }),
      });
      if (!response.ok) throw new Error(`the tenant has no scenario switch (${response.status})`);
    },
    moveClock: (request) => moveClockOf({ environment: 'local', issuer }, request),
    customLogout: (idToken, state) => customLogoutAt(issuer, idToken, state),
  };
}
