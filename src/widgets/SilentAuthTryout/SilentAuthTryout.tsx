import { useCallback, useEffect, useId, useReducer, useRef, useState } from 'react';
import {
  busyLine,
  explain,
  failure,
  failureSentence,
  finishSilentCheck,
  finishTryoutLogin,
  frameDiagnosisOf,
  initialSilentTryoutForm,
  initialSilentTryoutState,
  isBusy,
  mockPatchOf,
  mockSwitchesOf,
  namesSilentScenario,
  planSilentCheck,
  planTryoutLogin,
  planTryoutLogout,
  problemOf,
  readSilentShareLink,
  readTryoutLogout,
  shareSilentScenarioUrl,
  silentCheckTimeoutMs,
  silentTryoutReducer,
  tokenAnswerLine,
  type AuthorizationSecrets,
  type CheckRecord,
  type ClientSettings,
  type MockScenarioLike,
  type OidcFailure,
  type SilentActivity,
  type SilentArrival,
  type SilentCheckPlan,
  type SilentProblem,
  type SilentTryoutForm,
} from '@site/src/oidc';
import { callbackUrlFor } from '../shared/loginRoundTrip';
import { resumeLogin, runLogin, type LoginOutcome } from '../shared/runLogin';
import { useMockControl, useProviderSession } from '../shared/providerSession';
import { formReducer } from '@site/src/oidc/form';
import { readMockScenarioInPlace } from '../shared/mockScenario';
import { bringIntoView } from '../shared/bringIntoView';
import { focusResult, rememberFocus } from '../shared/focus';
import { useEnvironment, useSiteBaseUrl } from '../shared/environment';
import SessionStep from './SessionStep';
import CheckStep from './CheckStep';
import { FrameNote, LinkProblems, NoTestClient, Problem, ShareScenario, VerdictLine } from './Verdict';
import ExchangeSteps from './ExchangeSteps';
import WhatNext, { ThirdPartyCookies } from './WhatNext';
import styles from './styles.module.css';

const widgetName = 'prompt-none-tryout';
/** The widget's anchor, to come back to after a full-page redirect. */
const anchorId = 'prompt-none-tryout';

/** What the widget keeps across a full-page redirect: no token, no secret of its own. */
type RoundTripContext =
  | { purpose: 'check'; tamper: boolean; authorizeUrl: string; checks: CheckRecord[] }
  | { purpose: 'login' | 'logout'; checks: CheckRecord[] };

type Settings = { ok: true; settings: ClientSettings } | { ok: false; problem: SilentProblem };

/**
 * The prompt=none tryout: make an SSO session (or not), check for it silently in a hidden iframe
 * or by a top-level redirect, and see each outcome with what a client should do next. The form is
 * one reducer, the run one state machine (src/oidc/silent-tryout.ts); each check is the runner's
 * (src/oidc/runners/silent-checks.ts), each round trip `runLogin`'s. Codes and tokens live in this
 * component's memory only, shown shortened.
 */
