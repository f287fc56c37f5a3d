/**
 * The portal's one TelenorID+ test model: test users with every claim value, one client per client
 * type (plus short-lived twins) for each engine, and the one rule saying which claims a scope yields
 * and where they land. The MSW mock (src/mocks), the local tenant (src/tenant), the widgets and the
 * conformance suite (tests/unit/conformance) all read it, so no client id or user value is written
 * anywhere else. Everything here is invented test data (the first user is the guide's own staging
 * test user, facts §29); e-mail addresses use example.com.
 *
 * It lives in the catalogue because it is read in the browser (mock, widgets) and in Node (tenant,
 * tests) alike and is built from the catalogue's facts; it is not exported from the catalogue's
 * index, so a page that needs a fact does not carry the test data.
 */
import { amrValues, authenticatorAssuranceLevels, ialClaimValue } from './assurance';
import { clientTypes, refreshPolicies, type ClientTypeName, type RefreshPolicy } from './clients';
import { apiScope, identityScopes, type ClaimLocation } from './scopes';

// ---------------------------------------------------------------------------------------------
// Users

export type TestUserId = 'ulv' | 'sol' | 'kari';

/** Claims a user has a value for (the scope rule decides which of them a token carries). */
export type UserClaims = {
  given_name: string;
  family_name: string;
  birthdate: string;
  kurtid: string;
  analytics_uuid: string;
  email: string;
  phone_number: string;
  preferred_username: string;
  tnuid: string;
  /** TelenorID logins only (the catalogue's note on the extsub scope). */
  extsub?: string;
  legacy_username: string;
  legacy_usertype: string;
  legacy_status: string;
  legacy_roles: string[];
};

export type TestUser = {
  id: TestUserId;
  /** Phone number in E.164; TelenorID+ logins are by phone number, and `login_hint` with it picks the user. */
  msisdn: string;
  /** How the user logs in, for the login screens. */
  label: string;
  /** Highest identity assurance level; the `ial` claim is sent only where the guide shows a value (IAL2). */
  ial: 0 | 1 | 2 | 3;
  /** Authenticator assurance level the user's login reaches; `acr` says it. */
  aal: 1 | 2 | 3;
  amr: string[];
  /** The provider the login goes through: decides `idp`. */
  provider: 'telenor-id' | 'bankid';
  claims: UserClaims;
};

export const testUsers: readonly TestUser[] = [
  {
    // The step-by-step guide's staging test user (facts §29: names, birthdate, kurtid, ial).
    id: 'ulv',
    msisdn: '+4799957009',
    label: 'Telenor ID with one-time code (IAL2, AAL2)',
    ial: 2,
    aal: 2,
    amr: ['urn:telenor.identity.amr.td_otp'],
    provider: 'telenor-id',
    claims: {
      given_name: 'Ulv',
      family_name: 'Telenormobilno',
      birthdate: '1971-01-23',
      kurtid: '6501333',
      analytics_uuid: '7568fe50-217f-4ab8-a4e4-29cbe7e118c9',
      email: 'ulv.telenormobilno@example.com',
      phone_number: '+4799957009',
      preferred_username: '4799957009',
      tnuid: 'nss-ulv-6501333',
      extsub: '6975060342938292224',
      legacy_username: 'ulvtel',
      legacy_usertype: 'private',
      legacy_status: 'active',
      legacy_roles: ['owner'],
    },
  },
  {
    id: 'sol',
    msisdn: '+4799957010',
    label: 'Telenor ID with password only, self-asserted identity (IAL1, AAL1)',
    ial: 1,
    aal: 1,
    amr: ['urn:telenor.identity.amr.td_pwd'],
    provider: 'telenor-id',
    claims: {
      given_name: 'Sol Vilde',
      family_name: 'Prøvesen',
      birthdate: '1994-06-30',
      kurtid: '6501334',
      analytics_uuid: '0b7e4a92-3d1f-4f6c-8e25-9a4c7d1b3f58',
      email: 'sol.provesen@example.com',
      phone_number: '+4799957010',
      preferred_username: '4799957010',
      tnuid: 'nss-sol-6501334',
      extsub: '6975060342938292225',
      legacy_username: 'solp',
      legacy_usertype: 'private',
      legacy_status: 'active',
      legacy_roles: [],
    },
  },
  {
    id: 'kari',
    msisdn: '+4799957011',
    label: 'BankID, verified identity (IAL3, AAL3)',
    ial: 3,
    aal: 3,
    amr: ['urn:telenor.identity.amr.bankid'],
    provider: 'bankid',
    claims: {
      given_name: 'Kari Bank',
      family_name: 'Nordmann-Test',
      birthdate: '1980-11-02',
      kurtid: '6501335',
      analytics_uuid: 'e2d9f6a1-4b8c-4c3e-a5f7-1c6b0d8e2f94',
      email: 'kari.nordmann-test@example.com',
      phone_number: '+4799957011',
      preferred_username: '4799957011',
      tnuid: 'nss-kari-6501335',
      legacy_username: 'karinb',
      legacy_usertype: 'private',
      legacy_status: 'active',
      legacy_roles: ['owner', 'payer'],
    },
  },
];

