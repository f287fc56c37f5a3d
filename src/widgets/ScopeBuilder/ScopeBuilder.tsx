import { useCallback, useEffect, useId, useMemo, useReducer, useRef, useState } from 'react';
import {
  analyseScopes,
  buildAuthorizationRequest,
  checkRequestValues,
  failureSentence,
  idleRun,
  isRunning,
  newRequestSecrets,
  parseSharedSelection,
  pkceChallengeOf,
  runCodeFlow,
  runProblem,
  runReducer,
  shareSelectionUrl,
  type AuthorizationRequest,
  type AuthorizationSecrets,
  type CodeFlowResult,
  type DiscoveryDocument,
  type OidcFailure,
  type RequestValues,
  type ScopeBuilderSelection,
} from '@site/src/oidc';
import { bringIntoView } from '../shared/bringIntoView';
import { focusResult, rememberFocus } from '../shared/focus';
import { useEnvironment, useSiteBaseUrl } from '../shared/environment';
import { useProviderSession } from '../shared/providerSession';
import { resumeLogin, runLogin, type LoginOutcome } from '../shared/runLogin';
import { callbackUrlFor } from '../shared/loginRoundTrip';
import DiscoveryNotice, { type Discovered } from './DiscoveryNotice';
import RequestStep from './RequestStep';
import RunStep from './RunStep';
import ScopePicker from './ScopePicker';
import {
  builderReducer,
  defaultForm,
  formFromSelection,
  requestedScopesOf,
  scopesOf,
  selectionOf,
  type BuilderForm,
} from '@site/src/oidc/scope-builder-form';
import styles from './styles.module.css';

const widgetName = 'scope-builder';

type Secrets = { codeVerifier: string; state: string; nonce: string };

/** The builder's selection kept across a full-page redirect: never a token or secret of its own. */
type LoginContext = { selection: ScopeBuilderSelection };

/** What a login needs to be finished, whichever way it came back. */
type Finishing = {
  callbackUrl: string;
  secrets: AuthorizationSecrets;
  form: Pick<BuilderForm, 'clientType' | 'clientId' | 'acrValues'>;
  requested: readonly string[];
  document: DiscoveryDocument;
};

/**
 * Scope builder and authorization request runner: compose scopes from the catalogue, see the
 * claims they bring and where, build the /authorize request with PKCE, state and nonce, run it
 * against the selected environment and look at what came back. The form is one reducer, Run one
 * state machine (src/oidc/run.ts) over the code-flow runner; the steps render them. Tokens live in
 * memory only; the share link carries the non-secret selection only.
 */
