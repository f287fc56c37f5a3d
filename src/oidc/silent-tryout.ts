/**
 * The prompt=none tryout as data: the form (mode, tamper, the mock's switches: one object for the
 * widgets' `formReducer`, which a share link restores with one dispatch), its share link
 * (`buildShareLink` / `readShareLink`), and the run as one state machine (idle → running →
 * exchanging → done | failed) that also keeps what outlives one run: the last check while the reader
 * logs in, the session note, and the checks the frame diagnosis compares. Framework-free: the widget
 * (src/widgets/SilentAuthTryout) renders it and sends requests through runners/silent-checks.ts.
 */
import type { GuideTopic } from './catalogue';
import type { EnvironmentId } from './environments';
import type { OidcFailure } from './failures';
import { diagnoseFrame, type CheckRecord, type FrameDiagnosis, type SilentMode } from './silent';
import type { SilentCheckReport } from './runners/silent-checks';
import { buildShareLink, readShareLink } from './share-link';

// ---------------------------------------------------------------------------------------------
// The form (one object, for the widgets' `formReducer`: a share link restores it in one dispatch)

export type SilentTryoutForm = {
  mode: SilentMode;
  /** Demonstration: forge the answer's state, which the check must reject. */
  tamper: boolean;
  /** The mock has answered once: its switches show its scenario and may be pressed. */
  mockLoaded: boolean;
  /** The mock's switches as its last answer said (or as just pressed, until it answers). */
  mockSession: boolean;
  mockConsent: boolean;
};

export const initialSilentTryoutForm: SilentTryoutForm = {
  mode: 'iframe',
  tamper: false,
  mockLoaded: false,
  mockSession: false,
  mockConsent: false,
};

/** The mock's scenario as the control client returns it (any object: read defensively). */
export type MockScenarioLike = Readonly<Record<string, unknown>>;

/** The form's switches as the mock's answer says (anything but a boolean true is off). */
export function mockSwitchesOf(
  scenario: MockScenarioLike,
): Pick<SilentTryoutForm, 'mockLoaded' | 'mockSession' | 'mockConsent'> {
  return {
    mockLoaded: true,
    mockSession: scenario['ssoSession'] === true,
    mockConsent: scenario['consentRequired'] === true,
  };
}

// ---------------------------------------------------------------------------------------------
// The share link

/** What a share link may carry: the mode, and the mock's switches (a real tenant's session is a login). */
export type SilentScenario = { mode?: SilentMode; session?: boolean; consent?: boolean };

const modes = ['iframe', 'redirect'] as const satisfies readonly SilentMode[];

/**
 * Read a share link's query (`readShareLink`: hostile input). Unknown values are left out, each
 * with a sentence in `problems`; a code, token or state in the link is never used.
 */
export function readSilentShareLink(search: unknown): { scenario: SilentScenario; problems: string[] } {
  const link = readShareLink(search, { who: 'the tryout' });
  const mode = link.oneOf('mode', modes);
  const session = link.onOff('session');
  const consent = link.onOff('consent');
  return {
    scenario: {
      ...(mode ? { mode } : {}),
      ...(session !== undefined ? { session } : {}),
      ...(consent !== undefined ? { consent } : {}),
    },
    problems: link.problems,
  };
}

/** The scenario a link's query names (what was left out: `readSilentShareLink`'s problems). */
export function parseSilentScenario(search: string): SilentScenario {
  return readSilentShareLink(search).scenario;
}

/** Whether a link names anything of the tryout (then the page scrolls to it). */
export function namesSilentScenario(shared: SilentScenario): boolean {
  return shared.mode !== undefined || shared.session !== undefined || shared.consent !== undefined;
}

/** The mock's switches a link asks for, as a control request's `set` (empty: nothing to change). */
export function mockPatchOf(shared: SilentScenario): { ssoSession?: boolean; consentRequired?: boolean } {
  return {
    ...(shared.session !== undefined ? { ssoSession: shared.session } : {}),
    ...(shared.consent !== undefined ? { consentRequired: shared.consent } : {}),
  };
}

const onOff = (value: boolean | undefined) => (value === undefined ? undefined : value ? 'on' : 'off');

/**
 * The share link (`buildShareLink`): the page's URL with the scenario in its query and nothing else
 * of the page's state. The mock's switches are shared only for the mock (a real tenant's session is a login).
 */