// An amr value the guide does not know is a typo in the fixtures.
for (const user of testUsers)
  for (const amr of user.amr)
    if (!amrValues.includes(amr)) throw new Error(`Test user ${user.id}: unknown amr ${amr}`);

/** The user a login picks when nothing says otherwise: the guide's test user. */
export const defaultTestUserId: TestUserId = 'ulv';

export function findTestUser(id: string | null | undefined): TestUser | undefined {
  return testUsers.find((u) => u.id === id);
}

/**
 * The user a `login_hint` names: a phone number with or without `+47`, spaces or dashes. Anything
 * else (an e-mail, too few digits) names nobody; the login screen then preselects no one.
 */
export function findTestUserByHint(hint: string | null | undefined): TestUser | undefined {
  if (!hint) return undefined;
  const digits = hint.replace(/[\s()-]/g, '').replace(/^\+/, '');
  if (!/^\d{8,12}$/.test(digits)) return undefined;
  return testUsers.find((u) => {
    const own = u.msisdn.slice(1);
    return own === digits || own === `47${digits}`;
  });
}

/** The user's `acr`: the AAL URN as a one-element array, the shape the guide shows (facts §5, §12). */
export function acrClaim(user: TestUser): string[] {
  return [authenticatorAssuranceLevels.find((a) => a.level === user.aal)!.acr];
}

/** The AAL an `acr` value stands for, or undefined for a provider (`idp:`) or unknown value. */
export function aalOfAcr(value: string): 1 | 2 | 3 | undefined {
  return authenticatorAssuranceLevels.find((a) => a.acr === value)?.level as 1 | 2 | 3 | undefined;
}

// ---------------------------------------------------------------------------------------------
// Clients

/** The two engines that play TelenorID+ for the portal. */
export type Engine = 'mock' | 'local';

export type TestClient = {
  engine: Engine;
  clientId: string;
  clientType: ClientTypeName;
  refreshPolicy: RefreshPolicy;
  /** Confidential clients only. A published test value: it protects nothing. */
  clientSecret: string | undefined;
  /** The short-lived twin: same type and policy, refresh token lives `shortRefreshLifetimeSeconds`. */
  short: boolean;
  /** Refresh-token lifetime in seconds; undefined: the client never gets a refresh token. */
  refreshLifetimeSeconds: number | undefined;
  /** The same client type's ordinary client (itself for a non-twin): the sector its pairwise `sub` belongs to. */
  sector: string;
  description: string;
};

const idPart: Record<ClientTypeName, string> = {
  Public: 'public',
  PublicWithRefresh: 'public-with-refresh',
  Confidential: 'confidential',
  MobileApp: 'mobile',
};

/**
 * Refresh-token lifetime of the short-lived twins (`…-short`), in seconds: long enough to log in and
 * refresh once on a busy machine, short enough to wait out in a test or a demo.
 */
export const shortRefreshLifetimeSeconds = 6;

function clientsOf(engine: Engine): TestClient[] {
  return clientTypes.flatMap((type) => {
    const policy = refreshPolicies[type.refreshPolicy];
    const clientId = `${engine}-${idPart[type.name]}`;
    const base: TestClient = {
      engine,
      clientId,
      clientType: type.name,
      refreshPolicy: policy,
      clientSecret: type.hasSecret ? `${engine}-confidential-secret` : undefined,
      short: false,
      refreshLifetimeSeconds: policy.lifetimeSeconds,
      sector: idPart[type.name],
      description: `${type.name} client (${type.usedBy}); refresh policy ${policy.name}: ${policy.summary}`,
    };
    if (policy.lifetimeSeconds === undefined) return [base];
    return [
      base,
      {
        ...base,
        clientId: `${clientId}-short`,
        short: true,
        refreshLifetimeSeconds: shortRefreshLifetimeSeconds,
        description: `${base.description} Test twin: the refresh token lives ${shortRefreshLifetimeSeconds} seconds.`,
      },
    ];
  });
}

