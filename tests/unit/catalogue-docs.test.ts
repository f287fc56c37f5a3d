// The guide's reference tables and the code catalogue state the same TelenorID+ facts twice: once
// for readers, once for the mock, the tenant and the widgets. This test keeps them from drifting.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  amrFamilies,
  authenticationProviders,
  cibaScopes,
  clientTypes,
  identityScopes,
  refreshPolicies,
  type ClaimLocation,
} from '../../src/oidc/catalogue';

/** The rows of the first Markdown table whose header row starts with `header`, as cells without backticks. */
function table(file: string, header: string): string[][] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${header} |`));
  if (start < 0) throw new Error(`${file} has no table starting with "| ${header} |"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim().replace(/`/g, '')),
    );
  }
  return rows;
}

const list = (cell: string) =>
  cell === '–' || cell === '-' || cell === '' ? [] : cell.split(',').map((s) => s.trim());

describe('the guide’s tables agree with src/oidc/catalogue', () => {
  it('scopes and claims (docs/concepts/scopes-and-claims.mdx)', () => {
    const rows = table('docs/concepts/scopes-and-claims.mdx', 'Scope');
    const documented = rows.map((r) => r[0]);
    expect(documented.sort()).toEqual([...identityScopes.map((s) => s.name), ...cibaScopes].sort());
    const where: Record<string, ClaimLocation> = {
      '/userinfo': 'userinfo',
      'ID token': 'id_token',
      'access token': 'access_token',
      '/token response': 'id_token',
    };
    for (const [name, claimsCell, whereCell] of rows) {
      const scope = identityScopes.find((s) => s.name === name);
      if (!scope) continue; // CIBA scopes yield no claims of their own
      expect(list(claimsCell!).sort(), `claims of ${name}`).toEqual(scope.claims.map((c) => c.claim).sort());
      // The column is the union of where the scope's claims arrive: every place listed is where some
      // claim arrives, and every claim arrives at places listed.
      const places = list(whereCell!).map((place) => {
        expect(where[place], `unknown place "${place}" for ${name}`).toBeDefined();
        return where[place]!;
      });
      for (const place of places)
        expect(
          scope.claims.some((c) => c.arrives.includes(place)),
          `some claim of ${name} arrives in ${place}`,
        ).toBe(true);
      // sub is everywhere; the openid row says so in its note rather than in this column.
      for (const c of scope.claims.filter((x) => x.claim !== 'sub'))
        for (const at of c.arrives) expect(places, `${c.claim} of ${name} arrives in ${at}`).toContain(at);
    }
  });

  it('client types (docs/concepts/client-types.md)', () => {
    const rows = table('docs/concepts/client-types.md', 'Client type').filter((r) => r[0] !== 'Undefined');
    expect(rows.map((r) => r[0]).sort()).toEqual(clientTypes.map((c) => c.name).sort());
    for (const [name, oauth, policy] of rows) {
      const c = clientTypes.find((t) => t.name === name)!;
      expect(oauth!.toLowerCase()).toBe(c.oauthType);
      expect(policy).toBe(c.refreshPolicy);
    }
  });

  it('refresh policies (docs/api/refresh-tokens.mdx)', () => {
    const rows = table('docs/api/refresh-tokens.mdx', 'Refresh policy');
    expect(rows.map((r) => r[0]).sort()).toEqual(Object.keys(refreshPolicies).sort());
    const seconds = (cell: string) => {
      const m = /^(\d+) (min|days)$/.exec(cell);
      return m ? Number(m[1]) * (m[2] === 'min' ? 60 : 86_400) : undefined;
    };
    for (const [name, lifetime, sliding, clientType] of rows) {
      const p = refreshPolicies[name as keyof typeof refreshPolicies];
      expect(seconds(lifetime!), `${name} lifetime`).toBe(p.lifetimeSeconds);
      if (p.lifetimeSeconds) expect(sliding, `${name} sliding`).toBe(p.sliding ? 'YES' : 'NO');
      const users = clientTypes.filter((c) => c.refreshPolicy === name).map((c) => c.name);
      if (users.length) expect(users).toContain(clientType);
    }
  });

  it('authentication providers (docs/concepts/authentication-providers.md)', () => {
    const rows = table('docs/concepts/authentication-providers.md', 'Provider');
    expect(rows.map((r) => r[0]).sort()).toEqual(authenticationProviders.map((p) => p.name).sort());
    for (const [name, , aal, acr] of rows) {
      const p = authenticationProviders.find((x) => x.name === name)!;
      expect(Number(aal)).toBe(p.aal);
      // Telenor ID has no idp: value; the guide gives the AAL it reaches instead.
      expect(acr).toBe(p.acrValue ?? `urn:telenor.identity.aal.${p.aal}`);
    }
  });

  it('amr values (docs/api/id-token.md)', () => {
    const rows = table('docs/api/id-token.md', 'Provider');
    expect(rows).toHaveLength(amrFamilies.length);
    for (const [, prefix, suffixes] of rows) {
      const family = amrFamilies.find((f) => f.prefix === prefix);
      expect(family, `amr prefix ${prefix}`).toBeDefined();
      expect(list(suffixes!.startsWith('none') ? '' : suffixes!)).toEqual(family!.suffixes);
    }
  });
});
