import { useEffect, useReducer, useRef } from 'react';
import CopyButton from '@site/src/components/CopyButton';
import { bringIntoView } from '../shared/bringIntoView';
import { takeReturnedLogin } from '../shared/loginRoundTrip';
import { useEnvironment, useSiteBaseUrl } from '../shared/environment';
import CauseList from './CauseList';
import ClientTypePicker from './ClientTypePicker';
import ExchangeList from './ExchangeList';
import HandlingSample from './HandlingSample';
import Timeline from './Timeline';
import TokensPanel from './TokensPanel';
import VerdictPanel from './VerdictPanel';
import { parseSharedScenario, shareScenarioUrl, simulatorClient } from './scenario';
import { widgetName, type LoginContext } from './session';
import { formReducer, initialForm } from './state';
import { useSimulatorRun } from './useSimulatorRun';
import styles from './styles.module.css';

/**
 * Refresh-error simulator: log in with offline_access as each TelenorID+ client type, refresh,
 * and earn every kind of failed refresh on purpose — with the real HTTP exchange and the right
 * reaction. The causes run in src/oidc (refresh-causes.ts); this component renders their results.
 * Tokens live in memory only; a failed refresh is never retried.
 */
export default function RefreshSimulator(): React.JSX.Element {
  const env = useEnvironment();
  const baseUrl = useSiteBaseUrl();
  const [form, dispatchForm] = useReducer(formReducer, initialForm);
  const sim = useSimulatorRun(env, baseUrl);
  const { state, busy } = sim;
  const envSupported = env.id === 'mock' || env.id === 'local';

  // A share link, or the return from a full-page redirect login (popup blocked): once, after hydration.
  const resumed = useRef(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!env.ready || resumed.current) return;
    resumed.current = true;
    const shared = parseSharedScenario(window.location.search);
    const returned = takeReturnedLogin<LoginContext>(widgetName);
    dispatchForm({
      type: 'restore',
      shared: returned ? { ...shared, clientType: returned.context.clientType } : shared,
    });
    // The reader came for this widget (its share link, or back from a redirect login): show it.
    if (returned || shared.clientType || shared.cause || shared.timeline) bringIntoView(root.current);
    if (returned) sim.resume(returned);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the environment is known
  }, [env.ready]);

  const shareCause = state.verdict?.cause ?? form.sharedCause;

  return (
    <div className={styles.simulator} ref={root}>
      {!envSupported && (
        <div className="alert alert--warning" role="alert">
          The simulator logs in with registered test clients, which only the <strong>mock</strong> and the{' '}
          <strong>local test tenant</strong> have. Environment now: {env.label}. Pick Mock or Local test
          tenant in the navigation bar.
        </div>
      )}

      <ClientTypePicker
        value={form.clientType}
        busy={busy}
        onChange={(clientType) => dispatchForm({ type: 'chooseType', clientType })}
      />

      <TokensPanel
        state={state}
        busy={busy}
        canLogIn={envSupported}
        clientType={form.clientType}
        clientId={simulatorClient(env.id, form.clientType)?.clientId}
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
        onCause={(cause) => sim.onCause(cause, form.clientType)}
      />

      <VerdictPanel
        verdict={state.verdict}
        busy={busy}
        lineRef={sim.verdictLine}
        onLoginAgain={() => sim.onLogin(form.clientType)}
      />

      <ExchangeList exchanges={state.exchanges} />

      <HandlingSample />

      <Timeline
        settings={form.timeline}
        onChange={(timeline) => dispatchForm({ type: 'timeline', timeline })}
      />

      <div className={styles.row}>
        <CopyButton
          label="Share this scenario"
          done="Link copied (client type, cause and timeline; never a token)"
          value={() =>
            shareScenarioUrl(window.location.href, {
              env: env.id,
              clientType: form.clientType,
              ...(shareCause ? { cause: shareCause } : {}),
              timeline: form.timeline,
            })
          }
        />
      </div>
    </div>
  );
}
