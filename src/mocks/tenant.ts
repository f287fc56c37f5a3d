/**
 * The mock TelenorID+ tenant's logic, free of MSW so the portal's mock authorize page can call it
 * directly and the handlers can wrap it: discovery, authorize, token, userinfo, revocation,
 * logout, and the switchable scenario. See README.md for why codes are self-contained.
 */
import {
  SignJWT,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  type JWK,
  type JWTPayload,
} from 'jose';
// The catalogue by path, not through its index: the index re-exports every catalogue module, and a
// bundle of the mock's static pages would carry them all (the error catalogue alone is ~4 kB gzip).
import { acrValues } from '../oidc/catalogue/assurance';
import { refreshRefusalHeadlines, type RefreshRefusal } from '../oidc/catalogue/behaviours';
import { endpointPaths, exampleLifetimes, signingAlgorithm } from '../oidc/catalogue/endpoints';
import { apiScope, claims as claimCatalogue, identityScopes } from '../oidc/catalogue/scopes';
import { loggedOutPage } from '../oidc/catalogue/logout';
import { cibaGrantType, deviceGrantType } from './polling-grants';
import { cibaScopes } from '../oidc/catalogue/scopes';
import {
  claimsFor,
  defaultTestUserId,
  grantedScope,
  pairwiseSub,
  redirectRules,
  rotatesRefreshToken,
  sessionClaims,
} from '../oidc/catalogue/fixtures';
import { isLoopbackHost, mockIssuer } from '../oidc/environments';
import {
  applyTestClockRequest,
  parseTestClockRequest,
  testClockAnswer,
  type TestClock,
} from '../oidc/test-clock';
import {
  findMockClient,
  findMockUser,
  findMockUserByHint,
  mockUsers,
  type MockClient,
  type MockUser,
  type MockUserId,
} from './users';
import { mockCibaClient, mockDeviceClient } from './users';
import { mockDevicePath } from './control';
import type { PhonePrompt } from '../oidc/polling';
import type { DeviceDecisionResult, PollingAnswer } from './polling';

/** The polling flows load on first use, so pages that only log in do not carry them. */
let pollingModule: typeof import('./polling') | undefined;
async function polling(): Promise<typeof import('./polling')> {
  pollingModule ??= await import('./polling');
  return pollingModule;
}

// ---------------------------------------------------------------------------------------------
// Scenario: what the mock tenant should do; a small typed state a page or test switches.

export type MockScenario = {
  /** The user has a TelenorID+ SSO session in this browser (prompt=none succeeds). */
  ssoSession: boolean;
  /** Id of the current SSO session; refresh tokens die with it. */
  sessionId: string;
  /**
   * When the current session's login happened, on the mock's clock (seconds), as the tenant's session
   * keeps it: a clock jump ages the login, so max_age judges it by the moved clock, and tokens carry it
   * in real time as auth_time (this minus the clock's offset: a login before a 14-day jump is 14 days old).
   */
  authTime: number;
  /** prompt=none answers consent_required; an interactive login shows (and auto-grants) consent. */
  consentRequired: boolean;
  /** Who logs in (unless login_hint names another test user). */
  userId: MockUserId;
  /** Virtual clock: seconds added to real time for refresh-token and code expiry. */
  clockOffsetSeconds: number;
};

function randomId(): string {
  return globalThis.crypto.randomUUID();
}

function initialScenario(): MockScenario {
  return {
    ssoSession: false,
    sessionId: randomId(),
    authTime: 0,
    consentRequired: false,
    userId: defaultTestUserId,
    clockOffsetSeconds: 0,
  };
}

type RefreshRecord = {
  clientId: string;
  userId: MockUserId;
  scope: string[];
  sessionId: string;
  family: string;
  expiresAt: number;
  authTime: number;
  /** The login's nonce: an ID token from a refresh repeats it (OpenID Connect Core §12.2), as the tenant's does. */
  nonce?: string;
  used: boolean;
  revoked: boolean;
};

export type MockTenantConfig = {
  issuer: string;
  /** A page of the portal in the browser; the mock's own handler in Node. */
  authorizationEndpoint: string;
  endSessionEndpoint: string;
  /** The device flow's verification page: a page of the portal in the browser (`mock/device/`). */
  deviceVerificationUri: string;
  /** Origins whose https (or loopback http) URLs are accepted as redirect_uri (Node tests). */
  redirectOrigins: string[];
  /**
   * When set, the only redirect_uri (and post_logout_redirect_uri) values accepted, compared exactly;
   * `redirectOrigins` is then ignored. In the browser it is the portal's own callback page.
   */
  redirectUris?: string[];
};

const state = {
  scenario: initialScenario(),
  config: defaultConfig(),
  refreshTokens: new Map<string, RefreshRecord>(),
  usedCodes: new Set<string>(),
  /** Access tokens by jti → when they expire on the mock's (virtual) clock; their JWT exp is real time. */
  accessTokenExpiry: new Map<string, number>(),
  /** Sessions ended by logout in this page: a code from one of them never brings it back. */
  endedSessions: new Set<string>(),
  listeners: new Set<(s: MockScenario) => void>(),
};

function defaultConfig(): MockTenantConfig {
  return {
    issuer: mockIssuer,
    authorizationEndpoint: mockIssuer + endpointPaths.authorization_endpoint.path,
    endSessionEndpoint: mockIssuer + endpointPaths.end_session_endpoint.path,
    deviceVerificationUri: mockIssuer + mockDevicePath,
    redirectOrigins: [...redirectRules.mockTestOrigins],
  };
}

export function getMockConfig(): Readonly<MockTenantConfig> {
  return state.config;
}

/**
 * Point the mock's authorize/end-session endpoints at pages of the portal. Redirect rules given here
 * replace the defaults (never merge with them), so the browser's mock redirects to its callback only.
 */
export function configureMockTenant(patch: Partial<Omit<MockTenantConfig, 'issuer'>>): void {
  state.config = { ...state.config, ...patch };
}

