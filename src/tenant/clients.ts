/**
 * The local tenant's clients: the fixture model's `local-…` clients (src/oidc/catalogue/fixtures.ts),
 * one per TelenorID+ client type plus a short-lived twin of each refresh-capable one, so that an
 * expired refresh token (invalid_grant) can be earned within a test run.
 */
import {
  clientsOfEngine,
  findPollingClient,
  findTestClient,
  shortRefreshLifetimeSeconds,
  testClient,
  type TestClient,
} from '../oidc/catalogue/fixtures';

export { shortRefreshLifetimeSeconds };

export type LocalClient = TestClient;

export const localClients: readonly LocalClient[] = clientsOfEngine('local');

/** The Confidential client's published test secret (it protects nothing). */
export const confidentialClientSecret = testClient('local', 'Confidential').clientSecret!;

/** A client of the tenant by id: the code-flow clients, and the polling flows' device and CIBA clients. */
export function findLocalClient(clientId: string): LocalClient | undefined {
  return findTestClient('local', clientId) ?? findPollingClient('local', clientId);
}

export function issuesRefreshTokens(client: LocalClient): boolean {
  return client.refreshLifetimeSeconds !== undefined;
}
