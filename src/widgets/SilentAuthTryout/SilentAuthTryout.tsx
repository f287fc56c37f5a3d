import { useCallback, useEffect, useId, useReducer, useRef } from 'react';
import CopyButton from '@site/src/components/CopyButton';
import {
  busyLine,
  discoverProvider,
  explain,
  finishSilentCheck,
  finishTryoutLogin,
  frameDiagnosisOf,
  initialSilentTryoutForm,
  initialSilentTryoutState,
  isBusy,
  mockPatchOf,
  namesSilentScenario,
  parseSilentScenario,
  planSilentCheck,
  planTryoutLogin,
  planTryoutLogout,
  problemOf,
  readTryoutLogout,
  shareSilentScenarioUrl,
  silentCheckClientId,
  silentCheckTimeoutMs,
  silentTryoutFormReducer,
  silentTryoutReducer,
  tokenAnswerLine,
  type AuthorizationSecrets,
  type CheckRecord,
  type ClientSettings,
  type MockScenarioLike,
  type SilentActivity,
  type SilentArrival,
  type SilentCheckPlan,
} from '@site/src/oidc';
import {
  awaitPopupCallback,
  beginRedirectLogin,
  callbackUrlFor,
  navigatePopup,
  openLoginPopup,
  runInHiddenFrame,
  takeReturnedLogin,
} from '../shared/loginRoundTrip';
import { bringIntoView } from '../shared/bringIntoView';
import { focusResult, rememberFocus } from '../shared/focus';
import { controlMock, type MockControlRequest } from '@site/src/mocks/control';
import { environmentReady, useEnvironment, useSiteBaseUrl } from '../shared/environment';
import SessionStep from './SessionStep';
import CheckStep from './CheckStep';
import { FrameNote, Problem, VerdictLine } from './Verdict';
import ExchangeSteps from './ExchangeSteps';
import WhatNext, { ThirdPartyCookies } from './WhatNext';
import styles from './styles.module.css';

const widgetName = 'prompt-none-tryout';
/** The widget's anchor, to come back to after a full-page redirect. */
const anchorId = 'prompt-none-tryout';

/** The mock's scenario as this tab has it (restored from sessionStorage), without starting the worker. */
async function readMockScenario(baseUrl: string): Promise<Record<string, unknown>> {
  const [{ prepareMockTenant }, { getMockScenario }] = await Promise.all([
    import('@site/src/mocks/browser'),
    import('@site/src/mocks/tenant'),
  ]);
  prepareMockTenant({ baseUrl });
  return { ...getMockScenario() };
}

/** What the widget keeps across a full-page redirect: no token, no secret of its own. */
type RoundTripContext =
  | { purpose: 'check'; tamper: boolean; authorizeUrl: string; checks: CheckRecord[] }
  | { purpose: 'login'; checks: CheckRecord[] };

/**
 * The prompt=none tryout: make an SSO session (or not), check for it silently in a hidden iframe
 * or by a top-level redirect, and see each outcome with what a client should do next. The form is
 * one reducer, the run one state machine (src/oidc/silent-tryout.ts); each check is the runner's
 * (src/oidc/silent-check.ts). Codes and tokens live in this component's memory only, shown shortened.
 */
