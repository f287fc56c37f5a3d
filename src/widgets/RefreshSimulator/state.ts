/**
 * The simulator's state as data: the form (client type, timeline, the cause a link pointed at) is one
 * reducer a share link restores with one dispatch; a run is one state machine (idle → running →
 * exchanging → done | failed) that also holds the tokens of the current login, in memory only.
 */
import {
  classifyRefreshFailure,
  refreshPolicyOf,
  type ClientTypeName,
  type RefreshExchange,
  type RefreshRun,
  type RefreshVerdict,
  type TokenSet,
} from '@site/src/oidc';
import { defaultTimeline, type CauseId, type SharedScenario, type TimelineSettings } from './scenario';

export type FormState = { clientType: ClientTypeName; timeline: TimelineSettings; sharedCause?: CauseId };

export type FormAction =
  | { type: 'chooseType'; clientType: ClientTypeName }
  | { type: 'timeline'; timeline: TimelineSettings }
  /** A share link, or the type a redirect login was for: every field it names, in one step. */
  | { type: 'restore'; shared: SharedScenario };

export const initialForm: FormState = {
  clientType: 'PublicWithRefresh',
  timeline: defaultTimeline('PublicWeb'),
};

export function formReducer(state: FormState, action: FormAction): FormState {
  switch (action.type) {
    case 'chooseType':
      // Another type brings its policy's usage pattern to the timeline.
      return {
        ...state,
        clientType: action.clientType,
        timeline: defaultTimeline(refreshPolicyOf(action.clientType).name),
      };
    case 'timeline':
      return { ...state, timeline: action.timeline };
    case 'restore': {
      const { clientType, cause, timeline } = action.shared;
      return {
        clientType: clientType ?? state.clientType,
        timeline:
          timeline ?? (clientType ? defaultTimeline(refreshPolicyOf(clientType).name) : state.timeline),
        ...(cause ? { sharedCause: cause } : state.sharedCause ? { sharedCause: state.sharedCause } : {}),
      };
    }
  }
}

/** The client the held tokens belong to (`short`: the tenant's short-lived twin). */
export type HeldClient = { clientType: ClientTypeName; short: boolean; clientId: string };
export type Held = HeldClient & { tokens: TokenSet };

export type RunPhase = 'idle' | 'running' | 'exchanging' | 'done' | 'failed';

export type SimulatorState = {
  phase: RunPhase;
  /** What the busy run is doing, for the live region ("Logging in…"). */
  label?: string;
  exchanges: RefreshExchange[];
  verdict?: RefreshVerdict;
  /** Seconds left while the tenant's short-lived refresh token runs out. */
  countdown?: number;
  held?: Held;
  rotation?: { before: string; after: string | undefined };
};

export type SimulatorAction =
  /** A run starts: the last run's exchanges and verdict go. */
  | { type: 'start'; label: string }
  /** The login came back: the code is exchanged now. */
  | { type: 'exchanging'; label: string }
  | { type: 'countdown'; seconds: number | undefined }
  /**
   * A runner's result: its exchanges are added, its verdict shown, and the tokens it leaves held.
   * `client`: a login's new client (else the held tokens' client stays).
   */
  | { type: 'apply'; run: RefreshRun; client?: HeldClient }
  /** The run stops with a sentence and changes no token (a closed popup, a missing client …). */
  | { type: 'stop'; verdict: RefreshVerdict }
  /** The run is over: done, or failed when its verdict is a failure. */
  | { type: 'end' }
  | { type: 'forget' };

export const initialSimulator: SimulatorState = { phase: 'idle', exchanges: [] };

export const isBusy = (s: SimulatorState): boolean => s.phase === 'running' || s.phase === 'exchanging';

function heldAfter(state: SimulatorState, run: RefreshRun, client: HeldClient | undefined): Held | undefined {
  if (run.tokens) {
    const who = client ?? state.held;
    return who
      ? { clientType: who.clientType, short: who.short, clientId: who.clientId, tokens: run.tokens }
      : undefined;
  }
  // A login that failed without a word about the tokens held before (not reached, say) keeps them.
  if (client && run.verdict.failure && classifyRefreshFailure(run.verdict.failure).keepTokens)
    return state.held;
  return undefined;
}

export function simulatorReducer(state: SimulatorState, action: SimulatorAction): SimulatorState {
  switch (action.type) {
    case 'start':
      return { ...state, phase: 'running', label: action.label, exchanges: [], verdict: undefined };
    case 'exchanging':
      return { ...state, phase: 'exchanging', label: action.label };
    case 'countdown':
      return { ...state, countdown: action.seconds };
    case 'apply': {
      const held = heldAfter(state, action.run, action.client);
      return {
        ...state,
        exchanges: [...state.exchanges, ...action.run.exchanges],
        verdict: action.run.verdict,
        held,
        // A new login starts without a rotation to show; a run that rotated shows it.
        rotation: action.run.rotation ?? (action.client || !held ? undefined : state.rotation),
      };
    }
    case 'stop':
      return { ...state, verdict: action.verdict };
    case 'end':
      return {
        ...state,
        phase: state.verdict && !state.verdict.ok ? 'failed' : 'done',
        label: undefined,
        countdown: undefined,
      };
    case 'forget':
      return {
        ...state,
        held: undefined,
        rotation: undefined,
        verdict: { line: 'Tokens dropped from memory. Log in to get new ones.', ok: true },
      };
  }
}
