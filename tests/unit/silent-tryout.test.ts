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
  mockSwitchesOf,
  namesSilentScenario,
  readSilentShareLink,
  shareSilentScenarioUrl,
  silentTryoutReducer,
  type SilentCheckReport,
  type SilentTryoutEvent,
  type SilentTryoutForm,
  type SilentTryoutState,
} from '../../src/oidc';
import { formReducer } from '../../src/oidc/form';

function runOf(
  mode: 'iframe' | 'redirect',
  outcome: 'session' | 'login_required',
  at: number,
): SilentCheckReport {
  return {
    exchanges: [],
    verdict: { ok: true, line: outcome },
    result: {
      mode,
      tampered: false,
      outcome,
      exchanged: outcome === 'session',
      authorizeUrl: 'https://op.test/authorize',
      stateSent: 's',
      record: { mode, outcome, at },
    },
  };
}

const formOf = formReducer<SilentTryoutForm>;
const play = (events: SilentTryoutEvent[], from: SilentTryoutState = initialSilentTryoutState) =>
  events.reduce(silentTryoutReducer, from);

describe('the form', () => {
  it('a share link restores mode in one dispatch and asks the mock for its switches', () => {
    const { scenario: shared, problems } = readSilentShareLink(
      '?env=mock&mode=redirect&session=on&consent=off',
    );
    expect(problems).toEqual([]);
    const form = formOf(initialSilentTryoutForm, { type: 'restore', values: { mode: shared.mode } });
    expect(form.mode).toBe('redirect');
    expect(mockPatchOf(shared)).toEqual({ ssoSession: true, consentRequired: false });
    expect(namesSilentScenario(shared)).toBe(true);
    expect(namesSilentScenario(readSilentShareLink('?env=mock').scenario)).toBe(false);
    expect(mockPatchOf(readSilentShareLink('?session=maybe').scenario)).toEqual({});
  });

  it('a hostile link: what it held that the tryout does not offer is left out, with a sentence each', () => {
    const { scenario, problems } = readSilentShareLink(
      `?mode=${encodeURIComponent('<img src=x onerror=alert(1)>')}&code=abc&state=s&session=on`,
    );
    expect(scenario).toEqual({ session: true });
    expect(problems).toEqual([
      'The link carries code, which a share link never should; it was ignored.',
      'The link carries state, which a share link never should; it was ignored.',
      'The link’s mode “<img src=x onerror=alert(1)>” is not one the tryout offers; it was left out.',
    ]);
    expect(readSilentShareLink(`?mode=${'x'.repeat(5000)}`).problems[0]).toMatch(/5000 characters long/);
  });

  it('the link written carries the mode and, at the mock only, its switches; never a token', () => {
    const link = new URL(
      shareSilentScenarioUrl('https://portal.test/tools/silent-auth?code=abc#x', {
        env: 'mock',
        mode: 'iframe',
        session: false,
        consent: true,
      }),
    );
    expect(Object.fromEntries(link.searchParams)).toEqual({
      env: 'mock',
      mode: 'iframe',
      session: 'off',
      consent: 'on',
    });
    const local = new URL(
      shareSilentScenarioUrl('https://portal.test/tools/silent-auth', {
        env: 'local',
        mode: 'redirect',
        session: true,
      }),
    );
    expect(Object.fromEntries(local.searchParams)).toEqual({ env: 'local', mode: 'redirect' });
  });

  it('a pressed switch shows at once; the mock’s answer decides, and only then are the switches live', () => {
    let form = formOf(initialSilentTryoutForm, { type: 'set', field: 'mockSession', value: true });
    expect(form).toMatchObject({ mockLoaded: false, mockSession: true, mockConsent: false });
    form = formOf(form, {
      type: 'restore',
      values: mockSwitchesOf({ ssoSession: false, consentRequired: true }),
    });
    expect(form).toMatchObject({ mockLoaded: true, mockSession: false, mockConsent: true });
    // Anything but a boolean true is off: the answer is read, not trusted.
    form = formOf(form, { type: 'restore', values: mockSwitchesOf({ ssoSession: 'yes' }) });
    expect(form.mockSession).toBe(false);
  });
});

describe('the run', () => {
  it('idle → running → exchanging → done, with the busy line of each', () => {
    let s = play([{ type: 'start', activity: 'check' }]);
    expect(isBusy(s)).toBe(true);
    expect(busyLine(s)).toBe('Checking the session…');
    s = play([{ type: 'exchanging' }], s);
    expect(busyLine(s)).toBe('Reading the answer…');
    s = play([{ type: 'checked', report: runOf('iframe', 'session', 1) }, { type: 'finished' }], s);
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
    let s = play([{ type: 'checked', report: runOf('iframe', 'login_required', 1) }]);
    s = play([{ type: 'start', activity: 'login' }], s);
    expect(s.check?.result.outcome).toBe('login_required');
    s = play([{ type: 'start', activity: 'check' }], s);
    expect(s.check).toBeUndefined();
  });

  it('a framed login_required and a top-level session diagnose a withheld cookie, until the session changes', () => {
    const s = play([
      { type: 'checked', report: runOf('iframe', 'login_required', 1000) },
      { type: 'checked', report: runOf('redirect', 'session', 2000) },
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
    const before = play([{ type: 'checked', report: runOf('iframe', 'login_required', 1000) }]).checks;
    const honest = runOf('redirect', 'session', 2000);
    const { record: _dropped, ...forged } = { ...honest.result, tampered: true };
    let s = play([
      { type: 'resumed', checks: before },
      { type: 'checked', report: { ...honest, result: forged } },
    ]);
    expect(s.checks).toHaveLength(1);
    s = play([{ type: 'checked', report: runOf('redirect', 'session', 2000) }], s);
    expect(frameDiagnosisOf(s)).toBe('cookie_withheld_from_frame');
  });
});
