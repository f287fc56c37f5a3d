/**
 * The local tenant's clients and users as table rows, from the fixture module: the how-to page's
 * tables and their Markdown twin are both built from these, at build time, so they cannot drift.
 * Relative imports: the twins are written in Node.
 */
import { clientsOfEngine, testUsers } from '../../oidc/catalogue/fixtures';
import { acrClaim, rotatesRefreshToken } from '../../oidc/catalogue/fixtures';
import { formatDuration } from '../../oidc/times';

export type FixtureTable = { label: string; head: string[]; rows: string[][] };

export type FixtureTableName = 'clients' | 'users';

export function localTenantTable(name: FixtureTableName): FixtureTable {
  if (name === 'clients')
    return {
      label: 'Clients of the local test tenant',
      head: ['client_id', 'Client type', 'Authenticates with', 'Refresh token'],
      rows: clientsOfEngine('local').map((c) => [
        c.clientId,
        c.clientType,
        c.clientSecret ? `secret ${c.clientSecret} (Basic or POST)` : 'PKCE, no secret',
        c.refreshLifetimeSeconds === undefined
          ? 'none, even with offline_access'
          : `${formatDuration(c.refreshLifetimeSeconds)}, ${rotatesRefreshToken(c.refreshPolicy) ? 'sliding, rotated on each refresh' : 'fixed, not rotated'}${c.short ? ' — short-lived twin' : ` (${c.refreshPolicy.name})`}`,
      ]),
    };
  return {
    label: 'Test users of the local test tenant',
    head: ['Log in as (login_hint)', 'Name', 'How they log in', 'acr', 'amr (urn:telenor.identity.amr.…)'],
    rows: testUsers.map((u) => [
      u.msisdn,
      `${u.claims.given_name} ${u.claims.family_name}`,
      u.label,
      JSON.stringify(acrClaim(u)),
      u.amr.map((a) => a.replace('urn:telenor.identity.amr.', '')).join(', '),
    ]),
  };
}
