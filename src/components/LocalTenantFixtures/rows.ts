/**
 * The local tenant's clients and users as table rows, from the fixture module: the how-to page's
 * tables and their Markdown twin are both built from these, at build time, so they cannot drift.
 * Relative imports: the twins are written in Node.
 */
import { clientsOfEngine, testUsers } from '../../oidc/catalogue/fixtures';
import { acrClaim } from '../../oidc/catalogue/fixtures';

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
        c.clientSecret ? `client_secret_basic or _post, secret ${c.clientSecret}` : 'PKCE only (none)',
        c.refreshLifetimeSeconds === undefined
          ? 'never, even with offline_access'
          : c.short
            ? `lives ${c.refreshLifetimeSeconds} s (short-lived twin, to earn an expired refresh token)`
            : `${c.refreshPolicy.name}: ${c.refreshPolicy.summary}`,
      ]),
    };
  return {
    label: 'Test users of the local test tenant',
    head: ['Log in as (login_hint)', 'Name', 'How they log in', 'acr', 'amr'],
    rows: testUsers.map((u) => [
      u.msisdn,
      `${u.claims.given_name} ${u.claims.family_name}`,
      u.label,
      JSON.stringify(acrClaim(u)),
      u.amr.join(', '),
    ]),
  };
}
