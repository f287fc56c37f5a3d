import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import clsx from 'clsx';
import CopyButton from '@site/src/components/CopyButton';
import GuideLink from '@site/src/components/GuideLink';
import {
  acrValueChoices,
  analyseScopes,
  authorizationUrlWarning,
  buildAuthorizationRequest,
  checkApiScopeInput,
  checkRequestValues,
  classifyScope,
  completeCodeFlow,
  describeRunFailure,
  failure,
  discoverProvider,
  documentedDiscovery,
  isProviderRefusal,
  mockDiscoveryFromCatalogue,
  newRequestSecrets,
  parseCallback,
  parseSharedSelection,
  pkceChallengeOf,
  promptChoices,
  responseModeChoices,
  responseTypeChoices,
  runProblem,
  shareSelectionUrl,
  type AuthorizationRequest,
  type AuthorizationSecrets,
  type Choice,
  type ClientSettings,
  type ClientTypeName,
  type CodeFlowRun,
  type DiscoveryDocument,
  type GuideTopic,
  type OidcFailure,
  type RequestValues,
  type RunStep,
  type ScopeBuilderSelection,
} from '@site/src/oidc';
import {
  awaitPopupCallback,
  beginRedirectLogin,
  callbackUrlFor,
  navigatePopup,
  openLoginPopup,
  takeReturnedLogin,
} from '../shared/loginRoundTrip';
import { bringIntoView } from '../shared/bringIntoView';
import { inactiveWhen } from '../shared/busyButton';
import { focusResult, rememberFocus } from '../shared/focus';
import { environmentReady, useEnvironment, useSiteBaseUrl } from '../shared/environment';
import { testUsers } from '@site/src/oidc/catalogue/fixtures';
import { testClientFor } from '@site/src/oidc/session';
import IssuerConfirmation from '../shared/IssuerConfirmation';
import ScopePicker from './ScopePicker';
import RunResults from './RunResults';
import styles from './styles.module.css';
import TableScroll from '@site/src/components/TableScroll';
import ErrorPageLink from '@site/src/components/ErrorPageLink';

const widgetName = 'scope-builder';

type Discovered =
  | { kind: 'loading' }
  | { kind: 'unconfirmed' }
  | { kind: 'ok'; document: DiscoveryDocument; note?: string; curl?: string }
  | { kind: 'failed'; sentence: string; curl?: string; guide?: GuideTopic };

type Secrets = { codeVerifier: string; state: string; nonce: string };

type Outcome =
  | { kind: 'ok'; run: CodeFlowRun; clientId: string }
  | { kind: 'failed'; sentence: string; failure?: OidcFailure };

/** The builder's selection kept across a full-page redirect: never a token or secret of its own. */
type LoginContext = { selection: ScopeBuilderSelection };

function ChoiceSelect({
  label,
  value,
  choices,
  onChange,
  disabled,
}: {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange(value: string): void;
  disabled: boolean;
}): React.JSX.Element {
  const id = useId();
  const chosen = choices.find((c) => c.value === value);
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={chosen ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
            {c.runnable ? '' : ' (not allowed here)'}
          </option>
        ))}
      </select>
      {chosen && (
        <p id={`${id}-hint`} className={styles.muted}>
          {chosen.explanation}
        </p>
      )}
    </div>
  );
}

function TextField({
  label,
  value,
  onChange,
  problem,
  disabled,
  hint,
  readOnly,
  testId,
}: {
  label: string;
  value: string;
  onChange?(value: string): void;
  problem?: string;
  disabled?: boolean;
  hint?: React.ReactNode;
  readOnly?: boolean;
  testId?: string;
}): React.JSX.Element {
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        id={id}
        className={styles.input}
        value={value}
        readOnly={readOnly}
        disabled={disabled}
        data-testid={testId}
        aria-invalid={problem ? true : undefined}
        // The problem and the hint are read with the field (issue #23).
        aria-describedby={
          [problem && `${id}-problem`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined
        }
        onChange={(e) => onChange?.(e.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className={styles.muted}>
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className={styles.bad}>
          {problem}
        </p>
      )}
    </div>
  );
}

