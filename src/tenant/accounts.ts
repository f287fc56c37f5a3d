/**
 * Test users of the local tenant and the claims each scope yields for them. Which claim belongs to
 * which scope, and where it arrives (ID token, /userinfo, access token), comes from the catalogue.
 * All data is invented (the first user is the guide's own test user); e-mail addresses use example.com.
 */
import {
  amrValues,
  authenticatorAssuranceLevels,
  ialClaimValue,
  identityScopes,
  type ClaimLocation,
} from '../oidc/catalogue';

export type TestUser = {
  /** The account id; also the `sub` (the tenant does not compute pairwise ids: see README). */
  sub: string;
  /** MSISDN the user logs in with (TelenorID+ logins are by phone number). */
  msisdn: string;
  label: string;
  ial: 0 | 1 | 2 | 3;
  aal: 1 | 2 | 3;
  amr: string[];
  claims: Record<string, string | string[]>;
};

export function acrOf(user: TestUser): string {
  return authenticatorAssuranceLevels.find((a) => a.level === user.aal)!.acr;
}

export const testUsers: TestUser[] = [
  {
    sub: '920a05cc-0a3f-48b9-8d7d-df978bd2cc9f',
    msisdn: '+4799957009',
    label: 'Telenor ID with one-time code (IAL2, AAL2)',
    ial: 2,
    aal: 2,
    amr: ['urn:telenor.identity.amr.td_otp'],
    claims: {
      given_name: 'Ulv',
      family_name: 'Telenormobilno',
      birthdate: '1971-01-23',
      kurtid: '6501333',
      analytics_uuid: '5f0c2b7e-8a51-4c0e-9d43-2f6a1c9b7e10',
      email: 'ulv.telenormobilno@example.com',
      phone_number: '+4799957009',
      preferred_username: '4799957009',
      tnuid: 'nss-ulv-6501333',
      extsub: '6975060342938292224',
      aud: 'tsl.capture',
      legacy_username: 'ulvtel',
      legacy_usertype: 'private',
      legacy_status: 'active',
      legacy_roles: ['owner'],
    },
  },
  {
    sub: '3c9d6f41-7b2e-4d8a-a1f5-0e6b9c2d4a87',
    msisdn: '+4799957010',
    label: 'Telenor ID with password only, self-asserted identity (IAL1, AAL1)',
    ial: 1,
    aal: 1,
    amr: ['urn:telenor.identity.amr.td_pwd'],
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
      aud: 'tsl.capture',
      legacy_username: 'solp',
      legacy_usertype: 'private',
      legacy_status: 'active',
      legacy_roles: [],
    },
  },
  {
    sub: 'a4e1c8b2-6f3d-4e9a-b7c0-5d2f8e1a9c36',
    msisdn: '+4799957011',
    label: 'BankID, verified identity (IAL3, AAL3)',
    ial: 3,
    aal: 3,
    amr: ['urn:telenor.identity.amr.bankid'],
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

// Guard the invented data against the catalogue: an amr value the guide does not know is a typo.
for (const user of testUsers) {
  for (const amr of user.amr) {
    if (!amrValues.includes(amr)) throw new Error(`Test user ${user.msisdn}: unknown amr ${amr}`);
  }
}

export function findTestUser(sub: string): TestUser | undefined {
  return testUsers.find((u) => u.sub === sub);
}

/**
 * The claims `user` has for the given scopes, where they arrive at `location`. `ial` is the user's
 * highest level, as TelenorID+ returns it; `extsub` is only there for Telenor ID logins (the catalogue's note).
 */
export function claimsFor(
  user: TestUser,
  scopes: Iterable<string>,
  location: ClaimLocation,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const scopeName of scopes) {
    const scope = identityScopes.find((s) => s.name === scopeName);
    if (!scope) continue;
    for (const { claim, arrives } of scope.claims) {
      if (!arrives.includes(location) || claim === 'sub') continue;
      // Only IAL2 has a documented ial value; other levels get no ial claim (ialClaimForOtherLevels).
      const value = claim === 'ial' ? ialClaimValue(user.ial) : user.claims[claim];
      if (value !== undefined) out[claim] = value;
    }
  }
  return out;
}
