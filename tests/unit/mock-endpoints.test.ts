// The scope builder shows the mock's authorization URL from the catalogue, before the mock runs
// (issue #19): every value it takes from there must be what the running mock publishes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentedDiscovery, mockDiscoveryFromCatalogue, mockPageUrl } from '../../src/oidc/mock-endpoints';
import { endpointPaths } from '../../src/oidc/catalogue/endpoints';
import { telenorIdPlusIssuers } from '../../src/oidc/catalogue';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the mock’s endpoints without the mock', () => {
  it.each(['/', '/portal/'])('agree with the discovery document the mock serves under %s', async (base) => {
    vi.resetModules();
    vi.stubGlobal('location', new URL(`https://portal.test${base}tools/scope-builder`));
    vi.stubGlobal('sessionStorage', {
      getItem: () => null,
      setItem: () => undefined,
      removeItem: () => undefined,
    });
    const browser = await import('../../src/mocks/browser');
    const tenant = await import('../../src/mocks/tenant');
    browser.prepareMockTenant({ baseUrl: base });
    const served = tenant.mockDiscoveryDocument();
    const fromCatalogue = mockDiscoveryFromCatalogue('https://portal.test', base);
    for (const [field, value] of Object.entries(fromCatalogue))
      expect([field, served[field]]).toEqual([field, value]);
  });

  it('the pages are folders under the base URL (no redirect hop on any host)', () => {
    expect(mockPageUrl('https://portal.test', '/portal', 'authorize')).toBe(
      'https://portal.test/portal/mock/authorize/',
    );
    expect(mockPageUrl('http://localhost:3000', '/', 'logout')).toBe('http://localhost:3000/mock/logout/');
  });
});

describe('the documented endpoints, when a real issuer’s discovery cannot be read', () => {
  it('are the catalogue’s paths under that issuer, and nothing else is invented', () => {
    const doc = documentedDiscovery(telenorIdPlusIssuers.staging);
    expect(doc).toEqual({
      issuer: telenorIdPlusIssuers.staging,
      authorization_endpoint: telenorIdPlusIssuers.staging + endpointPaths.authorization_endpoint.path,
      token_endpoint: telenorIdPlusIssuers.staging + endpointPaths.token_endpoint.path,
      userinfo_endpoint: telenorIdPlusIssuers.staging + endpointPaths.userinfo_endpoint.path,
      jwks_uri: telenorIdPlusIssuers.staging + endpointPaths.jwks_uri.path,
    });
  });
});
