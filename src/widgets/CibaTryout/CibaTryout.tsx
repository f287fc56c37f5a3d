/**
 * CIBA tryout (poll mode, the Vipps start; facts §22): a backchannel authentication request with a
 * test user's phone number as login_hint, the auth_req_id, polls at the advertised interval (or
 * early, to earn slow_down), approval or denial on a simulated phone, then tokens. One form reducer,
 * the shared run state machine (usePolling); requests through src/oidc/runners/ciba.ts.
 */
import { useEffect, useId, useReducer, useRef, useState } from 'react';
import Assumed from '@site/src/components/Assumed';
import CopyButton from '@site/src/components/CopyButton';
import { buildShareLink, isRunning, readShareLink, telenorIdPlusIssuers } from '@site/src/oidc';
import { ciba } from '@site/src/oidc/catalogue/polling-flows';
import { findTestUser, findTestUserByHint, testUsers } from '@site/src/oidc/catalogue/fixtures';
import {
  answerSimulatedPhone,
  readSimulatedPhone,
  simulatedPhoneUrl,
  type PhonePrompt,
} from '@site/src/oidc/polling';
import { checkCibaRequest, documentedCibaCurls, startCibaRun } from '@site/src/oidc/runners/ciba';
import { pollingSettings } from '@site/src/oidc/runners/polling-run';
import { formReducer } from '@site/src/oidc/form';
import { useProviderSession } from '../shared/providerSession';
import { inactiveWhen, submitUnless } from '../shared/busyButton';
import { bringIntoView } from '../shared/bringIntoView';
import { usePolling } from '../shared/usePolling';
import PollingOutcome from '../shared/PollingOutcome';
import PollingRunLine from '../shared/PollingRunLine';
import SimulatedPhone from './SimulatedPhone';
import styles from '../shared/polling.module.css';

type Form = { loginHint: string; bindingMessage: string; requestedExpiry: string; profile: boolean };
const defaults: Form = {
  loginHint: testUsers[0]!.msisdn,
  bindingMessage: '',
  requestedExpiry: '',
  profile: true,
};

