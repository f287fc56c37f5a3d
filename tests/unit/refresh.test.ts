import { describe, expect, it } from 'vitest';
import { classifyRefreshFailure, redactToken, tokenAnswerLine } from '../../src/oidc/refresh';
import { failure } from '../../src/oidc/failures';

describe('classifyRefreshFailure', () => {
  it('invalid_grant means logged out: drop the tokens, never retry', () => {
    const r = classifyRefreshFailure({ code: 'invalid_grant', status: 400 });
    expect(r).toMatchObject({ kind: 'login_required', keepTokens: false, retry: 'never' });
  });

  it('invalid_client is a configuration error that must not log the user out', () => {
    const r = classifyRefreshFailure({ code: 'invalid_client', status: 401 });
    expect(r).toMatchObject({ kind: 'client_configuration', keepTokens: true, retry: 'never' });
  });

  it('a network failure, a timeout or a 5xx keeps the tokens and allows a later retry only', () => {
    for (const f of [{ code: 'network_error' }, { code: 'timeout' }, { code: 'http_error', status: 503 }])
      expect(classifyRefreshFailure(f)).toMatchObject({
        kind: 'transient',
        keepTokens: true,
        retry: 'later',
      });
  });

  it('no refresh token is its own case', () => {
    expect(classifyRefreshFailure({ code: 'no_refresh_token' }).kind).toBe('no_refresh_token');
  });

  it('anything else is a request to fix, never retried', () => {
    expect(classifyRefreshFailure({ code: 'invalid_scope', status: 400 })).toMatchObject({
      kind: 'request',
      retry: 'never',
    });
  });
});

describe('redactToken', () => {
  it('keeps the ends, so a rotated token is visibly different', () => {
    const a = 'abcdef' + 'x'.repeat(40) + 'uvwxyz';
    expect(redactToken(a)).toBe('abcdef…uvwxyz');
    expect(redactToken(a)).not.toContain('xxxx');
  });

  it('never shows a short token whole', () => {
    expect(redactToken('short')).toBe('•••••');
  });
});

describe('tokenAnswerLine', () => {
  it('names the status, the error and its description', () => {
    const f = failure('invalid_grant', { status: 400, error: 'invalid_grant', error_description: 'gone' });
    expect(tokenAnswerLine(f)).toBe('400 invalid_grant — gone');
  });

  it('falls back to the catalogue meaning when the provider sent no description', () => {
    const f = failure('network_error');
    expect(tokenAnswerLine(f)).toMatch(/^network_error — The browser could not/);
  });

  it('says OK for a success', () => {
    expect(tokenAnswerLine({ ok: true, status: 200, note: 'rotated' })).toBe('200 OK — rotated');
  });
});
