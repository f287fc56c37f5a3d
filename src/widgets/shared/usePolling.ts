/**
 * The polling tryouts' run (device flow, CIBA), as a hook over the shared run state machine: the
 * plan the runner returned, a timer that polls when the interval is over, "Poll now" (to earn
 * slow_down), and Stop. Every request goes through src/oidc/runners; this file only keeps time.
 * Tokens stay in memory (the run's result) and are never stored.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { idleRun, runReducer, type HttpExchange, type RunReport, type RunState } from '@site/src/oidc';
import type { FailureContext } from '@site/src/oidc/failure-sentence';
import type { PollingSettings } from '@site/src/oidc/polling';
import { pollOnce, type PollingPlan, type PollingResult } from '@site/src/oidc/runners/polling-run';

export type PollingStart =
  | { ok: true; exchange: HttpExchange; plan: PollingPlan; line: string }
  | { ok: false; report: RunReport<PollingResult> };

export type Polling = {
  run: RunState<PollingResult>;
  plan: PollingPlan | undefined;
  /** Seconds until the next poll (ticks each second while polling). */
  secondsToNextPoll: number | undefined;
  begin(status: string): void;
  /** The runner's start came back: show it, and poll at its interval. */
  started(settings: PollingSettings, start: PollingStart, context: FailureContext): void;
  fail(line: string): void;
  pollNow(): void;
  stop(): void;
};

export function usePolling(): Polling {
  const [run, dispatch] = useReducer(runReducer<PollingResult>, idleRun);
  const [plan, setPlan] = useState<PollingPlan>();
  const [now, setNow] = useState(0);
  const settings = useRef<{ settings: PollingSettings; context: FailureContext }>(undefined);
  const inFlight = useRef(false);
  const generation = useRef(0);

  const poll = useCallback(
    async (current: PollingPlan, early: boolean) => {
      const s = settings.current;
      if (!s || inFlight.current) return;
      inFlight.current = true;
      const mine = generation.current;
      const step = await pollOnce(s.settings, current, s.context, () => Date.now(), early);
      inFlight.current = false;
      if (mine !== generation.current) return; // stopped meanwhile: the answer is dropped
      if (step.done) {
        setPlan(undefined);
        dispatch({ type: 'report', report: step.report });
        return;
      }
      dispatch({ type: 'exchange', exchange: step.exchange });
      dispatch({ type: 'exchanging', status: step.line });
      setPlan(step.plan);
    },
    [dispatch],
  );

  // Poll when the interval is over; tick once a second for the countdown.
  useEffect(() => {
    if (!plan) return;
    setNow(Date.now());
    const due = setTimeout(() => void poll(plan, false), Math.max(0, plan.nextPollAtMs - Date.now()));
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearTimeout(due);
      clearInterval(tick);
    };
  }, [plan, poll]);

  return {
    run,
    plan,
    secondsToNextPoll: plan ? Math.max(0, Math.ceil((plan.nextPollAtMs - now) / 1000)) : undefined,
    begin(status) {
      generation.current += 1;
      setPlan(undefined);
      dispatch({ type: 'reset' });
      dispatch({ type: 'start', status });
    },
    started(s, start, context) {
      if (!start.ok) {
        dispatch({ type: 'report', report: start.report });
        return;
      }
      settings.current = { settings: s, context };
      dispatch({ type: 'exchange', exchange: start.exchange });
      dispatch({ type: 'exchanging', status: start.line });
      setPlan(start.plan);
    },
    fail(line) {
      dispatch({ type: 'fail', line });
    },
    pollNow() {
      if (plan) void poll(plan, Date.now() < plan.nextPollAtMs);
    },
    stop() {
      generation.current += 1;
      setPlan(undefined);
      settings.current = undefined;
      dispatch({ type: 'reset' });
    },
  };
}