export default function CibaTryout(): React.JSX.Element {
  const ids = useId();
  const session = useProviderSession();
  const [form, setForm] = useReducer(formReducer<Form>, defaults);
  const polling = usePolling();
  const [prompts, setPrompts] = useState<PhonePrompt[]>();
  const [answered, setAnswered] = useState<'approve' | 'deny'>();
  const [refused, setRefused] = useState<string>();
  const frame = useRef<HTMLDivElement>(null);
  const { run, plan } = polling;
  const busy = isRunning(run);
  const env = session.environment;
  const engine = env.id === 'mock' || env.id === 'local' ? env.id : undefined;
  const scope = ['openid', ...ciba.requiredScopes.value.vipps, ...(form.profile ? ['profile'] : [])];
  const request = {
    scope,
    loginHint: form.loginHint.trim(),
    ...(form.bindingMessage.trim() ? { bindingMessage: form.bindingMessage.trim() } : {}),
    ...(form.requestedExpiry.trim() ? { requestedExpirySeconds: Number(form.requestedExpiry) } : {}),
  };

  useEffect(() => {
    const link = readShareLink(window.location.search, { who: 'the CIBA tryout' });
    const user = findTestUser(
      link.oneOf(
        'user',
        testUsers.map((u) => u.id),
      ),
    );
    if (user) {
      setForm({ type: 'restore', values: { loginHint: user.msisdn } });
      bringIntoView(frame.current);
    }
  }, []);

  async function start() {
    const problem = checkCibaRequest(form);
    setRefused(problem);
    if (problem) return;
    polling.begin('Sending the backchannel authentication request…');
    setPrompts(undefined);
    setAnswered(undefined);
    const resolved = await pollingSettings(session, 'ciba');
    if (!resolved.ok) return polling.fail(resolved.line);
    const started = await startCibaRun(
      resolved.settings,
      request,
      session.failureContext('backchannel_authentication'),
      () => Date.now(),
    );
    polling.started(resolved.settings, started, session.failureContext('token'));
    if (started.ok && engine && env.issuer)
      setPrompts((await readSimulatedPhone(simulatedPhoneUrl(env.issuer, engine))) ?? []);
  }

  async function answer(prompt: PhonePrompt, decision: 'approve' | 'deny') {
    if (!engine || !env.issuer) return;
    const ok = await answerSimulatedPhone(simulatedPhoneUrl(env.issuer, engine), prompt.prompt, decision);
    if (ok) setAnswered(decision);
    else setPrompts([]);
  }

  const shareUrl = () =>
    buildShareLink(window.location.href, [
      ['env', env.id],
      ['user', findTestUserByHint(form.loginHint)?.id],
    ]);
  const curls = documentedCibaCurls(env.issuer ?? telenorIdPlusIssuers.staging, request);
  const field = (
    name: 'loginHint' | 'bindingMessage' | 'requestedExpiry',
    label: React.ReactNode,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <label className={styles.field}>
      <span>{label}</span>
      <input
        value={String(form[name])}
        onChange={(e) => setForm({ type: 'set', field: name, value: e.target.value })}
        spellCheck={false}
        autoComplete="off"
        {...extra}
      />
    </label>
  );

  return (
    <div className={styles.tryout} ref={frame} data-tryout="ciba">
      <p className={styles.muted}>
        Environment: <strong>{env.label}</strong>.{' '}
        {engine ? (
          <>
            The service is the CIBA test client <code>{engine}-ciba</code> (Confidential, CIBA only); its
            secret is a published test value, sent as HTTP Basic. The user’s phone is simulated below
            <Assumed source={ciba.simulatedPhone.source} />.
          </>
        ) : (
          <>
            A CIBA client’s secret never belongs in a browser: copy the requests below and run them from your
            back end.
          </>
        )}
      </p>
      <form onSubmit={submitUnless(busy, () => void start())} aria-labelledby={`${ids}-h`}>
        <h3 id={`${ids}-h`}>1. The service starts a login on the user’s phone</h3>
        {field(
          'loginHint',
          <>
            <code>login_hint</code>: the person’s phone number
          </>,
          {
            list: `${ids}-users`,
            inputMode: 'tel',
            maxLength: 20,
            'aria-invalid': refused?.startsWith('login_hint') ? true : undefined,
          },
        )}
        <datalist id={`${ids}-users`}>
          {testUsers.map((u) => (
            <option key={u.id} value={u.msisdn}>
              {u.claims.given_name} {u.claims.family_name}
            </option>
          ))}
        </datalist>
        {field(
          'bindingMessage',
          <>
            <code>binding_message</code> (optional, up to 64 characters)
          </>,
          { maxLength: 64 },
        )}
        {field(
          'requestedExpiry',
          <>
            <code>requested_expiry</code> in seconds (optional, {ciba.expiry.value.minSeconds}–
            {ciba.expiry.value.maxSeconds}; default {ciba.expiry.value.defaultSeconds})
          </>,
          {
            inputMode: 'numeric',
            maxLength: 3,
            'aria-invalid': refused?.startsWith('requested_expiry') ? true : undefined,
          },
        )}
        <label style={{ display: 'block', marginTop: '0.5rem' }}>
          <input
            type="checkbox"
            checked={form.profile}
            onChange={(e) => setForm({ type: 'set', field: 'profile', value: e.target.checked })}
          />{' '}
          Ask for <code>profile</code> too (scope <code>{scope.join(' ')}</code>; <code>vipps</code> and{' '}
          <code>phone</code> are mandatory)
        </label>
        {refused ? (
          <p role="alert" className="alert alert--warning">
            {refused} Nothing was sent.
          </p>
        ) : null}
        <div className={styles.row} style={{ marginTop: '0.5rem' }}>
          <button type="submit" className="button button--primary" {...inactiveWhen(busy)}>
            {run.phase === 'idle' ? 'Send the CIBA request' : 'Send a new request'}
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
      {busy && plan ? (
        <section className={styles.card} aria-labelledby={`${ids}-poll`}>
          <h3 id={`${ids}-poll`}>2. The service polls; the user answers on the phone</h3>
          <p>
            Next poll in <strong>{polling.secondsToNextPoll ?? '–'} s</strong> (interval{' '}
            {plan.intervalSeconds} s) · polls so far: {plan.polls} · the request expires at{' '}
            {new Date(plan.expiresAtMs).toLocaleTimeString()}
          </p>
          <p className={styles.row}>
            <button type="button" className="button button--secondary button--sm" onClick={polling.pollNow}>
              Poll now
            </button>
            <span className={styles.muted}>Before the interval is over, this earns slow_down.</span>
          </p>
          {engine ? (
            <SimulatedPhone
              prompts={prompts}
              answered={answered}
              busy={false}
              onAnswer={(p, d) => void answer(p, d)}
            />
          ) : null}
        </section>
      ) : null}
      <PollingOutcome
        run={run}
        {...(!engine
          ? {
              documented: {
                startTitle: '1. Start (Vipps)',
                start: curls.start,
                pollTitle: '2. Poll (every interval seconds)',
                poll: curls.poll,
              },
            }
          : {})}
        guide={{ topic: 'ciba', label: 'CIBA in the guide' }}
      />
    </div>
  );
}