export function getMockScenario(): Readonly<MockScenario> {
  return state.scenario;
}

function changed(): void {
  for (const l of state.listeners) l(state.scenario);
}

/** Switch the scenario (partial update). Unknown keys and wrong types are ignored. */
export function setMockScenario(patch: Partial<MockScenario>): Readonly<MockScenario> {
  const s = { ...state.scenario };
  if (typeof patch.ssoSession === 'boolean') {
    if (patch.ssoSession && !s.ssoSession) {
      s.sessionId = randomId();
      s.authTime = mockNow();
    }
    s.ssoSession = patch.ssoSession;
  }
  if (typeof patch.consentRequired === 'boolean') s.consentRequired = patch.consentRequired;
  if (typeof patch.userId === 'string' && findMockUser(patch.userId)) s.userId = patch.userId;
  if (typeof patch.clockOffsetSeconds === 'number' && Number.isFinite(patch.clockOffsetSeconds))
    s.clockOffsetSeconds = patch.clockOffsetSeconds;
  if (typeof patch.sessionId === 'string' && patch.sessionId) s.sessionId = patch.sessionId;
  if (typeof patch.authTime === 'number' && Number.isFinite(patch.authTime)) s.authTime = patch.authTime;
  state.scenario = s;
  changed();
  return s;
}

/** Move the virtual clock forward (refresh tokens and codes expire by it). */
export function advanceMockClock(seconds: number): Readonly<MockScenario> {
  return setMockScenario({
    clockOffsetSeconds: state.scenario.clockOffsetSeconds + (Number.isFinite(seconds) ? seconds : 0),
  });
}

/** The test clock's answer (src/oidc/test-clock.ts): how far the mock's clock is ahead, and its now. */
export function mockTestClock(): { clock: TestClock } {
  return testClockAnswer(state.scenario.clockOffsetSeconds);
}

/**
 * `POST /__mock/clock`: the contract both engines share (parseTestClockRequest). Forward only, or back
 * to real time; what the mock keeps is judged by the moved clock, what it signs carries real time.
 */
export function moveMockTestClock(body: unknown): MockHttpAnswer {
  const parsed = parseTestClockRequest(body);
  if (!parsed.ok) return oauthError(400, 'invalid_request', parsed.error_description);
  setMockScenario({
    clockOffsetSeconds: applyTestClockRequest(state.scenario.clockOffsetSeconds, parsed.request),
  });
  return { status: 200, json: mockTestClock() };
}

/** End the SSO session (as logout would): prompt=none fails, and every refresh token of it dies. */
export function endMockSession(): Readonly<MockScenario> {
  state.endedSessions.add(state.scenario.sessionId);
  state.scenario = { ...state.scenario, ssoSession: false, sessionId: randomId() };
  changed();
  return state.scenario;
}

/** Revoke every refresh token issued so far (as “log out everywhere” at Manage my Telenor would). */
export function revokeMockRefreshTokens(): number {
  let n = 0;
  for (const r of state.refreshTokens.values())
    if (!r.revoked) {
      r.revoked = true;
      n++;
    }
  return n;
}

/** Listen to scenario changes (the browser helper persists them in sessionStorage). */
export function onMockScenarioChange(listener: (s: MockScenario) => void): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/**
 * Back to a fresh tenant: no session, no tokens, real time. Keeps the configuration (the browser's
 * authorize page) and the signing key, so a widget's “reset” button leaves the mock usable.
 */
export function resetMockTenant(): void {
  state.scenario = initialScenario();
  state.refreshTokens.clear();
  state.usedCodes.clear();
  state.accessTokenExpiry.clear();
  state.endedSessions.clear();
  pollingModule?.resetMockPolling();
  changed();
}

/** Virtual now, in seconds. */
export function mockNow(): number {
  return Math.floor(Date.now() / 1000) + state.scenario.clockOffsetSeconds;
}
/** Virtual now in milliseconds: the polling flows time their intervals finer than a second. */
export function mockNowMs(): number {
  return Date.now() + state.scenario.clockOffsetSeconds * 1000;
}
function realNow(): number {
  return Math.floor(Date.now() / 1000);
}

// ---------------------------------------------------------------------------------------------
// Keys. The RSA signing key is generated per page load (WebCrypto), so tokens are real RS256 JWTs
// verifiable against the JWKS. Authorization codes are HMAC'd with a fixed, published key: they must
// survive the top-level navigation from the authorize page back to the widget page, which a key held
// in page memory would not (README.md).

type SigningKey = { privateKey: CryptoKey; publicKey: CryptoKey; jwk: JWK; kid: string };
let signingKey: Promise<SigningKey> | undefined;

function getSigningKey(): Promise<SigningKey> {
  signingKey ??= (async () => {
    const { privateKey, publicKey } = await generateKeyPair(signingAlgorithm, { extractable: true });
    const kid = `mock-${randomId()}`;
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: signingAlgorithm, use: 'sig' };
    return { privateKey, publicKey, jwk, kid };
  })();
  return signingKey;
}

/** Not a secret: it only makes the mock's codes tamper-evident across page loads. */
const codeKeyBytes = new TextEncoder().encode('telenorid-plus-portal-mock-code-key-not-a-secret-0001');
let codeKeyPromise: Promise<CryptoKey> | undefined;
/** The code key imported once per page (jose would import the bytes again for every code). */
const codeKey = () =>
  (codeKeyPromise ??= globalThis.crypto.subtle.importKey(
    'raw',
    codeKeyBytes,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  ));
const codeTyp = 'mock-authorization-code';

export async function mockJwks(): Promise<{ keys: JWK[] }> {
  return { keys: [(await getSigningKey()).jwk] };
}

// ---------------------------------------------------------------------------------------------
// Discovery

/**
 * The mock's discovery document, shaped like TelenorID+'s: `/connect/...` paths,
 * custom_logout_endpoint, no api: scopes, RS256 only, S256 only.
 */
