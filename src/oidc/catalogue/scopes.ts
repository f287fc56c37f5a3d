/**
 * TelenorID+ scopes and the claims they yield (facts §8, §12–§14).
 *
 * Where a claim arrives:
 * - `id_token`:  in the ID token returned by /connect/token;
 * - `userinfo`:  in the answer of /connect/userinfo;
 * - `access_token`: inside the (JWT) access token, for the APIs that receive it.
 */
import type { GuideTopic } from './guide';
import { fromGuide, fromStandard, portalChoice, type FactSource } from './sources';

export type ClaimLocation = 'id_token' | 'userinfo' | 'access_token';

export type Claim = {
  name: string;
  /** What the claim means, in the reader's words. */
  meaning: string;
  /** An example value as the guide shows it. */
  example: string | string[];
  /** Where the claim and its meaning are documented. */
  source: FactSource;
  /** Set when the example value is not the guide's (the mock and the tenant send it). */
  exampleSource?: FactSource;
};

export type ScopeClaim = {
  claim: string;
  arrives: ClaimLocation[];
  /** Set when this scope → claim link is not the scope's own source (e.g. an assumed one). */
  source?: FactSource;
};

export type IdentityScope = {
  name: string;
  purpose: string;
  claims: ScopeClaim[];
  /** Set on ial0–ial2: the identity assurance level the scope asks for. */
  ial?: 0 | 1 | 2;
  /** offline_access: asks for a refresh token (granted per the client type's refresh policy). */
  requestsRefreshToken?: boolean;
  /** Extra condition from the guide, shown as advice. */
  note?: string;
  guide: GuideTopic;
  /** Where TelenorID+ documents the scope and what it yields. */
  source: FactSource;
};

