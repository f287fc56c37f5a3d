/**
 * The mock tenant's test users and clients: the portal's one fixture model
 * (src/oidc/catalogue/fixtures.ts), the same users as the local tenant and the mock's own clients.
 */
import {
  cibaTestClient,
  deviceTestClient,
  clientsOfEngine,
  findTestClient,
  findTestUser,
  findTestUserByHint,
  testUsers,
  type TestClient,
  type TestUser,
  type TestUserId,
} from '../oidc/catalogue/fixtures';

export type MockUser = TestUser;
export type MockUserId = TestUserId;
export type MockClient = TestClient;

export const mockUsers: readonly MockUser[] = testUsers;

/** One mock client per TelenorID+ client type (plus short-lived twins), with that type's refresh policy. */
export const mockClients: readonly MockClient[] = clientsOfEngine('mock');

export function findMockClient(clientId: string | null | undefined): MockClient | undefined {
  return findTestClient('mock', clientId);
}

export function findMockUser(id: string | null | undefined): MockUser | undefined {
  return findTestUser(id);
}

export function findMockUserByHint(hint: string | null | undefined): MockUser | undefined {
  return findTestUserByHint(hint);
}

/** The mock's CIBA client (Confidential, the CIBA grant only): not among `mockClients`, which log in by the code flow. */
export const mockCibaClient: MockClient = cibaTestClient('mock');
/** The mock's device-flow client (MobileApp, no secret): not among `mockClients` either. */
export const mockDeviceClient: MockClient = deviceTestClient('mock');
