import { useCallback, useEffect, useId, useRef, useState } from 'react';
import clsx from 'clsx';
import CodeBlock from '@theme/CodeBlock';
import CopyButton from '@site/src/components/CopyButton';
import GuideLink from '@site/src/components/GuideLink';
import {
  buildAuthorizationRequest,
  buildEndSessionRequest,
  buildSilentAuthRequest,
  describeUser,
  diagnoseFrame,
  exchangeCode,
  explain,
  discoverProvider,
  parseCallback,
  readSilentAnswer,
  redactToken,
  describeExpiresIn,
  redactedTokenResponse,
  tokenFailureBody,
  silentCheckTimeoutMs,
  silentTimeoutAnswer,
  tamperWithState,
  tokenAnswerLine,
  type AuthorizationSecrets,
  type CheckRecord,
  type ClientSettings,
  type OidcFailure,
  type SilentAnswer,
  type SilentMode,
  type SilentOutcome,
  type GuideTopic,
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
import { inactiveWhen } from '../shared/busyButton';
import { focusResult, rememberFocus } from '../shared/focus';
import { controlMock, type MockControlRequest } from '@site/src/mocks/control';
import { environmentReady, useEnvironment, useSiteBaseUrl } from '../shared/environment';
import {
  parseSilentScenario,
  redactCallbackUrl,
  shareSilentScenarioUrl,
  silentCheckClientId,
  silentCheckScope,
} from './scenario';
import WhatNext, { ThirdPartyCookies } from './WhatNext';
import styles from './styles.module.css';
import ErrorPageLink from '@site/src/components/ErrorPageLink';

const widgetName = 'prompt-none-tryout';

/** The mock's scenario as this tab has it (restored from sessionStorage), without starting the worker. */
async function readMockScenario(baseUrl: string): Promise<Record<string, unknown>> {
  const [{ prepareMockTenant }, { getMockScenario }] = await Promise.all([
    import('@site/src/mocks/browser'),
    import('@site/src/mocks/tenant'),
  ]);
  prepareMockTenant({ baseUrl });
  return { ...getMockScenario() };
}
/** The widget's anchor, to come back to after a full-page redirect. */
const anchorId = 'prompt-none-tryout';
const noteOf = (note: string | undefined) => (note ? { note } : {});

/** What the widget keeps across a full-page redirect: no token, no secret of its own. */
type RoundTripContext =
  | { purpose: 'check'; tamper: boolean; authorizeUrl: string; checks: CheckRecord[] }
  | { purpose: 'login'; checks: CheckRecord[] };

type User = { name?: string; sub?: string };

type Result = {
  outcome: SilentOutcome;
  /** A code arrived and was exchanged. */
  ok: boolean;
  mode: SilentMode;
  line: string;
  failure?: OidcFailure;
  user?: User;
  tampered: boolean;
};

/** The exchange, step by step, as shown (the code and tokens shortened). */
type Steps = {
  mode: SilentMode;
  authorizeUrl: string;
  stateSent: string;
  callback?: string;
  stateReceived?: string;
  stateOk?: boolean;
  /** `note`: the answer's expires_in as a time (src/oidc/times.ts). */
  token?: { curl: string; statusLine: string; body: string; ok: boolean; note?: string };
  tokenNotSent?: string;
};

function stateIn(callbackUrl: string): string | undefined {
  try {
    return new URL(callbackUrl).searchParams.get('state') ?? undefined;
  } catch {
    return undefined;
  }
}

function userLine(user: User | undefined): string {
  if (!user) return '';
  return user.name ?? user.sub ?? '';
}

/**
 * The prompt=none tryout: make an SSO session (or not), check for it silently in a hidden iframe
 * or by a top-level redirect, and see each outcome with what a client should do next. Codes and
 * tokens live in this component's memory only, shown shortened.
 */
export default function SilentAuthTryout(): React.JSX.Element {
  const env = useEnvironment();
  const baseUrl = useSiteBaseUrl();
  const ids = useId();
  const [mode, setMode] = useState<SilentMode>('iframe');
  const [tamper, setTamper] = useState(false);
  const [mockSession, setMockSession] = useState(false);
  const [mockConsent, setMockConsent] = useState(false);
  const [busy, setBusy] = useState<string | undefined>();
  const [result, setResult] = useState<Result | undefined>();
  const [steps, setSteps] = useState<Steps | undefined>();
  const [sessionNote, setSessionNote] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [problemGuide, setProblemGuide] = useState<GuideTopic | undefined>();
  const [problemCode, setProblemCode] = useState<string | undefined>();
  const [checks, setChecks] = useState<CheckRecord[]>([]);
  const idTokenForLogout = useRef<string | undefined>(undefined);
  const discoveryCache = useRef(new Map<string, Record<string, unknown>>());
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const clientId = silentCheckClientId(env.id);
  const supported = clientId !== undefined;

  /** The check's client settings in the selected environment; says what is wrong and returns undefined. */
  const settingsFor = useCallback(async (): Promise<ClientSettings | undefined> => {
    if (!env.issuer || !clientId) {
      setProblem(
        'The tryout uses a registered test client, which only the mock and the local test tenant have. Pick one of those in the navigation bar.',
      );
      return undefined;
    }
    await environmentReady(env.id, baseUrl);
    let discovery = discoveryCache.current.get(env.issuer);
    if (!discovery) {
      const fetched = await discoverProvider(env.issuer);
      if (!fetched.ok) {
        setProblem(
          `${tokenAnswerLine({ ok: false, failure: fetched.failure })} (while reading ${env.label}’s discovery document${env.id === 'local' ? ': is the tenant running? npm run tenant' : ''})`,
        );
        setProblemGuide(fetched.failure.explanation.guide);
        setProblemCode(fetched.failure.code);
        return undefined;
      }
      discovery = fetched.document;
      discoveryCache.current.set(env.issuer, discovery);
    }
    return { discovery, issuer: env.issuer, clientId };
  }, [env.id, env.issuer, env.label, clientId, baseUrl]);

  /** The mock's scenario control (src/mocks/README.md); returns the scenario after the change. */
  const mockControl = useCallback(
    async (body: MockControlRequest): Promise<Record<string, unknown> | undefined> => {
      await environmentReady('mock', baseUrl);
      return (await controlMock(body))?.scenario;
    },
    [baseUrl],
  );

  const [mockLoaded, setMockLoaded] = useState(false);
  const showMockScenario = useCallback((scenario: Record<string, unknown> | undefined) => {
    if (!scenario) return;
    setMockLoaded(true);
    setMockSession(scenario['ssoSession'] === true);
    setMockConsent(scenario['consentRequired'] === true);
  }, []);

  /** A session change makes earlier checks incomparable with later ones. */
  const sessionChanged = useCallback(() => setChecks([]), []);

  const verdictLine = useRef<HTMLParagraphElement>(null);
  const run = useCallback(async (label: string, work: () => Promise<void>) => {
    // Focus stays on the pressed control (aria-disabled while busy, never disabled), and comes back
    // to it after a popup closed; if the result removed it, it moves to the verdict.
    const restoreFocus = rememberFocus();
    setBusy(label);
    setProblem(undefined);
    setProblemGuide(undefined);
    setProblemCode(undefined);
    try {
      await work();
    } catch {
      setProblem('Something went wrong in the tryout itself; reload the page and try again.');
    } finally {
      if (mounted.current) {
        setBusy(undefined);
        setTimeout(() => restoreFocus(verdictLine.current), 0);
      }
    }
  }, []);

  /** Read the answer of a check (state first), exchange a code, and show all of it. */
  const finishCheck = useCallback(
    async (
      callbackUrl: string | undefined,
      secrets: AuthorizationSecrets,
      how: { mode: SilentMode; tamper: boolean; authorizeUrl: string; earlier: CheckRecord[] },
    ) => {
      const received = callbackUrl && how.tamper ? tamperWithState(callbackUrl) : callbackUrl;
      const answer: SilentAnswer = received
        ? readSilentAnswer(received, secrets.state)
        : silentTimeoutAnswer(silentCheckTimeoutMs);
      const shown: Steps = {
        mode: how.mode,
        authorizeUrl: how.authorizeUrl,
        stateSent: secrets.state,
        ...(received
          ? {
              callback: redactCallbackUrl(received, (c) => redactToken(c)),
              ...(stateIn(received) !== undefined ? { stateReceived: stateIn(received) } : {}),
              stateOk: stateIn(received) === secrets.state,
            }
          : {}),
      };
      const record = (outcome: SilentOutcome) => {
        if (how.tamper) return; // a forged answer says nothing about the session
        setChecks([...how.earlier, { mode: how.mode, outcome, at: Date.now() }]);
      };

      if (answer.outcome !== 'session') {
        const f = answer.failure;
        shown.tokenNotSent =
          answer.outcome === 'state_mismatch'
            ? 'Not sent: the state does not match, so the answer is rejected and its code is never exchanged.'
            : answer.outcome === 'timeout'
              ? 'Not sent: no answer came back.'
              : 'Not sent: the answer is an error, not a code.';
        setSteps(shown);
        record(answer.outcome);
        setResult({
          outcome: answer.outcome,
          ok: false,
          mode: how.mode,
          failure: f,
          tampered: how.tamper,
          line:
            answer.outcome === 'state_mismatch'
              ? `state_mismatch — rejected: ${f.detail ?? f.explanation.meaning} The code was not exchanged.`
              : answer.outcome === 'timeout'
                ? `timeout — ${f.detail ?? f.explanation.meaning}`
                : `${f.error ?? f.code} — ${f.explanation.meaning}`,
        });
        return;
      }

      const settings = await settingsFor();
      if (!settings) return;
      const exchanged = await exchangeCode(settings, received!, secrets, {
        requestedScopes: silentCheckScope.split(' '),
      });
      record('session');
      if (!exchanged.ok) {
        const f = exchanged.failure;
        setSteps({
          ...shown,
          token: {
            curl: f.curl ?? '',
            statusLine: `${f.status ?? '—'} ${f.error ?? f.code}`,
            body: tokenFailureBody(f),
            ok: false,
          },
        });
        setResult({
          outcome: 'session',
          ok: false,
          mode: how.mode,
          tampered: how.tamper,
          line: `Code received — but the code exchange failed: ${tokenAnswerLine({ ok: false, failure: f })}`,
        });
        return;
      }
      const view = exchanged.view;
      const user = describeUser(view.idToken);
      if (view.tokens.idToken) idTokenForLogout.current = view.tokens.idToken;
      setSteps({
        ...shown,
        token: {
          // The code is used up now, but curl shows it only as <code> (src/oidc/curl.ts), like the tokens.
          curl: exchanged.curl,
          statusLine: '200 OK',
          body: JSON.stringify(redactedTokenResponse(view.tokens), null, 2),
          ok: true,
          ...noteOf(describeExpiresIn(view.tokens.expiresIn, Date.now(), Date.now())),
        },
      });
      setResult({
        outcome: 'session',
        ok: true,
        mode: how.mode,
        tampered: how.tamper,
        user,
        line: `Code received — the user has a TelenorID+ session and nothing was shown; the code was exchanged: ${userLine(user) || 'a user'} is logged in.`,
      });
    },
    [settingsFor],
  );

  /** Exchange the code of an interactive login (to show who logged in) and note the session. */
  const finishLogin = useCallback(
    async (callbackUrl: string, secrets: AuthorizationSecrets) => {
      const settings = await settingsFor();
      if (!settings) return;
      const parsed = parseCallback(callbackUrl, { state: secrets.state });
      if (!parsed.ok) {
        setSessionNote(
          `The login did not complete: ${tokenAnswerLine({ ok: false, failure: parsed.failure })}`,
        );
        return;
      }
      const exchanged = await exchangeCode(settings, callbackUrl, secrets);
      if (!exchanged.ok) {
        setSessionNote(
          `The login’s code exchange failed: ${tokenAnswerLine({ ok: false, failure: exchanged.failure })}`,
        );
        return;
      }
      if (exchanged.view.tokens.idToken) idTokenForLogout.current = exchanged.view.tokens.idToken;
      if (env.id === 'mock') {
        // The popup's mock lived in another page: adopt the SSO session it started.
        showMockScenario(
          await mockControl({
            set: {
              ssoSession: true,
              ...(parsed.response.sessionState ? { sessionId: parsed.response.sessionState } : {}),
            },
          }),
        );
      }
      sessionChanged();
      const who = userLine(describeUser(exchanged.view.idToken));
      setSessionNote(
        `Logged in at ${env.label}${who ? ` as ${who}` : ''}: the browser now has an SSO session.`,
      );
    },
    [settingsFor, env.id, env.label, mockControl, showMockScenario, sessionChanged],
  );

  // On mount: finish a redirect round trip, or apply a shared scenario to the mock.
  const started = useRef(false);
  useEffect(() => {
    if (!env.ready || started.current) return;
    started.current = true;
    const shared = parseSilentScenario(window.location.search);
    if (shared.mode) setMode(shared.mode);
    const returned = takeReturnedLogin<RoundTripContext>(widgetName);
    // The reader came for this widget (a share link, or back from a redirect login): show it.
    if (returned || shared.mode || shared.session !== undefined || shared.consent !== undefined)
      bringIntoView(document.getElementById(anchorId));
    if (returned) {
      // Focus lands on the result, where the page scrolled, not on "Skip to main content".
      focusResult(verdictLine.current);
      const ctx = returned.context;
      if (ctx.purpose === 'check') {
        setMode('redirect');
        setTamper(ctx.tamper);
        void run('Reading the answer', () =>
          finishCheck(returned.callbackUrl, returned.secrets, {
            mode: 'redirect',
            tamper: ctx.tamper,
            authorizeUrl: ctx.authorizeUrl,
            earlier: ctx.checks,
          }),
        );
      } else {
        void run('Finishing the login', () => finishLogin(returned.callbackUrl, returned.secrets));
      }
      if (env.id === 'mock') void readMockScenario(baseUrl).then(showMockScenario);
      return;
    }
    if (env.id !== 'mock') return;
    const patch: Record<string, boolean> = {};
    if (shared.session !== undefined) patch['ssoSession'] = shared.session;
    if (shared.consent !== undefined) patch['consentRequired'] = shared.consent;
    // A share link changes the mock through its control endpoint; otherwise the switches only show
    // the scenario this tab already has, read in place (no request on page load).
    void (Object.keys(patch).length ? mockControl({ set: patch }) : readMockScenario(baseUrl))
      .then(showMockScenario)
      .catch(() => setProblem('The mock did not start; reload the page.'));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the environment is known
  }, [env.ready]);

  function onMockSwitch(key: 'ssoSession' | 'consentRequired', value: boolean) {
    // Shown at once; the mock's answer below confirms (or corrects) it.
    if (key === 'ssoSession') setMockSession(value);
    else setMockConsent(value);
    void run('Changing the mock’s scenario', async () => {
      showMockScenario(await mockControl({ set: { [key]: value } }));
      if (key === 'ssoSession') {
        sessionChanged();
        if (!value) idTokenForLogout.current = undefined;
      }
    });
  }

  function onLogin() {
    const popup = openLoginPopup();
    void run('Logging in', async () => {
      const settings = await settingsFor();
      if (!settings) {
        popup?.close();
        return;
      }
      const built = await buildAuthorizationRequest(settings, {
        redirectUri: callbackUrlFor(window.location.origin, baseUrl),
        scope: silentCheckScope,
      });
      if (!built.ok) {
        popup?.close();
        setProblem(tokenAnswerLine({ ok: false, failure: built.failure }));
        setProblemCode(built.failure.code);
        return;
      }
      const { url, secrets } = built.request;
      if (!popup) {
        const ok = beginRedirectLogin<RoundTripContext>(
          {
            widget: widgetName,
            returnTo: window.location.pathname + window.location.search + '#' + anchorId,
            context: { purpose: 'login', checks },
            secrets,
          },
          url,
        );
        if (!ok)
          setProblem(
            'The popup was blocked and this browser does not allow session storage: allow popups for this site.',
          );
        return;
      }
      navigatePopup(popup, url);
      const outcome = await awaitPopupCallback(popup);
      if (outcome.kind !== 'callback') {
        setSessionNote(
          outcome.kind === 'closed'
            ? 'The login window was closed before the login finished. Nothing changed.'
            : 'The login did not come back in time. Nothing changed.',
        );
        return;
      }
      await finishLogin(outcome.url, secrets);
    });
  }

  function onLogout() {
    const popup = openLoginPopup();
    void run('Logging out', async () => {
      const settings = await settingsFor();
      if (!settings) {
        popup?.close();
        return;
      }
      const state = crypto.randomUUID();
      const end = buildEndSessionRequest(settings, {
        ...(idTokenForLogout.current ? { idTokenHint: idTokenForLogout.current } : {}),
        postLogoutRedirectUri: callbackUrlFor(window.location.origin, baseUrl),
        state,
      });
      if (!end.ok) {
        popup?.close();
        setProblem(tokenAnswerLine({ ok: false, failure: end.failure }));
        setProblemCode(end.failure.code);
        return;
      }
      if (!popup) {
        setProblem('Allow popups for this site: the logout runs in a popup window.');
        return;
      }
      navigatePopup(popup, end.url);
      const outcome = await awaitPopupCallback(popup);
      if (outcome.kind !== 'callback' || stateIn(outcome.url) !== state) {
        setSessionNote(
          'The logout did not come back (or came back with another state); the session may still exist.',
        );
        return;
      }
      idTokenForLogout.current = undefined;
      sessionChanged();
      setSessionNote(
        `Logged out at ${env.label} through its end_session_endpoint: the SSO session has ended.`,
      );
    });
  }

  function onCheck() {
    const checkMode = mode;
    const checkTamper = tamper;
    void run('Checking the session', async () => {
      setResult(undefined);
      setSteps(undefined);
      const settings = await settingsFor();
      if (!settings) return;
      const built = await buildSilentAuthRequest(settings, {
        redirectUri: callbackUrlFor(window.location.origin, baseUrl),
        scope: silentCheckScope,
      });
      if (!built.ok) {
        setProblem(tokenAnswerLine({ ok: false, failure: built.failure }));
        setProblemCode(built.failure.code);
        return;
      }
      const { url, secrets } = built.request;
      if (checkMode === 'redirect') {
        const ok = beginRedirectLogin<RoundTripContext>(
          {
            widget: widgetName,
            returnTo: window.location.pathname + window.location.search + '#' + anchorId,
            context: { purpose: 'check', tamper: checkTamper, authorizeUrl: url, checks },
            secrets,
          },
          url,
        );
        if (!ok)
          setProblem(
            'This browser does not allow session storage, so the page could not resume after the redirect: use the iframe mode.',
          );
        return;
      }
      const outcome = await runInHiddenFrame(url, { timeoutMs: silentCheckTimeoutMs });
      if (outcome.kind === 'aborted') return;
      await finishCheck(outcome.kind === 'callback' ? outcome.url : undefined, secrets, {
        mode: 'iframe',
        tamper: checkTamper,
        authorizeUrl: url,
        earlier: checks,
      });
    });
  }

  const diagnosis = diagnoseFrame(checks);
  const explanation = result?.failure ? explain(result.failure.code) : undefined;

  return (
    <div className={styles.tryout} id={anchorId}>
      {!supported && (
        <div className="alert alert--warning" role="alert">
          The tryout checks the session with a registered test client, which only the <strong>mock</strong>{' '}
          and the <strong>local test tenant</strong> have. Environment now: {env.label}. Pick Mock or Local
          test tenant in the navigation bar.
        </div>
      )}

      <section aria-labelledby={`${ids}-session`}>
        <h3 id={`${ids}-session`} className={styles.heading}>
          1. Make a session, or not
        </h3>
        {env.id === 'mock' ? (
          <div className={styles.switches}>
            <label className={styles.switch}>
              <input
                type="checkbox"
                role="switch"
                checked={mockSession}
                // Not disabled while the mock switches: that would drop focus at each Space.
                aria-disabled={!mockLoaded || busy !== undefined || undefined}
                onChange={(e) => {
                  if (mockLoaded && busy === undefined) onMockSwitch('ssoSession', e.target.checked);
                }}
              />{' '}
              SSO session: <strong>{mockSession ? 'on' : 'off'}</strong>
            </label>
            <label className={styles.switch}>
              <input
                type="checkbox"
                role="switch"
                checked={mockConsent}
                // Not disabled while the mock switches: that would drop focus at each Space.
                aria-disabled={!mockLoaded || busy !== undefined || undefined}
                onChange={(e) => {
                  if (mockLoaded && busy === undefined) onMockSwitch('consentRequired', e.target.checked);
                }}
              />{' '}
              Consent required: <strong>{mockConsent ? 'on' : 'off'}</strong>
            </label>
            <p className={styles.muted}>
              The mock’s switches play what a real browser would have: a TelenorID+ session cookie (from a
              login at any Telenor service), and a consent not given yet.
            </p>
          </div>
        ) : (
          <div className={styles.row}>
            <button
              type="button"
              className="button button--secondary"
              {...inactiveWhen(!supported || busy !== undefined, onLogin)}
            >
              Log in at the tenant
            </button>
            <button
              type="button"
              className="button button--secondary"
              {...inactiveWhen(!supported || busy !== undefined, onLogout)}
            >
              Log out (end_session_endpoint)
            </button>
            <span className={styles.muted}>
              A real login (pick a test user) and a real logout, in a popup window.
            </span>
          </div>
        )}
        {/* Present from the start, so "Logged in…" is announced when it appears. */}
        <p className={styles.note} aria-live="polite">
          {sessionNote ?? ''}
        </p>
      </section>

      <section aria-labelledby={`${ids}-check`}>
        <h3 id={`${ids}-check`} className={styles.heading}>
          2. Check for it silently
        </h3>
        <fieldset className={styles.modes}>
          <legend>Mode</legend>
          <label>
            <input
              type="radio"
              name={`${ids}-mode`}
              value="iframe"
              checked={mode === 'iframe'}
              disabled={busy !== undefined}
              onChange={() => setMode('iframe')}
            />{' '}
            Hidden iframe{' '}
            <span className={styles.muted}>(this page stays; the answer comes back in a frame)</span>
          </label>
          <label>
            <input
              type="radio"
              name={`${ids}-mode`}
              value="redirect"
              checked={mode === 'redirect'}
              disabled={busy !== undefined}
              onChange={() => setMode('redirect')}
            />{' '}
            Top-level redirect <span className={styles.muted}>(this tab goes to /authorize and back)</span>
          </label>
        </fieldset>
        <label className={styles.tamper}>
          <input
            type="checkbox"
            checked={tamper}
            disabled={busy !== undefined}
            onChange={(e) => setTamper(e.target.checked)}
          />{' '}
          Tamper with the state of the answer{' '}
          <span className={styles.muted}>
            (a demonstration: a forged or mixed-up redirect must be rejected)
          </span>
        </label>
        <div className={styles.row}>
          <button
            type="button"
            className="button button--primary"
            {...inactiveWhen(!supported || busy !== undefined, onCheck)}
          >
            Check session (prompt=none)
          </button>
          <span className={styles.muted} aria-live="polite">
            {busy ? `${busy}…` : ''}
          </span>
        </div>
        <p className={styles.muted}>
          Client <code>{clientId ?? '—'}</code> (a public web client with PKCE) at {env.label}, scope{' '}
          <code>{silentCheckScope}</code>.
        </p>
      </section>

      {problem && (
        <div className="alert alert--danger" role="alert">
          {problem}
          {problemGuide && (
            <>
              {' '}
              <GuideLink topic={problemGuide}>What this means</GuideLink>
            </>
          )}{' '}
          <ErrorPageLink code={problemCode} />
        </div>
      )}

      <p
        role="status"
        ref={verdictLine}
        className={clsx(styles.verdict, result && (result.ok ? styles.ok : styles.bad))}
      >
        {result?.line ?? ''}
      </p>

      {result?.outcome === 'session' && result.user && (
        <dl className={styles.user} aria-label="Who is logged in">
          <dt>User</dt>
          <dd data-testid="silent-user">{result.user.name ?? '—'}</dd>
          <dt>sub</dt>
          <dd>
            <code>{result.user.sub ?? '—'}</code>
          </dd>
        </dl>
      )}

      {diagnosis !== 'none' && (
        <div className="alert alert--warning" role="note">
          <p>
            <strong>
              {diagnosis === 'cookie_withheld_from_frame'
                ? 'The hidden iframe said login_required, but a top-level check found the session.'
                : 'The hidden iframe never answered, but a top-level check did.'}
            </strong>{' '}
            {diagnosis === 'cookie_withheld_from_frame'
              ? 'This browser did not send the provider’s session cookie to the frame: it blocks third-party cookies here, or the page and the provider are different sites and the cookie is SameSite. Use the top-level redirect (or one of the alternatives below) instead of a frame.'
              : 'The provider (or the browser) refuses to show it in a frame. Use the top-level redirect instead.'}
          </p>
          <p className="margin-bottom--none">
            <GuideLink topic="faqThirdPartyCookies">Third-party cookies and silent SSO</GuideLink>
          </p>
        </div>
      )}

      {result && (
        <WhatNext
          outcome={result.outcome}
          mode={result.mode}
          explanation={explanation}
          canLogIn={supported && busy === undefined}
          onLogIn={onLogin}
        />
      )}

      <ThirdPartyCookies />

      {steps && (
        <section aria-label="The exchange, step by step">
          <h3 className={styles.heading}>The exchange, step by step</h3>
          <ol className={styles.steps}>
            <li>
              <p>
                The /authorize request with <code>prompt=none</code>, sent{' '}
                {steps.mode === 'iframe' ? 'in a hidden iframe' : 'as a top-level redirect'}:
              </p>
              <CodeBlock language="text">{steps.authorizeUrl}</CodeBlock>
            </li>
            <li>
              <p>The redirect back to the redirect_uri (the code shortened):</p>
              {steps.callback ? (
                <>
                  <CodeBlock language="text">{steps.callback}</CodeBlock>
                  <p>
                    State sent <code>{steps.stateSent}</code>, state received{' '}
                    <code>{steps.stateReceived ?? '(none)'}</code>:{' '}
                    <strong className={steps.stateOk ? styles.ok : styles.bad}>
                      {steps.stateOk ? 'they match.' : 'they do not match — the answer is rejected.'}
                    </strong>
                  </p>
                </>
              ) : (
                <p className={styles.bad}>Nothing came back.</p>
              )}
            </li>
            <li>
              <p>The token request (secrets and the code replaced by placeholders):</p>
              {steps.token ? (
                <>
                  <CodeBlock language="bash">{steps.token.curl}</CodeBlock>
                  <p>
                    The answer:{' '}
                    <strong className={steps.token.ok ? styles.ok : styles.bad}>
                      {steps.token.statusLine}
                    </strong>{' '}
                    (tokens shortened; they stay in this page’s memory)
                  </p>
                  <CodeBlock language="json">{steps.token.body}</CodeBlock>
                  {steps.token.note && <p className={styles.muted}>{steps.token.note}.</p>}
                </>
              ) : (
                <p>{steps.tokenNotSent}</p>
              )}
            </li>
          </ol>
        </section>
      )}

      <div className={styles.row}>
        <CopyButton
          label="Share this scenario"
          done="Link copied (environment, mode and the mock’s switches; never a code or token)"
          value={() =>
            shareSilentScenarioUrl(window.location.href, {
              env: env.id,
              mode,
              ...(env.id === 'mock' ? { session: mockSession, consent: mockConsent } : {}),
            })
          }
        />
      </div>
    </div>
  );
}
