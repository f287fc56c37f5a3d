// The refresh simulator's state as data (src/oidc/refresh-simulator-state.ts): a share link restores
// the form in one step, a run moves idle → running → exchanging → done | failed, and the tokens held
// follow what the runner says (gone after invalid_grant, kept when the provider was not reached).
import { describe, expect, it } from 'vitest';
import { failure } from '../../src/oidc';
import type { RefreshRun } from '../../src/oidc/runners/refresh-causes';
import {
  defaultTimeline,
  parseSharedScenario,
  readSharedScenario,
  shareScenarioUrl,
} from '../../src/oidc/refresh-simulator-scenario';
import {
  exchangesOf,
  initialForm,
  initialSimulator,
  isBusy,
  simulatorFormReducer,
  simulatorReducer,
  verdictOf,
  type SimulatorAction,
  type SimulatorState,
} from '../../src/oidc/refresh-simulator-state';

/** What a share link hands the form: its fields, the cause as the one the link pointed at. */
function fromLink(search: string) {
  const { cause, ...values } = parseSharedScenario(search);
  return { type: 'restore' as const, values: { ...values, ...(cause ? { sharedCause: cause } : {}) } };
}

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
    const link = fromLink('?client=MobileApp&cause=reused&policy=Mobile&every=60&idleAt=120&idleFor=30');
    expect(simulatorFormReducer(initialForm, link)).toEqual({
      clientType: 'MobileApp',
      sharedCause: 'reused',
      timeline: { policy: 'Mobile', everyMinutes: 60, idleAtMinute: 120, idleForMinutes: 30 },
      clockJump: false,
    });
  });

  it('the clock choice travels in the link as time=jump, and real time stays the default', () => {
    const url = shareScenarioUrl('https://portal.test/tools/refresh-simulator', {
      env: 'local',
      clientType: 'Confidential',
      timeline: defaultTimeline('Confidential'),
      clockJump: true,
    });
    expect(new URL(url).searchParams.get('time')).toBe('jump');
    expect(simulatorFormReducer(initialForm, fromLink(new URL(url).search)).clockJump).toBe(true);
    expect(simulatorFormReducer(initialForm, fromLink('?client=Confidential')).clockJump).toBe(false);
  });

  it('a hand-edited link is read field by field, and each value left out is said in a sentence', () => {
    const { scenario, problems } = readSharedScenario(
      '?client=Admin&cause=expired&time=rewind&policy=PublicWeb&every=0&refresh_token=abc',
    );
    expect(scenario).toEqual({ cause: 'expired', timeline: defaultTimeline('PublicWeb') });
    expect(problems).toEqual([
      'The link carries refresh_token, which a share link never should; it was ignored.',
      'The link’s client type “Admin” is not one the simulator offers; it was left out.',
      'The link’s “Refresh every” “0” is not a usable number of minutes; the policy’s default is shown.',
      'The link’s way for time to pass “rewind” is not one the simulator offers; it was left out.',
    ]);
  });

  it('a link with only a client type brings that policy’s timeline; a hostile link changes nothing', () => {
    const typeOnly = simulatorFormReducer(initialForm, fromLink('?client=Confidential'));
    expect(typeOnly.timeline).toEqual(defaultTimeline('Confidential'));
    const hostile = simulatorFormReducer(
      initialForm,
      fromLink('?client=<img>&cause=__proto__&policy=constructor'),
    );
    expect(hostile).toEqual(initialForm);
  });

  it('choosing another client type shows its policy on the timeline', () => {
    const next = simulatorFormReducer(initialForm, { type: 'set', field: 'clientType', value: 'MobileApp' });
    expect(next.timeline.policy).toBe('Mobile');
  });
});

