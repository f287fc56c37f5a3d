// The mock (MSW, in the browser) and the local tenant (oidc-provider) must tell a developer the same
// story: the same endpoints and scopes in discovery, and the same claims for the same scopes — so a
// widget that works on the mock behaves the same against a real OpenID Provider.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAuthorizationRequest,
  exchangeCode,
  fetchDiscovery,
  fetchUserinfo,
  mockIssuer,
  type ClientSettings,
} from '../../src/oidc';
import { claims } from '../../src/oidc/catalogue';
import { resetMockTenant } from '../../src/mocks/tenant';
import { mockAuthorizeAs } from './support/mock-login';
import { server } from '../../src/mocks/node';
import { startTenant, testUsers, type RunningTenant } from '../../src/tenant';
import { TenantBrowser } from './support/tenant-browser';

let tenant: RunningTenant;
// An origin both accept: the mock's Node default and any loopback origin for the tenant.
const redirectUri = 'http://localhost:3000/callback/';

beforeAll(async () => {
  // The mock answers its own issuer; requests to the real tenant on loopback pass through.
  server.listen({ onUnhandledRequest: 'bypass' });
  tenant = await startTenant({ port: 0, allowedOrigins: [] });
});
afterAll(async () => {
  server.close();
  resetMockTenant();
  await tenant?.close();
});

async function discovery(issuer: string): Promise<Record<string, unknown>> {
  const d = await fetchDiscovery(issuer);
  if (!d.ok) throw new Error(`${issuer}: ${d.failure.code}`);
  return d.document;
}

const path = (u: unknown) => (typeof u === 'string' ? new URL(u).pathname : u);

/**
 * Logs a test user in with `scope` and returns the claims of the ID token and /userinfo: the guide's
 * IAL2 test user, or the fixtures' IAL1 user (the same on both).
 */
async function loginClaims(where: 'mock' | 'tenant', scope: string, level: 'ial2' | 'ial1' = 'ial2') {
  const issuer = where === 'mock' ? mockIssuer : tenant.issuer;
  const settings: ClientSettings = {
    discovery: await discovery(issuer),
    issuer,
    clientId: where === 'mock' ? 'mock-public' : 'local-public',
  };
  const built = await buildAuthorizationRequest(settings, {
    redirectUri,
    scope,
  });
  if (!built.ok) throw new Error(built.failure.code);
  let callback: string;
  if (where === 'mock') {
    resetMockTenant(); // a fresh browser, as the tenant side gets: no SSO session from the last login
    const answer = await mockAuthorizeAs(
      new URL(built.request.url).searchParams,
      testUsers.find((u) => u.ial === (level === 'ial1' ? 1 : 2))!.id,
    );
    if (answer.kind !== 'redirect') throw new Error(answer.error);
    callback = answer.redirectTo;
  } else {
    const user = testUsers.find((u) => u.ial === (level === 'ial1' ? 1 : 2))!;
    callback = (await new TenantBrowser(tenant.issuer).authorizeAs(built.request.url, user.id)).url;
  }
  const exchanged = await exchangeCode(settings, callback, built.request.secrets);
  if (!exchanged.ok) throw new Error(`${where}: ${JSON.stringify(exchanged.failure.code)}`);
  const view = exchanged.view;
  const info = await fetchUserinfo(settings, view.tokens.accessToken!, view.idToken?.claims.sub as string);
  if (!info.ok) throw new Error(`${where} userinfo: ${info.failure.code}`);
  // In the ID token, compare the claims that scopes yield (the catalogue's), not protocol claims
  // such as at_hash or sid that each implementation adds its own way.
  const fromScopes = Object.keys(view.idToken?.claims ?? {}).filter((c) => c !== 'sub' && c in claims);
  return {
    userinfo: Object.keys(info.claims).sort(),
    idToken: fromScopes.sort(),
    values: { idToken: view.idToken?.claims ?? {}, userinfo: info.claims as Record<string, unknown> },
  };
}

async function claimNames(where: 'mock' | 'tenant', scope: string) {
  const { userinfo, idToken } = await loginClaims(where, scope);
  return { userinfo, idToken };
}

describe('the mock and the local tenant agree', () => {
  it('publish the same endpoints (by path), scopes and algorithms in discovery', async () => {
    const [mock, local] = await Promise.all([discovery(mockIssuer), discovery(tenant.issuer)]);
    for (const field of [
      'authorization_endpoint',
      'token_endpoint',
      'userinfo_endpoint',
      'jwks_uri',
      'revocation_endpoint',
      'device_authorization_endpoint',
      'backchannel_authentication_endpoint',
    ]) {
      expect(local[field], `${field} in the tenant`).toBeDefined();
      if (field !== 'authorization_endpoint') expect(path(local[field]), field).toBe(path(mock[field]));
    }
    // The mock's authorize and end-session endpoints are portal pages in the browser (see src/mocks/README.md).
    expect(path(local.end_session_endpoint)).toBe('/connect/endsession');
    for (const field of [
      'scopes_supported',
      'code_challenge_methods_supported',
      'id_token_signing_alg_values_supported',
      'backchannel_token_delivery_modes_supported',
    ]) {
      expect([...(local[field] as string[])].sort(), field).toEqual([...(mock[field] as string[])].sort());
    }
    expect(local.response_types_supported).toContain('code');
    expect(mock.response_types_supported).toContain('code');
  });

  it.each(['openid', 'openid profile', 'openid email phone', 'openid profile email phone ial2 tnn.legacy'])(
    'return the same /userinfo and ID-token claims for scope "%s"',
    async (scope) => {
      const [mock, local] = await Promise.all([claimNames('mock', scope), claimNames('tenant', scope)]);
      expect(local.userinfo).toEqual(mock.userinfo);
      expect(local.idToken).toEqual(mock.idToken);
    },
  );

  it('send the guide’s ial value for IAL2 and invent none for IAL1 (only telenor.identity.ial2 is documented)', async () => {
    for (const where of ['mock', 'tenant'] as const) {
      const ial2 = await loginClaims(where, 'openid ial2');
      expect(ial2.values.idToken['ial'], `${where}: IAL2 user's ID token`).toBe('telenor.identity.ial2');
      expect(ial2.values.userinfo['ial'], `${where}: IAL2 user's /userinfo`).toBe('telenor.identity.ial2');
      const ial1 = await loginClaims(where, 'openid ial1', 'ial1');
      expect(ial1.values.idToken, `${where}: IAL1 user's ID token`).not.toHaveProperty('ial');
      expect(ial1.values.userinfo, `${where}: IAL1 user's /userinfo`).not.toHaveProperty('ial');
    }
  });

  it('put preferred_username in the ID token for profile (assumed, OpenID Connect §5.4), not for openid alone', async () => {
    for (const where of ['mock', 'tenant'] as const) {
      expect((await loginClaims(where, 'openid')).values.idToken, where).not.toHaveProperty(
        'preferred_username',
      );
      expect((await loginClaims(where, 'openid profile')).values.idToken, where).toHaveProperty(
        'preferred_username',
      );
    }
  });

  it('publish neither CIBA scope in scopes_supported', async () => {
    for (const issuer of [mockIssuer, tenant.issuer]) {
      const supported = (await discovery(issuer)).scopes_supported as string[];
      expect(supported).not.toContain('vipps');
      expect(supported).not.toContain('bankid');
    }
  });
});