/** Every test client of both engines: one per client type, plus a short-lived twin of each refresh-capable one. */
export const testClients: readonly TestClient[] = [...clientsOf('mock'), ...clientsOf('local')];

export function clientsOfEngine(engine: Engine): TestClient[] {
  return testClients.filter((c) => c.engine === engine);
}

export function findTestClient(engine: Engine, clientId: string | null | undefined): TestClient | undefined {
  return testClients.find((c) => c.engine === engine && c.clientId === clientId);
}

/** The registered test client of a type on an engine (`short`: its twin, where the type has one). */
export function testClient(
  engine: Engine,
  type: ClientTypeName,
  options: { short?: boolean } = {},
): TestClient {
  const all = testClients.filter((c) => c.engine === engine && c.clientType === type);
  return all.find((c) => c.short === (options.short ?? false)) ?? all[0]!;
}

/**
 * The device-flow test client of an engine: a public native client (MobileApp, no secret: a set-top
 * box cannot keep one) with the device grant and its refresh policy (the guide's example answer
 * carries a refresh token). Not among `testClients`, which log in by the code flow.
 */
export function deviceTestClient(engine: Engine): TestClient {
  const policy = refreshPolicies.Mobile;
  return {
    engine,
    clientId: `${engine}-device`,
    clientType: 'MobileApp',
    refreshPolicy: policy,
    clientSecret: undefined,
    short: false,
    refreshLifetimeSeconds: policy.lifetimeSeconds,
    sector: 'device',
    description: `Device-flow client (MobileApp, as on a set-top box; no secret); refresh policy ${policy.name}: ${policy.summary}`,
  };
}

/** The polling flows' clients of an engine (device flow, CIBA), by id. */
export function findPollingClient(
  engine: Engine,
  clientId: string | null | undefined,
): TestClient | undefined {
  return [deviceTestClient(engine), cibaTestClient(engine)].find((c) => c.clientId === clientId);
}

/**
 * The CIBA test client of an engine: Confidential, with the CIBA grant only (CIBA switches off the
 * front-channel flows of its client, facts §22), so it is not among `testClients` (which log in by
 * the code flow). Its secret is a published test value.
 */
export function cibaTestClient(engine: Engine): TestClient {
  const policy = refreshPolicies.NoRefresh;
  return {
    engine,
    clientId: `${engine}-ciba`,
    clientType: 'Confidential',
    refreshPolicy: policy,
    clientSecret: `${engine}-ciba-secret`,
    short: false,
    refreshLifetimeSeconds: undefined,
    sector: 'ciba',
    description:
      'Confidential CIBA client (poll mode): backchannel logins only, no refresh token (the guide’s example has none).',
  };
}

/**
 * Where a test client may be sent back to. Both engines accept the portal's callback page,
 * `<origin><baseUrl>callback/`, with no query, fragment or credentials: in the browser the mock only
 * the page's own callback, exactly; in Node the mock's test origins; the tenant any loopback origin
 * plus `ALLOWED_ORIGINS` (src/tenant/origins.ts). Register your app's redirect URI that way.
 */
export const redirectRules = {
  callbackPath: '/callback/',
  mockTestOrigins: ['https://portal.test', 'http://localhost:3000'],
  tenantLoopbackHosts: ['localhost', '127.0.0.1', '[::1]'],
} as const;

// ---------------------------------------------------------------------------------------------
// What a login yields

/** The value the `aud` claim of an access token gets from the extsub scope (see the catalogue's aud example). */
export const extsubAudience = 'tsl.capture';

/**
 * The claims `user` has for `scopes`, where they land at `location` — the one rule, from the
 * catalogue's scope table. Protocol claims (`sub`, `acr`, `sid` …) are not here: see `sessionClaims`.
 * `ial` is sent only where the guide shows a value; `extsub` only for TelenorID logins.
 */
