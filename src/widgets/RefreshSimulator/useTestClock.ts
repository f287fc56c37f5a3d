/**
 * The test clock of the selected engine (src/oidc/test-clock.ts) for the simulator: read it, jump it,
 * reset it. The mock's worker is started only when the reader moves its clock or after a run (a page
 * that is only read loads no MSW); the local tenant's clock is read on arrival.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  clockJumps,
  describeClockOffset,
  noTestClockSentence,
  testClock,
  testClockTarget,
  type ClockJump as Jump,
  type TestClockRequest,
  type TestClockResult,
} from '@site/src/oidc/test-clock';
import { environmentReady, useEnvironment, useSiteBaseUrl } from '../shared/environment';

export type TestClockView = {
  /** The engine has a clock (the mock, the local tenant). */
  available: boolean;
  /** "real time", "14 days 1 s ahead of real time", or undefined before it was read. */
  shown: string | undefined;
  /** The last move's sentence (what expired, or why the clock did not move). */
  note: { text: string; ok: boolean } | undefined;
  moving: boolean;
  jumps: readonly Jump[];
  jump(j: Jump): void;
  reset(): void;
  /** For a cause: one jump, through the same clock (the shown offset follows after the run). */
  advance(seconds: number): Promise<TestClockResult>;
};

export function useTestClock(busy: boolean): TestClockView {
  const env = useEnvironment();
  const baseUrl = useSiteBaseUrl();
  const target = env.issuer ? testClockTarget(env.id, env.issuer) : undefined;
  const [offset, setOffset] = useState<number | undefined>();
  const [note, setNote] = useState<TestClockView['note']>();
  const [moving, setMoving] = useState(false);

  const call = useCallback(
    async (request?: TestClockRequest): Promise<TestClockResult> => {
      if (!target) return { ok: false, sentence: noTestClockSentence };
      await environmentReady(target.environment, baseUrl);
      const answer = await testClock(target, request);
      if (answer.ok) setOffset(answer.clock.offsetSeconds);
      return answer;
    },
    [env.id, env.issuer, baseUrl],
  );

  // The tenant's clock on arrival; either engine's after each run (a cause may have moved it).
  const [runs, setRuns] = useState(0);
  useEffect(() => {
    if (!busy) setRuns((n) => n + 1);
  }, [busy]);
  useEffect(() => {
    setOffset(undefined);
    setNote(undefined);
  }, [env.id, env.issuer]);
  useEffect(() => {
    if (!target || (target.environment === 'mock' && runs <= 1)) return;
    // A clock that cannot be read says why (the tenant is not running …); the jumps would say it too.
    void call().then((answer) => {
      if (!answer.ok) setNote({ text: answer.sentence, ok: false });
    });
  }, [runs, env.id, env.issuer]);

  const move = (request: TestClockRequest, done: (offsetSeconds: number) => string) => {
    setMoving(true);
    void call(request).then((answer) => {
      setMoving(false);
      setNote(
        answer.ok
          ? { text: done(answer.clock.offsetSeconds), ok: true }
          : { text: answer.sentence, ok: false },
      );
    });
  };

  return {
    available: target !== undefined,
    shown: offset === undefined ? undefined : describeClockOffset(offset),
    note,
    moving,
    jumps: clockJumps,
    jump: (j) =>
      move(
        { advanceSeconds: j.seconds },
        (now) =>
          `Moved ${j.label}: ${j.expires} issued before the jump is now past its lifetime (the clock is ${describeClockOffset(now)}). Press Refresh to see the answer.`,
      ),
    reset: () =>
      move(
        { reset: true },
        () => 'Back to real time. Tokens already judged expired stay dead: log in again.',
      ),
    advance: (seconds) => call({ advanceSeconds: seconds }),
  };
}