export function mockDiscoveryDocument(): Record<string, unknown> {
  const { issuer, authorizationEndpoint, endSessionEndpoint } = state.config;
  const protocolClaims = [
    'iss',
    'aud',
    'exp',
    'iat',
    'nbf',
    'auth_time',
    'nonce',
    'amr',
    'acr',
    'sid',
    'idp',
    'at_hash',
  ];
  return {
    issuer,
    jwks_uri: issuer + endpointPaths.jwks_uri.path,
    authorization_endpoint: authorizationEndpoint,
    token_endpoint: issuer + endpointPaths.token_endpoint.path,
    userinfo_endpoint: issuer + endpointPaths.userinfo_endpoint.path,
    end_session_endpoint: endSessionEndpoint,
    revocation_endpoint: issuer + endpointPaths.revocation_endpoint.path,
    // Both polling flows are in the guide (facts §21, §22), so both engines advertise them.
    device_authorization_endpoint: issuer + endpointPaths.device_authorization_endpoint.path,
    backchannel_authentication_endpoint: issuer + endpointPaths.backchannel_authentication_endpoint.path,
    backchannel_token_delivery_modes_supported: ['poll'],
    backchannel_user_code_parameter_supported: false,
    custom_logout_endpoint: issuer + endpointPaths.custom_logout_endpoint.path,
    frontchannel_logout_supported: false,
    backchannel_logout_supported: false,
    scopes_supported: identityScopes.map((s) => s.name),
    claims_supported: [...new Set([...Object.keys(claimCatalogue), ...protocolClaims])],
    grant_types_supported: ['authorization_code', 'refresh_token', deviceGrantType, cibaGrantType],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    id_token_signing_alg_values_supported: [signingAlgorithm],
    subject_types_supported: ['pairwise'],
    code_challenge_methods_supported: ['S256'],
    acr_values_supported: acrValues.map((a) => a.value),
    request_parameter_supported: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

export type OAuthErrorBody = { error: string; error_description: string };
export type MockHttpAnswer = {
  status: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
};

function oauthError(
  status: number,
  error: string,
  description: string,
  headers?: Record<string, string>,
): MockHttpAnswer {
  return { status, json: { error, error_description: description }, ...(headers ? { headers } : {}) };
}

function redirectOriginAllowed(uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.hash || uri.includes('#')) return false;
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return false;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username || url.password) return false;
  if (state.config.redirectUris) return state.config.redirectUris.includes(uri);
  return state.config.redirectOrigins.includes(url.origin);
}

