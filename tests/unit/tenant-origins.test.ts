// Which origins and redirect URIs the local tenant accepts: loopback portal callbacks, nothing else.
import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, isPortalCallback, parseAllowedOrigins } from '../../src/tenant/origins';

describe('tenant origins', () => {
  it('allows loopback origins on any port and listed extra origins', () => {
    for (const origin of [
      'http://localhost:3000',
      'http://127.0.0.1:3100',
      'http://[::1]:3401',
      'http://localhost',
    ])
      expect(isAllowedOrigin(origin, [])).toBe(true);
    expect(isAllowedOrigin('https://portal.example', ['https://portal.example'])).toBe(true);
  });

  it('refuses other origins, https loopback look-alikes and the null origin', () => {
    for (const origin of [
      'https://attacker.example',
      'http://localhost.attacker.example',
      'null',
      'http://localhost:3000/',
    ])
      expect(isAllowedOrigin(origin, [])).toBe(false);
  });

  it('parses ALLOWED_ORIGINS, ignoring malformed entries', () => {
    expect(
      parseAllowedOrigins(' https://a.example , nonsense, ftp://b.example,http://c.example:8080/x'),
    ).toEqual(['https://a.example', 'http://c.example:8080']);
    expect(parseAllowedOrigins(undefined)).toEqual([]);
  });

  it('accepts the portal callback at any base path on an allowed origin', () => {
    for (const uri of [
      'http://localhost:3000/callback/',
      'http://localhost:3101/portal/callback/',
      'http://127.0.0.1:3200/tools/callback/',
    ])
      expect(isPortalCallback(uri, [])).toBe(true);
  });

  it('refuses callbacks with a query, fragment, credentials, odd paths or a foreign origin', () => {
    for (const uri of [
      'http://localhost:3000/callback',
      'http://localhost:3000/callback/?next=x',
      'http://localhost:3000/callback/#x',
      'http://user@localhost:3000/callback/',
      'http://localhost:3000//callback/',
      'http://localhost:3000/a/../callback/',
      'https://attacker.example/callback/',
      'javascript:alert(1)//callback/',
    ])
      expect(isPortalCallback(uri, [])).toBe(false);
  });
});
