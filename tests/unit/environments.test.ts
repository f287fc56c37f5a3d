import { describe, expect, it } from 'vitest';
import {
  checkProviderUrl,
  defaultEnvironmentId,
  environmentFor,
  isLoopbackHost,
  mockIssuer,
  parseEnvironmentId,
} from '../../src/oidc';

describe('environments', () => {
  it('defaults to the mock, which needs no network', () => {
    expect(defaultEnvironmentId).toBe('mock');
    expect(environmentFor('mock').issuer).toBe(mockIssuer);
  });
  it('knows staging and production issuers and that browsers may hit CORS there', () => {
    expect(environmentFor('staging')).toMatchObject({
      issuer: 'https://id-test.telenor.no',
      corsLikely: true,
    });
    expect(environmentFor('production')).toMatchObject({ issuer: 'https://id.telenor.no', corsLikely: true });
    expect(environmentFor('custom', { customIssuer: 'https://x.test' })).toMatchObject({
      issuer: 'https://x.test',
      corsLikely: true,
    });
  });
  it('lets the caller move the local tenant', () => {
    expect(environmentFor('local').issuer).toBe('http://localhost:4400');
    expect(environmentFor('local', { localIssuer: 'http://127.0.0.1:5000' }).issuer).toBe(
      'http://127.0.0.1:5000',
    );
  });
  it('reads ?env= values and ignores unknown ones', () => {
    expect(parseEnvironmentId('Staging')).toBe('staging');
    expect(parseEnvironmentId('prod')).toBeUndefined();
    expect(parseEnvironmentId(null)).toBeUndefined();
  });
  it('treats only localhost, 127.0.0.0/8 and [::1] as loopback', () => {
    for (const h of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.255.0.9', '[::1]', '::1'])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['localhost.evil.test', '128.0.0.1', '127.0.0.256', '10.0.0.1', '[::2]', 'example.com'])
      expect(isLoopbackHost(h)).toBe(false);
  });
  it('allows http only on loopback', () => {
    expect(checkProviderUrl('http://localhost:4400')).toMatchObject({ ok: true, loopbackHttp: true });
    expect(checkProviderUrl('http://id.telenor.no')).toEqual({ ok: false, code: 'insecure_http' });
    expect(checkProviderUrl('javascript:alert(1)')).toEqual({ ok: false, code: 'unsupported_scheme' });
    expect(checkProviderUrl('id.telenor.no')).toEqual({ ok: false, code: 'invalid_url' });
  });
});
