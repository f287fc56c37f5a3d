import { describe, expect, it } from 'vitest';
import { analyseScopes, buildScopeString, isValidScopeToken, parseScopeString } from '../../src/oidc';

const codesOf = (input: unknown, options = {}) => analyseScopes(input, options).warnings.map((w) => w.code);

describe('parseScopeString / buildScopeString', () => {
  it('splits on any whitespace a reader might paste', () => {
    expect(parseScopeString(' openid\tprofile\n  email ')).toEqual(['openid', 'profile', 'email']);
    expect(parseScopeString(42)).toEqual([]);
  });
  it('sends single spaces, no duplicates, order kept', () => {
    expect(buildScopeString(['openid', 'profile', 'openid', ' ', 'email'])).toBe('openid profile email');
  });
  it('follows RFC 6749 scope-token syntax', () => {
    expect(isValidScopeToken('api:mobile-product-v2')).toBe(true);
    expect(isValidScopeToken('tnn.ids')).toBe(true);
    for (const bad of ['a"b', 'a\\b', 'æøå', 'a b', ''] as const) expect(isValidScopeToken(bad)).toBe(false);
  });
});

describe('analyseScopes: what each scope does and what is wrong', () => {
  it('classifies identity, api, ciba, unknown and invalid scopes', () => {
    const a = analyseScopes('openid profile api:mobile-product-v2 vipps frobnicate ø');
    expect(a.scopes.map((s) => [s.scope, s.classification])).toEqual([
      ['openid', 'identity'],
      ['profile', 'identity'],
      ['api:mobile-product-v2', 'api'],
      ['vipps', 'ciba'],
      ['frobnicate', 'unknown'],
      ['ø', 'invalid'],
    ]);
    expect(a.scopes[2]?.apiService).toBe('mobile-product-v2');
    expect(a.scopeString).toBe('openid profile api:mobile-product-v2 vipps frobnicate');
  });

  it('lists the claims a scope yields and where they arrive (from the catalogue)', () => {
    const a = analyseScopes('openid profile tnn.ids');
    const kurtid = a.claims.find((c) => c.claim === 'kurtid');
    expect(kurtid?.arrives).toEqual(expect.arrayContaining(['userinfo', 'access_token']));
    expect(a.claims.find((c) => c.claim === 'birthdate')?.arrives).toEqual(['userinfo']);
    expect(a.claims.find((c) => c.claim === 'sub')?.meaning).toMatch(/Pairwise/);
  });

  it('warns when openid is missing', () => {
    expect(codesOf('profile')).toContain('missing_openid');
    expect(codesOf('openid profile')).not.toContain('missing_openid');
  });

  it('warns about several assurance levels', () => {
    expect(codesOf('openid ial1 ial2')).toContain('several_ial');
    expect(codesOf('openid ial2')).not.toContain('several_ial');
  });

  it('warns that a Public client gets no refresh token, even with offline_access', () => {
    expect(codesOf('openid offline_access', { clientType: 'Public' })).toContain(
      'offline_access_without_refresh',
    );
    expect(codesOf('openid offline_access', { clientType: 'MobileApp' })).not.toContain(
      'offline_access_without_refresh',
    );
  });

  it.each(['api:', 'api:-x', 'api:a b'.replace(' ', '/')])('calls %s a malformed API scope', (scope) => {
    expect(codesOf(`openid ${scope}`)).toContain('malformed_api_scope');
  });

  it('reports duplicates, unknown and invalid scopes', () => {
    expect(codesOf('openid openid')).toContain('duplicate');
    expect(codesOf('openid frobnicate')).toContain('unknown_scope');
    expect(codesOf('openid "x"')).toContain('invalid_syntax');
  });

  it('compares with scopes_supported, but never expects api: scopes there', () => {
    const c = codesOf('openid email api:mobile-product-v2', { scopesSupported: ['openid', 'profile'] });
    expect(
      analyseScopes('openid email api:mobile-product-v2', { scopesSupported: ['openid'] })
        .warnings.filter((w) => w.code === 'not_in_scopes_supported')
        .map((w) => w.scope),
    ).toEqual(['email']);
    expect(c).toContain('not_in_scopes_supported');
  });

  it('warns about too many scopes and too long a string', () => {
    const many = Array.from({ length: 101 }, (_, i) => `api:s${i}`).join(' ');
    expect(codesOf(`openid ${many}`)).toContain('too_many');
    expect(codesOf(`openid api:${'a'.repeat(2100)}`)).toContain('too_long');
  });

  it('says an empty request is an error', () => {
    expect(analyseScopes('   ').warnings[0]).toMatchObject({ code: 'empty', severity: 'error' });
  });

  it('keeps a pasted wall of text readable (per-token warnings are capped)', () => {
    const wall = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
    expect(analyseScopes(wall).warnings.length).toBeLessThan(260);
  });
});
