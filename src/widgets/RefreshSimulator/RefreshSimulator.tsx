import { shortRefreshLifetimeSeconds as localShortRefreshLifetimeSeconds } from '@site/src/oidc/catalogue/fixtures';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import clsx from 'clsx';
import CodeBlock from '@theme/CodeBlock';
import CopyButton from '@site/src/components/CopyButton';
import Assumed from '@site/src/components/Assumed';
import GuideLink from '@site/src/components/GuideLink';
import {
  behaviours,
  buildAuthorizationRequest,
  buildEndSessionRequest,
  classifyRefreshFailure,
  clientTypes,
  exchangeCode,
  explain,
  failure,
  discoverProvider,
  isAssumed,
  parseCallback,
  redactToken,
  describeExpiresIn,
  formatDuration,
  redactedTokenResponse,
  tokenFailureBody,
  refreshPolicyOf,
  refreshTokens,
  revokeToken,
  refreshRefusalLine,
  refreshStepTitle,
  reuseImpossibleBecause,
  tokenAnswerLine,
  type AuthorizationSecrets,
  type ClientSettings,
  type ClientTypeName,
  type OidcFailure,
  type TokenSet,
  type GuideTopic,
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
import { controlMock, type MockControlRequest } from '@site/src/mocks/control';
import { environmentReady, useEnvironment, useSiteBaseUrl } from '../shared/environment';
import HandlingSample from './HandlingSample';
import Timeline from './Timeline';
import {
  causes,
  defaultTimeline,
  otherClientType,
  parseSharedScenario,
  shareScenarioUrl,
  simulatorClient,
  type CauseId,
  type TimelineSettings,
} from './scenario';
import styles from './styles.module.css';

const widgetName = 'refresh-simulator';

/** What the widget keeps across a full-page redirect (no token, no secret of its own). */
type LoginContext = { clientType: ClientTypeName; short: boolean; offline: boolean; cause?: CauseId };

/** The tokens of the current login: in this component's memory only. */
type Held = { clientType: ClientTypeName; short: boolean; clientId: string; tokens: TokenSet };

/** One HTTP exchange with the provider, as shown to the reader (tokens redacted). */
/**
 * One entry of "What went over the wire": an exchange the reader's client would make, or (`stage`)
 * a note that the mock's stage machinery was moved (its clock, its session): that is how the
 * simulator sets up a cause on the mock, not something a client sends, so it shows no request.
 */
type Exchange =
  | {
      title: string;
      curl: string;
      statusLine: string;
      body: string;
      ok: boolean;
      note?: string;
      stage?: false;
    }
  | { title: string; stage: true };

/** expires_in of a token answer just received, as a time (src/oidc/times.ts). */
function expiryNote(tokens: TokenSet): { note?: string } {
  const now = Date.now();
  const note = describeExpiresIn(tokens.expiresIn, now, now);
  return note ? { note: `${note}.` } : {};
}

/** The RP-initiated logout as the reader's client makes it: a browser navigation, not an API call. */
function logoutExchange(endSessionUrl: string, how: string): Exchange {
  const end = new URL(endSessionUrl);
  return {
    title: `Logout (end_session_endpoint, ${how})`,
    curl: `# a browser navigation, not an API call:\n# GET ${end.origin + end.pathname}?id_token_hint=<id_token>&post_logout_redirect_uri=…&state=…`,
    statusLine: '302 → post_logout_redirect_uri',
    body: '(the browser came back with the state it sent)',
    ok: true,
  };
}

type Verdict = {
  line: string;
  ok: boolean;
  /** Where a failure that is not a refresh answer is explained. */
  guide?: GuideTopic;
  cause?: CauseId;
  failure?: OidcFailure;
  note?: string;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Refresh-error simulator: log in with offline_access as each TelenorID+ client type, refresh,
 * and earn every kind of failed refresh on purpose — with the real HTTP exchange and the right
 * reaction. Tokens live in this component's memory only; a failed refresh is never retried.
 */
export default function RefreshSimulator(): React.JSX.Element {
  const env = useEnvironment();
  const baseUrl = useSiteBaseUrl();
  const typeId = useId();
  const [clientType, setClientType] = useState<ClientTypeName>('PublicWithRefresh');
  const [held, setHeld] = useState<Held | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [exchanges, setExchanges] = useState<Exchange[]>([]);
  const [verdict, setVerdict] = useState<Verdict | undefined>();
  const [rotation, setRotation] = useState<{ before: string; after: string | undefined } | undefined>();
  const [revealed, setRevealed] = useState(false);
  const [countdown, setCountdown] = useState<number | undefined>();
  const [sharedCause, setSharedCause] = useState<CauseId | undefined>();
  const [timeline, setTimeline] = useState<TimelineSettings>(defaultTimeline('PublicWeb'));
  const discoveryCache = useRef(new Map<string, Record<string, unknown>>());
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const envSupported = env.id === 'mock' || env.id === 'local';
  const policy = refreshPolicyOf(clientType);
  const hasRefresh = policy.lifetimeSeconds !== undefined;

  const record = useCallback((e: Exchange) => setExchanges((list) => [...list, e]), []);

  /**
   * The client settings of a type in the selected environment; on a problem it says so in the
   * verdict and returns undefined.
   */
  const settingsFor = useCallback(
    async (type: ClientTypeName, short = false): Promise<ClientSettings | undefined> => {
      const client = simulatorClient(env.id, type, { short });
      if (!env.issuer || !client) {
        setVerdict({
          line: 'The simulator logs in with registered test clients, which only the mock and the local test tenant have. Pick one of those in the navigation bar.',
          ok: false,
        });
        return undefined;
      }
      await environmentReady(env.id, baseUrl);
      let discovery = discoveryCache.current.get(env.issuer);
      if (!discovery) {
        const result = await discoverProvider(env.issuer);
        if (!result.ok) {
          setVerdict({
            line: `${tokenAnswerLine({ ok: false, failure: result.failure })} (while reading ${env.label}’s discovery document${env.id === 'local' ? ': is the tenant running? npm run tenant' : ''})`,
            ok: false,
            // Not a refresh answer: no refresh advice, but the page that explains it (issuer mix-up …).
            ...(result.failure.explanation.guide ? { guide: result.failure.explanation.guide } : {}),
          });
          return undefined;
        }
        discovery = result.document;
        discoveryCache.current.set(env.issuer, discovery);
      }
      return {
        discovery,
        issuer: env.issuer,
        clientId: client.clientId,
        ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}),
      };
    },
    [env.id, env.issuer, env.label, baseUrl],
  );

  /** The mock's scenario control (src/mocks/README.md): the simulator's lever on the mock tenant. */
  const mockControl = useCallback(
    async (body: MockControlRequest, title?: string) => {
      await controlMock(body);
      if (title) record({ title, stage: true });
    },
    [record],
  );

  const showFailure = useCallback(
    (f: OidcFailure, cause?: CauseId, title = 'Refresh') => {
      if (f.curl || f.status !== undefined)
        record({
          title,
          curl: f.curl ?? '',
          statusLine: `${f.status ?? '—'} ${f.error ?? f.code}`,
          body: tokenFailureBody(f),
          ok: false,
        });
      setVerdict({
        line: refreshRefusalLine(f, cause),
        ok: false,
        failure: f,
        ...(cause ? { cause } : {}),
      });
      // The rule this simulator teaches: after invalid_grant the tokens are gone, and nothing retries.
      if (!classifyRefreshFailure(f).keepTokens) setHeld(undefined);
    },
    [record],
  );

  /** Exchange the code that came back, and hold the tokens in memory. */
  const finishLogin = useCallback(
    async (
      ctx: LoginContext,
      callbackUrl: string,
      secrets: AuthorizationSecrets,
    ): Promise<Held | undefined> => {
      const settings = await settingsFor(ctx.clientType, ctx.short);
      if (!settings) return undefined;
      const parsed = parseCallback(callbackUrl, { state: secrets.state });
      if (!parsed.ok) {
        showFailure(parsed.failure, ctx.cause, 'Login');
        return undefined;
      }
      const result = await exchangeCode(settings, callbackUrl, secrets);
      if (!result.ok) {
        showFailure(result.failure, ctx.cause, 'Code exchange');
        return undefined;
      }
      const tokens = result.view.tokens;
      record({
        title: 'Code exchange (login)',
        curl: result.curl,
        statusLine: '200 OK',
        body: JSON.stringify(redactedTokenResponse(tokens), null, 2),
        ...expiryNote(tokens),
        ok: true,
      });
      if (env.id === 'mock' && parsed.response.sessionState) {
        // The popup's mock lived in another page; adopt the SSO session it started, so this page's
        // mock knows the session the refresh tokens belong to.
        await mockControl(
          { set: { ssoSession: true, sessionId: parsed.response.sessionState } },
          'The mock adopts the SSO session the login window started',
        );
      }
      const next: Held = {
        clientType: ctx.clientType,
        short: ctx.short,
        clientId: settings.clientId,
        tokens,
      };
      setHeld(next);
      setRotation(undefined);
      if (tokens.refreshToken) {
        setVerdict({
          line: `200 OK — logged in as ${ctx.clientType}; a refresh token was issued.`,
          ok: true,
        });
      } else {
        const f = failure('no_refresh_token').failure;
        setVerdict({
          line: `200 OK — no refresh_token in the token response (no_refresh_token): ${
            ctx.offline
              ? `the ${ctx.clientType} client type’s refresh policy (${refreshPolicyOf(ctx.clientType).name}) issues none, even with offline_access.`
              : 'offline_access was not requested.'
          }`,
          ok: false,
          failure: f,
          cause: 'no_refresh_token',
        });
      }
      return next;
    },
    [settingsFor, showFailure, record, env.id, mockControl],
  );

  /**
   * One login round trip. `popup` must have been opened synchronously by the click; without one the
   * page redirects and resumes on return (the context goes to sessionStorage for the round trip).
   */
  const login = useCallback(
    async (ctx: LoginContext, popup: Window | null): Promise<Held | undefined> => {
      const settings = await settingsFor(ctx.clientType, ctx.short);
      if (!settings) {
        popup?.close();
        return undefined;
      }
      if (env.id === 'mock') await mockControl({ set: { clockOffsetSeconds: 0 } });
      const built = await buildAuthorizationRequest(settings, {
        redirectUri: callbackUrlFor(window.location.origin, baseUrl),
        scope: ctx.offline ? 'openid offline_access' : 'openid',
      });
      if (!built.ok) {
        popup?.close();
        showFailure(built.failure, ctx.cause, 'Login');
        return undefined;
      }
      const { url, secrets } = built.request;
      if (!popup) {
        const started = beginRedirectLogin<LoginContext>(
          {
            widget: widgetName,
            returnTo: window.location.pathname + window.location.search,
            context: ctx,
            secrets,
          },
          url,
        );
        if (!started)
          setVerdict({
            line: 'The popup was blocked and this browser does not allow session storage: allow popups for this site.',
            ok: false,
          });
        return undefined;
      }
      navigatePopup(popup, url);
      const outcome = await awaitPopupCallback(popup);
      if (outcome.kind !== 'callback') {
        setVerdict({
          line:
            outcome.kind === 'closed'
              ? 'The login window was closed before the login finished. Nothing was changed.'
              : 'The login did not come back in time. Nothing was changed.',
          ok: false,
        });
        return undefined;
      }
      return finishLogin(ctx, outcome.url, secrets);
    },
    [settingsFor, showFailure, env.id, mockControl, baseUrl, finishLogin],
  );

  /** Send one refresh and show it. Never called again on its own after a failure. */
  const refreshOnce = useCallback(
    async (
      token: string,
      options: { type: ClientTypeName; short: boolean; cause?: CauseId; title?: string; keepHeld?: boolean },
    ): Promise<TokenSet | undefined> => {
      const settings = await settingsFor(options.type, options.short);
      if (!settings) return undefined;
      const result = await refreshTokens(settings, token);
      if (!result.ok) {
        showFailure(result.failure, options.cause, options.title ?? 'Refresh');
        return undefined;
      }
      const tokens = result.view.tokens;
      record({
        title: options.title ?? 'Refresh',
        curl: result.curl,
        statusLine: '200 OK',
        body: JSON.stringify(redactedTokenResponse(tokens), null, 2),
        ...expiryNote(tokens),
        ok: true,
      });
      return tokens;
    },
    [settingsFor, showFailure, record],
  );

  const run = useCallback(async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setExchanges([]);
    setVerdict(undefined);
    try {
      await work();
    } catch {
      setVerdict({
        line: 'Something went wrong in the simulator itself; reload the page and try again.',
        ok: false,
      });
    } finally {
      if (mounted.current) {
        setBusy(undefined);
        setCountdown(undefined);
      }
    }
  }, []);

  // Back from a full-page redirect (popup blocked): finish that login, once, after hydration.
  const resumed = useRef(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!env.ready || resumed.current) return;
    resumed.current = true;
    const shared = parseSharedScenario(window.location.search);
    if (shared.clientType) setClientType(shared.clientType);
    if (shared.cause) setSharedCause(shared.cause);
    if (shared.timeline) setTimeline(shared.timeline);
    else if (shared.clientType) setTimeline(defaultTimeline(refreshPolicyOf(shared.clientType).name));
    const returned = takeReturnedLogin<LoginContext>(widgetName);
    // The reader came for this widget (its share link, or back from a redirect login): show it.
    if (returned || shared.clientType || shared.cause || shared.timeline) bringIntoView(root.current);
    if (returned) {
      setClientType(returned.context.clientType);
      void run('Finishing the login', async () => {
        const h = await finishLogin(returned.context, returned.callbackUrl, returned.secrets);
        if (h && returned.context.cause === 'expired') await waitAndRefreshExpired(h);
      });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the environment is known
  }, [env.ready]);

  async function waitAndRefreshExpired(h: Held) {
    const rt = h.tokens.refreshToken;
    if (!rt) return;
    const lifetime = localShortRefreshLifetimeSeconds;
    for (let left = lifetime + 1; left > 0; left--) {
      if (!mounted.current) return;
      setCountdown(left);
      await sleep(1000);
    }
    setCountdown(undefined);
    await refreshOnce(rt, {
      type: h.clientType,
      short: true,
      cause: 'expired',
      title: 'Refresh after the lifetime',
    });
  }

  function onLogin(offline = true) {
    const popup = openLoginPopup();
    void run('Logging in', async () => {
      await login({ clientType, short: false, offline }, popup);
    });
  }

  function onRefresh() {
    const h = held;
    const rt = h?.tokens.refreshToken;
    if (!h || !rt) return;
    void run('Refreshing', async () => {
      const next = await refreshOnce(rt, { type: h.clientType, short: h.short });
      if (!next) return;
      setHeld({ ...h, tokens: { ...next, refreshToken: next.refreshToken ?? rt } });
      setRotation({ before: rt, after: next.refreshToken });
      setVerdict({
        line:
          next.refreshToken && next.refreshToken !== rt
            ? '200 OK — new tokens; the refresh token was rotated: the old one is now used up.'
            : '200 OK — new tokens; the refresh token was not rotated (fixed lifetime): keep using it.',
        ok: true,
      });
    });
  }

  function onCause(cause: CauseId) {
    const h = held;
    const needsPopup =
      cause === 'no_refresh_token' ||
      (cause === 'expired' && env.id === 'local') ||
      (cause === 'session_ended' && env.id === 'local');
    const popup = needsPopup ? openLoginPopup() : null;
    void run(causes.find((c) => c.id === cause)!.title, async () => {
      if (cause === 'no_refresh_token') {
        // Public: offline_access and still nothing. Other types: the same login without offline_access.
        await login({ clientType, short: false, offline: clientType === 'Public', cause }, popup);
        return;
      }
      if (cause === 'expired' && env.id === 'local') {
        const h2 = await login({ clientType, short: true, offline: true, cause }, popup);
        if (h2) await waitAndRefreshExpired(h2);
        return;
      }
      const rt = h?.tokens.refreshToken;
      if (!h || !rt) {
        popup?.close();
        setVerdict({ line: 'Log in first: this cause needs a refresh token.', ok: false });
        return;
      }
      const opts = { type: h.clientType, short: h.short, cause };
      switch (cause) {
        case 'expired': {
          const lifetime = refreshPolicyOf(h.clientType).lifetimeSeconds ?? 0;
          await mockControl(
            { advanceClockSeconds: lifetime + 1 },
            `The mock moves its clock ${formatDuration(lifetime + 1)} forward, past the refresh token’s lifetime`,
          );
          await refreshOnce(rt, { ...opts, title: 'Refresh after the lifetime' });
          return;
        }
        case 'revoked': {
          const settings = await settingsFor(h.clientType, h.short);
          if (!settings) return;
          const revoked = await revokeToken(settings, rt, 'refresh_token');
          if (!revoked.ok) return showFailure(revoked.failure, cause, 'Revocation');
          record({
            title: 'Revocation (RFC 7009)',
            curl: revoked.curl,
            statusLine: '200 OK',
            body: '(empty)',
            ok: true,
          });
          await refreshOnce(rt, { ...opts, title: 'Refresh with the revoked token' });
          return;
        }
        case 'reused': {
          const policy = refreshPolicyOf(h.clientType);
          const impossible = reuseImpossibleBecause(h.clientType);
          const next = await refreshOnce(rt, { ...opts, title: refreshStepTitle(policy) });
          if (!next) return;
          setRotation({ before: rt, after: next.refreshToken });
          setHeld({ ...h, tokens: { ...next, refreshToken: next.refreshToken ?? rt } });
          const again = await refreshOnce(rt, {
            ...opts,
            title: impossible ? 'Refresh with the same token again' : 'Refresh with the OLD token',
          });
          if (again)
            setVerdict({
              line: impossible
                ? `200 OK — ${impossible}`
                : `200 OK — the old refresh token still works: this provider did not rotate the ${h.clientType} client’s token, so there is nothing to reuse.`,
              ok: true,
              cause,
            });
          else setHeld(undefined); // reuse revokes the whole family: the new token is dead too
          return;
        }
        case 'session_ended': {
          if (env.id === 'mock') {
            popup?.close();
            // What the reader's client would send; the mock then ends its session directly.
            const settings = await settingsFor(h.clientType, h.short);
            if (!settings) return;
            const end = buildEndSessionRequest(settings, {
              ...(h.tokens.idToken ? { idTokenHint: h.tokens.idToken } : {}),
              postLogoutRedirectUri: callbackUrlFor(window.location.origin, baseUrl),
              state: crypto.randomUUID(),
            });
            if (!end.ok) return showFailure(end.failure, cause, 'Logout');
            record(logoutExchange(end.url, 'what your client sends the browser to'));
            await mockControl({ endSession: true }, 'The mock ends its SSO session, as that logout would');
          } else {
            const settings = await settingsFor(h.clientType, h.short);
            if (!settings) {
              popup?.close();
              return;
            }
            const state = crypto.randomUUID();
            const end = buildEndSessionRequest(settings, {
              ...(h.tokens.idToken ? { idTokenHint: h.tokens.idToken } : {}),
              postLogoutRedirectUri: callbackUrlFor(window.location.origin, baseUrl),
              state,
            });
            if (!end.ok) {
              popup?.close();
              return showFailure(end.failure, cause, 'Logout');
            }
            if (!popup) {
              setVerdict({
                line: 'Allow popups for this site: the logout runs in a popup window.',
                ok: false,
              });
              return;
            }
            navigatePopup(popup, end.url);
            const outcome = await awaitPopupCallback(popup);
            if (outcome.kind !== 'callback' || new URL(outcome.url).searchParams.get('state') !== state) {
              setVerdict({ line: 'The logout did not come back; nothing was refreshed.', ok: false });
              return;
            }
            record(logoutExchange(end.url, 'in the popup'));
          }
          await refreshOnce(rt, { ...opts, title: 'Refresh after the session ended' });
          return;
        }
        case 'other_client': {
          const other = otherClientType(h.clientType);
          await refreshOnce(rt, {
            ...opts,
            type: other,
            short: false,
            title: `Refresh presented by another client (${simulatorClient(env.id, other)?.clientId ?? other})`,
          });
          return;
        }
      }
    });
  }

  function onForget() {
    setHeld(undefined);
    setRotation(undefined);
    setVerdict({ line: 'Tokens dropped from memory. Log in to get new ones.', ok: true });
  }

  const reaction = verdict?.failure ? classifyRefreshFailure(verdict.failure) : undefined;
  // The newest exchange opens; a stage note after it (the mock adopting a session) does not count.
  const lastExchange = exchanges.reduce((last, e, i) => (e.stage ? last : i), -1);
  const explanation = verdict?.failure ? explain(verdict.failure.code) : undefined;
  const shareCause = verdict?.cause ?? sharedCause;
  const shown = (t: string | undefined) => (t ? (revealed ? t : redactToken(t)) : '—');

  return (
    <div className={styles.simulator} ref={root}>
      {!envSupported && (
        <div className="alert alert--warning" role="alert">
          The simulator logs in with registered test clients, which only the <strong>mock</strong> and the{' '}
          <strong>local test tenant</strong> have. Environment now: {env.label}. Pick Mock or Local test
          tenant in the navigation bar.
        </div>
      )}

      <fieldset className={styles.types}>
        <legend>Client type</legend>
        {clientTypes.map((t) => {
          const p = refreshPolicyOf(t.name);
          return (
            <label key={t.name} className={clsx(styles.type, clientType === t.name && styles.typeChosen)}>
              <input
                type="radio"
                name={typeId}
                value={t.name}
                checked={clientType === t.name}
                disabled={busy !== undefined}
                onChange={() => {
                  setClientType(t.name);
                  setTimeline(defaultTimeline(p.name));
                }}
              />{' '}
              <strong>{t.name}</strong> <span className={styles.muted}>({t.usedBy})</span>
              <br />
              <span className={styles.policy}>
                {p.name}: {p.summary}
              </span>
            </label>
          );
        })}
      </fieldset>

      <section aria-label="Tokens">
        <div className={styles.row}>
          <button
            type="button"
            className="button button--primary"
            disabled={!envSupported || busy !== undefined}
            onClick={() => onLogin(true)}
          >
            Log in with offline_access
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={!held?.tokens.refreshToken || busy !== undefined}
            onClick={onRefresh}
          >
            Refresh
          </button>
          <button type="button" className="button button--link" disabled={!held} onClick={onForget}>
            Drop the tokens
          </button>
          {busy && (
            <span className={styles.muted} aria-live="polite">
              {busy}…{countdown !== undefined && ` refreshing in ${countdown} s`}
            </span>
          )}
        </div>
        <p className={styles.muted}>
          Client <code>{simulatorClient(env.id, clientType)?.clientId ?? '—'}</code> at {env.label}.
          {clientType === 'Confidential' &&
            ' A Confidential client’s secret belongs on its server; here your browser plays that server, with a published test secret.'}{' '}
          The login opens in a popup window; the tokens stay in this page’s memory and are gone when you leave
          it.
        </p>
        {countdown !== undefined && (
          <p className={styles.countdown} aria-live="polite">
            Waiting for the refresh token to expire: {countdown} s
          </p>
        )}
        {held && (
          <dl className={styles.tokens} aria-label="Tokens in memory">
            <dt>Client</dt>
            <dd>
              <code>{held.clientId}</code> ({held.clientType})
            </dd>
            <dt>Access token</dt>
            <dd>
              <code>{shown(held.tokens.accessToken)}</code>
            </dd>
            <dt>Refresh token</dt>
            <dd>
              <code data-testid="refresh-token">
                {held.tokens.refreshToken ? shown(held.tokens.refreshToken) : 'none issued'}
              </code>
            </dd>
            {rotation && (
              <>
                <dt>Rotation</dt>
                <dd>
                  {rotation.after && rotation.after !== rotation.before ? (
                    <>
                      <code>{shown(rotation.before)}</code> → <code>{shown(rotation.after)}</code> — the old
                      refresh token is used up.
                    </>
                  ) : (
                    <>
                      <code>{shown(rotation.before)}</code> kept: not rotated (
                      {refreshPolicyOf(held.clientType).name} policy, fixed lifetime).
                    </>
                  )}
                </dd>
              </>
            )}
            <dt>Shown</dt>
            <dd>
              <button
                type="button"
                className="button button--sm button--outline button--secondary"
                onClick={() => setRevealed((r) => !r)}
              >
                {revealed ? 'Hide the tokens' : 'Reveal the tokens'}
              </button>
            </dd>
          </dl>
        )}
      </section>

      <section aria-label="Causes of invalid_grant">
        <h3 className={styles.heading}>Make the refresh fail</h3>
        <ol className={styles.causes}>
          {causes.map((c, i) => {
            const needsTokens =
              !(c.id === 'no_refresh_token' || (c.id === 'expired' && env.id === 'local')) &&
              !held?.tokens.refreshToken;
            const notForPublic = c.id !== 'no_refresh_token' && !hasRefresh;
            return (
              <li key={c.id} className={clsx(styles.cause, sharedCause === c.id && styles.causeShared)}>
                <div>
                  <strong>
                    {i + 1}. {c.title}
                  </strong>
                  {isAssumed(behaviours[c.behaviour].source) && (
                    <Assumed source={behaviours[c.behaviour].source} />
                  )}
                  {sharedCause === c.id && <em> — the case of the link you followed</em>}
                  <br />
                  <span className={styles.muted}>
                    {c.id === 'reused' && reuseImpossibleBecause(clientType)
                      ? `Refreshes once, then presents the same refresh token again: a ${clientType} client’s token is not rotated, so this cannot fail.`
                      : env.id === 'local'
                        ? c.how.local
                        : c.how.mock}
                  </span>
                  {notForPublic && (
                    <span className={styles.muted}> Not for Public: it never gets a refresh token.</span>
                  )}
                  {!notForPublic && needsTokens && <span className={styles.muted}> Log in first.</span>}
                </div>
                <button
                  type="button"
                  className={clsx('button button--sm button--danger', styles.causeButton)}
                  aria-label={`Cause: ${c.title}`}
                  disabled={!envSupported || busy !== undefined || notForPublic || needsTokens}
                  onClick={() => onCause(c.id)}
                >
                  Cause it
                </button>
              </li>
            );
          })}
        </ol>
      </section>

      <p role="status" className={clsx(styles.verdict, verdict && (verdict.ok ? styles.ok : styles.bad))}>
        {verdict?.line ?? ''}
        {verdict?.guide && (
          <>
            {' '}
            <GuideLink topic={verdict.guide}>What this means</GuideLink>
          </>
        )}
      </p>

      {verdict?.failure && explanation && reaction && (
        <div
          className={clsx('alert', reaction.kind === 'login_required' ? 'alert--danger' : 'alert--warning')}
        >
          <p>
            <strong>What happened:</strong> {explanation.meaning}
          </p>
          <p>
            <strong>What your client should do:</strong> {reaction.advice}{' '}
            {reaction.kind === 'login_required' &&
              'This simulator has dropped the tokens and will not refresh again by itself.'}
          </p>
          {explanation.guide && (
            <p className="margin-bottom--none">
              <GuideLink topic={explanation.guide}>
                Why, and what else returns {verdict.failure.code}
              </GuideLink>
            </p>
          )}
          {reaction.kind === 'login_required' && (
            <p className="margin-top--sm margin-bottom--none">
              <button
                type="button"
                className="button button--sm button--primary"
                disabled={busy !== undefined}
                onClick={() => onLogin(true)}
              >
                Log in again
              </button>
            </p>
          )}
        </div>
      )}

      {exchanges.length > 0 && (
        <section aria-label="HTTP exchanges">
          <h3 className={styles.heading}>What went over the wire</h3>
          {exchanges.map((e, i) =>
            e.stage ? (
              <p key={i} className={clsx(styles.muted, styles.stage)} data-stage="">
                Mock only, not a request your client makes: {e.title}.
              </p>
            ) : (
              <details key={i} open={i === lastExchange} className={styles.exchange}>
                <summary>
                  {e.title}: <strong className={e.ok ? styles.ok : styles.bad}>{e.statusLine}</strong>
                </summary>
                {e.curl && (
                  <>
                    <p className={styles.muted}>The request (secrets and tokens replaced by placeholders):</p>
                    <CodeBlock language="bash">{e.curl}</CodeBlock>
                  </>
                )}
                <p className={styles.muted}>The answer ({e.statusLine}):</p>
                <CodeBlock language="json">{e.body}</CodeBlock>
                {e.note && <p className={styles.muted}>{e.note}</p>}
              </details>
            ),
          )}
        </section>
      )}

      <HandlingSample />

      <Timeline settings={timeline} onChange={setTimeline} />

      <div className={styles.row}>
        <CopyButton
          label="Share this scenario"
          done="Link copied (client type, cause and timeline; never a token)"
          value={() =>
            shareScenarioUrl(window.location.href, {
              env: env.id,
              clientType,
              ...(shareCause ? { cause: shareCause } : {}),
              timeline,
            })
          }
        />
      </div>
    </div>
  );
}