export const claims: Record<string, Claim> = {
  sub: {
    name: 'sub',
    meaning: 'Pairwise user identifier: stable for one client, different across clients.',
    example: '2b424013-971b-4435-bdc1-d1075b05d0e9',
    source: /* @__PURE__ */ fromGuide('facts §12–§14; old guide access token, ID token and userinfo tables'),
  },
  ial: {
    name: 'ial',
    meaning: 'The highest identity assurance level of the user.',
    example: 'telenor.identity.ial2',
    source: /* @__PURE__ */ fromGuide(
      'facts §5, §13, §14; old guide assurance levels and userinfo: only the value telenor.identity.ial2 is shown',
    ),
  },
  given_name: {
    name: 'given_name',
    meaning: 'First and middle names.',
    example: 'Tom Peter',
    source: /* @__PURE__ */ fromGuide('facts §13, §14; old guide ID token and userinfo tables'),
  },
  family_name: {
    name: 'family_name',
    meaning: 'Surname.',
    example: 'Rasmussen',
    source: /* @__PURE__ */ fromGuide('facts §13, §14; old guide ID token and userinfo tables'),
  },
  birthdate: {
    name: 'birthdate',
    meaning: 'Date of birth.',
    example: '1984-12-12',
    source: /* @__PURE__ */ fromGuide('facts §8, §14; old guide scopes and userinfo tables'),
  },
  kurtid: {
    name: 'kurtid',
    meaning: 'Telenor customer id.',
    example: '193885119',
    source: /* @__PURE__ */ fromGuide(
      'facts §8, §12, §14; old guide scopes, access token and userinfo tables',
    ),
  },
  analytics_uuid: {
    name: 'analytics_uuid',
    meaning: 'UUID tied to the account, meant to stay stable for its whole life (not managed like kurtid).',
    example: '3a238dc1-86d5-49ce-9beb-3f8453b0cb41',
    source: /* @__PURE__ */ fromGuide(
      'facts §13, §14; old guide userinfo table (the ID token table mislabels it)',
    ),
  },
  preferred_username: {
    name: 'preferred_username',
    meaning: 'The login name used in the session: a phone number or an e-mail address.',
    example: '4799966634',
    source: /* @__PURE__ */ fromGuide('facts §13; old guide ID token table'),
  },
  email: {
    name: 'email',
    meaning: 'E-mail address.',
    example: 'email@email.com',
    source: /* @__PURE__ */ fromGuide('facts §8, §14; old guide scopes and userinfo tables'),
  },
  phone_number: {
    name: 'phone_number',
    meaning: 'Mobile number (MSISDN).',
    example: '+4799988777',
    source: /* @__PURE__ */ fromGuide('facts §8, §14; old guide scopes and userinfo tables'),
  },
  tnuid: {
    name: 'tnuid',
    meaning: 'The Telenor user (profile) id the token acts for.',
    example: 'nss-hTv...',
    source: /* @__PURE__ */ fromGuide('facts §8, §12, §16; old guide scopes and token exchange pages'),
  },
  extsub: {
    name: 'extsub',
    meaning: 'The user id at the external provider (TelenorID logins only).',
    example: '6975060342938292224',
    source: /* @__PURE__ */ fromGuide('facts §8, §12; old guide scopes and access token tables'),
  },
  aud: {
    name: 'aud',
    meaning: 'Audience added to the access token by the extsub scope.',
    example: 'tsl.capture',
    source: /* @__PURE__ */ fromGuide('facts §8; old guide scopes table (extsub adds aud)'),
    exampleSource: /* @__PURE__ */ portalChoice(
      'the guide says the extsub scope is “for tsl.capture” but shows no aud value; the mock and the tenant put tsl.capture there.',
    ),
  },
  legacy_username: {
    name: 'legacy_username',
    meaning: 'Legacy user name.',
    example: '',
    source: /* @__PURE__ */ fromGuide('facts §8; old guide scopes table (tnn.legacy)'),
  },
  legacy_usertype: {
    name: 'legacy_usertype',
    meaning: 'Legacy user type.',
    example: '',
    source: /* @__PURE__ */ fromGuide('facts §8; old guide scopes table (tnn.legacy)'),
  },
  legacy_status: {
    name: 'legacy_status',
    meaning: 'Legacy account status.',
    example: '',
    source: /* @__PURE__ */ fromGuide('facts §8; old guide scopes table (tnn.legacy)'),
  },
  legacy_roles: {
    name: 'legacy_roles',
    meaning: 'Legacy roles.',
    example: [],
    source: /* @__PURE__ */ fromGuide('facts §8; old guide scopes table (tnn.legacy)'),
  },
};

const everywhere: ClaimLocation[] = ['id_token', 'userinfo', 'access_token'];