export default function SilentAuthTryout(): React.JSX.Element {
  const { ready } = useEnvironment();
  const session = useProviderSession();
  const mock = useMockControl();
  const env = session.environment;
  const baseUrl = useSiteBaseUrl();
  const ids = useId();
  const [form, setForm] = useReducer(formReducer<SilentTryoutForm>, initialSilentTryoutForm);
  const [state, dispatch] = useReducer(silentTryoutReducer, initialSilentTryoutState);
  const [linkProblems, setLinkProblems] = useState<string[]>([]);
  const idTokenForLogout = useRef<string | undefined>(undefined);
  const verdictLine = useRef<HTMLParagraphElement>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const clientId = session.testClient('Public')?.clientId;
  const supported = clientId !== undefined;
  const busy = isBusy(state);
  const redirectUri = () => callbackUrlFor(window.location.origin, baseUrl);
  const redirect = (context: RoundTripContext) => ({
    widget: widgetName,
    context,
    returnTo: window.location.pathname + window.location.search + '#' + anchorId,
  });
  const fail = (problem: SilentProblem) => dispatch({ type: 'failed', problem });
  const mockUnavailable = () =>
    fail(problemOf(failureSentence({ kind: 'mock_unavailable' }, session.failureContext('discovery'))));
  const failed = (f: OidcFailure) => fail(problemOf(tokenAnswerLine({ ok: false, failure: f }), f));
  const showScenario = useCallback(
    (scenario: MockScenarioLike | undefined) => {
      if (scenario) setForm({ type: 'restore', values: mockSwitchesOf(scenario) });
    },
    [setForm],
  );

  /** The check's client settings here (the mock started), or what is wrong as a sentence. */
  const settingsFor = useCallback(async (): Promise<Settings> => {
    const found = await session.clientSettings('Public');
    if (found.ok) return found;
    return { ok: false, problem: problemOf(found.problem.sentence, found.problem.failure) };
  }, [session]);

  const run = useCallback(async (activity: SilentActivity, work: () => Promise<void>) => {
    // Focus stays on the pressed control (aria-disabled while busy, never disabled), and comes back
    // to it after a popup closed; if the result removed it, it moves to the verdict.
    const restoreFocus = rememberFocus();
    dispatch({ type: 'start', activity });
    try {
      await work();
    } catch {
      fail(problemOf('Something went wrong in the tryout itself; reload the page and try again.'));
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
      const found = await settingsFor();
      if (!found.ok) return fail(found.problem);
      const report = await finishSilentCheck(found.settings, plan, arrival, {
        onExchange: () => dispatch({ type: 'exchanging' }),
        context: session.failureContext('token'),
      });
      const { idToken, ...result } = report.result;
      if (idToken) idTokenForLogout.current = idToken;
      dispatch({ type: 'checked', report: { ...report, result } });
    },
    [settingsFor, session],
  );

  /** Exchange the code of an interactive login (to show who logged in) and note the session. */
  const finishLogin = useCallback(
    async (callbackUrl: string, secrets: AuthorizationSecrets) => {
      const found = await settingsFor();
      if (!found.ok) return fail(found.problem);
      const login = await finishTryoutLogin(
        found.settings,
        callbackUrl,
        secrets,
        session.failureContext('authorize'),
      );
      if (!login.ok) return dispatch({ type: 'noted', note: login.note });
      if (login.idToken) idTokenForLogout.current = login.idToken;
      // The popup's mock lived in another page: adopt the SSO session it started.
      if (env.id === 'mock')
        showScenario(
          (
            await mock.set({
              ssoSession: true,
              ...(login.sessionState ? { sessionId: login.sessionState } : {}),
            })
          )?.scenario,
        );
      dispatch({ type: 'noted', note: login.note, sessionChanged: true });
    },
    [settingsFor, session, env.id, mock, showScenario],
  );

  const noteLogout = useCallback(
    (plan: { state: string }, returned: string | undefined) => {
      const read = readTryoutLogout(plan, returned, env.label);
      if (read.ended) idTokenForLogout.current = undefined;
      dispatch({ type: 'noted', note: read.note, sessionChanged: read.ended });
    },
    [env.label],
  );

  // Once the environment is known: finish a redirect round trip, or apply a shared scenario to the mock.
  const started = useRef(false);
  useEffect(() => {
    if (!ready || started.current) return;
    started.current = true;
    const { scenario: shared, problems } = readSilentShareLink(window.location.search);
    setLinkProblems(problems);
    if (shared.mode) setForm({ type: 'restore', values: { mode: shared.mode } });
    const back = resumeLogin<RoundTripContext>(widgetName);
    // The reader came for this widget (a share link, or back from a redirect login): show it.
    if (back || namesSilentScenario(shared)) bringIntoView(document.getElementById(anchorId));
    if (back) {
      // Focus lands on the result, where the page scrolled, not on "Skip to main content".
      focusResult(verdictLine.current);
      const ctx = back.context;
      const url = back.outcome.url;
      dispatch({ type: 'resumed', checks: ctx.checks });
      if (ctx.purpose === 'check') {
        setForm({ type: 'restore', values: { mode: 'redirect', tamper: ctx.tamper } });
        const plan = {
          mode: 'redirect',
          tamper: ctx.tamper,
          authorizeUrl: ctx.authorizeUrl,
          secrets: back.secrets,
        };
        void run('answer', () => finishCheck({ ...plan, mode: 'redirect' }, { kind: 'callback', url }));
      } else if (ctx.purpose === 'login') {
        void run('finishLogin', () => finishLogin(url, back.secrets));
      } else noteLogout(back.secrets, url);
      if (env.id === 'mock') void readMockScenarioInPlace().then(showScenario);
      return;
    }
    if (env.id !== 'mock') return;
    const patch = mockPatchOf(shared);
    // A share link changes the mock through its control client; otherwise the switches only show
    // the scenario this tab already has, read in place (no request on page load).
    const asked = Object.keys(patch).length > 0;
    void (asked ? mock.set(patch).then((a) => a?.scenario) : readMockScenarioInPlace())
      .then((scenario) => (scenario ? showScenario(scenario) : mockUnavailable()))
      .catch(mockUnavailable);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the environment is known
  }, [ready]);

  function onMockSwitch(key: 'session' | 'consent', on: boolean) {
    // Shown at once; the mock's answer confirms (or corrects) it.
    setForm({ type: 'set', field: key === 'session' ? 'mockSession' : 'mockConsent', value: on });
    void run('mock', async () => {
      const answer = await mock.set(key === 'session' ? { ssoSession: on } : { consentRequired: on });
      if (!answer) {
        setForm({ type: 'set', field: key === 'session' ? 'mockSession' : 'mockConsent', value: !on });
        return mockUnavailable();
      }
      showScenario(answer.scenario);
      if (key === 'session') {
        dispatch({ type: 'sessionChanged' });
        if (!on) idTokenForLogout.current = undefined;
      }
    });
  }

  /** A round trip that ended without an answer, as the note (closed, timed out) or the problem. */
  function interrupted(outcome: Exclude<LoginOutcome, { kind: 'callback' }>, problem?: SilentProblem) {
    if (outcome.kind === 'redirected' || outcome.kind === 'aborted') return;
    if (outcome.kind === 'not_sent') return problem ? fail(problem) : failed(outcome.failure);
    const sentence = failureSentence(
      outcome,
      session.failureContext('authorize', { unchanged: 'Nothing changed.' }),
    );
    if (outcome.kind === 'closed' || outcome.kind === 'timeout') dispatch({ type: 'noted', note: sentence });
    else fail(problemOf(sentence));
  }

  function onLogin() {
    let secrets: AuthorizationSecrets | undefined;
    let problem: SilentProblem | undefined;
    // runLogin first, before any await: the popup opens in this click.
    const login = runLogin(
      async () => {
        const found = await settingsFor();
        if (!found.ok) {
          problem = found.problem;
          return failure('invalid_request');
        }
        const planned = await planTryoutLogin(found.settings, { redirectUri: redirectUri() });
        if (!planned.ok) return planned;
        secrets = planned.secrets;
        return { ok: true, request: { purpose: 'authorize', url: planned.url, secrets: planned.secrets } };
      },
      { mode: 'popup', redirect: redirect({ purpose: 'login', checks: state.checks }) },
    );
    void run('login', async () => {
      const outcome = await login;
      if (outcome.kind !== 'callback') return interrupted(outcome, problem);
      await finishLogin(outcome.url, secrets!);
    });
  }

  function onLogout() {
    let plan: { state: string } | undefined;
    let problem: SilentProblem | undefined;
    const logout = runLogin(
      async () => {
        const found = await settingsFor();
        if (!found.ok) {
          problem = found.problem;
          return failure('invalid_request');
        }
        const planned = planTryoutLogout(found.settings, {
          postLogoutRedirectUri: redirectUri(),
          ...(idTokenForLogout.current ? { idTokenHint: idTokenForLogout.current } : {}),
        });
        if (!planned.ok) return planned;
        plan = planned.plan;
        return { ok: true, request: { purpose: 'end_session', ...planned.plan } };
      },
      { mode: 'popup', redirect: redirect({ purpose: 'logout', checks: state.checks }) },
    );
    void run('logout', async () => {
      const outcome = await logout;
      if (outcome.kind === 'callback') return noteLogout(plan!, outcome.url);
      if (outcome.kind === 'closed' || outcome.kind === 'timeout') return noteLogout(plan!, undefined);
      interrupted(outcome, problem);
    });
  }

  function onCheck() {
    const { mode, tamper } = form;
    const earlier = state.checks;
    void run('check', async () => {
      const found = await settingsFor();
      if (!found.ok) return fail(found.problem);
      const planned = await planSilentCheck(found.settings, { redirectUri: redirectUri(), mode, tamper });
      if (!planned.ok) return failed(planned.failure);
      const { plan } = planned;
      const request = { purpose: 'authorize', url: plan.authorizeUrl, secrets: plan.secrets } as const;
      if (mode === 'redirect') {
        const context = {
          purpose: 'check',
          tamper,
          authorizeUrl: plan.authorizeUrl,
          checks: earlier,
        } as const;
        const outcome = await runLogin(request, { mode: 'redirect', redirect: redirect({ ...context }) });
        if (outcome.kind !== 'callback') interrupted(outcome);
        return;
      }
      const outcome = await runLogin(request, { mode: 'frame', timeoutMs: silentCheckTimeoutMs });
      if (outcome.kind === 'callback') return finishCheck(plan, outcome);
      if (outcome.kind === 'timeout')
        return finishCheck(plan, { kind: 'timeout', afterMs: silentCheckTimeoutMs });
      interrupted(outcome);
    });
  }

  const check = state.check;
  const checkFailure = check?.verdict.failure;
  return (
    <div className={styles.tryout} id={anchorId}>
      {!supported && <NoTestClient environmentLabel={env.label} />}
      <LinkProblems problems={linkProblems} />
      <SessionStep
        headingId={`${ids}-session`}
        atMock={env.id === 'mock'}
        form={form}
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
        onMode={(mode) => setForm({ type: 'set', field: 'mode', value: mode })}
        onTamper={(tamper) => setForm({ type: 'set', field: 'tamper', value: tamper })}
        onCheck={onCheck}
      />
      <Problem problem={state.problem} />
      <VerdictLine ref={verdictLine} check={check} />
      <FrameNote diagnosis={frameDiagnosisOf(state)} />
      {check && (
        <WhatNext
          outcome={check.result.outcome}
          mode={check.result.mode}
          explanation={checkFailure ? explain(checkFailure.code) : undefined}
          canLogIn={supported && !busy}
          onLogIn={onLogin}
        />
      )}
      <ThirdPartyCookies />
      {check && <ExchangeSteps check={check} />}
      <ShareScenario
        link={() =>
          shareSilentScenarioUrl(window.location.href, {
            env: env.id,
            mode: form.mode,
            ...(env.id === 'mock' ? { session: form.mockSession, consent: form.mockConsent } : {}),
          })
        }
      />
    </div>
  );
}
