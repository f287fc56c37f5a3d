// The one share-link helper (src/oidc/share-link.ts): a link never carries a secret, and a hostile link
// becomes sentences, never a crash.
import { describe, expect, it } from 'vitest';
import { buildShareLink, readShareLink } from '../../src/oidc/share-link';

const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVl';

describe('buildShareLink', () => {
  it('writes the page without its query and fragment, then the entries in order, skipping empty ones', () => {
    const link = buildShareLink('https://portal.test/tools/x?code=old&state=s#frag', [
      ['env', 'mock'],
      ['mode', 'iframe'],
      ['empty', ''],
      ['none', undefined],
    ]);
    expect(link).toBe('https://portal.test/tools/x?env=mock&mode=iframe');
  });

  it('never writes a secret parameter or a token-shaped value, whatever a widget asks', () => {
    const link = buildShareLink('https://portal.test/tools/x', [
      ['code', 'abc'],
      ['code_verifier', 'v'],
      ['refresh_token', 'r'],
      ['id_token_hint', 'h'],
      ['state', 's'],
      ['note', jwt],
      ['client', 'Public'],
    ]);
    expect(link).toBe('https://portal.test/tools/x?client=Public');
  });
});

describe('readShareLink', () => {
  it('names each secret a pasted link carries and never hands it out', () => {
    const link = readShareLink('?code=stolen&refresh_token=r&env=mock');
    expect(link.get('code')).toBeUndefined();
    expect(link.env()).toBe('mock');
    expect(link.problems).toEqual([
      'The link carries code, which a share link never should; it was ignored.',
      'The link carries refresh_token, which a share link never should; it was ignored.',
    ]);
  });

  it('turns hostile values into sentences', () => {
    const link = readShareLink(
      '?' +
        new URLSearchParams({
          mode: '<img src=x onerror=alert(1)>',
          long: 'x'.repeat(5000),
          hint: 'a\u0000b',
          env: 'mars',
          session: 'maybe',
        }).toString(),
      { who: 'the tryout' },
    );
    expect(link.oneOf('mode', ['iframe', 'redirect'] as const)).toBeUndefined();
    expect(link.get('long')).toBeUndefined();
    expect(link.text('hint', 100, 'login_hint')).toBeUndefined();
    expect(link.env()).toBeUndefined();
    expect(link.onOff('session')).toBeUndefined();
    expect(link.problems).toEqual([
      'The link’s mode “<img src=x onerror=alert(1)>” is not one the tryout offers; it was left out.',
      'The link’s long is 5000 characters long and was left out.',
      'The link’s login_hint was left out: it is too long or holds control characters.',
    ]);
  });

  it('never throws, whatever it is given', () => {
    for (const input of ['%%%&&&==', '?a=%E0%A4%A', undefined, 42, null, '?=&=&==='])
      expect(() => readShareLink(input).get('a')).not.toThrow();
  });
});
