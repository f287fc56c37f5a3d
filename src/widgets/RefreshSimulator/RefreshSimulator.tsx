import { useEffect, useReducer, useRef, useState } from 'react';
import CopyButton from '@site/src/components/CopyButton';
import { testClientFor } from '@site/src/oidc/session';
import { bringIntoView } from '../shared/bringIntoView';
import { useEnvironment } from '../shared/environment';
import CauseList from './CauseList';
import ClockPanel from './ClockPanel';
import ClientTypePicker from './ClientTypePicker';
import ExchangeList from './ExchangeList';
import HandlingSample from './HandlingSample';
import Timeline from './Timeline';
import TokensPanel from './TokensPanel';
import VerdictPanel from './VerdictPanel';
import { readSharedScenario, shareScenarioUrl } from '@site/src/oidc/refresh-simulator-scenario';
import {
  exchangesOf,
  initialForm,
  simulatorFormReducer,
  verdictOf,
} from '@site/src/oidc/refresh-simulator-state';
import { useSimulatorRun } from './useSimulatorRun';
import { useTestClock } from './useTestClock';
import styles from './styles.module.css';

/**
 * Refresh-error simulator: log in with offline_access as each TelenorID+ client type, refresh,
 * and earn every kind of failed refresh on purpose — with the real HTTP exchange and the right
 * reaction. The causes run in src/oidc (refresh-causes.ts); this component renders their results.
 * Tokens live in memory only; a failed refresh is never retried.
 */
export default function RefreshSimulator(): React.JSX.Element {
  const env = useEnvironment();
  const [form, dispatchForm] = useReducer(simulatorFormReducer, initialForm);
  const sim = useSimulatorRun();
  const { state, busy } = sim;
  const verdict = verdictOf(state);
  const clock = useTestClock(busy);
  const clockJump = form.clockJump && env.id === 'local';
  const [linkProblems, setLinkProblems] = useState<string[]>([]);
  const envSupported = env.id === 'mock' || env.id === 'local';

  // A share link, or the return from a full-page redirect login (popup blocked): once, after hydration.
  const resumed = useRef(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!env.ready || resumed.current) return;
    resumed.current = true;
    const { scenario: shared, problems } = readSharedScenario(window.location.search);
    setLinkProblems(problems);
    const returned = sim.resume();
    const { cause, ...values } = shared;
    dispatchForm({
      type: 'restore',
      values: {
        ...values,
        ...(cause ? { sharedCause: cause } : {}),
        ...(returned ? { clientType: returned.clientType } : {}),
      },
    });
    // The reader came for this widget (its share link, or back from a redirect login): show it.
    if (returned || shared.clientType || shared.cause || shared.timeline) bringIntoView(root.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the environment is known
  }, [env.ready]);

  const shareCause = verdict?.cause ?? form.sharedCause;

  return (
    <div className={styles.simulator} ref={root}>
      {!envSupported && (
        <div className="alert alert--warning" role="alert">
          The simulator logs in with registered test clients, which only the <strong>mock</strong> and the{' '}
          <strong>local test tenant</strong> have. Environment now: {env.label}. Pick Mock or Local test
          tenant in the navigation bar.
        </div>
      )}

      {linkProblems.length > 0 && (
        <div className="alert alert--warning" role="alert">
          <p className="margin-bottom--sm">Some of the link you followed was left out:</p>
          <ul className="margin-bottom--none">
            {linkProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}

      <ClientTypePicker
        value={form.clientType}
        busy={busy}
        onChange={(clientType) => dispatchForm({ type: 'set', field: 'clientType', value: clientType })}
      />

      <TokensPanel
        state={state}
        busy={busy}
        canLogIn={envSupported}
        clientType={form.clientType}
        clientId={testClientFor(env.id, form.clientType)?.clientId}
        envLabel={env.label}
        onLogin={() => sim.onLogin(form.clientType)}
        onRefresh={sim.onRefresh}
        onForget={sim.onForget}
      />

      <CauseList
        envId={env.id}
        envSupported={envSupported}
        clientType={form.clientType}
        hasRefreshToken={Boolean(state.held?.tokens.refreshToken)}
        busy={busy}
        sharedCause={form.sharedCause}
        clockJump={clockJump}
        onCause={(cause) => sim.onCause(cause, form.clientType, clockJump ? clock.advance : undefined)}
      />

      <VerdictPanel
        verdict={verdict}
        busy={busy}
        lineRef={sim.verdictLine}
        onLoginAgain={() => sim.onLogin(form.clientType)}
      />

      <ExchangeList
        exchanges={exchangesOf(state)}
        engine={env.id === 'local' ? 'Local test tenant' : 'Mock'}
      />

      <HandlingSample />

      <Timeline
        settings={form.timeline}
        onChange={(timeline) => dispatchForm({ type: 'set', field: 'timeline', value: timeline })}
      />

      <ClockPanel
        clock={clock}
        busy={busy}
        isLocal={env.id === 'local'}
        causeJumps={form.clockJump}
        onCauseJumps={(on) => dispatchForm({ type: 'set', field: 'clockJump', value: on })}
      />

      <div className={styles.row}>
        <CopyButton
          label="Share this scenario"
          done="Link copied (client type, cause, timeline and clock choice; never a token)"
          value={() =>
            shareScenarioUrl(window.location.href, {
              env: env.id,
              clientType: form.clientType,
              ...(shareCause ? { cause: shareCause } : {}),
              timeline: form.timeline,
              clockJump,
            })
          }
        />
      </div>
    </div>
  );
}
