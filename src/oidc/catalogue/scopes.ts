/**
 * TelenorID+ scopes and the claims they yield (facts §8, §12–§14).
 *
 * Where a claim arrives:
 * - `id_token`:  in the ID token returned by /connect/token;
 * - `userinfo`:  in the answer of /connect/userinfo;
 * - `access_token`: inside the (JWT) access token, for the APIs that receive it.
 */
import type { GuideTopic } from './guide';

export type ClaimLocation = 'id_token' | 'userinfo' | 'access_token';

export type Claim = {
  name: string;
  /** What the claim means, in the reader's words. */
  meaning: string;
  /** An example value as the guide shows it. */
  example: string | string[];
};

export type ScopeClaim = { claim: string; arrives: ClaimLocation[] };

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
};

export const claims: Record<string, Claim> = {
  sub: {
    name: 'sub',
    meaning: 'Pairwise user identifier: stable for one client, different across clients.',
    example: '2b424013-971b-4435-bdc1-d1075b05d0e9',
  },
  ial: {
    name: 'ial',
    meaning: 'The highest identity assurance level of the user.',
    example: 'telenor.identity.ial2',
  },
  given_name: { name: 'given_name', meaning: 'First and middle names.', example: 'Tom Peter' },
  family_name: { name: 'family_name', meaning: 'Surname.', example: 'Rasmussen' },
  birthdate: { name: 'birthdate', meaning: 'Date of birth.', example: '1984-12-12' },
  kurtid: { name: 'kurtid', meaning: 'Telenor customer id.', example: '193885119' },
  analytics_uuid: {
    name: 'analytics_uuid',
    meaning: 'UUID tied to the account, meant to stay stable for its whole life (not managed like kurtid).',
    example: '3a238dc1-86d5-49ce-9beb-3f8453b0cb41',
  },
  preferred_username: {
    name: 'preferred_username',
    meaning: 'The login name used in the session: a phone number or an e-mail address.',
    example: '4799966634',
  },
  email: { name: 'email', meaning: 'E-mail address.', example: 'email@email.com' },
  phone_number: { name: 'phone_number', meaning: 'Mobile number (MSISDN).', example: '+4799988777' },
  tnuid: {
    name: 'tnuid',
    meaning: 'The Telenor user (profile) id the token acts for.',
    example: 'nss-hTv...',
  },
  extsub: {
    name: 'extsub',
    meaning: 'The user id at the external provider (TelenorID logins only).',
    example: '6975060342938292224',
  },
  aud: {
    name: 'aud',
    meaning: 'Audience added to the access token by the extsub scope.',
    example: 'tsl.capture',
  },
  legacy_username: { name: 'legacy_username', meaning: 'Legacy user name.', example: '' },
  legacy_usertype: { name: 'legacy_usertype', meaning: 'Legacy user type.', example: '' },
  legacy_status: { name: 'legacy_status', meaning: 'Legacy account status.', example: '' },
  legacy_roles: { name: 'legacy_roles', meaning: 'Legacy roles.', example: [] },
};

const everywhere: ClaimLocation[] = ['id_token', 'userinfo', 'access_token'];

export const identityScopes: IdentityScope[] = [
  {
    name: 'openid',
    purpose: 'Marks the request as OpenID Connect: an ID token is issued besides the access token.',
    // preferred_username: the guide's ID-token table lists it (the login name of the session) without
    // naming a scope; it is in every ID token, so it is modelled as part of openid.
    claims: [
      { claim: 'sub', arrives: everywhere },
      { claim: 'preferred_username', arrives: ['id_token'] },
    ],
    guide: 'scopes',
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
    ],
    guide: 'userinfo',
  },
  {
    name: 'email',
    purpose: 'The user’s e-mail address.',
    claims: [{ claim: 'email', arrives: ['userinfo'] }],
    guide: 'userinfo',
  },
  {
    name: 'phone',
    purpose: 'The user’s mobile number.',
    claims: [{ claim: 'phone_number', arrives: ['userinfo'] }],
    guide: 'userinfo',
  },
  {
    name: 'offline_access',
    purpose:
      'Asks for a refresh token; whether one is issued, and for how long, depends on the client type’s refresh policy.',
    claims: [],
    requestsRefreshToken: true,
    guide: 'refreshTokens',
  },
  ...([0, 1, 2] as const).map((level): IdentityScope => ({
    name: `ial${level}`,
    purpose: `Asks for identity assurance level ${level}. Ask for the lowest level that works: the user’s highest level is returned in the ial claim.`,
    claims: [{ claim: 'ial', arrives: ['id_token', 'userinfo'] }],
    ial: level,
    guide: 'assurance',
  })),
  {
    name: 'tnn.ids',
    purpose: 'Telenor ids of the user, inside the access token for the APIs.',
    claims: [
      { claim: 'kurtid', arrives: ['access_token'] },
      { claim: 'tnuid', arrives: ['access_token'] },
    ],
    guide: 'accessToken',
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
  },
  {
    name: 'tnn.legacy',
    purpose: 'Legacy account data.',
    claims: ['legacy_username', 'legacy_usertype', 'legacy_status', 'legacy_roles'].map((claim) => ({
      claim,
      arrives: ['userinfo'] as ClaimLocation[],
    })),
    guide: 'userinfo',
  },
  {
    name: 'account.profiles',
    purpose: 'Access to all profiles of the account; needed only for the legacy token exchange.',
    claims: [],
    guide: 'tokenExchange',
  },
];

/** Scopes used only by CIBA clients (facts §22); never by the authorization code flow. */
export const cibaScopes = ['vipps', 'bankid'] as const;

/** API scopes: `api:<apigee_service>`, forwarded to Apigee, never listed in discovery (facts §8). */
export const apiScope = {
  prefix: 'api:',
  /** Service names as Apigee uses them; the guide's examples are lower-case words, digits and hyphens. */
  servicePattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
  examples: ['api:mobile-product-v2', 'api:mobile-subscription-v1'],
  guide: 'faqApiScopes' as GuideTopic,
} as const;

export function findIdentityScope(name: string): IdentityScope | undefined {
  return identityScopes.find((s) => s.name === name);
}
