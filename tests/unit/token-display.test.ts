// What the widgets show of a token-endpoint answer: tokens shortened, the provider's error JSON as sent.
import { describe, expect, it } from 'vitest';
import { explain, redactedTokenResponse, tokenFailureBody, type OidcFailure } from '../../src/oidc';

describe('token answers as widgets show them', () => {
  it('shortens every token and keeps the other fields', () => {
    const access = 'A'.repeat(40) + 'tail01';
    const shown = redactedTokenResponse({
      accessToken: access,
      tokenType: 'Bearer',
      expiresIn: 300,
      refreshToken: 'R'.repeat(50),
      idToken: 'I'.repeat(60),
      scope: 'openid profile',
    });
    expect(JSON.stringify(shown)).not.toContain(access);
    expect(JSON.stringify(shown)).not.toContain('R'.repeat(20));
    expect(shown).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'openid profile' });
    expect(shown.access_token).toBe('AAAAAA…tail01');
  });

  it('omits what the answer did not carry', () => {
    expect(redactedTokenResponse({ accessToken: 'x'.repeat(30), tokenType: 'Bearer' })).not.toHaveProperty(
      'refresh_token',
    );
  });

  it('shows the provider’s JSON error, or says there was no answer', () => {
    const base = { ok: false, explanation: explain('invalid_grant') } as unknown as OidcFailure;
    const sent = { error: 'invalid_grant', error_description: 'grant request is invalid' };
    expect(JSON.parse(tokenFailureBody({ ...base, code: 'oauth_error', cause: sent }))).toEqual(sent);
    expect(
      JSON.parse(tokenFailureBody({ ...base, code: 'oauth_error', error: 'invalid_grant' })),
    ).toMatchObject({
      error: 'invalid_grant',
    });
    expect(tokenFailureBody({ ...base, code: 'network_error', cause: new Error('fetch failed') })).toBe(
      '(no answer: network_error)',
    );
  });
});
