/**
 * What each claim of a pasted token means at TelenorID+, and what its value says (an acr, amr or ial
 * value, an issuer, one of the portal's test clients), all from the catalogue.
 */
import {
  amrFamilies,
  authenticatorAssuranceLevels,
  claims as scopeClaims,
  findIdentityScope,
  identityAssuranceLevels,
  apiScope,
  telenorIdPlusIssuers,
  type FactSource,
} from '../catalogue';
import { tokenClaims } from '../catalogue/token-claims';
import { mockIssuer } from '../environments';
import { testClients, type TestClient } from '../catalogue/fixtures';

export type FixtureClient = Pick<TestClient, 'clientId' | 'engine' | 'clientType' | 'short'>;

/** The mock's or the local tenant's test client with this id (from the one fixture model), if it is one. */
export function fixtureClient(clientId: unknown): FixtureClient | undefined {
  if (typeof clientId !== 'string') return undefined;
  return testClients.find((c) => c.clientId === clientId);
}

/** Every ordinary test client id of both engines (for "aud is one of …" sentences; twins left out). */
export const fixtureClientIds: string[] = testClients.filter((c) => !c.short).map((c) => c.clientId);

export function describeFixtureClient(c: FixtureClient): string {
  return `the ${c.engine === 'mock' ? 'mock’s' : 'local test tenant’s'} ${c.clientType} client${c.short ? ' (its short-lived twin)' : ''}`;
}

/** Which environment an issuer URL is, in words; undefined when it is none the portal knows. */
export function describeIssuer(iss: unknown, localIssuer?: string): string | undefined {
  if (iss === mockIssuer) return 'the mock TelenorID+ (in your browser)';
  if (iss === telenorIdPlusIssuers.staging) return 'TelenorID+ staging';
  if (iss === telenorIdPlusIssuers.production) return 'TelenorID+ production';
  if (localIssuer !== undefined && iss === localIssuer) return 'the local test tenant';
  if (iss === 'https://idp.telenorid-staging.com' || iss === 'https://idp.telenorid.com')
    return 'TelenorID+ under its old host, before the 2021 move to telenor.no: tokens from it are years old';
  return undefined;
}

export type ClaimExplanation = { meaning?: string; source?: FactSource; value?: string };

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value.slice(0, 50) : [value];
}

function acrValue(v: unknown): string {
  const aal = authenticatorAssuranceLevels.find((a) => a.acr === v);
  return aal ? `AAL${aal.level}: ${aal.meaning}` : `${String(v).slice(0, 80)}: not a level the guide names`;
}

function amrValue(v: unknown): string {
  if (typeof v !== 'string') return 'not a string';
  const family = [...amrFamilies]
    .sort((a, b) => b.prefix.length - a.prefix.length)
    .find((f) => (f.suffixes.length ? v.startsWith(f.prefix) : v === f.prefix));
  if (!family) return `${v.slice(0, 80)}: not a method the guide names (the list may grow)`;
  const suffix = v.slice(family.prefix.length);
  return `${family.provider}${suffix ? `, method ${suffix}` : ''}${family.deprecated ? ' (deprecated)' : ''}`;
}

function scopeValue(v: unknown): string {
  if (typeof v !== 'string') return 'not a string';
  if (v.startsWith(apiScope.prefix)) return `${v}: a Telenor API on Apigee`;
  return findIdentityScope(v) ? v : `${v}: not a scope the guide names`;
}

/** The meaning of a claim and what its value says, from the catalogue. */
export function explainClaim(
  name: string,
  value: unknown,
  options: { localIssuer?: string } = {},
): ClaimExplanation {
  const own = (r: Record<string, { meaning: string; source: FactSource }>) =>
    Object.prototype.hasOwnProperty.call(r, name) ? r[name] : undefined;
  const entry = own(tokenClaims) ?? own(scopeClaims);
  const base: ClaimExplanation = entry
    ? { meaning: entry.meaning, source: entry.source }
    : name.startsWith('tnn.')
      ? { meaning: 'A Telenor Norway claim the guide does not describe.' }
      : {};
  switch (name) {
    case 'acr':
      return { ...base, value: list(value).map(acrValue).join('; ') };
    case 'amr':
      return { ...base, value: list(value).map(amrValue).join('; ') };
    case 'ial': {
      const level = identityAssuranceLevels.find((l) => l.claimValue !== undefined && l.claimValue === value);
      return {
        ...base,
        value: level ? `IAL${level.level}: ${level.meaning}` : 'not a value the guide shows',
      };
    }
    case 'iss': {
      const which = describeIssuer(value, options.localIssuer);
      return { ...base, value: which ?? 'not an issuer of TelenorID+ or of this portal' };
    }
    case 'aud':
    case 'azp':
    case 'client_id': {
      const clients = list(value)
        .map(fixtureClient)
        .filter((c) => c !== undefined);
      return clients.length ? { ...base, value: clients.map(describeFixtureClient).join('; ') } : base;
    }
    case 'scope': {
      const scopes = typeof value === 'string' ? value.split(' ').filter(Boolean) : list(value);
      const unknown = scopes.map(scopeValue).filter((s) => s.includes(':') && !s.startsWith('api:'));
      return unknown.length ? { ...base, value: unknown.join('; ') } : base;
    }
    default:
      return base;
  }
}