describe('a run', () => {
  const login: RefreshRun = {
    exchanges: [
      {
        kind: 'http',
        title: 'Code exchange (login)',
        method: 'POST',
        url: 'https://mock.telenorid.invalid/connect/token',
        curl: 'curl …',
        statusLine: '200 OK',
        body: '{}',
        ok: true,
      },
    ],
    verdict: { line: '200 OK — logged in', ok: true },
    result: { tokens },
  };
  const loggedIn = () =>
    run([
      { type: 'start', status: 'Logging in' },
      { type: 'report', report: login, client },
    ]);

  it('moves idle → running → exchanging → done, and holds the login’s tokens', () => {
    const started = run([{ type: 'start', status: 'Logging in' }]);
    expect(started.run.phase).toBe('running');
    expect(isBusy(started)).toBe(true);
    const exchanging = simulatorReducer(started, { type: 'exchanging', status: 'Exchanging the code' });
    expect(exchanging.run.phase).toBe('exchanging');
    const done = run([{ type: 'report', report: login, client }, { type: 'settle' }], exchanging);
    expect(done.run.phase).toBe('done');
    expect(isBusy(done)).toBe(false);
    expect(done.held).toEqual({ ...client, tokens });
  });

  it('after invalid_grant the tokens are gone and the run failed; a new run clears the old exchanges', () => {
    const refused: RefreshRun = {
      exchanges: [{ kind: 'stage', title: 'The mock moves its clock' }],
      verdict: {
        line: '400 invalid_grant — expired',
        ok: false,
        failure: failure('invalid_grant').failure,
        cause: 'expired',
      },
      result: {},
    };
    const after = run(
      [
        { type: 'start', status: 'Expired' },
        { type: 'report', report: refused },
      ],
      loggedIn(),
    );
    expect(after.run.phase).toBe('failed');
    expect(after.held).toBeUndefined();
    expect(exchangesOf(after)).toEqual(refused.exchanges);
    // The cause stays with the verdict (the share link names it).
    expect(verdictOf(after)?.cause).toBe('expired');
  });

  it('a login that is the first step of a longer run shows its exchange and goes on', () => {
    const first = run([
      { type: 'start', status: 'Expired' },
      { type: 'report', report: login, client: { ...client, short: true }, more: true },
    ]);
    expect(isBusy(first)).toBe(true);
    expect(exchangesOf(first)).toEqual(login.exchanges);
    expect(first.held?.short).toBe(true);
  });

  it('a failed login the provider did not answer keeps the tokens held before; a stop keeps them too', () => {
    const unreachable: RefreshRun = {
      exchanges: [],
      verdict: { line: 'network_error', ok: false, failure: failure('network_error').failure },
      result: {},
    };
    const again = run(
      [
        { type: 'start', status: 'Logging in' },
        { type: 'report', report: unreachable, client },
      ],
      loggedIn(),
    );
    expect(again.held?.tokens).toBe(tokens);
    const stopped = run(
      [
        { type: 'start', status: 'Refreshing' },
        { type: 'stop', verdict: { line: 'The tenant is not running.', ok: false } },
      ],
      loggedIn(),
    );
    expect(stopped.run.phase).toBe('failed');
    expect(stopped.held?.tokens).toBe(tokens);
  });

  it('a run that ends without a word says so (settle), and a late report after it is ignored', () => {
    const settled = run([{ type: 'start', status: 'Refreshing' }, { type: 'settle' }]);
    expect(verdictOf(settled)?.line).toBe('The run stopped without an answer; try again.');
    expect(simulatorReducer(settled, { type: 'report', report: login, client })).toBe(settled);
  });

  it('a refresh shows its rotation; dropping the tokens clears both', () => {
    const next = { ...tokens, refreshToken: 'rt-2' };
    const rotated = run(
      [
        { type: 'start', status: 'Refreshing' },
        {
          type: 'report',
          report: {
            exchanges: [],
            verdict: { line: '200 OK', ok: true },
            result: { tokens: next, rotation: { before: 'rt-1', after: 'rt-2' } },
          },
        },
      ],
      loggedIn(),
    );
    expect(rotated.held?.tokens.refreshToken).toBe('rt-2');
    expect(rotated.rotation).toEqual({ before: 'rt-1', after: 'rt-2' });
    const dropped = simulatorReducer(rotated, { type: 'forget' });
    expect(dropped.held).toBeUndefined();
    expect(dropped.rotation).toBeUndefined();
    expect(verdictOf(dropped)?.line).toBe('Tokens dropped from memory. Log in to get new ones.');
  });
});
