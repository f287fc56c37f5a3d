/**
 * The logout tryout (/tools/logout): log in as a test user, log out through end_session_endpoint (back
 * to the app, or TelenorID+'s white page) or the custom logout a native app uses, then see the proof —
 * prompt=none answers login_required and the session's refresh token is refused. The runner is
 * src/oidc/runners/logout.ts; this file holds the form (one reducer), the run (one state machine) and
 * the round trips (runLogin: popups, or the whole tab when they are blocked, see roundTrip.ts), and
 * renders. Tokens live in this component's memory only.
 */
import { useEffect, useId, useReducer, useRef, useState } from 'react';
import clsx from 'clsx';
import {
  buildShareLink,
  failure,
  failureSentence,
  idleRun,
  isRunning,
  readShareLink,
  redactUrlSecrets,
  runLine,
  runReducer,
  type AuthorizationSecrets,
  type ClientSettings,
  type Exchange,
  type RunReport,
  type RunStep,
} from '@site/src/oidc';
import {
  buildLogout,
  buildLogoutLogin,
  finishLogoutLogin,
  logoutClientTypes,
  logoutMethods,
  logoutReturns,
  readLogoutReturn,
  runCustomLogout,
  whitePageNeedsPopupLine,
  type AfterLogout,
  type LoggedIn,
} from '@site/src/oidc/runners/logout';
import CopyButton from '@site/src/components/CopyButton';
import ErrorPageLink from '@site/src/components/ErrorPageLink';
import IssuerConfirmation from '../shared/IssuerConfirmation';
import { inactiveWhen } from '../shared/busyButton';
import { bringIntoView } from '../shared/bringIntoView';
import { focusResult, rememberFocus } from '../shared/focus';
import { formReducer } from '@site/src/oidc/form';
import { callbackUrlFor } from '../shared/loginRoundTrip';
import { useProviderSession } from '../shared/providerSession';
import { useEnvironment, useSiteBaseUrl } from '../shared/environment';
import { readCallback, resumeLogin, runLogin } from '../shared/runLogin';
import { Exchanges, LogoutChoices, NativeAppSteps, type LogoutForm } from './Parts';
import { logoutAnchorId, logoutRedirect, logoutWidgetName, type LogoutRoundTrip } from './roundTrip';
import { proveLogout } from './proof';
import styles from './styles.module.css';
import verdictStyles from '../shared/verdict.module.css';

const defaults: LogoutForm = { clientType: 'PublicWithRefresh', method: 'end_session', returnTo: 'back' };

/** What the login left: the tokens (memory only), the exchanges that got them, and the client that did. */
type Session = LoggedIn & {
  clientType: LogoutForm['clientType'];
  exchanges: Exchange[];
  settings: ClientSettings;
};

