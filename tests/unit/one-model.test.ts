// The widgets' readings of the one TelenorID+ model (issue 15): where a claim comes from per token,
// what a refresh does per policy, one headline per invalid_grant cause on every environment, a
// warning when acr_values was not met — and no client id or user value written outside the fixtures.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refreshPolicies } from '../../src/oidc/catalogue';
import { scopeOfClaim, testClients, testUsers } from '../../src/oidc/catalogue/fixtures';
import { claimOrigins } from '../../src/oidc/jwt';
import { refreshRefusalLine, refreshStepTitle, reuseImpossibleBecause } from '../../src/oidc/refresh';
import { unmetAcrWarning } from '../../src/oidc/scope-builder';
import { failure } from '../../src/oidc/failures';

describe('claim origins, per token', () => {
  it('credits aud in an ID token to the protocol even with extsub granted (extsub adds aud to the access token only)', () => {
    const scopes = ['openid', 'extsub'];
    const [idAud] = claimOrigins({ aud: 'mock-public' }, scopes, 'id_token');
    expect(idAud).toMatchObject({
      claim: 'aud',
      source: 'protocol',
      meaning: expect.stringMatching(/^Audience/),
    });
    const [atAud] = claimOrigins({ aud: 'tsl.capture' }, scopes, 'access_token');
    expect(atAud).toMatchObject({ claim: 'aud', source: 'scope', scope: 'extsub' });
  });

  it('credits a claim to a scope only where that scope puts it', () => {
    expect(scopeOfClaim('kurtid', ['profile', 'tnn.ids'], 'userinfo')).toBe('profile');
    expect(scopeOfClaim('kurtid', ['profile', 'tnn.ids'], 'access_token')).toBe('tnn.ids');
    expect(scopeOfClaim('birthdate', ['profile'], 'id_token')).toBeUndefined();
  });
});

describe('refresh, per policy', () => {
  it('labels the refresh step by the policy: only sliding policies rotate', () => {
    expect(refreshStepTitle(refreshPolicies.PublicWeb)).toBe('Refresh (rotates the token)');
    expect(refreshStepTitle(refreshPolicies.Confidential)).not.toMatch(/rotates the token/);
    expect(refreshStepTitle(refreshPolicies.Confidential)).toMatch(/does not rotate/);
  });

  it('says plainly that reuse after rotation cannot happen on a Confidential client, and why', () => {
    expect(reuseImpossibleBecause('Confidential')).toMatch(
      /cannot happen for a Confidential client.*never rotates/,
    );
    expect(reuseImpossibleBecause('PublicWithRefresh')).toBeUndefined();
    expect(reuseImpossibleBecause('MobileApp')).toBeUndefined();
  });

  it('gives each invalid_grant cause its own headline, whatever the provider said', () => {
    const tenantSays = {
      ...failure('invalid_grant').failure,
      status: 400,
      error: 'invalid_grant',
      error_description: 'grant request is invalid',
    };
    const lines = (['expired', 'revoked', 'reused', 'session_ended', 'other_client'] as const).map((c) =>
      refreshRefusalLine(tenantSays, c),
    );
    expect(new Set(lines).size).toBe(5);
    expect(lines[0]).toBe(
      '400 invalid_grant — The refresh token has expired. (the provider’s words: “grant request is invalid”)',
    );
    // Another failure keeps the ordinary line.
    expect(refreshRefusalLine({ ...failure('invalid_client').failure, status: 401 }, 'expired')).toMatch(
      /^401 invalid_client/,
    );
  });
});

describe('acr_values', () => {
  it('warns when AAL3 was asked and the login reached AAL2', () => {
    expect(unmetAcrWarning('urn:telenor.identity.aal.3', ['urn:telenor.identity.aal.2'])).toMatch(
      /asked for AAL3.*reached AAL2/,
    );
  });
  it('is silent when the level was met, or none was asked', () => {
    expect(unmetAcrWarning('urn:telenor.identity.aal.2', ['urn:telenor.identity.aal.3'])).toBeUndefined();
    expect(unmetAcrWarning(undefined, ['urn:telenor.identity.aal.1'])).toBeUndefined();
    expect(unmetAcrWarning('idp:no.bankid.login.vipps', ['urn:telenor.identity.aal.1'])).toBeUndefined();
  });
  it('warns when no acr came back at all', () => {
    expect(unmetAcrWarning('urn:telenor.identity.aal.2', undefined)).toMatch(/unknown level/);
  });
});

describe('the fixtures are the one copy', () => {
  const root = join(__dirname, '../../src');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name) && !path.endsWith(join('catalogue', 'fixtures.ts'))) files.push(path);
    }
  };
  walk(root);
  const needles = [
    ...testClients.map((c) => c.clientId),
    ...testClients.flatMap((c) => (c.clientSecret ? [c.clientSecret] : [])),
    ...testUsers.flatMap((u) => [u.msisdn, u.claims.analytics_uuid, u.claims.kurtid, u.claims.tnuid]),
  ];

  it('writes no test client id, secret or user value anywhere in src/ but the fixture module', () => {
    const found = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return needles.filter((n) => text.includes(n)).map((n) => `${file.slice(root.length + 1)}: ${n}`);
    });
    expect(found).toEqual([]);
  });
});
