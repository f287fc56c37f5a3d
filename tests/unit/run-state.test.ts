// The run state machine every widget follows (src/oidc/run.ts) and the one form reducer (src/widgets/shared/form.ts).
import { describe, expect, it } from 'vitest';
import { idleRun, isRunning, runLine, runReducer, type RunState } from '../../src/oidc/run';
import { formReducer } from '../../src/oidc/form';

type R = { tokens: number };
const exchange = { kind: 'stage', title: 'The mock ends its SSO session' } as const;

describe('runReducer', () => {
  it('idle → running → exchanging → done keeps every exchange in order', () => {
    let s: RunState<R> = idleRun;
    s = runReducer(s, { type: 'start', status: 'Waiting for the login window…' });
    expect(isRunning(s) && runLine(s)).toBe('Waiting for the login window…');
    s = runReducer(s, { type: 'exchange', exchange });
    s = runReducer(s, { type: 'exchanging', status: 'Exchanging the code at /token…' });
    s = runReducer(s, {
      type: 'report',
      report: {
        exchanges: [{ ...exchange, title: 'second' }],
        verdict: { ok: true, line: 'Done' },
        result: { tokens: 2 },
      },
    });
    expect(s).toEqual({
      phase: 'done',
      verdict: { ok: true, line: 'Done' },
      exchanges: [exchange, { ...exchange, title: 'second' }],
      result: { tokens: 2 },
    });
  });

  it('a failed verdict is the failed phase; a late answer after a reset changes nothing', () => {
    let s: RunState<R> = runReducer(idleRun as RunState<R>, { type: 'start', status: 'Running' });
    s = runReducer(s, { type: 'fail', line: 'The login window was closed.' });
    expect(s.phase).toBe('failed');
    expect(runLine(s)).toBe('The login window was closed.');
    s = runReducer(s, { type: 'reset' });
    expect(
      runReducer(s, { type: 'report', report: { exchanges: [], verdict: { ok: true, line: 'late' } } }),
    ).toBe(s);
    const running = runReducer(s, { type: 'start', status: 'one' });
    expect(runReducer(running, { type: 'start', status: 'two' })).toBe(running);
  });
});

describe('formReducer', () => {
  type Form = { clientType: string; prompt: string; scopes: string[] };
  const defaults: Form = { clientType: 'Public', prompt: '', scopes: ['openid'] };
  it('a share link restores the form with one dispatch, leaving fields it does not hold', () => {
    const restored = formReducer(defaults, {
      type: 'restore',
      values: { prompt: 'login', scopes: ['openid', 'email'] },
    });
    expect(restored).toEqual({ clientType: 'Public', prompt: 'login', scopes: ['openid', 'email'] });
    expect(formReducer(restored, { type: 'set', field: 'clientType', value: 'MobileApp' }).clientType).toBe(
      'MobileApp',
    );
    expect(formReducer(restored, { type: 'set', field: 'prompt', value: 'login' })).toBe(restored);
  });
});

describe('httpExchange', () => {
  it('shows a request beside its answer with every secret redacted', async () => {
    const { httpExchange } = await import('../../src/oidc/run');
    const { failure } = await import('../../src/oidc');
    const request = {
      method: 'post',
      url: 'https://mock.telenorid.invalid/token?code=secret-code',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: { kind: 'form' as const, params: [['refresh_token', 'rt-abcdefghijklmnop'] as [string, string]] },
    };
    const ok = httpExchange('Refresh', request, {
      ok: true,
      body: {
        access_token: 'at-abcdefghijklmnopqrstuvwxyz',
        nested: [{ id_token: 'it-abcdefghijklmnopqrstuvwxyz' }],
      },
    });
    expect(ok.url).not.toContain('secret-code');
    expect(ok.curl).not.toContain('rt-abcdefghijklmnop');
    expect(ok.body).not.toMatch(/abcdefghijklmnopqrstuvwxyz/);
    expect(ok.statusLine).toBe('200 OK');
    const refused = httpExchange('Refresh', request, {
      ok: false,
      failure: failure('invalid_grant', {
        status: 400,
        error: 'invalid_grant',
        cause: { error: 'invalid_grant' },
      }).failure,
    });
    expect(refused).toMatchObject({
      ok: false,
      status: 400,
      statusLine: expect.stringMatching(/^400 invalid_grant — /),
    });
  });
});
