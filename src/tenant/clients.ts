/**
 * The local tenant's clients: one per TelenorID+ client type, plus a short-lived twin of each
 * refresh-capable one so that an expired refresh token (invalid_grant) can be earned within a test run.
 * Types, refresh policies and lifetimes come from the catalogue; nothing here restates them.
 */
import { clientTypes, refreshPolicies, type ClientTypeName, type RefreshPolicyName } from '../oidc/catalogue';
import { localShortRefreshLifetimeSeconds } from '../oidc/environments';

/** Refresh-token lifetime of the short-lived twins, in seconds (shared with the refresh simulator). */
export const shortRefreshLifetimeSeconds = localShortRefreshLifetimeSeconds;

export type LocalClient = {
  clientId: string;
  type: ClientTypeName;
  policy: RefreshPolicyName;
  /** Refresh-token lifetime in seconds; undefined: the client never gets a refresh token. */
  refreshLifetimeSeconds: number | undefined;
  /** Sliding: each refresh rotates the token and restarts its lifetime. Fixed: no rotation, fixed end. */
  sliding: boolean;
  /** Only the Confidential client has one. A test secret: it protects nothing. */
  secret: string | undefined;
  short: boolean;
  description: string;
};

const idPart: Record<ClientTypeName, string> = {
  Public: 'public',
  PublicWithRefresh: 'public-with-refresh',
  Confidential: 'confidential',
  MobileApp: 'mobile',
};

export const confidentialClientSecret = 'local-confidential-secret';

export const localClients: LocalClient[] = clientTypes.flatMap((type) => {
  const policy = refreshPolicies[type.refreshPolicy];
  const base: LocalClient = {
    clientId: `local-${idPart[type.name]}`,
    type: type.name,
    policy: policy.name,
    refreshLifetimeSeconds: policy.lifetimeSeconds,
    sliding: policy.sliding,
    secret: type.hasSecret ? confidentialClientSecret : undefined,
    short: false,
    description: `${type.name} client (${type.usedBy}); refresh policy ${policy.name}: ${policy.summary}`,
  };
  if (policy.lifetimeSeconds === undefined) return [base];
  return [
    base,
    {
      ...base,
      clientId: `${base.clientId}-short`,
      refreshLifetimeSeconds: shortRefreshLifetimeSeconds,
      short: true,
      description: `${base.description} Test twin: the refresh token lives ${shortRefreshLifetimeSeconds} seconds.`,
    },
  ];
});

export function findLocalClient(clientId: string): LocalClient | undefined {
  return localClients.find((c) => c.clientId === clientId);
}

export function issuesRefreshTokens(client: LocalClient): boolean {
  return client.refreshLifetimeSeconds !== undefined;
}
