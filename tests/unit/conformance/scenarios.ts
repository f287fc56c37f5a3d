/**
 * What TelenorID+ does, as one list: each scenario is a few steps the suite runs against the mock
 * and against the local tenant, comparing what a client sees (status, error, granted scope, claim
 * names and values of the same user, whether a refresh token came and whether it rotated). The
 * `expect` lines pin the guide's answer where it states one, so both engines cannot agree on a
 * wrong one. `intendedDifferences` is the only place where the two may differ, each with its reason.
 */
import { exampleLifetimes, refreshPolicies, type ClientTypeName } from '../../../src/oidc/catalogue';
import type { TestUserId } from '../../../src/oidc/catalogue/fixtures';

const HOUR = 60 * 60;
const DAY = 24 * HOUR;

export type Step =
  | {
      do: 'login';
      client: ClientTypeName;
      scope: string;
      user?: TestUserId | 'hinted';
      prompt?: string;
      loginHint?: string;
      acrValues?: string;
      maxAge?: number;
    }
  /** prompt=none with the client of the last login (or `client`). */
  | { do: 'silent'; client?: ClientTypeName; scope?: string; maxAge?: number }
  /** Refresh with the `first` refresh token of the last login or the `latest`, as the last login's client or `as`. */
  | { do: 'refresh'; token?: 'first' | 'latest'; as?: ClientTypeName }
  | { do: 'revoke' }
  | { do: 'logout' }
  | { do: 'userinfo' }
  | { do: 'wait'; seconds: number }
  /** Move the engine's test clock (its control endpoint, src/oidc/test-clock.ts), as a reader would. */
  | { do: 'clock'; advance: number }
  /** TelenorID+'s custom logout (native apps) with the last login's ID token. */
  | { do: 'customLogout'; state?: string }
  | { do: 'consent'; required: boolean };

/** Checks on the observation of one step (on both engines), where the guide or the decision says the answer. */
export type StepExpectation = Partial<{
  status: number;
  error: string | undefined;
  screen: boolean;
  preselected: string;
  refresh: 'issued' | 'none' | 'rotated' | 'same';
  scope: string[];
  idToken: Record<string, unknown>;
  accessToken: Record<string, unknown>;
  userinfo: Record<string, unknown>;
  callbackError: string;
  text: string;
}>;

export type Scenario = { name: string; steps: (Step & { expect?: StepExpectation })[] };

const allIdentity = 'openid profile email phone ial2 tnn.ids extsub tnn.legacy';
const clientTypes: ClientTypeName[] = ['Public', 'PublicWithRefresh', 'Confidential', 'MobileApp'];
const refreshing: ClientTypeName[] = ['PublicWithRefresh', 'Confidential', 'MobileApp'];