async function s256(verifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  let binary = '';
  for (const b of new Uint8Array(digest)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function sign(payload: JWTPayload, typ: string): Promise<string> {
  const key = await getSigningKey();
  return new SignJWT(payload)
    .setProtectedHeader({ alg: signingAlgorithm, kid: key.kid, typ })
    .sign(key.privateKey);
}

type Grant = {
  client: MockClient;
  user: MockUser;
  scope: string[];
  sessionId: string;
  authTime: number;
  nonce?: string;
};

async function issueTokens(
  grant: Grant,
  withRefresh: { family: string; expiresAt: number } | undefined,
): Promise<Record<string, unknown>> {
  const iat = realNow();
  const sub = await pairwiseSub(grant.user.id, grant.client.sector);
  const common = {
    iss: state.config.issuer,
    sub,
    iat,
    nbf: iat,
    // The login was timed on the mock's clock; what the mock signs carries real time (test-clock.ts).
    auth_time: grant.authTime - state.scenario.clockOffsetSeconds,
    ...sessionClaims(grant.user, grant.client, grant.sessionId),
  };
  const jti = randomId().replace(/-/g, '').toUpperCase();
  state.accessTokenExpiry.set(jti, mockNow() + exampleLifetimes.accessTokenSeconds);
  // Both tokens signed at once: two independent signatures, not one after the other.
  const [accessToken, idToken] = await Promise.all([
    sign(
      {
        ...common,
        exp: iat + exampleLifetimes.accessTokenSeconds,
        client_id: grant.client.clientId,
        jti,
        scope: grant.scope,
        ...claimsFor(grant.user, grant.scope, 'access_token'),
      },
      'at+jwt',
    ),
    grant.scope.includes('openid')
      ? sign(
          {
            ...common,
            aud: grant.client.clientId,
            exp: iat + exampleLifetimes.idTokenSeconds,
            ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
            ...claimsFor(grant.user, grant.scope, 'id_token'),
          },
          'JWT',
        )
      : undefined,
  ]);
  const response: Record<string, unknown> = {
    access_token: accessToken,
    expires_in: exampleLifetimes.accessTokenSeconds,
    token_type: 'Bearer',
    scope: grant.scope.join(' '),
  };
  if (idToken !== undefined) response['id_token'] = idToken;
  if (withRefresh) {
    const token = `mock-rt-${randomId()}`;
    state.refreshTokens.set(token, {
      clientId: grant.client.clientId,
      userId: grant.user.id,
      scope: grant.scope,
      sessionId: grant.sessionId,
      family: withRefresh.family,
      expiresAt: withRefresh.expiresAt,
      authTime: grant.authTime,
      ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
      used: false,
      revoked: false,
    });
    response['refresh_token'] = token;
  }
  return response;
}

// ---------------------------------------------------------------------------------------------
// /authorize (a pure function: in the browser a portal page calls it, since navigations cannot be mocked)

/** What a real TelenorID+ would have shown the user on the way (the mock's login screen is `login`). */
export type MockShownStep = 'login' | 'consent' | 'sso';

/** A test user as the mock's login screen lists them (the same users as the local tenant's login page). */
export type MockLoginChoice = { id: MockUserId; name: string; msisdn: string; label: string };

export type MockAuthorizeResult =
  | {
      kind: 'redirect';
      /** Where to send the browser: the client's redirect_uri with a code or an OAuth error. */
      redirectTo: string;
      outcome: 'code' | 'error';
      /** What the user went through before the redirect (`login`: the reader picked a user on the login screen). */
      shown: MockShownStep[];
    }
  | {
      /**
       * The login screen: no SSO session, or prompt=login. Render `users` as a form (one button each,
       * `preselected` first in focus); the reader's pick goes to `completeMockLogin(request, userId)`.
       */
      kind: 'login';
      users: MockLoginChoice[];
      /** The user `login_hint` names, if it names one of them. */
      preselected: MockUserId | undefined;
      /** A sentence for the reader: why the screen shows (prompt=login), a hint that named nobody, a bad pick. */
      notes: string[];
      /** An error line: the previous submission could not be used (unknown user). */
      error: string | undefined;
      clientId: string;
      scope: string;
      /** The authorization request to submit again with the chosen user (its query string, without `?`). */
      request: string;
    }
  | {
      /** The request cannot be answered by redirect (unknown client or redirect_uri): show this on the page. */
      kind: 'error_page';
      error: string;
      error_description: string;
    };

const knownPrompts = ['none', 'login', 'consent', 'select_account'];

type CheckedRequest =
  | { ok: false; answer: MockAuthorizeResult }
  | {
      ok: true;
      p: URLSearchParams;
      client: MockClient;
      redirectUri: string;
      scope: string[];
      prompt: string[];
      /** How old the login may be, in seconds (max_age); 0 asks for a new login, as prompt=login does. */
      maxAge: number | undefined;
      challenge: string | null;
      back: (
        query: Record<string, string>,
        outcome: 'code' | 'error',
        shown: MockShownStep[],
      ) => MockAuthorizeResult;
      fail: (error: string, description: string) => MockAuthorizeResult;
    };

/** Every check of an authorization request that does not depend on who logs in. */
function checkAuthorizeRequest(params: URLSearchParams | Record<string, string>): CheckedRequest {
  const p = params instanceof URLSearchParams ? new URLSearchParams(params) : new URLSearchParams(params);
  const clientId = p.get('client_id');
  const redirectUri = p.get('redirect_uri');
  const client = findMockClient(clientId);
  if (!client)
    return {
      ok: false,
      answer: {
        kind: 'error_page',
        error: 'invalid_client',
        error_description: `Unknown client_id ${JSON.stringify(clientId ?? '')}.`,
      },
    };
  if (!redirectUri || !redirectOriginAllowed(redirectUri))
    return {
      ok: false,
      answer: {
        kind: 'error_page',
        error: 'invalid_redirect_uri',
        error_description: 'The redirect_uri is not registered for this client.',
      },
    };

  const stateParam = p.get('state');
  const back = (
    query: Record<string, string>,
    outcome: 'code' | 'error',
    shown: MockShownStep[],
  ): MockAuthorizeResult => {
    const url = new URL(redirectUri);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    if (stateParam !== null) url.searchParams.set('state', stateParam);
    return { kind: 'redirect', redirectTo: url.href, outcome, shown };
  };
  const fail = (error: string, description: string) =>
    back({ error, error_description: description }, 'error', []);
  const refuse = (error: string, description: string): CheckedRequest => ({
    ok: false,
    answer: fail(error, description),
  });

  const responseType = p.get('response_type');
  if (responseType !== 'code')
    return refuse(
      'unsupported_response_type',
      'The mock supports response_type=code only, the flow TelenorID+ recommends.',
    );
  const responseMode = p.get('response_mode');
  if (responseMode !== null && responseMode !== 'query')
    return refuse(
      'invalid_request',
      'The mock answers with response_mode=query only (a static page cannot receive form_post).',
    );
  const scope = (p.get('scope') ?? '').split(' ').filter(Boolean);
  if (scope.length === 0) return refuse('invalid_request', 'scope is required.');
  const badScope = scope.find(
    (s) =>
      !identityScopes.some((i) => i.name === s) &&
      !(s.startsWith(apiScope.prefix) && apiScope.servicePattern.test(s.slice(apiScope.prefix.length))),
  );
  if (badScope) return refuse('invalid_scope', `The scope ${badScope} is not allowed for this client.`);
  const challenge = p.get('code_challenge');
  const method = p.get('code_challenge_method');
  if (challenge !== null && method !== 'S256')
    return refuse(
      'invalid_request',
      'code_challenge_method must be S256, the only method TelenorID+ accepts.',
    );
  if (challenge === null && client.clientSecret === undefined)
    return refuse(
      'invalid_request',
      'A public client must use PKCE: send code_challenge and code_challenge_method=S256.',
    );
  if (challenge !== null && !/^[A-Za-z0-9_-]{43}$/.test(challenge))
    return refuse(
      'invalid_request',
      'code_challenge must be BASE64URL(SHA-256(code_verifier)), 43 characters.',
    );

  const prompt = (p.get('prompt') ?? '').split(' ').filter(Boolean);
  const unknownPrompt = prompt.find((x) => !knownPrompts.includes(x));
  if (unknownPrompt) return refuse('invalid_request', `Unknown prompt value ${unknownPrompt}.`);
  if (prompt.includes('none') && prompt.length > 1)
    return refuse('invalid_request', 'prompt=none cannot be combined with other values.');
  const maxAgeParam = p.get('max_age');
  const maxAge = maxAgeParam === null ? undefined : Number(maxAgeParam);
  if (maxAge !== undefined && (maxAgeParam === '' || !Number.isSafeInteger(maxAge) || maxAge < 0))
    return refuse('invalid_request', 'max_age must be a whole number of seconds, 0 or more.');
  return { ok: true, p, client, redirectUri, scope, prompt, maxAge, challenge, back, fail };
}

function loginScreen(checked: CheckedRequest & { ok: true }, error?: string): MockAuthorizeResult {
  const hint = checked.p.get('login_hint');
  const hinted = findMockUserByHint(hint);
  const notes: string[] = [];
  if (checked.prompt.includes('login'))
    notes.push('prompt=login: TelenorID+ asks the user to log in again, even with a session.');
  if (hint && !hinted)
    notes.push(
      `The login_hint ${JSON.stringify(hint)} names none of the test users, so none is preselected.`,
    );
  const request = new URLSearchParams(checked.p);
  return {
    kind: 'login',
    users: mockUsers.map((u) => ({
      id: u.id,
      name: `${u.claims.given_name} ${u.claims.family_name}`,
      msisdn: u.msisdn,
      label: u.label,
    })),
    preselected: hinted?.id,
    notes,
    error,
    clientId: checked.client.clientId,
    scope: checked.scope.join(' '),
    request: request.toString(),
  };
}

/** The code for a login of the scenario's current session. */
async function issueCode(
  checked: CheckedRequest & { ok: true },
  shown: MockShownStep[],
): Promise<MockAuthorizeResult> {
  const s = state.scenario;
  const nonce = checked.p.get('nonce');
  const scope = grantedScope(checked.scope, checked.client);
  const code = await new SignJWT({
    cid: checked.client.clientId,
    ruri: checked.redirectUri,
    scope,
    uid: s.userId,
    sid: s.sessionId,
    at: s.authTime,
    // Its end on the mock's clock (the JWT's exp is real time): a test-clock jump expires it too.
    vexp: mockNow() + 300,
    ...(checked.challenge !== null ? { cc: checked.challenge } : {}),
    ...(nonce !== null ? { nonce } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: codeTyp })
    .setJti(randomId())
    .setIssuedAt(realNow())
    .setExpirationTime(realNow() + 300)
    .sign(await codeKey());
  return checked.back({ code, scope: scope.join(' '), session_state: s.sessionId }, 'code', shown);
}

/**
 * The mock's authorization endpoint, DOM-free: validates client_id, redirect_uri, response_type,
 * scope, PKCE and prompt, then decides against the mock's session (the scenario) and the fixtures —
 * `login` (the login screen: no SSO session, or prompt=login), `redirect` (a code through the SSO
 * session, or an OAuth error such as login_required / consent_required for prompt=none), or
 * `error_page` (unknown client or redirect_uri: never redirected to). Changes nothing.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
 */
export async function mockAuthorize(
  params: URLSearchParams | Record<string, string>,
): Promise<MockAuthorizeResult> {
  const checked = checkAuthorizeRequest(params);
  if (!checked.ok) return checked.answer;
  const scenario = state.scenario;
  // max_age judges the session's login by the mock's clock, as the tenant (oidc-provider) does.
  const tooOld =
    checked.maxAge !== undefined && (checked.maxAge === 0 || mockNow() - scenario.authTime > checked.maxAge);
  if (checked.prompt.includes('none')) {
    if (!scenario.ssoSession)
      return checked.fail('login_required', 'The user has no SSO session at TelenorID+ in this browser.');
    if (tooOld)
      return checked.fail(
        'login_required',
        `The user's login is older than max_age (${checked.maxAge} s): a new login is needed, which prompt=none does not allow.`,
      );
    if (scenario.consentRequired)
      return checked.fail('consent_required', 'The user must consent, which prompt=none does not allow.');
    return issueCode(checked, ['sso']);
  }
  if (!scenario.ssoSession || checked.prompt.includes('login') || tooOld) return loginScreen(checked);
  const shown: MockShownStep[] = ['sso'];
  if (scenario.consentRequired || checked.prompt.includes('consent')) shown.push('consent');
  return issueCode(checked, shown);
}

/**
 * The reader picked `userId` on the login screen of `request` (the screen's `request`): check the
 * request again, start a new SSO session for that user, and redirect with a code. An unknown user
 * shows the login screen again with an error line.
 */
export async function completeMockLogin(
  request: URLSearchParams | Record<string, string> | string,
  userId: string | null | undefined,
): Promise<MockAuthorizeResult> {
  const checked = checkAuthorizeRequest(typeof request === 'string' ? new URLSearchParams(request) : request);
  if (!checked.ok) return checked.answer;
  if (checked.prompt.includes('none'))
    return checked.fail('login_required', 'prompt=none never shows a login screen.');
  const user = findMockUser(userId);
  if (!user) return loginScreen(checked, 'Choose one of the test users to log in.');
  state.scenario = {
    ...state.scenario,
    userId: user.id,
    ssoSession: true,
    sessionId: randomId(),
    authTime: mockNow(),
  };
  changed();
  const shown: MockShownStep[] = ['login'];
  if (state.scenario.consentRequired || checked.prompt.includes('consent')) shown.push('consent');
  return issueCode(checked, shown);
}

// ---------------------------------------------------------------------------------------------
// /connect/token

function authenticateClient(
  form: URLSearchParams,
  authorization: string | null,
): { ok: true; client: MockClient } | { ok: false; answer: MockHttpAnswer } {
  let clientId = form.get('client_id');
  let secret = form.get('client_secret');
  if (authorization?.startsWith('Basic ')) {
    try {
      const decoded = atob(authorization.slice(6));
      const i = decoded.indexOf(':');
      clientId = decodeURIComponent(decoded.slice(0, i));
      secret = decodeURIComponent(decoded.slice(i + 1));
    } catch {
      return {
        ok: false,
        answer: oauthError(401, 'invalid_client', 'Malformed Basic authorization header.'),
      };
    }
  }
  const client =
    findMockClient(clientId) ?? [mockDeviceClient, mockCibaClient].find((c) => c.clientId === clientId);
  if (!client) return { ok: false, answer: oauthError(401, 'invalid_client', 'Unknown client.') };
  if (client.clientSecret !== undefined && secret !== client.clientSecret)
    return { ok: false, answer: oauthError(401, 'invalid_client', 'The client secret is missing or wrong.') };
  return { ok: true, client };
}

function refreshFor(
  client: MockClient,
  scope: readonly string[],
): { family: string; expiresAt: number } | undefined {
  const lifetime = client.refreshLifetimeSeconds;
  if (lifetime === undefined || !scope.includes('offline_access')) return undefined;
  return { family: randomId(), expiresAt: mockNow() + lifetime };
}

async function codeGrant(client: MockClient, form: URLSearchParams): Promise<MockHttpAnswer> {
  const code = form.get('code');
  if (!code) return oauthError(400, 'invalid_request', 'code is required.');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(code, await codeKey(), { typ: codeTyp, algorithms: ['HS256'] }));
  } catch {
    return oauthError(400, 'invalid_grant', 'The authorization code is invalid or expired.');
  }
  const jti = String(payload.jti);
  if (typeof payload['vexp'] === 'number' && mockNow() >= payload['vexp'])
    return oauthError(400, 'invalid_grant', 'The authorization code is invalid or expired.');
  if (state.usedCodes.has(jti))
    return oauthError(400, 'invalid_grant', 'The authorization code has already been used.');
  if (payload['cid'] !== client.clientId)
    return oauthError(400, 'invalid_grant', 'The authorization code was issued to another client.');
  if (form.get('redirect_uri') !== payload['ruri'])
    return oauthError(400, 'invalid_grant', 'redirect_uri does not match the one sent to /authorize.');
  const challenge = payload['cc'];
  const verifier = form.get('code_verifier');
  if (typeof challenge === 'string') {
    if (!verifier) return oauthError(400, 'invalid_grant', 'code_verifier is required (PKCE).');
    if ((await s256(verifier)) !== challenge)
      return oauthError(400, 'invalid_grant', 'The code_verifier does not match the code_challenge.');
  } else if (verifier) {
    return oauthError(400, 'invalid_grant', 'code_verifier sent, but no code_challenge was.');
  }
  state.usedCodes.add(jti);
  adoptSessionOf(payload);
  const scope = Array.isArray(payload['scope']) ? (payload['scope'] as string[]) : [];
  const grant: Grant = {
    client,
    user: findMockUser(String(payload['uid'])) ?? findMockUser(defaultTestUserId)!,
    scope,
    sessionId: String(payload['sid']),
    authTime: Number(payload['at']),
    ...(typeof payload['nonce'] === 'string' ? { nonce: payload['nonce'] } : {}),
  };
  return { status: 200, json: await issueTokens(grant, refreshFor(client, scope)) };
}

/**
 * A login in another page (the popup or the redirect that showed the login screen) started an SSO
 * session this page's mock does not know: the self-contained code carries it, so redeeming the code
 * adopts it — as a browser's cookie would be there for the next login. An ended or older session is
 * never brought back.
 */
function adoptSessionOf(code: JWTPayload): void {
  const sid = code['sid'];
  const at = Number(code['at']);
  const user = findMockUser(String(code['uid']));
  const s = state.scenario;
  if (typeof sid !== 'string' || !user || sid === s.sessionId || state.endedSessions.has(sid)) return;
  if (!Number.isFinite(at) || at < s.authTime) return;
  state.scenario = { ...s, ssoSession: true, sessionId: sid, authTime: at, userId: user.id };
  changed();
}

/** Why a refresh token is refused; the headlines are the catalogue's, shared with the widgets. */
export type { RefreshRefusal };
export const refreshRefusalText = refreshRefusalHeadlines;

async function refreshGrant(client: MockClient, form: URLSearchParams): Promise<MockHttpAnswer> {
  const token = form.get('refresh_token');
  if (!token) return oauthError(400, 'invalid_request', 'refresh_token is required.');
  const record = state.refreshTokens.get(token);
  const refuse = (why: RefreshRefusal) => oauthError(400, 'invalid_grant', refreshRefusalText[why]);
  if (!record) return refuse('unknown');
  if (record.clientId !== client.clientId) return refuse('other_client');
  if (record.revoked) return refuse('revoked');
  if (record.used) {
    for (const r of state.refreshTokens.values()) if (r.family === record.family) r.revoked = true;
    return refuse('reused');
  }
  if (mockNow() >= record.expiresAt) return refuse('expired');
  if (!state.scenario.ssoSession || state.scenario.sessionId !== record.sessionId)
    return refuse('session_ended');
  const requested = form.get('scope')?.split(' ').filter(Boolean);
  if (requested && requested.some((s) => !record.scope.includes(s)))
    return oauthError(400, 'invalid_scope', 'A refresh cannot add scopes that were not granted at login.');
  const scope = requested ?? record.scope;
  const grant: Grant = {
    client,
    user: findMockUser(record.userId)!,
    scope,
    sessionId: record.sessionId,
    authTime: record.authTime,
    ...(record.nonce !== undefined ? { nonce: record.nonce } : {}),
  };
  if (!rotatesRefreshToken(client.refreshPolicy)) {
    // Fixed policy (Confidential): the same token again, ending 14 days after login (behaviours.confidentialNotRotated).
    const json = await issueTokens(grant, undefined);
    return { status: 200, json: { ...json, refresh_token: token } };
  }
  // Sliding: rotate; the new token gets the full lifetime again, and the old one is spent.
  record.used = true;
  const expiresAt = mockNow() + (client.refreshLifetimeSeconds ?? 0);
  return { status: 200, json: await issueTokens(grant, { family: record.family, expiresAt }) };
}

/**
 * The mock's token endpoint: authorization_code (PKCE S256, redirect_uri, single use) and
 * refresh_token (rotation, reuse detection, policy lifetimes on the virtual clock, SSO session).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
export async function mockTokenEndpoint(
  form: URLSearchParams,
  authorization: string | null,
): Promise<MockHttpAnswer> {
  const auth = authenticateClient(form, authorization);
  if (!auth.ok) return auth.answer;
  const grantType = form.get('grant_type');
  if (auth.client === mockCibaClient && grantType !== cibaGrantType)
    return oauthError(400, 'unauthorized_client', 'CIBA switches off every other grant for its client.');
  if (auth.client === mockDeviceClient && grantType !== deviceGrantType && grantType !== 'refresh_token')
    return oauthError(
      400,
      'unauthorized_client',
      'The device client uses the device grant and refresh only.',
    );
  if (grantType === deviceGrantType && auth.client !== mockDeviceClient)
    return oauthError(400, 'unauthorized_client', 'This client is not registered for the device grant.');
  switch (grantType) {
    case 'authorization_code':
      return codeGrant(auth.client, form);
    case 'refresh_token':
      return refreshGrant(auth.client, form);
    case deviceGrantType:
      return pollingGrant(auth.client, (await polling()).pollMockDevice(auth.client, form, mockNowMs()));
    case cibaGrantType:
      return pollingGrant(auth.client, (await polling()).pollMockCiba(auth.client, form, mockNowMs()));
    case null:
      return oauthError(400, 'invalid_request', 'grant_type is required.');
    default:
      return oauthError(
        400,
        'unsupported_grant_type',
        'The mock supports authorization_code, refresh_token, the device_code grant and CIBA.',
      );
  }
}

// ---------------------------------------------------------------------------------------------
// /connect/userinfo, revocation, logout

async function verifyOwnToken(
  token: string,
  typ: 'at+jwt' | 'JWT',
  audience?: string,
): Promise<JWTPayload | undefined> {
  try {
    const key = await getSigningKey();
    const { payload } = await jwtVerify(token, key.publicKey, {
      issuer: state.config.issuer,
      algorithms: [signingAlgorithm],
      typ,
      ...(audience ? { audience } : {}),
    });
    return payload;
  } catch {
    return undefined;
  }
}

/**
 * The mock's userinfo endpoint: claims for the access token's scopes only.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfo
 */
export async function mockUserinfo(authorization: string | null): Promise<MockHttpAnswer> {
  const challenge = (error: string, description: string) =>
    oauthError(401, error, description, {
      'WWW-Authenticate': `Bearer error="${error}", error_description="${description}"`,
    });
  const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return challenge('invalid_token', 'No bearer token.');
  const payload = await verifyOwnToken(token, 'at+jwt');
  if (!payload) return challenge('invalid_token', 'The access token is invalid or expired.');
  const until = state.accessTokenExpiry.get(String(payload.jti));
  if (until !== undefined && mockNow() >= until)
    return challenge('invalid_token', 'The access token is invalid or expired.');
  const scope = Array.isArray(payload['scope']) ? (payload['scope'] as string[]) : [];
  if (!scope.includes('openid'))
    return oauthError(403, 'insufficient_scope', 'The openid scope is required.');
  const client = findMockClient(String(payload['client_id']));
  // The access token carries the pairwise sub, not the user id: find the user it belongs to.
  let found: MockUser | undefined;
  if (client) {
    for (const u of mockUsers) if ((await pairwiseSub(u.id, client.sector)) === payload.sub) found = u;
  }
  if (!found) return challenge('invalid_token', 'Unknown user.');
  return { status: 200, json: { sub: payload.sub, ...claimsFor(found, scope, 'userinfo') } };
}

/** @see https://www.rfc-editor.org/rfc/rfc7009#section-2.2 */
export async function mockRevocation(
  form: URLSearchParams,
  authorization: string | null,
): Promise<MockHttpAnswer> {
  const auth = authenticateClient(form, authorization);
  if (!auth.ok) return auth.answer;
  const token = form.get('token');
  if (!token) return oauthError(400, 'invalid_request', 'token is required.');
  const record = state.refreshTokens.get(token);
  if (record && record.clientId === auth.client.clientId)
    for (const r of state.refreshTokens.values()) if (r.family === record.family) r.revoked = true;
  // RFC 7009: unknown tokens (and JWT access tokens, which cannot be revoked) also answer 200.
  return { status: 200, text: '' };
}

type HintCheck = { ok: true; payload: JWTPayload } | { ok: false; why: string };

/**
 * An id_token_hint as an OP checks it (RP-Initiated Logout 1.0 §4): issued by this issuer, signed by
 * it, and accepted although expired (an ID token lives 300 s; a logout may come much later). A hint
 * signed in another page load of the portal (the browser's logout page is one: its signing key is its
 * own) cannot be checked against this page's key, so there it is checked by its form: the mock's key
 * id, its issuer and a known client as audience. The mock is not a security boundary (README.md).
 */
async function checkIdTokenHint(hint: string): Promise<HintCheck> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  let claims: JWTPayload;
  try {
    header = decodeProtectedHeader(hint);
    claims = decodeJwt(hint);
  } catch {
    return { ok: false, why: 'it is not a JWT (three base64url parts)' };
  }
  if (claims.iss !== state.config.issuer)
    return { ok: false, why: `it was issued by ${String(claims.iss)}, not by ${state.config.issuer}` };
  const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
  if (!findMockClient(aud)) return { ok: false, why: 'its audience is not one of the mock’s clients' };
  // Only a key this page already holds: a page that signed nothing (the mock's logout page, a new
  // document) would otherwise generate an RSA key pair here — hundreds of milliseconds on every
  // logout (issue #19) — only to find that its kid is not the hint's.
  const key = signingKey ? await signingKey : undefined;
  if (!key || header.kid !== key.kid) {
    if (typeof header.kid === 'string' && header.kid.startsWith('mock-') && header.typ === 'JWT')
      return { ok: true, payload: claims };
    return { ok: false, why: 'its signature is not the mock’s' };
  }
  try {
    const at = typeof claims.iat === 'number' ? new Date(claims.iat * 1000) : new Date();
    const { payload } = await jwtVerify(hint, key.publicKey, {
      issuer: state.config.issuer,
      algorithms: [signingAlgorithm],
      typ: 'JWT',
      currentDate: at,
    });
    return { ok: true, payload };
  } catch {
    return { ok: false, why: 'its signature does not validate' };
  }
}