export default function LogoutTryout(): React.JSX.Element {
  const session = useProviderSession();
  const { ready } = useEnvironment();
  const resumed = useRef(false);
  const baseUrl = useSiteBaseUrl();
  const [form, setForm] = useReducer(formReducer<LogoutForm>, defaults);
  const [run, dispatch] = useReducer(runReducer<AfterLogout>, idleRun);
  const [loggedIn, setLoggedIn] = useState<Session | undefined>(undefined);
  const [linkProblems, setLinkProblems] = useState<string[]>([]);
  const [shareUrl, setShareUrl] = useState('');
  const frame = useRef<HTMLDivElement>(null);
  const verdictRef = useRef<HTMLParagraphElement>(null);
  const headingId = useId();
  const busy = isRunning(run);
  const env = session.environment;

  useEffect(() => {
    // After hydration: a share link sets the choices (never a token; the link carries none).
    const link = readShareLink(window.location.search, { who: 'the logout tryout' });
    const values: Partial<LogoutForm> = {};
    const clientType = link.oneOf('client', logoutClientTypes, 'client type');
    const method = link.oneOf('method', logoutMethods, 'logout method');
    const returnTo = link.oneOf('return', logoutReturns, 'return');
    if (clientType) values.clientType = clientType;
    if (method) values.method = method;
    if (returnTo) values.returnTo = returnTo;
    setLinkProblems(link.problems);
    if (!Object.keys(values).length) return undefined;
    setForm({ type: 'restore', values });
    return bringIntoView(frame.current);
  }, []);

  useEffect(() => {
    setShareUrl(
      buildShareLink(window.location.href, [
        ['env', env.id === 'custom' ? undefined : env.id],
        ['client', form.clientType],
        ['method', form.method],
        ['return', form.method === 'end_session' ? form.returnTo : undefined],
      ]),
    );
  }, [env.id, form]);

  // Another environment: the tokens belong to the old one.
  useEffect(() => {
    setLoggedIn(undefined);
    dispatch({ type: 'reset' });
  }, [env.id, env.issuer]);

  const redirectUri = () => callbackUrlFor(window.location.origin, baseUrl);
  const ctx = (step: RunStep) => {
    const { step: _s, ...rest } = session.failureContext(step, { unchanged: 'Nothing was changed.' });
    void _s;
    return rest;
  };

  /** Client settings for the chosen client type, or the sentence why not (said in the run's line). */
  async function settingsOrProblem(
    clientType = form.clientType,
  ): Promise<{ settings?: ClientSettings; problem?: string }> {
    const got = await session.clientSettings(clientType);
    return got.ok ? { settings: got.settings } : { problem: got.problem.sentence };
  }

  function onLogin() {
    const restore = rememberFocus();
    dispatch({ type: 'start', status: 'Waiting for the login window…' });
    let settings: ClientSettings | undefined;
    let secrets: AuthorizationSecrets | undefined;
    let problem: string | undefined;
    void runLogin(
      async () => {
        const got = await settingsOrProblem();
        problem = got.problem;
        if (!got.settings) return failure('invalid_request');
        settings = got.settings;
        const built = await buildLogoutLogin(settings, redirectUri());
        if (!built.ok) return built;
        secrets = built.request.secrets;
        return { ok: true, request: { purpose: 'authorize', url: built.request.url, secrets } };
      },
      // Popups blocked: this tab goes to the login and comes back (the effect below finishes it).
      { mode: 'popup', redirect: logoutRedirect({ purpose: 'login', clientType: form.clientType }) },
    ).then(async (outcome) => {
      if (outcome.kind === 'redirected') return;
      if (problem) dispatch({ type: 'fail', line: problem });
      else if (outcome.kind === 'not_sent')
        dispatch({
          type: 'fail',
          line: failureSentence(outcome.failure, session.failureContext('authorize')),
          failure: outcome.failure,
        });
      else if (outcome.kind !== 'callback' || !settings || !secrets)
        dispatch({
          type: 'fail',
          line: failureSentence(
            outcome.kind === 'callback' ? { kind: 'aborted' } : outcome,
            session.failureContext('authorize', { unchanged: 'Nothing was changed.' }),
          ),
        });
      else await finishLogin(settings, outcome.url, secrets, form.clientType);
      restore(verdictRef.current);
    });
  }

  async function finishLogin(
    settings: ClientSettings,
    url: string,
    secrets: AuthorizationSecrets,
    clientType: LogoutForm['clientType'],
  ) {
    dispatch({ type: 'exchanging', status: 'Exchanging the code at /token…' });
    const report = await finishLogoutLogin(settings, url, secrets, ctx('token'));
    if (report.result) setLoggedIn({ ...report.result, clientType, exchanges: report.exchanges, settings });
    dispatch({
      type: 'report',
      report: { verdict: report.verdict, exchanges: report.result ? [] : report.exchanges },
    });
  }

  // Back from a round trip through the whole tab (popups blocked): finish the login, or prove the logout.
  useEffect(() => {
    if (!ready || resumed.current) return undefined;
    resumed.current = true;
    const back = resumeLogin<LogoutRoundTrip>(logoutWidgetName);
    if (!back) return undefined;
    const trip = back.context;
    setForm({
      type: 'restore',
      values:
        trip.purpose === 'login'
          ? { clientType: trip.clientType }
          : { clientType: trip.clientType, method: 'end_session', returnTo: trip.returnTo },
    });
    dispatch({ type: 'start', status: `Back from the ${trip.purpose}…` });
    void (async () => {
      const got = await settingsOrProblem(trip.clientType);
      if (!got.settings) dispatch({ type: 'fail', line: got.problem ?? '' });
      else if (trip.purpose === 'login')
        await finishLogin(got.settings, back.outcome.url, back.secrets, trip.clientType);
      else {
        const outcome = readCallback(back.outcome.url, { purpose: 'end_session', state: back.secrets.state });
        const first = readLogoutReturn(trip.shownUrl, outcome, trip.returnTo);
        await proveLoggedOut(got.settings, { leftBehind: true }, first);
      }
      // Focus lands on the result the reader came back for, not on “Skip to main content”.
      focusResult(verdictRef.current);
    })();
    return bringIntoView(frame.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the environment is known
  }, [ready]);

  async function proveLoggedOut(
    settings: ClientSettings,
    tokens: { refreshToken?: string; leftBehind?: boolean },
    first: RunReport<undefined>,
  ) {
    dispatch({ type: 'exchanging', status: 'Checking: prompt=none in a hidden frame, then a refresh…' });
    const report = await proveLogout(settings, redirectUri(), tokens, first, ctx('refresh'), () =>
      // The app logs out locally, whatever the provider said: the tokens go (the refresh token after its test).
      setLoggedIn(undefined),
    );
    dispatch({ type: 'report', report });
  }

  function onLogout() {
    const tokens = loggedIn;
    if (!tokens) return;
    const restore = rememberFocus();
    const state = crypto.randomUUID();
    const finish = () => restore(verdictRef.current);
    if (form.method === 'custom') {
      dispatch({ type: 'start', status: 'Posting the custom logout…' });
      void (async () => {
        const first = await runCustomLogout(
          tokens.settings,
          { idToken: tokens.idToken, state },
          ctx('end_session'),
        );
        await proveLoggedOut(tokens.settings, tokens, first);
        finish();
      })();
      return;
    }
    dispatch({
      type: 'start',
      status:
        form.returnTo === 'white_page'
          ? `The logout window shows the provider's own page. Close it to go on: nothing comes back to a client without a logout URI.`
          : 'Waiting for the logout window…',
    });
    // The client that logged in, known since the login: the URL is built in the click, so the window
    // opens on it (runLogin) rather than on a blank page that navigates once the URL is ready.
    const settings = tokens.settings;
    const returnTo = form.returnTo;
    const built = buildLogout(settings, {
      idToken: tokens.idToken,
      redirectUri: redirectUri(),
      state,
      returnTo,
    });
    const endUrl = built.ok ? built.url : '';
    const trip: LogoutRoundTrip = {
      purpose: 'logout',
      clientType: tokens.clientType,
      returnTo,
      shownUrl: redactUrlSecrets(endUrl),
    };
    void runLogin(
      built.ok
        ? { purpose: 'end_session', url: built.url, state, redirectUri: redirectUri() }
        : () => Promise.resolve(built),
      // Popups blocked: this tab goes to the logout and comes back, unless nothing would send it back.
      { mode: 'popup', ...(returnTo === 'back' ? { redirect: logoutRedirect(trip) } : {}) },
    ).then(async (outcome) => {
      if (outcome.kind === 'redirected') return;
      if (outcome.kind === 'popup_blocked' && returnTo === 'white_page')
        dispatch({ type: 'fail', line: whitePageNeedsPopupLine });
      else if (outcome.kind === 'not_sent')
        dispatch({
          type: 'fail',
          line: failureSentence(outcome.failure, session.failureContext('end_session')),
          failure: outcome.failure,
        });
      else if (outcome.kind === 'callback' || outcome.kind === 'closed' || outcome.kind === 'timeout')
        await proveLoggedOut(settings, tokens, readLogoutReturn(endUrl, outcome, returnTo));
      else
        dispatch({
          type: 'fail',
          line: failureSentence(
            outcome,
            session.failureContext('end_session', { unchanged: 'Nothing was changed.' }),
          ),
        });
      finish();
    });
  }

  const blocked = session.blocked();
  const verdict = run.phase === 'done' || run.phase === 'failed' ? run.verdict : undefined;
  return (
    <section className={styles.tryout} aria-labelledby={headingId} ref={frame} id={logoutAnchorId}>
      <h3 id={headingId} className={styles.heading}>
        Log in, log out, and see the session end
      </h3>
      {linkProblems.length > 0 && (
        <ul className="alert alert--warning" role="alert">
          {linkProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <IssuerConfirmation what="The logout tryout sends it requests" />
      {!session.hasTestClients ? (
        <p className="alert alert--info">
          This tryout logs in with the portal’s test clients, which only the mock and the local test tenant
          have. Choose one of them in the navigation bar; against {env.label}, follow the steps below with
          your own client.
        </p>
      ) : (
        <>
          <LogoutChoices form={form} onChange={setForm} loggedIn={loggedIn !== undefined} />
          <p className={styles.muted}>
            {loggedIn
              ? `Logged in${loggedIn.name ? ` as ${loggedIn.name}` : ''} with the ${loggedIn.clientType} test client: this page holds its ID token and refresh token in memory.`
              : 'First log in as a test user (in a popup, or in this tab if popups are blocked); the logout needs the ID token of that login as its id_token_hint.'}
          </p>
          <div className={styles.row}>
            <button
              type="button"
              className="button button--primary"
              {...inactiveWhen(busy || blocked !== undefined, onLogin)}
            >
              {loggedIn ? 'Log in again' : 'Log in'}
            </button>
            <button
              type="button"
              className="button button--secondary"
              {...inactiveWhen(busy || !loggedIn, onLogout)}
            >
              Log out
            </button>
            <CopyButton value={shareUrl} label="Copy share link" />
          </div>
        </>
      )}
      <p
        ref={run.phase === 'failed' ? undefined : verdictRef}
        role="status"
        className={clsx(styles.verdict, verdict?.ok && verdictStyles.ok)}
        data-testid="logout-verdict"
      >
        {run.phase === 'failed' ? '' : runLine(run)}
      </p>
      {run.phase === 'failed' && (
        <div
          role="alert"
          ref={verdictRef}
          className={clsx(styles.verdict, verdictStyles.bad)}
          data-testid="logout-failure"
        >
          <p className={styles.verdict}>{run.verdict.line}</p>
          {run.verdict.failure && <ErrorPageLink code={run.verdict.failure.code} />}
        </div>
      )}
      {loggedIn && <Exchanges exchanges={loggedIn.exchanges} label="The login's requests" />}
      {run.phase !== 'idle' && <Exchanges exchanges={run.exchanges} label="The logout's requests" />}
      <NativeAppSteps />
    </section>
  );
}