export default function ScopeBuilder(): React.JSX.Element {
  const env = useEnvironment();
  const session = useProviderSession();
  const baseUrl = useSiteBaseUrl();
  const testClients = session.hasTestClients;

  const [form, dispatch] = useReducer(builderReducer, defaultForm);
  const [run, dispatchRun] = useReducer(runReducer<CodeFlowResult>, idleRun);
  const [callbackUrl, setCallbackUrl] = useState('');
  const [secrets, setSecrets] = useState<Secrets | undefined>();
  const [challenge, setChallenge] = useState('');
  const [discovered, setDiscovered] = useState<Discovered>({ kind: 'loading' });
  const [built, setBuilt] = useState<AuthorizationRequest | { failure: OidcFailure } | undefined>();
  const [linkProblems, setLinkProblems] = useState<string[]>([]);
  const [returned, setReturned] = useState<
    { callbackUrl: string; secrets: AuthorizationSecrets; selection: ScopeBuilderSelection } | undefined
  >();
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const root = useRef<HTMLDivElement>(null);
  const verdictLine = useRef<HTMLParagraphElement>(null);
  const ids = useId();

  const scopes = useMemo(() => scopesOf(form), [form]);
  const scopesSupported =
    discovered.kind === 'ok' && Array.isArray(discovered.document['scopes_supported'])
      ? (discovered.document['scopes_supported'] as unknown[])
      : undefined;
  const analysis = useMemo(
    () =>
      analyseScopes(scopes, { clientType: form.clientType, ...(scopesSupported ? { scopesSupported } : {}) }),
    [scopes, form.clientType, scopesSupported],
  );
  const selection = useCallback(
    (): ScopeBuilderSelection => selectionOf(form, env, callbackUrl),
    [form, env, callbackUrl],
  );

  // The client of the chosen type at the mock or the local tenant; elsewhere the reader's own.
  useEffect(() => {
    if (env.ready) dispatch({ type: 'environment', env: env.id });
  }, [env.id, env.ready]);

  // Discovery of the selected environment (scopes_supported, endpoints). A link's custom issuer gets
  // no request before the reader confirms it; the mock's document comes from the catalogue, so its
  // worker starts only when the reader runs a login (issue #19).
  useEffect(() => {
    if (!env.ready) return;
    let cancelled = false;
    setDiscovered(env.unconfirmed && env.issuer ? { kind: 'unconfirmed' } : { kind: 'loading' });
    if (env.unconfirmed && env.issuer) return;
    void session.discovery({ mockFromCatalogue: true, documentedFallback: true }).then((found) => {
      if (cancelled) return;
      if (found.ok) setDiscovered({ kind: 'ok', ...found });
      else
        setDiscovered({
          kind: 'failed',
          sentence: found.problem.sentence,
          ...(found.problem.curl ? { curl: found.problem.curl } : {}),
          ...(found.problem.failure?.explanation.guide
            ? { guide: found.problem.failure.explanation.guide }
            : {}),
        });
    });
    return () => {
      cancelled = true;
    };
  }, [env.ready, env.unconfirmed, env.issuer, session]);

  // After hydration, once: the callback URL, fresh secrets, a share link's selection (one restore),
  // and a login that came back through a full-page redirect.
  const started = useRef(false);
  useEffect(() => {
    if (!env.ready || started.current) return;
    started.current = true;
    const callback = callbackUrlFor(window.location.origin, baseUrl);
    setCallbackUrl(callback);
    setSecrets(newRequestSecrets());
    const back = resumeLogin<LoginContext>(widgetName);
    const shared = back
      ? { selection: back.context.selection, problems: [] }
      : parseSharedSelection(window.location.search);
    const restored = formFromSelection(shared.selection);
    dispatch({ type: 'restore', values: { redirectUri: callback, ...restored.values } });
    if (restored.values.clientId === undefined) dispatch({ type: 'environment', env: env.id });
    const problems = [...shared.problems, ...restored.problems];
    setLinkProblems(problems);
    // The reader came for this widget (its share link, or back from a redirect login): show it.
    // `env` alone is every widget's link parameter, so it does not count.
    if (back || problems.length > 0 || Object.keys(shared.selection).some((key) => key !== 'env'))
      bringIntoView(root.current);
    if (back)
      setReturned({
        callbackUrl: back.outcome.url,
        secrets: back.secrets,
        selection: back.context.selection,
      });
  }, [env.ready, env.id, baseUrl]);

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
    clientId: form.clientId,
    redirectUri: form.redirectUri,
    uiLocales: form.uiLocales,
    loginHint: form.loginHint,
    state: secrets?.state ?? '',
    nonce: secrets?.nonce ?? '',
  };
  const problems = secrets && callbackUrl ? checkRequestValues(values) : [];

  // The authorization request, rebuilt whenever something it depends on changes.
  const document = discovered.kind === 'ok' ? discovered.document : undefined;
  const buildable =
    document && secrets && callbackUrl && problems.length === 0 && analysis.scopeString !== '';
  useEffect(() => {
    if (!buildable) {
      setBuilt(undefined);
      return;
    }
    let cancelled = false;
    void buildAuthorizationRequest(
      session.settingsWith(document, form.clientType, { clientId: form.clientId }),
      {
        redirectUri: form.redirectUri,
        scope: analysis.scopeString,
        responseType: form.responseType,
        ...(form.responseMode ? { responseMode: form.responseMode as 'query' | 'form_post' } : {}),
        ...(form.prompt ? { prompt: form.prompt } : {}),
        ...(form.uiLocales.trim() ? { uiLocales: form.uiLocales.trim() } : {}),
        ...(form.loginHint.trim() ? { loginHint: form.loginHint.trim() } : {}),
        ...(form.acrValues ? { acrValues: form.acrValues } : {}),
        codeVerifier: secrets.codeVerifier,
        state: secrets.state,
        nonce: secrets.nonce,
      },
    ).then((r) => {
      if (!cancelled) setBuilt(r.ok ? r.request : { failure: r.failure });
    });
    return () => {
      cancelled = true;
    };
  }, [buildable, document, secrets, analysis.scopeString, form, session]);

  const request = built && 'url' in built ? built : undefined;
  const cannotRun = runProblem({
    responseType: form.responseType,
    responseMode: form.responseMode,
    redirectUri: form.redirectUri,
    callbackUrl,
  });

  /** The login came back: start the mock if it is the environment, then the code-flow runner. */
  const finish = useCallback(
    async (f: Finishing) => {
      const up = await session.ready();
      if (!mounted.current) return;
      if (!up.ok) return dispatchRun({ type: 'fail', line: up.problem.sentence });
      dispatchRun({ type: 'exchanging', status: 'Exchanging the code at /token…' });
      const report = await runCodeFlow({
        settings: session.settingsWith(f.document, f.form.clientType, { clientId: f.form.clientId }),
        callbackUrl: f.callbackUrl,
        secrets: f.secrets,
        requestedScopes: f.requested,
        ...(f.form.acrValues ? { acrValues: f.form.acrValues } : {}),
        context: session.failureContext('token'),
      });
      if (mounted.current) dispatchRun({ type: 'report', report });
    },
    [session],
  );

  // Back from a full-page redirect: finish that login once the environment's discovery is known.
  useEffect(() => {
    if (!returned || discovered.kind === 'loading' || discovered.kind === 'unconfirmed') return;
    const r = returned;
    setReturned(undefined);
    dispatchRun({ type: 'start', status: 'Finishing the login…' });
    if (discovered.kind === 'failed') return dispatchRun({ type: 'fail', line: discovered.sentence });
    // Focus lands on the result, where the page scrolled, not on "Skip to main content".
    focusResult(verdictLine.current);
    void finish({
      callbackUrl: r.callbackUrl,
      secrets: r.secrets,
      form: {
        clientType: r.selection.clientType ?? 'Public',
        clientId: r.selection.clientId ?? '',
        acrValues: r.selection.acrValues ?? '',
      },
      requested: r.selection.scopes,
      document: discovered.document,
    }).finally(() => {
      if (mounted.current) setSecrets(newRequestSecrets());
    });
  }, [returned, discovered, finish]);

  function onRun() {
    if (!request || !document) return;
    // Focus stays on Run (aria-disabled while busy) and comes back to it when the popup closes.
    const restoreFocus = rememberFocus();
    const finishing: Finishing = {
      callbackUrl: '',
      secrets: request.secrets,
      form,
      requested: requestedScopesOf(request),
      document,
    };
    dispatchRun({ type: 'start', status: 'Waiting for the login window…' });
    // runLogin opens the popup now, in the click; the mock's worker starts while the window loads.
    const login = runLogin<LoginContext>(
      { purpose: 'authorize', url: request.url, secrets: request.secrets },
      { mode: 'popup', redirect: { widget: widgetName, context: { selection: selection() } } },
    );
    if (env.id === 'mock') void session.ready();
    void login
      .then((outcome: LoginOutcome) => {
        if (!mounted.current || outcome.kind === 'redirected') return;
        if (outcome.kind === 'not_sent')
          return dispatchRun({
            type: 'fail',
            line: failureSentence(outcome.failure, session.failureContext('authorize')),
            failure: outcome.failure,
          });
        if (outcome.kind !== 'callback')
          return dispatchRun({
            type: 'fail',
            line: failureSentence(outcome, session.failureContext('authorize')),
          });
        return finish({ ...finishing, callbackUrl: outcome.url });
      })
      .catch(() =>
        dispatchRun({
          type: 'fail',
          line: 'Something went wrong in the builder itself; reload the page and try again.',
        }),
      )
      .finally(() => {
        if (!mounted.current) return;
        // A verifier, state and nonce are single-use: the next run gets new ones.
        setSecrets(newRequestSecrets());
        setTimeout(() => restoreFocus(verdictLine.current), 0);
      });
  }

  const busy = isRunning(run);
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
      <DiscoveryNotice discovered={discovered} environmentLabel={env.label} />
      <ScopePicker
        clientType={form.clientType}
        onClientType={(clientType) => dispatch({ type: 'clientType', clientType, env: env.id })}
        identity={form.identity}
        onToggle={(scope, on) => dispatch({ type: 'toggle', scope, on })}
        apiScopes={form.apiScopes}
        extraScopes={form.extraScopes}
        onApiScopes={(value) => dispatch({ type: 'set', field: 'apiScopes', value })}
        onExtraScopes={(value) => dispatch({ type: 'set', field: 'extraScopes', value })}
        scopesSupported={scopesSupported}
        analysis={analysis}
        disabled={busy}
      />
      <RequestStep
        form={form}
        dispatch={dispatch}
        callbackUrl={callbackUrl}
        environmentLabel={env.label}
        testClients={testClients}
        secrets={secrets}
        challenge={challenge}
        onRegenerate={() => setSecrets(newRequestSecrets())}
        problems={problems}
        request={request}
        buildFailure={built && 'failure' in built ? built.failure : undefined}
        noScopes={analysis.scopeString === ''}
        disabled={busy}
      />
      <RunStep
        ref={verdictLine}
        run={run}
        cannotRun={cannotRun}
        canRun={request !== undefined}
        busy={busy}
        onRun={onRun}
        shareUrl={() => shareSelectionUrl(window.location.href, selection())}
        testClients={testClients}
        environmentLabel={env.label}
        callbackUrl={callbackUrl}
        ids={ids}
      />
    </div>
  );
}