/** What the mock's logout page shows: a headline and, where there is one, the sentence saying why. */
export type MockEndSessionResult = {
  redirectTo?: string;
  /** The page's headline ("You are now logged out", the white page of a client without a logout URI). */
  message: string;
  /** Why the browser stays here, when it does, and what the client should send instead. */
  detail?: string;
  loggedOut: boolean;
  /** The SSO session this logout ended (the page tells the window that opened it: browser.ts). */
  endedSessionId?: string;
};

/** The white page's text at TelenorID+ for a client without a logout URI (facts §31, FAQ 7). */
export const loggedOutPageText = loggedOutPage.text;

/**
 * RP-initiated logout: ends the session and sends the browser to post_logout_redirect_uri.
 * A page of the portal calls it in the browser (navigations cannot be mocked). Every refusal is a
 * sentence on the page: what happened, and what the client must send.
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html
 */
export async function mockEndSession(
  params: URLSearchParams | Record<string, string>,
): Promise<MockEndSessionResult> {
  const p = params instanceof URLSearchParams ? params : new URLSearchParams(params);
  const hint = p.get('id_token_hint');
  const target = p.get('post_logout_redirect_uri');
  const clientIdParam = p.get('client_id');
  let clientId = clientIdParam ?? undefined;
  if (hint) {
    const checked = await checkIdTokenHint(hint);
    if (!checked.ok)
      return {
        loggedOut: false,
        message: 'You are still logged in.',
        detail: `The mock TelenorID+ refused the id_token_hint: ${checked.why}, so it ended no session (TelenorID+ answers such a hint with 401 “Invalid token”). Send the ID token this login returned, unchanged.`,
      };
    const aud = Array.isArray(checked.payload.aud) ? checked.payload.aud[0] : checked.payload.aud;
    if (clientId !== undefined && aud !== clientId)
      return {
        loggedOut: false,
        message: 'You are still logged in.',
        detail: `The id_token_hint was issued to ${String(aud)}, but client_id says ${clientId}; the mock ended no session. Send one client’s values.`,
      };
    clientId = aud;
  }
  const endedSessionId = state.scenario.sessionId;
  endMockSession();
  const ended = { loggedOut: true, endedSessionId } as const;
  if (!target) return { ...ended, message: loggedOutPageText };
  if (!clientId)
    return {
      ...ended,
      message: loggedOutPageText,
      detail:
        'The mock TelenorID+ ended the session but did not send you back to post_logout_redirect_uri: without an id_token_hint (or client_id) it cannot tell whose registered logout address to compare it with. Send the ID token of the login as id_token_hint.',
    };
  if (!findMockClient(clientId))
    return {
      ...ended,
      message: loggedOutPageText,
      detail: `The mock TelenorID+ ended the session but did not send you back: ${clientId} is not one of its clients.`,
    };
  if (!redirectOriginAllowed(target))
    return {
      ...ended,
      message: loggedOutPageText,
      detail: `The mock TelenorID+ ended the session but did not send you back: ${target} is not a registered post_logout_redirect_uri of ${clientId} (it must match the client’s configured value exactly; here that is the portal’s callback page).`,
    };
  const url = new URL(target);
  const st = p.get('state');
  if (st !== null) url.searchParams.set('state', st);
  return { ...ended, redirectTo: url.href, message: loggedOutPageText };
}

