/**
 * The simulator's state as data: the form (client type, timeline, the cause a link pointed at) is the
 * shared form reducer, restored by one dispatch; a run is the shared run state machine (idle → running
 * → exchanging → done | failed, src/oidc/run.ts), beside the tokens of the current login, in memory only.
 */
import { refreshPolicyOf, type ClientTypeName } from './catalogue/clients';
import { formReducer, type FormAction } from './form';
import { classifyRefreshFailure } from './refresh';
import { defaultTimeline, type CauseId, type TimelineSettings } from './refresh-simulator-scenario';
import { idleRun, isRunning, runReducer, type RunEvent, type RunState } from './run';
import type { RefreshResult, RefreshRun, RefreshVerdict } from './runners/refresh-causes';
import type { TokenSet } from './tokens';

export type SimulatorForm = {
  clientType: ClientTypeName;
  timeline: TimelineSettings;
  sharedCause?: CauseId;
  /** On the local tenant, cause 1 jumps its test clock instead of waiting for the short-lived twin. */
  clockJump: boolean;
};

export const initialForm: SimulatorForm = {
  clientType: 'PublicWithRefresh',
  timeline: defaultTimeline('PublicWeb'),
  clockJump: false,
};

/** The shared form reducer, plus one rule: another client type brings its policy's usage pattern to the timeline. */
export function simulatorFormReducer(state: SimulatorForm, action: FormAction<SimulatorForm>): SimulatorForm {
  const next = formReducer(state, action);
  const timelineGiven = action?.type === 'restore' && action.values.timeline !== undefined;
  if (next.clientType === state.clientType || timelineGiven) return next;
  return { ...next, timeline: defaultTimeline(refreshPolicyOf(next.clientType).name) };
}

/** The client the held tokens belong to (`short`: the tenant's short-lived twin). */
export type HeldClient = { clientType: ClientTypeName; short: boolean; clientId: string };
export type Held = HeldClient & { tokens: TokenSet };

export type SimulatorState = {
  run: RunState<RefreshResult>;
  held?: Held;
  rotation?: RefreshResult['rotation'];
  /** Seconds left while the tenant's short-lived refresh token runs out. */
  countdown?: number;
};

export type SimulatorAction =
  | Exclude<RunEvent<RefreshResult>, { type: 'report' }>
  /**
   * A runner's report: the run ends with its verdict, and the client holds the tokens it leaves.
   * `client`: a login's new client (else the held tokens' client stays). `more`: a step of a longer run
   * (the login before a wait): its exchanges show, the run goes on.
   */
  | { type: 'report'; report: RefreshRun; client?: HeldClient; more?: boolean }
  /** The run stops with a sentence and changes no token (the provider could not be read, no popup …). */
  | { type: 'stop'; verdict: RefreshVerdict }
  | { type: 'countdown'; seconds: number | undefined }
  /** The run's work is over: a run that is still going ended without a word, which the reader is told. */
  | { type: 'settle' }
  | { type: 'forget' };

export const initialSimulator: SimulatorState = { run: idleRun };

export const isBusy = (s: SimulatorState): boolean => isRunning(s.run);

/** The verdict on screen: a runner's verdict also names the cause it ran and a guide page. */
export function verdictOf(s: SimulatorState): RefreshVerdict | undefined {
  return 'verdict' in s.run ? (s.run.verdict as RefreshVerdict) : undefined;
}

export function exchangesOf(s: SimulatorState): RefreshRun['exchanges'] {
  return s.run.phase === 'idle' ? [] : s.run.exchanges;
}

function heldAfter(
  state: SimulatorState,
  report: RefreshRun,
  client: HeldClient | undefined,
): Held | undefined {
  const tokens = report.result.tokens;
  if (tokens) {
    const who = client ?? state.held;
    return who ? { clientType: who.clientType, short: who.short, clientId: who.clientId, tokens } : undefined;
  }
  // A login that failed without a word about the tokens held before (not reached, say) keeps them.
  if (client && report.verdict.failure && classifyRefreshFailure(report.verdict.failure).keepTokens)
    return state.held;
  return undefined;
}

export function simulatorReducer(state: SimulatorState, action: SimulatorAction): SimulatorState {
  switch (action.type) {
    case 'report': {
      if (!isRunning(state.run)) return state;
      const held = heldAfter(state, action.report, action.client);
      // A new login starts without a rotation to show; a refresh that went through shows its own.
      const rotation = action.report.result.rotation ?? (action.client || !held ? undefined : state.rotation);
      const run = action.more
        ? action.report.exchanges.reduce(
            (r, exchange) => runReducer(r, { type: 'exchange', exchange }),
            state.run,
          )
        : runReducer(state.run, { type: 'report', report: action.report });
      return { ...state, run, held, rotation, ...(action.more ? {} : { countdown: undefined }) };
    }
    case 'stop':
      return {
        ...state,
        run: runReducer(state.run, { type: 'report', report: { exchanges: [], verdict: action.verdict } }),
        countdown: undefined,
      };
    case 'countdown':
      return { ...state, countdown: action.seconds };
    case 'forget':
      return {
        run: {
          phase: 'done',
          verdict: { line: 'Tokens dropped from memory. Log in to get new ones.', ok: true },
          exchanges: exchangesOf(state),
        },
      };
    case 'fail':
      return { ...state, run: runReducer(state.run, action), countdown: undefined };
    case 'settle':
      return isRunning(state.run)
        ? simulatorReducer(state, { type: 'fail', line: 'The run stopped without an answer; try again.' })
        : state;
    default:
      return { ...state, run: runReducer(state.run, action) };
  }
}
