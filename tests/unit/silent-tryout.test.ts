// The prompt=none tryout as data (src/oidc/silent-tryout.ts): the form restored by a share link in
// one dispatch, the mock's switches as its answer says, and the run's state machine — what the
// reader sees stays (the last check while logging in, the note) and what the diagnosis compares
// resets when the session changes.
import { describe, expect, it } from 'vitest';
import {
  busyLine,
  frameDiagnosisOf,
  initialSilentTryoutForm,
  initialSilentTryoutState,
  isBusy,
  mockPatchOf,
  namesSilentScenario,
  parseSilentScenario,
  silentTryoutFormReducer,
  silentTryoutReducer,
  type SilentCheckRun,
  type SilentTryoutEvent,
  type SilentTryoutState,
} from '../../src/oidc';

function runOf(
  mode: 'iframe' | 'redirect',
  outcome: 'session' | 'login_required',
  at: number,
): SilentCheckRun {
  return {
    mode,
    tampered: false,
    exchanges: {
      authorize: { mode, url: 'https://op.test/authorize', curl: 'curl -i', stateSent: 's' },
      token: { sent: false, reason: 'Not sent: the answer is an error, not a code.' },
    },
    verdict: { outcome, ok: outcome === 'session', line: outcome },
    record: { mode, outcome, at },
  };
}

const play = (events: SilentTryoutEvent[], from: SilentTryoutState = initialSilentTryoutState) =>
  events.reduce(silentTryoutReducer, from);

describe('the form', () => {
  it('a share link restores mode in one dispatch and asks the mock for its switches', () => {
    const shared = parseSilentScenario('?env=mock&mode=redirect&session=on&consent=off');
    const form = silentTryoutFormReducer(initialSilentTryoutForm, {
      type: 'restore',
      form: { ...(shared.mode ? { mode: shared.mode } : {}) },
    });
    expect(form.mode).toBe('redirect');
    expect(mockPatchOf(shared)).toEqual({ ssoSession: true, consentRequired: false });
    expect(namesSilentScenario(shared)).toBe(true);
    expect(namesSilentScenario(parseSilentScenario('?env=mock'))).toBe(false);
    expect(mockPatchOf(parseSilentScenario('?session=maybe'))).toEqual({});
  });

  it('a pressed switch shows at once; the mock’s answer decides, and only then are the switches live', () => {
    let form = silentTryoutFormReducer(initialSilentTryoutForm, {
      type: 'mockSwitch',
      key: 'session',
      on: true,
    });
    expect(form.mock).toEqual({ loaded: false, session: true, consent: false });
    form = silentTryoutFormReducer(form, {
      type: 'mockAnswered',
      scenario: { ssoSession: false, consentRequired: true },
    });
    expect(form.mock).toEqual({ loaded: true, session: false, consent: true });
    // Anything but a boolean true is off: the answer is read, not trusted.
    form = silentTryoutFormReducer(form, { type: 'mockAnswered', scenario: { ssoSession: 'yes' } });
    expect(form.mock.session).toBe(false);
  });
});

describe('the run', () => {
  it('idle → running → exchanging → done, with the busy line of each', () => {
    let s = play([{ type: 'start', activity: 'check' }]);
    expect(isBusy(s)).toBe(true);
    expect(busyLine(s)).toBe('Checking the session…');
    s = play([{ type: 'exchanging' }], s);
    expect(busyLine(s)).toBe('Reading the answer…');
    s = play([{ type: 'checked', run: runOf('iframe', 'session', 1) }, { type: 'finished' }], s);
    expect(s.phase).toBe('done');
    expect(isBusy(s)).toBe(false);
    expect(busyLine(s)).toBe('');
  });

  it('a failure stays failed after the work ends, and the next start clears it', () => {
    let s = play([
      { type: 'start', activity: 'login' },
      { type: 'failed', problem: { sentence: 'Allow popups for this site.' } },
      { type: 'finished' },
    ]);
    expect(s.phase).toBe('failed');
    expect(s.problem?.sentence).toBe('Allow popups for this site.');
    s = play([{ type: 'start', activity: 'check' }], s);
    expect(s.problem).toBeUndefined();
  });

  it('logging in keeps the last check on screen; a new check clears it', () => {
    let s = play([{ type: 'checked', run: runOf('iframe', 'login_required', 1) }]);
    s = play([{ type: 'start', activity: 'login' }], s);
    expect(s.check?.verdict.outcome).toBe('login_required');
    s = play([{ type: 'start', activity: 'check' }], s);
    expect(s.check).toBeUndefined();
  });

  it('a framed login_required and a top-level session diagnose a withheld cookie, until the session changes', () => {
    const s = play([
      { type: 'checked', run: runOf('iframe', 'login_required', 1000) },
      { type: 'checked', run: runOf('redirect', 'session', 2000) },
    ]);
    expect(frameDiagnosisOf(s)).toBe('cookie_withheld_from_frame');
    expect(frameDiagnosisOf(play([{ type: 'sessionChanged' }], s))).toBe('none');
    expect(frameDiagnosisOf(play([{ type: 'noted', note: 'Logged in', sessionChanged: true }], s))).toBe(
      'none',
    );
    // A note that changed nothing (a closed popup) keeps them.
    expect(frameDiagnosisOf(play([{ type: 'noted', note: 'closed' }], s))).toBe('cookie_withheld_from_frame');
  });

  it('back from a redirect, the checks made before it count again; a tampered check adds none', () => {
    const before = play([{ type: 'checked', run: runOf('iframe', 'login_required', 1000) }]).checks;
    const { record: _dropped, ...tampered } = { ...runOf('redirect', 'session', 2000), tampered: true };
    let s = play([
      { type: 'resumed', checks: before },
      { type: 'checked', run: tampered },
    ]);
    expect(s.checks).toHaveLength(1);
    s = play([{ type: 'checked', run: runOf('redirect', 'session', 2000) }], s);
    expect(frameDiagnosisOf(s)).toBe('cookie_withheld_from_frame');
  });
});
