// The refresh simulator's state as data (src/widgets/RefreshSimulator/state.ts): a share link restores
// the form in one step, a run moves idle → running → exchanging → done | failed, and the tokens held
// follow what the runner says (gone after invalid_grant, kept when the provider was not reached).
import { describe, expect, it } from 'vitest';
import { failure, type RefreshRun } from '../../src/oidc';
import { defaultTimeline, parseSharedScenario } from '../../src/widgets/RefreshSimulator/scenario';
import {
  formReducer,
  initialForm,
  initialSimulator,
  isBusy,
  simulatorReducer,
  type SimulatorAction,
  type SimulatorState,
} from '../../src/widgets/RefreshSimulator/state';

const tokens = { accessToken: 'at-1', tokenType: 'Bearer', refreshToken: 'rt-1' };
const client = {
  clientType: 'PublicWithRefresh' as const,
  short: false,
  clientId: 'mock-public-with-refresh',
};
const run = (steps: SimulatorAction[], from: SimulatorState = initialSimulator) =>
  steps.reduce(simulatorReducer, from);

describe('the simulator form', () => {
  it('a share link restores client type, cause and timeline in one dispatch', () => {
    const shared = parseSharedScenario(
      '?client=MobileApp&cause=reused&policy=Mobile&every=60&idleAt=120&idleFor=30',
    );
    expect(formReducer(initialForm, { type: 'restore', shared })).toEqual({
      clientType: 'MobileApp',
      sharedCause: 'reused',
      timeline: { policy: 'Mobile', everyMinutes: 60, idleAtMinute: 120, idleForMinutes: 30 },
    });
  });

  it('a link with only a client type brings that policy’s timeline; a hostile link changes nothing', () => {
    const typeOnly = formReducer(initialForm, {
      type: 'restore',
      shared: parseSharedScenario('?client=Confidential'),
    });
    expect(typeOnly.timeline).toEqual(defaultTimeline('Confidential'));
    const hostile = formReducer(initialForm, {
      type: 'restore',
      shared: parseSharedScenario('?client=<img>&cause=__proto__&policy=constructor'),
    });
    expect(hostile).toEqual(initialForm);
  });

  it('choosing another client type shows its policy on the timeline', () => {
    expect(formReducer(initialForm, { type: 'chooseType', clientType: 'MobileApp' }).timeline.policy).toBe(
      'Mobile',
    );
  });
});

describe('a run', () => {
  const login: RefreshRun = {
    exchanges: [
      {
        kind: 'http',
        title: 'Code exchange (login)',
        curl: 'curl …',
        statusLine: '200 OK',
        body: '{}',
        ok: true,
      },
    ],
    verdict: { line: '200 OK — logged in', ok: true },
    tokens,
  };

  it('moves idle → running → exchanging → done, and holds the login’s tokens', () => {
    const started = run([{ type: 'start', label: 'Logging in' }]);
    expect(started.phase).toBe('running');
    expect(isBusy(started)).toBe(true);
    const exchanging = simulatorReducer(started, { type: 'exchanging', label: 'Exchanging the code' });
    expect(exchanging.phase).toBe('exchanging');
    const done = run([{ type: 'apply', run: login, client }, { type: 'end' }], exchanging);
    expect(done.phase).toBe('done');
    expect(isBusy(done)).toBe(false);
    expect(done.held).toEqual({ ...client, tokens });
  });

  it('after invalid_grant the tokens are gone and the run failed; a new run clears the old exchanges', () => {
    const loggedIn = run([
      { type: 'start', label: 'Logging in' },
      { type: 'apply', run: login, client },
      { type: 'end' },
    ]);
    const refused: RefreshRun = {
      exchanges: [{ kind: 'stage', title: 'The mock moves its clock' }],
      verdict: { line: '400 invalid_grant — expired', ok: false, failure: failure('invalid_grant').failure },
      tokens: undefined,
    };
    const after = run(
      [{ type: 'start', label: 'Expired' }, { type: 'apply', run: refused }, { type: 'end' }],
      loggedIn,
    );
    expect(after.phase).toBe('failed');
    expect(after.held).toBeUndefined();
    expect(after.exchanges).toEqual(refused.exchanges);
  });

  it('a failed login the provider did not answer keeps the tokens held before', () => {
    const loggedIn = run([{ type: 'apply', run: login, client }]);
    const unreachable: RefreshRun = {
      exchanges: [],
      verdict: { line: 'network_error', ok: false, failure: failure('network_error').failure },
      tokens: undefined,
    };
    expect(simulatorReducer(loggedIn, { type: 'apply', run: unreachable, client }).held?.tokens).toBe(tokens);
  });

  it('a refresh shows its rotation; dropping the tokens clears both', () => {
    const loggedIn = run([{ type: 'apply', run: login, client }]);
    const next = { ...tokens, refreshToken: 'rt-2' };
    const rotated = simulatorReducer(loggedIn, {
      type: 'apply',
      run: {
        exchanges: [],
        verdict: { line: '200 OK', ok: true },
        tokens: next,
        rotation: { before: 'rt-1', after: 'rt-2' },
      },
    });
    expect(rotated.held?.tokens.refreshToken).toBe('rt-2');
    expect(rotated.rotation).toEqual({ before: 'rt-1', after: 'rt-2' });
    const dropped = simulatorReducer(rotated, { type: 'forget' });
    expect(dropped.held).toBeUndefined();
    expect(dropped.rotation).toBeUndefined();
    expect(dropped.verdict?.line).toBe('Tokens dropped from memory. Log in to get new ones.');
  });
});
