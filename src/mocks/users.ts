/**
 * The mock tenant's test users and clients, built from the catalogue so the mock cannot disagree
 * with the guide (facts §7, §14, §29).
 */
import { clientTypes, refreshPolicies, type ClientTypeName, type RefreshPolicy } from '../oidc/catalogue';

export type MockUser = {
  id: string;
  /** Phone number in E.164; `login_hint` with these digits picks the user. */
  msisdn: string;
  given_name: string;
  family_name: string;
  birthdate: string;
  kurtid: string;
  tnuid: string;
  email: string;
  analytics_uuid: string;
  /** The user's highest identity assurance level; the ial claim is sent only where documented (IAL2). */
  ial: 0 | 1 | 2 | 3;
  extsub: string;
  amr: string[];
  acr: string;
};

export const mockUsers: Record<'ulv' | 'sortebill', MockUser> = {
  // The step-by-step guide's staging test user (facts §29).
  ulv: {
    id: 'ulv',
    msisdn: '+4799957009',
    given_name: 'Ulv',
    family_name: 'Telenormobilno',
    birthdate: '1971-01-23',
    kurtid: '6501333',
    tnuid: 'nss-mock-ulv-0001',
    email: 'ulv.telenormobilno@example.com',
    analytics_uuid: '7568fe50-217f-4ab8-a4e4-29cbe7e118c9',
    ial: 2,
    extsub: '6975060342938292224',
    amr: ['urn:telenor.identity.amr.td_otp'],
    acr: 'urn:telenor.identity.aal.2',
  },
  // The userinfo page's example values (facts §14).
  sortebill: {
    id: 'sortebill',
    msisdn: '+4799988777',
    given_name: 'Sortebill',
    family_name: 'Duck',
    birthdate: '1984-12-12',
    kurtid: '193885119',
    tnuid: 'nss-mock-sortebill-0002',
    email: 'email@email.com',
    analytics_uuid: '3a238dc1-86d5-49ce-9beb-3f8453b0cb41',
    ial: 1,
    extsub: '6975060342938292225',
    amr: ['urn:telenor.identity.amr.td_pwd'],
    acr: 'urn:telenor.identity.aal.1',
  },
};

export type MockUserId = keyof typeof mockUsers;

export type MockClient = {
  clientId: string;
  clientType: ClientTypeName;
  /** Confidential clients only. A published test value: the mock is not a security boundary. */
  clientSecret?: string;
  refreshPolicy: RefreshPolicy;
  label: string;
};

const ids: Record<ClientTypeName, string> = {
  Public: 'mock-public',
  PublicWithRefresh: 'mock-public-with-refresh',
  Confidential: 'mock-confidential',
  MobileApp: 'mock-mobile',
};

/** One mock client per TelenorID+ client type, with that type's refresh policy. */
export const mockClients: MockClient[] = clientTypes.map((t) => ({
  clientId: ids[t.name],
  clientType: t.name,
  ...(t.hasSecret ? { clientSecret: `${ids[t.name]}-secret` } : {}),
  refreshPolicy: refreshPolicies[t.refreshPolicy],
  label: `${t.name} (${t.usedBy}; refresh policy ${t.refreshPolicy})`,
}));

export function findMockClient(clientId: string | null | undefined): MockClient | undefined {
  return mockClients.find((c) => c.clientId === clientId);
}

export function findMockUserByHint(hint: string | null | undefined): MockUser | undefined {
  if (!hint) return undefined;
  const digits = hint.replace(/\D/g, '');
  if (digits.length < 8) return undefined;
  return Object.values(mockUsers).find((u) => u.msisdn.replace(/\D/g, '').endsWith(digits.slice(-8)));
}