export function shareSilentScenarioUrl(
  pageUrl: string,
  scenario: { env: EnvironmentId; mode: SilentMode; session?: boolean; consent?: boolean },
): string {
  const atMock = scenario.env === 'mock';
  return buildShareLink(pageUrl, [
    ['env', scenario.env],
    ['mode', scenario.mode],
    ['session', atMock && onOff(scenario.session)],
    ['consent', atMock && onOff(scenario.consent)],
  ]);
}

// ---------------------------------------------------------------------------------------------
// The run

/** What the tryout is doing; each has the words its busy line shows. */
export type SilentActivity = 'check' | 'answer' | 'login' | 'finishLogin' | 'logout' | 'mock';

export const activityWords: Record<SilentActivity, string> = {
  check: 'Checking the session',
  answer: 'Reading the answer',
  login: 'Logging in',
  finishLogin: 'Finishing the login',
  logout: 'Logging out',
  mock: 'Changing the mock’s scenario',
};

/** A failure as the reader reads it: the sentence, and what to link (the error reference, the guide). */
export type SilentProblem = { sentence: string; code?: string; guide?: GuideTopic };

export function problemOf(sentence: string, f?: Pick<OidcFailure, 'code' | 'explanation'>): SilentProblem {
  return {
    sentence,
    ...(f ? { code: f.code } : {}),
    ...(f?.explanation.guide ? { guide: f.explanation.guide } : {}),
  };
}

export type SilentTryoutState = {
  phase: 'idle' | 'running' | 'exchanging' | 'done' | 'failed';
  activity?: SilentActivity;
  /** The last check, shown until the next one starts. */
  check?: SilentCheckReport;
  problem?: SilentProblem;
  /** What the last login or logout did (a live region: present from the start). */
  sessionNote?: string;
  /** The checks since the session last changed, for the framed-vs-top-level diagnosis. */
  checks: CheckRecord[];
};

export const initialSilentTryoutState: SilentTryoutState = { phase: 'idle', checks: [] };

export type SilentTryoutEvent =
  | { type: 'start'; activity: SilentActivity }
  /** The provider answered with a code: it goes to /token now. */
  | { type: 'exchanging' }
  | { type: 'checked'; report: SilentCheckReport }
  | { type: 'noted'; note: string; sessionChanged?: boolean }
  /** A session change makes earlier checks incomparable with later ones. */
  | { type: 'sessionChanged' }
  /** Back from a redirect: the checks made before it. */
  | { type: 'resumed'; checks: readonly CheckRecord[] }
  | { type: 'failed'; problem: SilentProblem }
  | { type: 'finished' };

export function silentTryoutReducer(state: SilentTryoutState, event: SilentTryoutEvent): SilentTryoutState {
  switch (event.type) {
    case 'start': {
      const next: SilentTryoutState = { ...state, phase: 'running', activity: event.activity };
      delete next.problem;
      if (event.activity === 'check') delete next.check;
      return next;
    }
    case 'exchanging':
      return { ...state, phase: 'exchanging', activity: 'answer' };
    case 'checked':
      return {
        ...state,
        phase: 'done',
        check: event.report,
        checks: event.report.result.record ? [...state.checks, event.report.result.record] : state.checks,
      };
    case 'noted':
      return { ...state, sessionNote: event.note, ...(event.sessionChanged ? { checks: [] } : {}) };
    case 'sessionChanged':
      return { ...state, checks: [] };
    case 'resumed':
      return { ...state, checks: [...event.checks] };
    case 'failed':
      return { ...state, phase: 'failed', problem: event.problem };
    case 'finished': {
      if (state.phase !== 'running' && state.phase !== 'exchanging') return state;
      const next: SilentTryoutState = { ...state, phase: 'done' };
      delete next.activity;
      return next;
    }
  }
}

/** Whether a control should say it is busy (aria-disabled, never disabled). */
export function isBusy(state: SilentTryoutState): boolean {
  return state.phase === 'running' || state.phase === 'exchanging';
}

/** The busy line (“Checking the session…”), empty when idle. */
export function busyLine(state: SilentTryoutState): string {
  return isBusy(state) && state.activity ? `${activityWords[state.activity]}…` : '';
}

/** The framed-vs-top-level diagnosis of the checks since the last session change. */
export function frameDiagnosisOf(state: SilentTryoutState): FrameDiagnosis {
  return diagnoseFrame(state.checks);
}
