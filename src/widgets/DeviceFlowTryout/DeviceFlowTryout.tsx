/**
 * Device flow tryout (RFC 8628; facts §21): the device authorization request, the user code and
 * verification page, polls at the advertised interval (or early, to earn slow_down), and tokens once
 * the reader approves on the verification page in another tab. One form reducer, the shared run state
 * machine (usePolling); every request goes through src/oidc/runners/device-flow.ts.
 */
import { useEffect, useId, useReducer, useRef } from 'react';
import Assumed from '@site/src/components/Assumed';
import CopyButton from '@site/src/components/CopyButton';
import { buildShareLink, isRunning, readShareLink, telenorIdPlusIssuers } from '@site/src/oidc';
import { deviceFlow } from '@site/src/oidc/catalogue/polling-flows';
import { documentedDeviceCurls, startDeviceRun } from '@site/src/oidc/runners/device-flow';
import { pollingSettings } from '@site/src/oidc/runners/polling-run';
import type { DeviceStart } from '@site/src/oidc/polling';
import { formReducer } from '@site/src/oidc/form';
import { useProviderSession } from '../shared/providerSession';
import { inactiveWhen, submitUnless } from '../shared/busyButton';
import { bringIntoView } from '../shared/bringIntoView';
import { usePolling } from '../shared/usePolling';
import PollingOutcome from '../shared/PollingOutcome';
import PollingRunLine from '../shared/PollingRunLine';
import DeviceCode from './DeviceCode';
import styles from '../shared/polling.module.css';

type Form = { scope: string };
const defaults: Form = { scope: 'openid profile offline_access' };
const maxScopeLength = 300;

export default function DeviceFlowTryout(): React.JSX.Element {
  const ids = useId();
  const session = useProviderSession();
  const [form, setForm] = useReducer(formReducer<Form>, defaults);
  const polling = usePolling();
  const startInfo = useRef<DeviceStart | undefined>(undefined);
  const frame = useRef<HTMLDivElement>(null);
  const { run, plan } = polling;
  const busy = isRunning(run);
  const env = session.environment;
  const hasClient = env.id === 'mock' || env.id === 'local';
  const scope = form.scope.split(/\s+/).filter(Boolean);

  useEffect(() => {
    const link = readShareLink(window.location.search, { who: 'the device flow tryout' });
    const shared = link.text('scope', maxScopeLength, 'scope');
    if (shared !== undefined) {
      setForm({ type: 'restore', values: { scope: shared } });
      bringIntoView(frame.current);
    }
  }, []);

  async function start() {
    polling.begin('Sending the device authorization request…');
    startInfo.current = undefined;
    const resolved = await pollingSettings(session, 'device');
    if (!resolved.ok) return polling.fail(resolved.line);
    const context = session.failureContext('device_authorization');
    const started = await startDeviceRun(resolved.settings, scope, context, () => Date.now());
    if (started.ok) startInfo.current = started.start;
    polling.started(resolved.settings, started, session.failureContext('token'));
  }

  const shareUrl = () =>
    buildShareLink(window.location.href, [
      ['env', env.id],
      ['scope', form.scope.trim()],
    ]);
  const curls = documentedDeviceCurls(env.issuer ?? telenorIdPlusIssuers.staging, scope);

  return (
    <div className={styles.tryout} ref={frame} data-tryout="device-flow">
      <p className={styles.muted}>
        Environment: <strong>{env.label}</strong>.{' '}
        {hasClient ? (
          <>
            The device is the test client <code>{env.id}-device</code> (MobileApp, no secret)
            <Assumed source={deviceFlow.clientTypes.source} />; the codes live{' '}
            {deviceFlow.expiresInSeconds.value / 60} minutes and it polls every{' '}
            {deviceFlow.intervalSeconds.value} seconds unless told otherwise.
          </>
        ) : (
          <>This page can only show the requests here: copy them below.</>
        )}
      </p>
      <form onSubmit={submitUnless(busy, () => void start())} aria-labelledby={`${ids}-h`}>
        <h3 id={`${ids}-h`}>1. The device asks for a code</h3>
        <label className={styles.field}>
          <span>
            <code>scope</code> (space-separated)
          </span>
          <input
            value={form.scope}
            maxLength={maxScopeLength}
            onChange={(e) => setForm({ type: 'set', field: 'scope', value: e.target.value })}
            spellCheck={false}
            autoComplete="off"
          />
        </label>
        <div className={styles.row} style={{ marginTop: '0.5rem' }}>
          <button type="submit" className="button button--primary" {...inactiveWhen(busy || !scope.length)}>
            {run.phase === 'idle' ? 'Start the device flow' : 'Start again'}
          </button>
          {busy ? (
            <button type="button" className="button button--secondary" onClick={polling.stop}>
              Stop
            </button>
          ) : null}
          <CopyButton value={shareUrl} label="Copy link to this setup" />
        </div>
      </form>
      <PollingRunLine run={run} />
      {startInfo.current && (busy || run.phase !== 'idle') ? (
        <DeviceCode
          start={startInfo.current}
          polling={
            busy
              ? {
                  secondsToNextPoll: polling.secondsToNextPoll,
                  intervalSeconds: plan?.intervalSeconds,
                  polls: plan?.polls ?? 0,
                  expiresAtMs: plan?.expiresAtMs,
                }
              : undefined
          }
          onPollNow={polling.pollNow}
          envId={env.id}
        />
      ) : null}
      <PollingOutcome
        run={run}
        {...(!hasClient
          ? {
              documented: {
                startTitle: '1. Device authorization request',
                start: curls.start,
                pollTitle: '3. Poll (every interval seconds)',
                poll: curls.poll,
              },
            }
          : {})}
        guide={{ topic: 'deviceFlow', label: 'The device flow in the guide' }}
      />
    </div>
  );
}