/**
 * TelenorID+'s custom logout for native apps: POST JSON {id_token_hint, state} (facts §17).
 * 200 with the state, 200 "Already logged out", 400 missing hint, 401 invalid signature.
 */
export async function mockCustomLogout(body: unknown): Promise<MockHttpAnswer> {
  const hint =
    typeof body === 'object' && body !== null
      ? (body as Record<string, unknown>)['id_token_hint']
      : undefined;
  const st =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['state'] : undefined;
  if (typeof hint !== 'string' || hint === '') return { status: 400, text: 'id_token_hint is null' };
  const checked = await checkIdTokenHint(hint);
  if (!checked.ok) return { status: 401, text: 'Invalid token' };
  const payload = checked.payload;
  if (!state.scenario.ssoSession || payload['ibis.sid'] !== state.scenario.sessionId)
    return { status: 200, text: 'Already logged out' };
  endMockSession();
  return { status: 200, text: typeof st === 'string' ? st : '' };
}

// ---------------------------------------------------------------------------------------------
// The polling flows (polling.ts): device authorization and CIBA

async function pollingGrant(client: MockClient, answer: PollingAnswer): Promise<MockHttpAnswer> {
  if (!answer.ok) return oauthError(answer.status, answer.error, answer.error_description);
  // CIBA's own scopes (vipps, bankid) are granted to its client besides the identity scopes.
  const scope = [
    ...grantedScope(answer.scope, client),
    ...answer.scope.filter((s) => client === mockCibaClient && (cibaScopes as readonly string[]).includes(s)),
  ];
  const grant: Grant = {
    client,
    user: answer.user,
    scope,
    sessionId: answer.sessionId,
    authTime: answer.authTime,
  };
  return { status: 200, json: await issueTokens(grant, refreshFor(client, scope)) };
}