export default function SilentAuthTryout(): React.JSX.Element {
  const env = useEnvironment();
  const baseUrl = useSiteBaseUrl();
  const ids = useId();
  const [form, dispatchForm] = useReducer(silentTryoutFormReducer, initialSilentTryoutForm);
  const [state, dispatch] = useReducer(silentTryoutReducer, initialSilentTryoutState);
  const idTokenForLogout = useRef<string | undefined>(undefined);
  const discoveryCache = useRef(new Map<string, Record<string, unknown>>());
  const verdictLine = useRef<HTMLParagraphElement>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const clientId = silentCheckClientId(env.id);
  const supported = clientId !== undefined;
  const busy = isBusy(state);
  const redirectUri = () => callbackUrlFor(window.location.origin, baseUrl);
  const returnTo = () => window.location.pathname + window.location.search + '#' + anchorId;

  /** The check's client settings in the selected environment; says what is wrong and returns undefined. */
  const settingsFor = useCallback(async (): Promise<ClientSettings | undefined> => {
    if (!env.issuer || !clientId) {
      dispatch({
        type: 'failed',
        problem: problemOf(
          'The tryout uses a registered test client, which only the mock and the local test tenant have. Pick one of those in the navigation bar.',
        ),
      });
      return undefined;
    }
    await environmentReady(env.id, baseUrl);
    let discovery = discoveryCache.current.get(env.issuer);
    if (!discovery) {
      const fetched = await discoverProvider(env.issuer);
      if (!fetched.ok) {
        const where = `while reading ${env.label}’s discovery document${env.id === 'local' ? ': is the tenant running? npm run tenant' : ''}`;
        dispatch({
          type: 'failed',
          problem: problemOf(
            `${tokenAnswerLine({ ok: false, failure: fetched.failure })} (${where})`,
            fetched.failure,
          ),
        });
        return undefined;
      }
      discovery = fetched.document;
      discoveryCache.current.set(env.issuer, discovery);
    }
    return { discovery, issuer: env.issuer, clientId };
  }, [env.id, env.issuer, env.label, clientId, baseUrl]);

  /** The mock's scenario control (src/mocks/README.md); shows the scenario after the change. */
  const mockControl = useCallback(
    async (body: MockControlRequest) => {
      await environmentReady('mock', baseUrl);
      const scenario = (await controlMock(body))?.scenario;
      if (scenario) dispatchForm({ type: 'mockAnswered', scenario });
    },
    [baseUrl],
  );

  const run = useCallback(async (activity: SilentActivity, work: () => Promise<void>) => {
    // Focus stays on the pressed control (aria-disabled while busy, never disabled), and comes back
    // to it after a popup closed; if the result removed it, it moves to the verdict.
    const restoreFocus = rememberFocus();
    dispatch({ type: 'start', activity });
    try {
      await work();
    } catch {
      dispatch({
        type: 'failed',
        problem: problemOf('Something went wrong in the tryout itself; reload the page and try again.'),
      });
    } finally {
      if (mounted.current) {
        dispatch({ type: 'finished' });
        setTimeout(() => restoreFocus(verdictLine.current), 0);
      }
    }
  }, []);

  /** Read the answer of a check (state first), exchange a code, and show all of it. */
  const finishCheck = useCallback(
    async (plan: SilentCheckPlan, arrival: SilentArrival) => {
      const settings = await settingsFor();
      if (!settings) return;
      const { idToken, ...checked } = await finishSilentCheck(settings, plan, arrival, {
        onExchange: () => dispatch({ type: 'exchanging' }),
      });
      if (idToken) idTokenForLogout.current = idToken;
      dispatch({ type: 'checked', run: checked });
    },
    [settingsFor],
  );

  /** Exchange the code of an interactive login (to show who logged in) and note the session. */
  const finishLogin = useCallback(
    async (callbackUrl: string, secrets: AuthorizationSecrets) => {
      const settings = await settingsFor();
      if (!settings) return;
      const login = await finishTryoutLogin(settings, callbackUrl, secrets, env.label);
      if (!login.ok) {
        dispatch({ type: 'noted', note: login.note });
        return;
      }
      if (login.idToken) idTokenForLogout.current = login.idToken;
      // The popup's mock lived in another page: adopt the SSO session it started.
      if (env.id === 'mock')
        await mockControl({
          set: { ssoSession: true, ...(login.sessionState ? { sessionId: login.sessionState } : {}) },
        });
      dispatch({ type: 'noted', note: login.note, sessionChanged: true });
    },
    [settingsFor, env.id, env.label, mockControl],
  );

  // On mount: finish a redirect round trip, or apply a shared scenario to the mock.
  const started = useRef(false);
  useEffect(() => {
    if (!env.ready || started.current) return;
    started.current = true;
    const shared = parseSilentScenario(window.location.search);
    if (shared.mode) dispatchForm({ type: 'restore', form: { mode: shared.mode } });
    const returned = takeReturnedLogin<RoundTripContext>(widgetName);
    // The reader came for this widget (a share link, or back from a redirect login): show it.
    if (returned || namesSilentScenario(shared)) bringIntoView(document.getElementById(anchorId));
    const showScenario = (scenario: MockScenarioLike) => dispatchForm({ type: 'mockAnswered', scenario });
    if (returned) {
      // Focus lands on the result, where the page scrolled, not on "Skip to main content".
      focusResult(verdictLine.current);
      const ctx = returned.context;
      dispatch({ type: 'resumed', checks: ctx.checks });
      if (ctx.purpose === 'check') {
        dispatchForm({ type: 'restore', form: { mode: 'redirect', tamper: ctx.tamper } });
        const plan = {
          mode: 'redirect',
          tamper: ctx.tamper,
          authorizeUrl: ctx.authorizeUrl,
          secrets: returned.secrets,
        } as const;
        void run('answer', () => finishCheck(plan, { kind: 'callback', url: returned.callbackUrl }));
      } else {
        void run('finishLogin', () => finishLogin(returned.callbackUrl, returned.secrets));
      }
      if (env.id === 'mock') void readMockScenario(baseUrl).then(showScenario);
      return;
    }
    if (env.id !== 'mock') return;
    const patch = mockPatchOf(shared);
    // A share link changes the mock through its control endpoint; otherwise the switches only show
    // the scenario this tab already has, read in place (no request on page load).
    void (
      Object.keys(patch).length ? mockControl({ set: patch }) : readMockScenario(baseUrl).then(showScenario)
    ).catch(() =>
      dispatch({ type: 'failed', problem: problemOf('The mock did not start; reload the page.') }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the environment is known
  }, [env.ready]);

  function onMockSwitch(key: 'session' | 'consent', on: boolean) {
    // Shown at once; the mock's answer confirms (or corrects) it.
    dispatchForm({ type: 'mockSwitch', key, on });
    void run('mock', async () => {
      await mockControl({ set: key === 'session' ? { ssoSession: on } : { consentRequired: on } });
      if (key === 'session') {
        dispatch({ type: 'sessionChanged' });
        if (!on) idTokenForLogout.current = undefined;
      }
    });
  }

  function onLogin() {
    const popup = openLoginPopup();
    const earlier = state.checks;
    void run('login', async () => {
      const settings = await settingsFor();
      const planned = settings && (await planTryoutLogin(settings, { redirectUri: redirectUri() }));
      if (!planned || !planned.ok) {
        popup?.close();
        if (planned)
          dispatch({ type: 'failed', problem: problemOf(tokenAnswerLine(planned), planned.failure) });
        return;
      }
      if (!popup) {
        const context: RoundTripContext = { purpose: 'login', checks: earlier };
        const begun = beginRedirectLogin(
          { widget: widgetName, returnTo: returnTo(), context, secrets: planned.secrets },
          planned.url,
        );
        if (!begun)
          dispatch({
            type: 'failed',
            problem: problemOf(
              'The popup was blocked and this browser does not allow session storage: allow popups for this site.',
            ),
          });
        return;
      }
      navigatePopup(popup, planned.url);
      const outcome = await awaitPopupCallback(popup);
      if (outcome.kind !== 'callback') {
        dispatch({
          type: 'noted',
          note:
            outcome.kind === 'closed'
              ? 'The login window was closed before the login finished. Nothing changed.'
              : 'The login did not come back in time. Nothing changed.',
        });
        return;
      }
      await finishLogin(outcome.url, planned.secrets);
    });
  }

  function onLogout() {
    const popup = openLoginPopup();
    void run('logout', async () => {
      const settings = await settingsFor();
      const planned =
        settings &&
        planTryoutLogout(settings, {
          postLogoutRedirectUri: redirectUri(),
          ...(idTokenForLogout.current ? { idTokenHint: idTokenForLogout.current } : {}),
        });
      if (!planned || !planned.ok) {
        popup?.close();
        if (planned)
          dispatch({ type: 'failed', problem: problemOf(tokenAnswerLine(planned), planned.failure) });
        return;
      }
      if (!popup) {
        dispatch({
          type: 'failed',
          problem: problemOf('Allow popups for this site: the logout runs in a popup window.'),
        });
        return;
      }
      navigatePopup(popup, planned.plan.url);
      const outcome = await awaitPopupCallback(popup);
      const read = readTryoutLogout(
        planned.plan,
        outcome.kind === 'callback' ? outcome.url : undefined,
        env.label,
      );
      if (read.ended) idTokenForLogout.current = undefined;
      dispatch({ type: 'noted', note: read.note, sessionChanged: read.ended });
    });
  }

  function onCheck() {
    const { mode, tamper } = form;
    const earlier = state.checks;
    void run('check', async () => {
      const settings = await settingsFor();
      if (!settings) return;
      const planned = await planSilentCheck(settings, { redirectUri: redirectUri(), mode, tamper });
      if (!planned.ok) {
        dispatch({ type: 'failed', problem: problemOf(tokenAnswerLine(planned), planned.failure) });
        return;
      }
      const { plan } = planned;
      if (mode === 'redirect') {
        const context: RoundTripContext = {
          purpose: 'check',
          tamper,
          authorizeUrl: plan.authorizeUrl,
          checks: earlier,
        };
        const begun = beginRedirectLogin(
          { widget: widgetName, returnTo: returnTo(), context, secrets: plan.secrets },
          plan.authorizeUrl,
        );
        if (!begun)
          dispatch({
            type: 'failed',
            problem: problemOf(
              'This browser does not allow session storage, so the page could not resume after the redirect: use the iframe mode.',
            ),
          });
        return;
      }
      const outcome = await runInHiddenFrame(plan.authorizeUrl, { timeoutMs: silentCheckTimeoutMs });
      if (outcome.kind === 'aborted') return;
      await finishCheck(
        plan,
        outcome.kind === 'callback' ? outcome : { kind: 'timeout', afterMs: silentCheckTimeoutMs },
      );
    });
  }

  const check = state.check;
  const failure = check?.verdict.failure;
  return (
    <div className={styles.tryout} id={anchorId}>
      {!supported && (
        <div className="alert alert--warning" role="alert">
          The tryout checks the session with a registered test client, which only the <strong>mock</strong>{' '}
          and the <strong>local test tenant</strong> have. Environment now: {env.label}. Pick Mock or Local
          test tenant in the navigation bar.
        </div>
      )}
      <SessionStep
        headingId={`${ids}-session`}
        atMock={env.id === 'mock'}
        mock={form.mock}
        busy={busy}
        supported={supported}
        note={state.sessionNote}
        onMockSwitch={onMockSwitch}
        onLogin={onLogin}
        onLogout={onLogout}
      />
      <CheckStep
        headingId={`${ids}-check`}
        radioName={`${ids}-mode`}
        mode={form.mode}
        tamper={form.tamper}
        busy={busy}
        busyLine={busyLine(state)}
        supported={supported}
        clientId={clientId}
        environmentLabel={env.label}
        onMode={(mode) => dispatchForm({ type: 'mode', mode })}
        onTamper={(tamper) => dispatchForm({ type: 'tamper', tamper })}
        onCheck={onCheck}
      />
      <Problem problem={state.problem} />
      <VerdictLine ref={verdictLine} verdict={check?.verdict} />
      <FrameNote diagnosis={frameDiagnosisOf(state)} />
      {check && (
        <WhatNext
          outcome={check.verdict.outcome}
          mode={check.mode}
          explanation={failure ? explain(failure.code) : undefined}
          canLogIn={supported && !busy}
          onLogIn={onLogin}
        />
      )}
      <ThirdPartyCookies />
      {check && <ExchangeSteps exchanges={check.exchanges} />}
      <div className={styles.row}>
        <CopyButton
          label="Share this scenario"
          done="Link copied (environment, mode and the mock’s switches; never a code or token)"
          value={() =>
            shareSilentScenarioUrl(window.location.href, {
              env: env.id,
              mode: form.mode,
              ...(env.id === 'mock' ? { session: form.mock.session, consent: form.mock.consent } : {}),
            })
          }
        />
      </div>
    </div>
  );
}
