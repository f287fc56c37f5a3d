// One failure, one sentence (src/oidc/failure-sentence.ts), the same in every widget.
import { describe, expect, it } from 'vitest';
import { failure, failureSentence, type FailureContext } from '../../src/oidc';

const at = (step: FailureContext['step'], extra: Partial<FailureContext> = {}): FailureContext => ({
  step,
  environment: 'Local test tenant',
  corsLikely: false,
  ...extra,
});

describe('failureSentence', () => {
  it('a login that did not come back says what did not happen', () => {
    expect(failureSentence({ kind: 'closed' }, at('authorize'))).toBe(
      'The login window was closed before the login finished. Nothing was exchanged.',
    );
    expect(failureSentence({ kind: 'timeout' }, at('authorize', { unchanged: 'Nothing was changed.' }))).toBe(
      'The login did not come back in time. Nothing was changed.',
    );
    expect(failureSentence({ kind: 'popup_blocked' }, at('authorize'))).toMatch(/allow popups for this site/);
    expect(failureSentence({ kind: 'storage_blocked' }, at('authorize'))).toMatch(/session storage/);
  });

  it('an unanswered local tenant: start it; CORS at /token elsewhere: the curl', () => {
    expect(failureSentence(failure('network_error').failure, at('token', { isLocal: true }))).toMatch(
      /^Local test tenant did not answer during the code exchange at \/token: is it running\?/,
    );
    expect(
      failureSentence(
        failure('network_error').failure,
        at('token', { environment: 'TelenorID+ staging', corsLikely: true }),
      ),
    ).toMatch(/\(CORS\).*as curl/);
  });

  it('an invalid_grant at a refresh gets the cause’s headline; elsewhere the provider’s words and the reaction', () => {
    const f = failure('invalid_grant', {
      status: 400,
      error: 'invalid_grant',
      error_description: 'grant request is invalid',
    }).failure;
    const reused = failureSentence(f, at('refresh', { cause: 'reused' }));
    expect(reused).toMatch(/^400 invalid_grant — /);
    expect(reused).toContain('(the provider’s words: “grant request is invalid”)');
    expect(failureSentence(f, at('token'))).toMatch(
      /^400 invalid_grant during the code exchange at \/token — grant request is invalid /,
    );
  });

  it('a state this browser did not send is rejected before any exchange', () => {
    expect(failureSentence(failure('state_mismatch').failure, at('authorize'))).toMatch(
      /^The answer came back with a state this browser did not send/,
    );
  });
});