export function claimsFor(
  user: TestUser,
  scopes: Iterable<string>,
  location: ClaimLocation,
): Record<string, string | string[]> {
  const wanted = new Set(scopes);
  const out: Record<string, string | string[]> = {};
  for (const scope of identityScopes) {
    if (!wanted.has(scope.name)) continue;
    for (const { claim, arrives } of scope.claims) {
      if (claim === 'sub' || !arrives.includes(location)) continue;
      const value =
        claim === 'ial'
          ? ialClaimValue(user.ial)
          : claim === 'aud'
            ? extsubAudience
            : (user.claims as Record<string, string | string[] | undefined>)[claim];
      if (value !== undefined) out[claim] = value;
    }
  }
  return out;
}

/**
 * The granted scope that puts `claim` into a token (or answer) of kind `location`, per the one scope
 * rule, or undefined: then the claim is the protocol's (or unexpected). Location matters: `aud` comes
 * from the extsub scope only in the access token; in an ID token it is always the protocol's audience.
 */
export function scopeOfClaim(
  claim: string,
  scopes: Iterable<string>,
  location: ClaimLocation,
): string | undefined {
  const granted = new Set(scopes);
  return identityScopes.find(
    (scope) =>
      granted.has(scope.name) && scope.claims.some((c) => c.claim === claim && c.arrives.includes(location)),
  )?.name;
}

/**
 * The granted scope of a login: what was asked for, except `offline_access` where the client's
 * refresh policy issues no refresh token (RFC 6749 §3.3: the answer names the scope granted), and
 * except `api:` scopes, which TelenorID+ hands to Apigee and neither engine can grant (`behaviours.apiScopesNotGranted`).
 * Order follows the request.
 */
export function grantedScope(requested: readonly string[], client: TestClient): string[] {
  return requested.filter(
    (s) =>
      identityScopes.some((i) => i.name === s) &&
      !(s === 'offline_access' && client.refreshLifetimeSeconds === undefined),
  );
}

export function isApiScope(scope: string): boolean {
  return (
    scope.startsWith(apiScope.prefix) && apiScope.servicePattern.test(scope.slice(apiScope.prefix.length))
  );
}

/** Whether a refresh rotates the refresh token: sliding policies do; the fixed Confidential one does not. */
export function rotatesRefreshToken(policy: RefreshPolicy): boolean {
  return policy.sliding;
}

/**
 * The pairwise `sub` of a user at a client's sector (facts §12: stable per client, different across
 * clients): a UUID-shaped SHA-256 of user and sector, the same on both engines, so the same user at
 * the same client type has the same `sub` on the mock and the tenant. Async: WebCrypto in the browser.
 */
export function pairwiseSub(userId: TestUserId, sector: string): Promise<string> {
  // Remembered per page: the same inputs always give the same sub, and a token request need not wait for it.
  const key = `${userId}|${sector}`;
  let sub = pairwiseSubs.get(key);
  if (!sub) pairwiseSubs.set(key, (sub = computePairwiseSub(userId, sector)));
  return sub;
}
const pairwiseSubs = new Map<string, Promise<string>>();

async function computePairwiseSub(userId: TestUserId, sector: string): Promise<string> {
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest(
      'SHA-256',
      new TextEncoder().encode(`telenorid-plus-portal|${userId}|${sector}`),
    ),
  );
  const hex = [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The guide's `sid` shape: 32 upper-case hex digits (facts §12, `70A6B33AB0D906BC3D203AE946CCC63B`). */
export function sidOf(sessionId: string): string {
  return sessionId
    .replace(/[^0-9a-fA-F]/g, '')
    .toUpperCase()
    .padEnd(32, '0')
    .slice(0, 32);
}

/**
 * The `idp` of a login: for Telenor ID logins the guide's shape `no.telenor.id.proxy.<client>`
 * (facts §12), one per client type so both engines agree; for BankID the provider named in its acr value (`idp:no.bankid.login.vipps`, facts §4).
 */
export function idpOf(user: TestUser, client: TestClient): string {
  return user.provider === 'bankid' ? 'no.bankid.login.vipps' : `no.telenor.id.proxy.portal-${client.sector}`;
}

/**
 * The claims every ID and access token of a login carries besides the scope's: `acr` (one-element
 * array), `amr`, `idp` and `sid` (both engines; `ibis.sid`, the raw session id, too).
 */
export function sessionClaims(
  user: TestUser,
  client: TestClient,
  sessionId: string,
): { acr: string[]; amr: string[]; idp: string; sid: string; 'ibis.sid': string } {
  return {
    acr: acrClaim(user),
    amr: [...user.amr],
    idp: idpOf(user, client),
    sid: sidOf(sessionId),
    'ibis.sid': sessionId,
  };
}