/**
 * Scope builder and authorization request runner: compose scopes from the catalogue, see the
 * claims they bring and where, build the /authorize request with PKCE, state and nonce, run it
 * against the selected environment and look at what came back. Tokens live in this component's
 * memory only; the share link carries the non-secret selection only.
 */
export default function ScopeBuilder(): React.JSX.Element {
  const env = useEnvironment();
  const baseUrl = useSiteBaseUrl();
  const testClients = env.id === 'mock' || env.id === 'local';

  const [clientType, setClientType] = useState<ClientTypeName>('Public');
  const [identity, setIdentity] = useState<Set<string>>(() => new Set(['openid', 'profile']));
  const [apiScopes, setApiScopes] = useState<string[]>([]);
  const [extraScopes, setExtraScopes] = useState<string[]>([]);
  const [clientId, setClientId] = useState('');
  const [callbackUrl, setCallbackUrl] = useState('');
  const [redirectUri, setRedirectUri] = useState('');
  const [responseType, setResponseType] = useState('code');
  const [responseMode, setResponseMode] = useState('');
  const [prompt, setPrompt] = useState('');
  const [uiLocales, setUiLocales] = useState('');
  const [loginHint, setLoginHint] = useState('');
  const [acrValues, setAcrValues] = useState('');
  const [secrets, setSecrets] = useState<Secrets | undefined>();
  const [challenge, setChallenge] = useState('');
  const [discovered, setDiscovered] = useState<Discovered>({ kind: 'loading' });
  const [built, setBuilt] = useState<AuthorizationRequest | { failure: OidcFailure } | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [revealed, setRevealed] = useState(false);
  const [linkProblems, setLinkProblems] = useState<string[]>([]);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const scopes = useMemo(
    () => [...[...identity].sort(identityOrder), ...apiScopes, ...extraScopes],
    [identity, apiScopes, extraScopes],
  );
  const scopesSupported =
    discovered.kind === 'ok' && Array.isArray(discovered.document['scopes_supported'])
      ? (discovered.document['scopes_supported'] as unknown[])
      : undefined;
  const analysis = useMemo(
    () => analyseScopes(scopes, { clientType, ...(scopesSupported ? { scopesSupported } : {}) }),
    [scopes, clientType, scopesSupported],
  );

  const selection = useCallback(
    (): ScopeBuilderSelection => ({
      env: env.id,
      ...(env.id === 'custom' && env.issuer ? { issuer: env.issuer } : {}),
      scopes,
      clientType,
      clientId,
      ...(redirectUri !== callbackUrl ? { redirectUri } : {}),
      responseType,
      responseMode,
      prompt,
      uiLocales,
      loginHint,
      acrValues,
    }),
    [
      env.id,
      env.issuer,
      scopes,
      clientType,
      clientId,
      redirectUri,
      callbackUrl,
      responseType,
      responseMode,
      prompt,
      uiLocales,
      loginHint,
      acrValues,
    ],
  );

  const applySelection = useCallback((s: Partial<ScopeBuilderSelection>) => {
    const problems: string[] = [];
    if (s.scopes) {
      const nextIdentity = new Set<string>();
      const nextApi: string[] = [];
      const nextExtra: string[] = [];
      for (const scope of s.scopes) {
        const c = classifyScope(scope);
        if (c.classification === 'identity') nextIdentity.add(scope);
        else if (c.classification === 'api') {
          const check = checkApiScopeInput(scope);
          if (check.ok) nextApi.push(check.scope);
          else problems.push(`The link’s scope “${scope.slice(0, 40)}” was left out: ${check.reason}`);
        } else nextExtra.push(scope);
      }
      setIdentity(nextIdentity);
      setApiScopes(nextApi);
      setExtraScopes(nextExtra);
    }
    if (s.clientType) setClientType(s.clientType);
    if (s.clientId !== undefined) setClientId(s.clientId);
    if (s.redirectUri !== undefined) setRedirectUri(s.redirectUri);
    if (s.responseType !== undefined) setResponseType(s.responseType);
    if (s.responseMode !== undefined) setResponseMode(s.responseMode);
    if (s.prompt !== undefined) setPrompt(s.prompt);
    if (s.uiLocales !== undefined) setUiLocales(s.uiLocales);
    if (s.loginHint !== undefined) setLoginHint(s.loginHint);
    if (s.acrValues !== undefined) setAcrValues(s.acrValues);
    return problems;
  }, []);

  // The client of the chosen type at the mock or the local tenant; elsewhere the reader's own.
  const restoredClientId = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!env.ready) return;
    if (restoredClientId.current !== undefined) {
      setClientId(restoredClientId.current);
      restoredClientId.current = undefined;
      return;
    }
    const client = testClientFor(env.id, clientType);
    if (client) setClientId(client.clientId);
    else setClientId((current) => (/^(mock|local)-/.test(current) ? '' : current));
  }, [env.id, env.ready, clientType]);

  // Discovery of the selected environment (scopes_supported, endpoints).
  useEffect(() => {
    if (!env.ready) return;
    let cancelled = false;
    setDiscovered({ kind: 'loading' });
    void (async () => {
      if (!env.issuer) {
        setDiscovered({ kind: 'failed', sentence: 'Type a custom issuer in the navigation bar first.' });
        return;
      }
      // A link's custom issuer gets no request at all before the reader confirms it.
      if (env.unconfirmed) {
        setDiscovered({ kind: 'unconfirmed' });
        return;
      }
      // The mock's endpoints come from the catalogue: its worker starts only when the reader runs a
      // login (issue #19), and tests/unit/mock-endpoints.test.ts keeps both in agreement.
      if (env.id === 'mock') {
        setDiscovered({ kind: 'ok', document: mockDiscoveryFromCatalogue(window.location.origin, baseUrl) });
        return;
      }
      const result = await discoverProvider(env.issuer);
      if (cancelled) return;
      if (result.ok) setDiscovered({ kind: 'ok', document: result.document });
      else if ((env.id === 'staging' || env.id === 'production') && !isProviderRefusal(result.failure.code))
        // The documented endpoint paths still let the reader build and copy the URL.
        setDiscovered({
          kind: 'ok',
          document: documentedDiscovery(env.issuer),
          note: `${describeRunFailure(result.failure, { step: 'discovery', environment: env.label, corsLikely: true })} The URL below uses the documented endpoint paths instead.`,
          ...(result.failure.curl ? { curl: result.failure.curl } : {}),
        });
      else
        setDiscovered({
          kind: 'failed',
          sentence: describeRunFailure(result.failure, {
            step: 'discovery',
            environment: env.label,
            corsLikely: env.corsLikely,
            isLocal: env.id === 'local',
          }),
          ...(result.failure.curl ? { curl: result.failure.curl } : {}),
          ...(result.failure.explanation.guide ? { guide: result.failure.explanation.guide } : {}),
        });
    })();
    return () => {
      cancelled = true;
    };
  }, [env.ready, env.id, env.issuer, env.label, env.corsLikely, env.unconfirmed, baseUrl]);

  // After hydration, once: the callback URL, fresh secrets, a share link's selection, and a
  // login that came back through a full-page redirect.
  const started = useRef(false);
  const root = useRef<HTMLDivElement>(null);
  const verdictLine = useRef<HTMLParagraphElement>(null);
  const ids = useId();
  const [returned, setReturned] = useState<
    { callbackUrl: string; secrets: AuthorizationSecrets; selection: ScopeBuilderSelection } | undefined
  >();
  useEffect(() => {
    if (!env.ready || started.current) return;
    started.current = true;
    const callback = callbackUrlFor(window.location.origin, baseUrl);
    setCallbackUrl(callback);
    setRedirectUri(callback);
    setSecrets(newRequestSecrets());
    const back = takeReturnedLogin<LoginContext>(widgetName);
    const shared = back
      ? { selection: back.context.selection, problems: [] }
      : parseSharedSelection(window.location.search);
    if (shared.selection.clientId !== undefined) restoredClientId.current = shared.selection.clientId;
    const problems = [...shared.problems, ...applySelection(shared.selection)];
    setLinkProblems(problems);
    // The reader came for this widget (its share link, or back from a redirect login): show it.
    // `env` alone is every widget's link parameter, so it does not count.
    if (back || problems.length > 0 || Object.keys(shared.selection).some((key) => key !== 'env'))
      bringIntoView(root.current);
    if (back)
      setReturned({
        callbackUrl: back.callbackUrl,
        secrets: back.secrets,
        selection: back.context.selection,
      });
  }, [env.ready, baseUrl, applySelection]);

  useEffect(() => {
    if (!secrets) return;
    let cancelled = false;
    void pkceChallengeOf(secrets.codeVerifier).then((c) => {
      if (!cancelled) setChallenge(c);
    });
    return () => {
      cancelled = true;
    };
  }, [secrets]);

  const values: RequestValues = {
    clientId,
    redirectUri,
    uiLocales,
    loginHint,
    state: secrets?.state ?? '',
    nonce: secrets?.nonce ?? '',
  };
  const problems = secrets && callbackUrl ? checkRequestValues(values) : [];
  const problemOf = (field: keyof RequestValues) => problems.find((p) => p.field === field)?.message;

  const settingsFor = useCallback(
    (document: DiscoveryDocument, id: string): ClientSettings => {
      const client = testClientFor(env.id, clientType);
      return {
        discovery: document,
        issuer: env.issuer ?? '',
        clientId: id,
        ...(client?.clientSecret && client.clientId === id ? { clientSecret: client.clientSecret } : {}),
      };
    },
    [env.id, env.issuer, clientType],
  );

  // The authorization request, rebuilt whenever something it depends on changes.
  useEffect(() => {
    if (
      discovered.kind !== 'ok' ||
      !secrets ||
      !callbackUrl ||
      problems.length > 0 ||
      analysis.scopeString === ''
    ) {
      setBuilt(undefined);
      return;
    }
    let cancelled = false;
    void buildAuthorizationRequest(settingsFor(discovered.document, clientId), {
      redirectUri,
      scope: analysis.scopeString,
      responseType,
      ...(responseMode ? { responseMode: responseMode as 'query' | 'form_post' } : {}),
      ...(prompt ? { prompt } : {}),
      ...(uiLocales.trim() ? { uiLocales: uiLocales.trim() } : {}),
      ...(loginHint.trim() ? { loginHint: loginHint.trim() } : {}),
      ...(acrValues ? { acrValues } : {}),
      codeVerifier: secrets.codeVerifier,
      state: secrets.state,
      nonce: secrets.nonce,
    }).then((r) => {
      if (!cancelled) setBuilt(r.ok ? r.request : { failure: r.failure });
    });
    return () => {
      cancelled = true;
    };
  }, [
    discovered,
    secrets,
    callbackUrl,
    problems.length,
    analysis.scopeString,
    clientId,
    redirectUri,
    responseType,
    responseMode,
    prompt,
    uiLocales,
    loginHint,
    acrValues,
    settingsFor,
  ]);

  const request = built && 'url' in built ? built : undefined;
  const cannotRun = runProblem({ responseType, responseMode, redirectUri, callbackUrl });

  const finish = useCallback(
    async (
      callback: string,
      roundTrip: AuthorizationSecrets,
      id: string,
      requested: readonly string[],
      document: DiscoveryDocument,
      acrRequested: string | undefined,
    ) => {
      const context = {
        environment: env.label,
        corsLikely: env.corsLikely,
        isLocal: env.id === 'local',
      };
      const parsed = parseCallback(callback, { state: roundTrip.state });
      if (!parsed.ok) {
        setOutcome({
          kind: 'failed',
          sentence: describeRunFailure(parsed.failure, { ...context, step: 'authorize' }),
          failure: parsed.failure,
        });
        return;
      }
      try {
        await environmentReady(env.id, baseUrl);
      } catch {
        setOutcome({
          kind: 'failed',
          sentence:
            'The mock could not start in this browser (service workers may be disabled), so the code was not exchanged. Allow service workers for this site, or pick the local test tenant.',
        });
        return;
      }
      setStatus('Exchanging the code at /token…');
      const result = await completeCodeFlow(settingsFor(document, id), callback, roundTrip, requested, {
        ...(acrRequested ? { acrValues: acrRequested } : {}),
      });
      if (!mounted.current) return;
      if (!result.ok) {
        setOutcome({
          kind: 'failed',
          sentence: describeRunFailure(result.failure, { ...context, step: 'token' as RunStep }),
          failure: result.failure,
        });
        return;
      }
      setOutcome({ kind: 'ok', run: result.run, clientId: id });
    },
    [env.label, env.corsLikely, env.id, settingsFor, baseUrl],
  );

  // Back from a full-page redirect: finish that login once the environment's discovery is known.
  useEffect(() => {
    if (!returned || discovered.kind === 'loading' || discovered.kind === 'unconfirmed') return;
    const r = returned;
    setReturned(undefined);
    if (discovered.kind === 'failed') {
      setOutcome({ kind: 'failed', sentence: discovered.sentence });
      return;
    }
    setBusy('Finishing the login');
    // Focus lands on the result, where the page scrolled, not on "Skip to main content".
    focusResult(verdictLine.current);
    void finish(
      r.callbackUrl,
      r.secrets,
      r.selection.clientId ?? '',
      r.selection.scopes,
      discovered.document,
      r.selection.acrValues,
    ).finally(() => {
      if (mounted.current) {
        setBusy(undefined);
        setStatus('');
        setSecrets(newRequestSecrets());
      }
    });
  }, [returned, discovered, finish]);

  async function onRun() {
    if (!request || discovered.kind !== 'ok') return;
    // Opened synchronously in the click, so no popup blocker interferes.
    const popup = openLoginPopup();
    // Focus stays on Run (aria-disabled while busy) and comes back to it when the popup closes.
    const restoreFocus = rememberFocus();
    const roundTrip = request.secrets;
    const requested = parseScopeList(request);
    setBusy('Running');
    setOutcome(undefined);
    setRevealed(false);
    setStatus('Waiting for the login window…');
    // The mock's worker starts while the login window loads (finish awaits the same promise).
    if (env.id === 'mock') environmentReady(env.id, baseUrl).catch(() => undefined);
    try {
      if (!popup) {
        const ok = beginRedirectLogin<LoginContext>(
          {
            widget: widgetName,
            returnTo: window.location.pathname + window.location.search,
            context: { selection: selection() },
            secrets: roundTrip,
          },
          request.url,
        );
        if (!ok)
          setOutcome({
            kind: 'failed',
            sentence:
              'The popup was blocked and this browser does not allow session storage: allow popups for this site.',
          });
        return;
      }
      navigatePopup(popup, request.url);
      const answer = await awaitPopupCallback(popup);
      if (!mounted.current) return;
      if (answer.kind !== 'callback') {
        setOutcome({
          kind: 'failed',
          sentence:
            answer.kind === 'closed'
              ? 'The login window was closed before the login finished. Nothing was exchanged.'
              : 'The login did not come back in time. Nothing was exchanged.',
        });
        return;
      }
      await finish(answer.url, roundTrip, clientId, requested, discovered.document, acrValues);
    } catch {
      setOutcome({
        kind: 'failed',
        sentence: 'Something went wrong in the builder itself; reload the page and try again.',
        failure: failure('invalid_response').failure,
      });
    } finally {
      if (mounted.current) {
        setBusy(undefined);
        setStatus('');
        // A verifier, state and nonce are single-use: the next run gets new ones.
        setSecrets(newRequestSecrets());
        setTimeout(() => restoreFocus(verdictLine.current), 0);
      }
    }
  }

  const disabled = busy !== undefined;
  const urlWarning = request ? authorizationUrlWarning(request.url) : undefined;
  const outcomeLine =
    outcome?.kind === 'ok'
      ? `${outcome.run.warnings.length ? 'Done, with a warning' : 'Done'}: tokens received from ${env.label} for ${outcome.clientId}; the claims are marked with the scope they came from.`
      : (outcome?.sentence ?? '');

  return (
    <div className={styles.builder} ref={root}>
      {linkProblems.length > 0 && (
        <div className="alert alert--warning" role="alert">
          <p>Parts of the link were not used:</p>
          <ul>
            {linkProblems.slice(0, 10).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <p className={styles.muted} data-testid="environment-line">
        Environment: <strong>{env.label}</strong> (change it in the navigation bar).{' '}
        {discovered.kind === 'loading' && 'Reading its discovery document…'}
      </p>
      <IssuerConfirmation what="The builder reads its discovery document and runs a login there" />
      {discovered.kind === 'failed' && (
        <div className="alert alert--danger" role="alert">
          {discovered.sentence}
          {discovered.guide && (
            <>
              {' '}
              <GuideLink topic={discovered.guide}>Why this happens</GuideLink>
            </>
          )}
        </div>
      )}
      {discovered.kind === 'ok' && discovered.note && (
        <div className="alert alert--info" role="note">
          {discovered.note}
        </div>
      )}
      {(discovered.kind === 'ok' || discovered.kind === 'failed') &&
        discovered.curl &&
        (discovered.kind === 'failed' || discovered.note) && (
          <details>
            <summary>The discovery request, as curl</summary>
            <pre className={styles.pre}>{discovered.curl}</pre>
          </details>
        )}

      <ScopePicker
        clientType={clientType}
        onClientType={setClientType}
        identity={identity}
        onToggle={(scope, on) =>
          setIdentity((current) => {
            const next = new Set(current);
            if (on) next.add(scope);
            else next.delete(scope);
            return next;
          })
        }
        apiScopes={apiScopes}
        extraScopes={extraScopes}
        onApiScopes={setApiScopes}
        onExtraScopes={setExtraScopes}
        scopesSupported={scopesSupported}
        analysis={analysis}
        disabled={disabled}
      />

      <section aria-label="Authorization request" className={styles.section}>
        <h3 className={styles.heading}>Authorization request</h3>
        <div className={styles.grid}>
          <TextField
            label="client_id"
            value={clientId}
            onChange={setClientId}
            problem={problemOf('clientId')}
            disabled={disabled}
            hint={
              testClients
                ? `The ${clientType} test client of the ${env.label}.`
                : `Your own public client at ${env.label}. Register this redirect URI for it: ${callbackUrl}`
            }
          />
          <TextField
            label="redirect_uri"
            value={redirectUri}
            onChange={setRedirectUri}
            problem={problemOf('redirectUri')}
            disabled={disabled}
            hint={
              redirectUri === callbackUrl
                ? 'The portal’s own callback page, so Run can read the answer.'
                : 'Any https URL, or http on loopback; Run needs the portal’s callback.'
            }
          />
          <ChoiceSelect
            label="response_type"
            value={responseType}
            choices={responseTypeChoices}
            onChange={setResponseType}
            disabled={disabled}
          />
          <ChoiceSelect
            label="response_mode"
            value={responseMode}
            choices={responseModeChoices}
            onChange={setResponseMode}
            disabled={disabled}
          />
          <ChoiceSelect
            label="prompt"
            value={prompt}
            choices={promptChoices}
            onChange={setPrompt}
            disabled={disabled}
          />
          <ChoiceSelect
            label="acr_values"
            value={acrValues}
            choices={acrValueChoices}
            onChange={setAcrValues}
            disabled={disabled}
          />
          <TextField
            label="ui_locales"
            value={uiLocales}
            onChange={setUiLocales}
            problem={problemOf('uiLocales')}
            disabled={disabled}
            hint="Language of the login pages, e.g. no or en."
          />
          <TextField
            label="login_hint"
            value={loginHint}
            onChange={setLoginHint}
            problem={problemOf('loginHint')}
            disabled={disabled}
            hint={
              testClients
                ? `A test user’s number, e.g. ${testUsers.map((u) => u.msisdn).join(' or ')}: the login screen selects that user.`
                : 'The user’s phone number, pre-filled on the login page.'
            }
          />
        </div>
        <div className={styles.grid}>
          <TextField
            label="PKCE code_verifier"
            value={secrets?.codeVerifier ?? ''}
            readOnly
            testId="code-verifier"
            hint="Stays in this page’s memory; sent only to /token."
          />
          <TextField
            label="PKCE code_challenge (S256)"
            value={challenge}
            readOnly
            testId="code-challenge"
            hint="BASE64URL(SHA-256(code_verifier)), sent to /authorize."
          />
          <TextField label="state" value={secrets?.state ?? ''} readOnly problem={problemOf('state')} />
          <TextField label="nonce" value={secrets?.nonce ?? ''} readOnly problem={problemOf('nonce')} />
        </div>
        <p>
          <button
            type="button"
            className="button button--sm button--secondary"
            disabled={disabled}
            onClick={() => setSecrets(newRequestSecrets())}
          >
            Regenerate verifier, state and nonce
          </button>
        </p>

        <label htmlFor="scope-builder-url" className={styles.label}>
          Authorization URL
        </label>
        <textarea
          id="scope-builder-url"
          className={styles.url}
          readOnly
          rows={6}
          value={request?.url ?? ''}
          placeholder={
            analysis.scopeString === ''
              ? 'Choose at least one scope.'
              : problems.length > 0
                ? 'Fix the fields marked above.'
                : 'Building…'
          }
        />
        {request && (
          <div className={styles.row}>
            <CopyButton label="Copy the authorization URL" value={request.url} />
          </div>
        )}
        {built && 'failure' in built && (
          <p className={styles.bad}>
            {built.failure.detail ?? built.failure.explanation.meaning} {built.failure.explanation.reaction}{' '}
            <ErrorPageLink code={built.failure.code} />
          </p>
        )}
        {urlWarning && <p className={styles.warn}>{urlWarning}</p>}
        {request && (
          <TableScroll label="Parameters of the authorization URL">
            <table className={styles.table} aria-label="Parameters of the authorization URL">
              <thead>
                <tr>
                  <th scope="col">Parameter</th>
                  <th scope="col">Value</th>
                  <th scope="col">What it does</th>
                </tr>
              </thead>
              <tbody>
                {request.parameters.map((p) => (
                  <tr key={p.name}>
                    <td>
                      <code>{p.name}</code>
                    </td>
                    <td className={styles.value}>
                      {p.value.length > 120 ? p.value.slice(0, 120) + '…' : p.value}
                    </td>
                    <td>
                      {p.explanation} {p.guide && <GuideLink topic={p.guide}>More about {p.name}</GuideLink>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-label="Run" className={styles.section}>
        <div className={styles.row}>
          <button
            type="button"
            className="button button--primary"
            aria-describedby={cannotRun && request ? `${ids}-cannot-run` : undefined}
            {...inactiveWhen(disabled || !request || cannotRun !== undefined, () => void onRun())}
          >
            Run
          </button>
          <CopyButton
            label="Share this selection"
            done="Link copied (scopes, parameters and environment; never a token, code or verifier)"
            value={() => shareSelectionUrl(window.location.href, selection())}
          />
        </div>
        {cannotRun && request && (
          <p id={`${ids}-cannot-run`} className={styles.muted}>
            {cannotRun}
          </p>
        )}
        <p className={styles.muted}>
          Run opens the login in a popup window (without a session, or with prompt=login, pick a test user on
          the login screen), checks the state, exchanges the code with the verifier, checks the ID token’s
          nonce and both tokens’ signatures, and calls /userinfo.
          {!testClients &&
            ` At ${env.label}, use your own public client with ${callbackUrl || 'the portal’s callback'} registered as a redirect URI.`}
        </p>
        <p
          role="status"
          ref={verdictLine}
          className={clsx(
            styles.verdict,
            outcome &&
              (outcome.kind === 'ok' ? (outcome.run.warnings.length ? undefined : styles.ok) : styles.bad),
          )}
        >
          {busy ? status || `${busy}…` : outcomeLine}
        </p>
        {outcome?.kind === 'failed' && outcome.failure && (
          <p>
            {outcome.failure.explanation.guide && (
              <GuideLink topic={outcome.failure.explanation.guide}>Why this happens</GuideLink>
            )}{' '}
            <ErrorPageLink code={outcome.failure.code} />
          </p>
        )}
        {outcome?.kind === 'failed' && outcome.failure?.curl && (
          <details>
            <summary>The request (as curl, secrets replaced by placeholders)</summary>
            <pre className={styles.pre}>{outcome.failure.curl}</pre>
          </details>
        )}
        {outcome?.kind === 'ok' &&
          outcome.run.warnings.map((w) => (
            <div key={w} className="alert alert--warning margin-bottom--md" role="alert">
              {w}
            </div>
          ))}
        {outcome?.kind === 'ok' && (
          <RunResults run={outcome.run} revealed={revealed} onReveal={() => setRevealed((r) => !r)} />
        )}
      </section>
    </div>
  );
}

const order = ['openid', 'profile', 'email', 'phone', 'offline_access', 'ial0', 'ial1', 'ial2'];
function identityOrder(a: string, b: string): number {
  const ia = order.indexOf(a);
  const ib = order.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
}

function parseScopeList(request: AuthorizationRequest): string[] {
  const scope = request.parameters.find((p) => p.name === 'scope')?.value ?? '';
  return scope.split(' ').filter(Boolean);
}