export const identityScopes: IdentityScope[] = [
  {
    name: 'openid',
    purpose: 'Marks the request as OpenID Connect: an ID token is issued besides the access token.',
    claims: [{ claim: 'sub', arrives: everywhere }],
    guide: 'scopes',
    source: /* @__PURE__ */ fromGuide('facts §8; old guide scopes page, “Identity scopes”'),
  },
  {
    name: 'profile',
    purpose: 'Basic profile of the user.',
    claims: [
      { claim: 'given_name', arrives: ['userinfo', 'id_token'] },
      { claim: 'family_name', arrives: ['userinfo', 'id_token'] },
      { claim: 'birthdate', arrives: ['userinfo'] },
      { claim: 'kurtid', arrives: ['userinfo'] },
      { claim: 'analytics_uuid', arrives: ['userinfo', 'id_token'] },
      // The guide's ID-token table lists preferred_username without naming a scope; OpenID Connect
      // puts it in the profile scope, so the portal assumes that.
      {
        claim: 'preferred_username',
        arrives: ['id_token'],
        source: /* @__PURE__ */ fromStandard(
          'OpenID Connect Core 1.0 §5.4 (preferred_username is a profile-scope claim; the guide names no scope for it)',
          'https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims',
        ),
      },
    ],
    guide: 'userinfo',
    source: /* @__PURE__ */ fromGuide(
      'facts §8, §13, §14; old guide scopes table (/userinfo) and ID token table (names and analytics_uuid in the ID token too)',
    ),
  },
  {
    name: 'email',
    purpose: 'The user’s e-mail address.',
    claims: [{ claim: 'email', arrives: ['userinfo'] }],
    guide: 'userinfo',
    source: /* @__PURE__ */ fromGuide('facts §8, §14; old guide scopes and userinfo tables'),
  },
  {
    name: 'phone',
    purpose: 'The user’s mobile number.',
    claims: [{ claim: 'phone_number', arrives: ['userinfo'] }],
    guide: 'userinfo',
    source: /* @__PURE__ */ fromGuide('facts §8, §14; old guide scopes and userinfo tables'),
  },
  {
    name: 'offline_access',
    purpose:
      'Asks for a refresh token; whether one is issued, and for how long, depends on the client type’s refresh policy.',
    claims: [],
    requestsRefreshToken: true,
    guide: 'refreshTokens',
    source: /* @__PURE__ */ fromGuide('facts §8, §15; old guide scopes table and token refresh page'),
  },
  ...([0, 1, 2] as const).map((level): IdentityScope => ({
    name: `ial${level}`,
    purpose: `Asks for identity assurance level ${level}. Ask for the lowest level that works: the user’s highest level is returned in the ial claim.`,
    claims: [{ claim: 'ial', arrives: ['id_token', 'userinfo'] }],
    ial: level,
    guide: 'assurance',
    source: /* @__PURE__ */ fromGuide('facts §5, §8; old guide assurance levels page, “IAL”'),
  })),
  {
    name: 'tnn.ids',
    purpose: 'Telenor ids of the user, inside the access token for the APIs.',
    claims: [
      { claim: 'kurtid', arrives: ['access_token'] },
      { claim: 'tnuid', arrives: ['access_token'] },
    ],
    guide: 'accessToken',
    source: /* @__PURE__ */ fromGuide('facts §8, §12; old guide scopes table and access token page'),
  },
  {
    name: 'extsub',
    purpose: 'Adds the external provider’s user id to the access token (for tsl.capture).',
    claims: [
      { claim: 'aud', arrives: ['access_token'] },
      { claim: 'extsub', arrives: ['access_token'] },
    ],
    note: 'Only for logins through TelenorID.',
    guide: 'accessToken',
    source: /* @__PURE__ */ fromGuide('facts §8, §12; old guide scopes table and access token page'),
  },
  {
    name: 'tnn.legacy',
    purpose: 'Legacy account data.',
    claims: ['legacy_username', 'legacy_usertype', 'legacy_status', 'legacy_roles'].map((claim) => ({
      claim,
      arrives: ['userinfo'] as ClaimLocation[],
    })),
    guide: 'userinfo',
    source: /* @__PURE__ */ fromGuide('facts §8; old guide scopes table'),
  },
  {
    name: 'account.profiles',
    purpose: 'Access to all profiles of the account; needed only for the legacy token exchange.',
    claims: [],
    guide: 'tokenExchange',
    source: /* @__PURE__ */ fromGuide('facts §8, §16; old guide scopes table and token exchange page'),
  },
];

/** Scopes used only by CIBA clients (facts §22); never by the authorization code flow. */
export const cibaScopes = ['vipps', 'bankid'] as const;
export const cibaScopesSource: FactSource = /* @__PURE__ */ fromGuide(
  'facts §8, §22; old guide CIBA page, “Setup”',
);

/** API scopes: `api:<apigee_service>`, forwarded to Apigee, never listed in discovery (facts §8). */
export const apiScope = {
  prefix: 'api:',
  /** Service names as Apigee uses them; the guide's examples are lower-case words, digits and hyphens. */
  servicePattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
  examples: ['api:mobile-product-v2', 'api:mobile-subscription-v1'],
  guide: 'faqApiScopes' as GuideTopic,
  source: /* @__PURE__ */ fromGuide('facts §8, §31 Q5; old guide scopes page, “API scopes”, and FAQ'),
} as const;

export function findIdentityScope(name: string): IdentityScope | undefined {
  return identityScopes.find((s) => s.name === name);
}
