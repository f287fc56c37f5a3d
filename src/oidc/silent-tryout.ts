/**
 * The prompt=none tryout as data: which client checks the session in each environment, the form
 * (mode, tamper, the mock's switches) as one reducer a share link restores with one dispatch, and
 * the run as one state machine (idle → running → exchanging → done | failed) that keeps the last
 * check, the session note and the checks the frame diagnosis compares. Framework-free: the widget
 * (src/widgets/SilentAuthTryout) renders this state and sends the requests through the runner in
 * silent-check.ts.
 */
import type { GuideTopic } from './catalogue';
import { testClient } from './catalogue/fixtures';
import type { EnvironmentId } from './environments';
import type { OidcFailure } from './failures';
import { diagnoseFrame, type CheckRecord, type FrameDiagnosis, type SilentMode } from './silent';
import type { SilentCheckRun } from './silent-check';

/**
 * The registered public web client (Public type, PKCE, no secret) of an environment. A web page
 * checks the session with its own web client; a native client (MobileApp) always needs the user
 * present, so it would only ever hear interaction_required. Staging, production and custom
 * issuers have no clients the portal may use.
 */
export function silentCheckClientId(env: EnvironmentId): string | undefined {
  if (env === 'mock' || env === 'local') return testClient(env, 'Public').clientId;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The form

export type SilentTryoutForm = {
  mode: SilentMode;
  /** Demonstration: forge the answer's state, which the check must reject. */
  tamper: boolean;
  /** The mock's switches as its last answer said (or as just pressed, until it answers). */
  mock: { loaded: boolean; session: boolean; consent: boolean };
};

export const initialSilentTryoutForm: SilentTryoutForm = {
  mode: 'iframe',
  tamper: false,
  mock: { loaded: false, session: false, consent: false },
};

/** The mock's scenario as the control client returns it (any object: read defensively). */
export type MockScenarioLike = Readonly<Record<string, unknown>>;

export type SilentTryoutFormAction =
  | { type: 'mode'; mode: SilentMode }
  | { type: 'tamper'; tamper: boolean }
  /** Pressed: shown at once; the mock's answer confirms or corrects it. */
  | { type: 'mockSwitch'; key: 'session' | 'consent'; on: boolean }
  | { type: 'mockAnswered'; scenario: MockScenarioLike }
  /** A share link, or the return of a redirect: the whole form in one dispatch. */
  | { type: 'restore'; form: Partial<Pick<SilentTryoutForm, 'mode' | 'tamper'>> };

export function silentTryoutFormReducer(
  form: SilentTryoutForm,
  action: SilentTryoutFormAction,
): SilentTryoutForm {
  switch (action.type) {
    case 'mode':
      return { ...form, mode: action.mode };
    case 'tamper':
      return { ...form, tamper: action.tamper };
    case 'mockSwitch':
      return { ...form, mock: { ...form.mock, [action.key]: action.on } };
    case 'mockAnswered':
      return {
        ...form,
        mock: {
          loaded: true,
          session: action.scenario['ssoSession'] === true,
          consent: action.scenario['consentRequired'] === true,
        },
      };
    case 'restore':
      return { ...form, ...action.form };
  }
}

// ---------------------------------------------------------------------------------------------
// The share link

/** What a share link may carry: the mode, and the mock's switches (a real tenant's session is a login). */
export type SilentScenario = { mode?: SilentMode; session?: boolean; consent?: boolean };

function onOff(value: string | null): boolean | undefined {
  if (value === 'on') return true;
  if (value === 'off') return false;
  return undefined;
}

/** Read a share link's query. Unknown or odd values are ignored, never trusted. */
export function parseSilentScenario(search: string): SilentScenario {
  const p = new URLSearchParams(search);
  const out: SilentScenario = {};
  const mode = p.get('mode');
  if (mode === 'iframe' || mode === 'redirect') out.mode = mode;
  const session = onOff(p.get('session'));
  if (session !== undefined) out.session = session;
  const consent = onOff(p.get('consent'));
  if (consent !== undefined) out.consent = consent;
  return out;
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

/**
 * The share link: the page's URL with the scenario in its query and nothing else of the page's
 * state. The mock's switches are shared only for the mock (a real tenant's session is a login).
 */
export function shareSilentScenarioUrl(
  pageUrl: string,
  scenario: { env: EnvironmentId; mode: SilentMode; session?: boolean; consent?: boolean },
): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set('env', scenario.env);
  url.searchParams.set('mode', scenario.mode);
  if (scenario.env === 'mock') {
    if (scenario.session !== undefined) url.searchParams.set('session', scenario.session ? 'on' : 'off');
    if (scenario.consent !== undefined) url.searchParams.set('consent', scenario.consent ? 'on' : 'off');
  }
  return url.href;
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
  check?: SilentCheckRun;
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
  | { type: 'checked'; run: SilentCheckRun }
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
        check: event.run,
        checks: event.run.record ? [...state.checks, event.run.record] : state.checks,
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