export const scenarios: Scenario[] = [
  // Logins per client type and scope set: claims by scope, where they land, the granted scope.
  ...clientTypes.map((client): Scenario => ({
    name: `login: ${client}, every identity scope, offline_access and an api: scope`,
    steps: [
      {
        do: 'login',
        client,
        scope: `${allIdentity} offline_access api:mobile-product-v2`,
        expect: {
          status: 200,
          screen: true,
          refresh: client === 'Public' ? 'none' : 'issued',
          scope: [...allIdentity.split(' '), ...(client === 'Public' ? [] : ['offline_access'])].sort(),
          idToken: { acr: ['urn:telenor.identity.aal.2'], given_name: 'Ulv', ial: 'telenor.identity.ial2' },
          accessToken: { kurtid: '6501333', aud: 'tsl.capture', extsub: '6975060342938292224' },
        },
      },
      { do: 'userinfo', expect: { status: 200, userinfo: { birthdate: '1971-01-23' } } },
    ],
  })),
  {
    name: 'login: openid only',
    steps: [
      { do: 'login', client: 'Public', scope: 'openid', expect: { status: 200, scope: ['openid'] } },
      { do: 'userinfo' },
    ],
  },
  {
    name: 'login: login_hint preselects the IAL1 user, who logs in',
    steps: [
      {
        do: 'login',
        client: 'Public',
        scope: 'openid profile ial1',
        loginHint: '+4799957010',
        user: 'hinted',
        expect: {
          screen: true,
          preselected: '+4799957010',
          idToken: { given_name: 'Sol Vilde', acr: ['urn:telenor.identity.aal.1'] },
        },
      },
      { do: 'userinfo' },
    ],
  },
  {
    name: 'login: the BankID user reaches AAL3 and gets no invented ial value',
    steps: [
      {
        do: 'login',
        client: 'MobileApp',
        scope: 'openid profile ial2',
        user: 'kari',
        expect: { idToken: { acr: ['urn:telenor.identity.aal.3'] } },
      },
    ],
  },
  {
    name: 'login: acr_values asks AAL3, the AAL2 user logs in anyway with aal.2 (the widgets warn)',
    steps: [
      {
        do: 'login',
        client: 'Public',
        scope: 'openid',
        acrValues: 'urn:telenor.identity.aal.3',
        expect: { status: 200, idToken: { acr: ['urn:telenor.identity.aal.2'] } },
      },
    ],
  },
  {
    name: 'SSO: a second login uses the session, prompt=login shows the login screen again',
    steps: [
      { do: 'login', client: 'Public', scope: 'openid', expect: { screen: true } },
      { do: 'login', client: 'PublicWithRefresh', scope: 'openid', expect: { screen: false, status: 200 } },
      {
        do: 'login',
        client: 'Public',
        scope: 'openid',
        prompt: 'login',
        user: 'sol',
        expect: { screen: true, status: 200 },
      },
    ],
  },
  // Refresh per policy.
  ...refreshing.map((client): Scenario => ({
    name: `refresh: ${client} ${client === 'Confidential' ? 'keeps its one token (fixed, not rotated)' : 'rotates the token (sliding)'}`,
    steps: [
      { do: 'login', client, scope: 'openid profile offline_access', expect: { refresh: 'issued' } },
      { do: 'refresh', expect: { status: 200, refresh: client === 'Confidential' ? 'same' : 'rotated' } },
      { do: 'refresh', expect: { status: 200 } },
    ],
  })),
  {
    name: 'refresh: PublicWeb is sliding — two refreshes 9 minutes apart outlive 10 minutes',
    steps: [
      { do: 'login', client: 'PublicWithRefresh', scope: 'openid offline_access' },
      { do: 'wait', seconds: 9 * 60 },
      { do: 'refresh', expect: { status: 200 } },
      { do: 'wait', seconds: 9 * 60 },
      { do: 'refresh', expect: { status: 200 } },
    ],
  },
  // Every invalid_grant cause.
  ...(
    [
      ['PublicWithRefresh', 10 * 60],
      ['Confidential', 14 * DAY],
      ['MobileApp', 90 * DAY],
    ] as const
  ).map(([client, lifetime]): Scenario => ({
    name: `invalid_grant, expired: ${client} after its policy's lifetime`,
    steps: [
      { do: 'login', client, scope: 'openid offline_access' },
      { do: 'wait', seconds: lifetime + 1 },
      { do: 'refresh', expect: { status: 400, error: 'invalid_grant' } },
    ],
  })),
  {
    name: 'invalid_grant, expired: Confidential ends 14 days after login however often it refreshed',
    steps: [
      { do: 'login', client: 'Confidential', scope: 'openid offline_access' },
      { do: 'wait', seconds: 10 * DAY },
      { do: 'refresh', expect: { status: 200 } },
      { do: 'wait', seconds: 4 * DAY + 1 },
      { do: 'refresh', expect: { status: 400, error: 'invalid_grant' } },
    ],
  },
  {
    name: 'invalid_grant, revoked',
    steps: [
      { do: 'login', client: 'PublicWithRefresh', scope: 'openid offline_access' },
      { do: 'revoke' },
      { do: 'refresh', expect: { status: 400, error: 'invalid_grant' } },
    ],
  },
  ...(['PublicWithRefresh', 'MobileApp'] as const).map((client): Scenario => ({
    name: `invalid_grant, reused after rotation: ${client} (and the new token dies too)`,
    steps: [
      { do: 'login', client, scope: 'openid offline_access' },
      { do: 'refresh', expect: { status: 200, refresh: 'rotated' } },
      { do: 'refresh', token: 'first', expect: { status: 400, error: 'invalid_grant' } },
      { do: 'refresh', token: 'latest', expect: { status: 400, error: 'invalid_grant' } },
    ],
  })),
  {
    name: 'reuse on Confidential: the token is not rotated, so presenting it again works',
    steps: [
      { do: 'login', client: 'Confidential', scope: 'openid offline_access' },
      { do: 'refresh', expect: { status: 200, refresh: 'same' } },
      { do: 'refresh', token: 'first', expect: { status: 200 } },
    ],
  },
  {
    name: 'invalid_grant, another client’s refresh token',
    steps: [
      { do: 'login', client: 'PublicWithRefresh', scope: 'openid offline_access' },
      { do: 'refresh', as: 'MobileApp', expect: { status: 400, error: 'invalid_grant' } },
    ],
  },
  {
    name: 'invalid_grant, the SSO session ended (logout)',
    steps: [
      { do: 'login', client: 'MobileApp', scope: 'openid offline_access' },
      { do: 'logout' },
      { do: 'refresh', expect: { status: 400, error: 'invalid_grant' } },
    ],
  },
  // prompt=none with and without a session and consent.
  {
    name: 'prompt=none without a session: login_required',
    steps: [
      {
        do: 'silent',
        client: 'Public',
        scope: 'openid profile',
        expect: { callbackError: 'login_required', screen: false },
      },
    ],
  },
  {
    name: 'prompt=none with a session: a code, no screen, the same user',
    steps: [
      { do: 'login', client: 'PublicWithRefresh', scope: 'openid' },
      {
        do: 'silent',
        client: 'Public',
        scope: 'openid profile',
        expect: { screen: false, status: 200, idToken: { given_name: 'Ulv' } },
      },
    ],
  },
  {
    name: 'prompt=none with a session but no consent: consent_required',
    steps: [
      { do: 'login', client: 'Public', scope: 'openid' },
      { do: 'consent', required: true },
      { do: 'silent', scope: 'openid profile', expect: { callbackError: 'consent_required' } },
      { do: 'consent', required: false },
      { do: 'silent', scope: 'openid profile', expect: { status: 200 } },
    ],
  },
  // The test clock: a jump through each engine's control endpoint expires exactly what the catalogue says.
  ...(
    [
      ['PublicWithRefresh', refreshPolicies.PublicWeb],
      ['Confidential', refreshPolicies.Confidential],
      ['MobileApp', refreshPolicies.Mobile],
    ] as const
  ).map(([client, policy]): Scenario => {
    const lifetime = policy.lifetimeSeconds!;
    return {
      name: `test clock: a ${policy.name} refresh token lives ${lifetime} s${policy.sliding ? ' from its last refresh' : ' from login'}, no longer`,
      steps: [
        { do: 'login', client, scope: 'openid offline_access' },
        // 10 s of margin: real time passes between the steps too.
        { do: 'clock', advance: lifetime - 10 },
        { do: 'refresh', expect: { status: 200, refresh: policy.sliding ? 'rotated' : 'same' } },
        // Sliding: the new token lives its full lifetime again; fixed: the one token ends at its lifetime.
        { do: 'clock', advance: policy.sliding ? lifetime - 10 : 10 },
        policy.sliding
          ? { do: 'refresh', expect: { status: 200, refresh: 'rotated' } }
          : { do: 'refresh', expect: { status: 400, error: 'invalid_grant' } },
      ],
    };
  }),
  {
    name: 'test clock: an access token answers /userinfo for 3600 s, then invalid_token',
    steps: [
      { do: 'login', client: 'Public', scope: 'openid profile' },
      { do: 'clock', advance: exampleLifetimes.accessTokenSeconds - 10 },
      { do: 'userinfo', expect: { status: 200 } },
      { do: 'clock', advance: 10 },
      { do: 'userinfo', expect: { status: 401 } },
    ],
  },
  // The login's age under the test clock: both engines time the login on their clock and sign in real
  // time, so after a jump auth_time lies that far back (iat and exp stay real), and max_age judges it so.
  {
    name: 'test clock: after a 1-hour jump the login is an hour old (auth_time), iat and exp stay real',
    steps: [
      { do: 'login', client: 'Public', scope: 'openid', expect: { idToken: { auth_time: '<iat - 0 min>' } } },
      { do: 'clock', advance: HOUR },
      {
        do: 'silent',
        expect: {
          status: 200,
          idToken: { auth_time: '<iat - 60 min>', exp: `<iat + ${exampleLifetimes.idTokenSeconds} s>` },
        },
      },
      { do: 'silent', maxAge: 2 * HOUR, expect: { status: 200, idToken: { auth_time: '<iat - 60 min>' } } },
      { do: 'silent', maxAge: HOUR - 60, expect: { callbackError: 'login_required' } },
      // Interactively, a login older than max_age shows the login screen again; the new login is 0 min old.
      {
        do: 'login',
        client: 'Public',
        scope: 'openid',
        maxAge: HOUR - 60,
        expect: { screen: true, status: 200, idToken: { auth_time: '<iat - 0 min>' } },
      },
      { do: 'silent', maxAge: 60, expect: { status: 200, idToken: { auth_time: '<iat - 0 min>' } } },
    ],
  },
  {
    name: 'max_age=0 asks for a new login; a max_age that is not a whole number of seconds is refused',
    steps: [
      { do: 'login', client: 'Public', scope: 'openid' },
      { do: 'login', client: 'Public', scope: 'openid', maxAge: 0, expect: { screen: true, status: 200 } },
      { do: 'silent', maxAge: -1, expect: { callbackError: 'invalid_request' } },
    ],
  },
  {
    name: 'test clock: +91 days ends a Mobile refresh token, and a new login after the jump works',
    steps: [
      { do: 'login', client: 'MobileApp', scope: 'openid offline_access' },
      { do: 'clock', advance: 91 * DAY },
      { do: 'refresh', expect: { status: 400, error: 'invalid_grant' } },
      { do: 'login', client: 'MobileApp', scope: 'openid offline_access', expect: { status: 200 } },
      { do: 'refresh', expect: { status: 200, refresh: 'rotated' } },
    ],
  },
  // Logout.
  {
    name: 'logout: back to the client with its state, and the session is gone',
    steps: [
      { do: 'login', client: 'Public', scope: 'openid' },
      { do: 'logout' },
      { do: 'silent', expect: { callbackError: 'login_required' } },
    ],
  },
  {
    name: 'custom logout: 200 with the state, the session gone, its refresh tokens dead; again: Already logged out',
    steps: [
      { do: 'login', client: 'MobileApp', scope: 'openid offline_access' },
      { do: 'customLogout', state: 'app-42', expect: { status: 200, text: 'app-42' } },
      { do: 'refresh', expect: { status: 400, error: 'invalid_grant' } },
      { do: 'silent', expect: { callbackError: 'login_required' } },
      { do: 'customLogout', expect: { status: 200, text: 'Already logged out' } },
    ],
  },
  {
    name: 'custom logout: without an id_token_hint it is 400',
    steps: [{ do: 'customLogout', expect: { status: 400, text: 'id_token_hint is null' } }],
  },
];

/**
 * The only places where the mock and the tenant may differ, each with its reason. `path` is a step's
 * observation path (`2.idToken.sid`); `scenario` matches scenario names.
 */
export const intendedDifferences: { scenario: RegExp; path: RegExp; reason: string }[] = [
  {
    scenario: /^test clock: an access token/,
    path: /^\d+\.userinfo\.error_description$/,
    reason:
      'oidc-provider words its 401 at /userinfo itself ("invalid token provided"); the code, invalid_token, is what a client acts on, and both engines send it',
  },
];