/**
 * POST /connect/deviceauthorization: client credentials in the body or as Basic, scope required.
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.1
 */
export async function mockDeviceAuthorization(
  form: URLSearchParams,
  authorization: string | null,
): Promise<MockHttpAnswer> {
  const auth = authenticateClient(form, authorization);
  if (!auth.ok) return auth.answer;
  return (await polling()).startMockDevice(
    auth.client,
    form,
    mockNowMs(),
    state.config.deviceVerificationUri,
  );
}

/** POST /connect/ciba (Vipps start, poll mode). */
export async function mockBackchannelAuthentication(
  form: URLSearchParams,
  authorization: string | null,
): Promise<MockHttpAnswer> {
  const auth = authenticateClient(form, authorization);
  if (!auth.ok) return auth.answer;
  return (await polling()).startMockCiba(auth.client, form, mockNowMs());
}

/** The verification page's decision (the browser page posts it over a BroadcastChannel; Node tests over HTTP). */
export async function mockDeviceDecision(
  userCode: string,
  userId: string,
  decision: 'approve' | 'deny',
): Promise<DeviceDecisionResult> {
  return (await polling()).decideMockDevice(userCode, userId, decision, mockNowMs());
}

/** The simulated phone: what waits for the user, and the user's answer. */
export async function mockPhone(): Promise<PhonePrompt[]> {
  return (await polling()).mockPhonePrompts(mockNowMs());
}
export async function mockPhoneAnswer(prompt: string, decision: 'approve' | 'deny'): Promise<boolean> {
  return (await polling()).answerMockPhone(prompt, decision, mockNowMs());
}
