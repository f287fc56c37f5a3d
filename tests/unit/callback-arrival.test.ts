import { describe, expect, it } from 'vitest';
import { describeCallbackArrival } from '../../src/oidc/callback';

const callback = 'https://portal.example/callback/';

describe('a callback URL opened by hand (no login in this tab waits for it)', () => {
  it('shows the code that arrived, with the issuer and granted scopes', () => {
    const arrival = describeCallbackArrival(
      `${callback}?code=abc123&state=s1&iss=https%3A%2F%2Fid-test.telenor.no&scope=openid%20profile`,
    );
    expect(arrival).toEqual({
      kind: 'code',
      code: 'abc123',
      hasState: true,
      iss: 'https://id-test.telenor.no',
      scope: 'openid profile',
    });
  });

  it('explains a known error from the catalogue and keeps its description as text', () => {
    const arrival = describeCallbackArrival(
      `${callback}?error=login_required&error_description=%3Cb%3Eno%20session%3C%2Fb%3E&state=s1`,
    );
    expect(arrival.kind).toBe('error');
    if (arrival.kind !== 'error') return;
    expect(arrival.error).toBe('login_required');
    expect(arrival.description).toBe('<b>no session</b>');
    expect(arrival.explanation.guide).toBe('faqLoginRequired');
    expect(arrival.explanation.meaning).toMatch(/SSO session/);
  });

  it('reads an answer in the fragment (response_mode=fragment)', () => {
    expect(describeCallbackArrival(`${callback}#error=access_denied`)).toMatchObject({
      kind: 'error',
      error: 'access_denied',
    });
  });

  it('an error the catalogue does not know gets the generic sentence, cut short', () => {
    const arrival = describeCallbackArrival(`${callback}?error=${'x'.repeat(5000)}`);
    expect(arrival.kind).toBe('error');
    if (arrival.kind !== 'error') return;
    expect(arrival.error.length).toBeLessThan(2100);
    expect(arrival.explanation.meaning.length).toBeLessThan(300);
  });

  it('says when there is neither a code nor an error, and when there is nothing at all', () => {
    expect(describeCallbackArrival(`${callback}?foo=bar`).kind).toBe('unreadable');
    expect(describeCallbackArrival(`${callback}?code=`).kind).toBe('unreadable');
    expect(describeCallbackArrival(callback)).toEqual({ kind: 'nothing' });
  });
});
