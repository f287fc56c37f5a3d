/**
 * The simulator's runs on the shared layer: each button starts one run of the state machine
 * (src/oidc/refresh-simulator-state.ts); the login goes through `runLogin`, the client settings come from the provider session,
 * the mock's levers from its control client, and the causes run in src/oidc/runners/refresh-causes.ts.
 * `runLogin` is called synchronously in the click (it opens the popup before anything is awaited).
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import {
  buildAuthorizationRequest,
  failure,
  failureSentence,
  type AuthorizationSecrets,
  type ClientSettings,
  type ClientTypeName,
  type RunStep,
} from '@site/src/oidc';
import {
  completeRefreshLogin,
  mockRefreshStage,
  noRefreshTokenPurpose,
  otherClientType,
  runRefresh,
  runRefreshCause,
  tenantRefreshStage,
  type ClockJump,
  type RefreshStage,
  type RefreshVerdict,
  type SentenceContext,
} from '@site/src/oidc/runners/refresh-causes';
import { shortRefreshLifetimeSeconds } from '@site/src/oidc/catalogue/fixtures';
import { callbackUrlFor } from '../shared/loginRoundTrip';
import { resumeLogin, runLogin, type LoginOutcome, type ResumedLogin } from '../shared/runLogin';
import { useMockControl, useProviderSession } from '../shared/providerSession';
import { useSiteBaseUrl } from '../shared/environment';
import { focusResult, rememberFocus } from '../shared/focus';
import { causes, type CauseId } from '@site/src/oidc/refresh-simulator-scenario';
import {
  initialSimulator,
  isBusy,
  simulatorReducer,
  type Held,
  type SimulatorState,
} from '@site/src/oidc/refresh-simulator-state';

export const widgetName = 'refresh-simulator';

/** What the widget keeps across a full-page redirect (no token, no secret of its own). */
export type LoginContext = { clientType: ClientTypeName; short: boolean; offline: boolean; cause?: CauseId };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A login started in the click; resolves with what came back and the client it was for. */
type StartedLogin = Promise<{
  outcome: LoginOutcome;
  settings?: ClientSettings;
  secrets?: AuthorizationSecrets;
  problem?: RefreshVerdict;
}>;

export type SimulatorRun = {
  state: SimulatorState;
  busy: boolean;
  verdictLine: React.RefObject<HTMLParagraphElement | null>;
  onLogin(clientType: ClientTypeName): void;
  onRefresh(): void;
  /** `jump`: on the local tenant, cause 1 jumps its test clock instead of the short-lived twin's wait. */
  onCause(cause: CauseId, clientType: ClientTypeName, jump?: ClockJump): void;
  onForget(): void;
  /** After hydration: a login that came back through a full-page redirect, finished (with the cause it was for). */
  resume(): LoginContext | undefined;
};

export function useSimulatorRun(): SimulatorRun {
  const session = useProviderSession();
  const mock = useMockControl();
  const baseUrl = useSiteBaseUrl();
  const envId = session.environment.id;
  const [state, dispatch] = useReducer(simulatorReducer, initialSimulator);
  const verdictLine = useRef<HTMLParagraphElement>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const sentences = (step: RunStep): SentenceContext => {
    const { step: _step, ...rest } = session.failureContext(step);
    return rest;
  };
  const stop = (verdict: RefreshVerdict) => dispatch({ type: 'stop', verdict });
  const settingsOf = async (type: ClientTypeName, short = false): Promise<ClientSettings | undefined> => {
    const found = await session.clientSettings(type, { short });
    if (found.ok) return found.settings;
    const guide = found.problem.failure?.explanation.guide;
    stop({ line: found.problem.sentence, ok: false, ...(guide ? { guide } : {}) });
    return undefined;
  };

  const run = (label: string, work: () => Promise<'leaving' | void>) => {
    // Focus stays on the pressed button (busy buttons are aria-disabled, never disabled); if a
    // result removed it ("Log in again"), it moves to the verdict.
    const restoreFocus = rememberFocus();
    dispatch({ type: 'start', status: label });
    void (async () => {
      try {
        if ((await work()) === 'leaving') return;
      } catch {
        dispatch({
          type: 'fail',
          line: 'Something went wrong in the simulator itself; reload the page and try again.',
        });
      }
      if (!mounted.current) return;
      dispatch({ type: 'settle' });
      setTimeout(() => restoreFocus(verdictLine.current), 0);
    })();
  };

  /**
   * The engine's stage. The mock: its control client. The tenant: time passes for real, counted down on
   * the page; the logout goes through `logout`, a popup opened by the click (see `deferredLogout`).
   */
  const stageFor = useCallback(
    (logout?: DeferredLogout, jump?: ClockJump): RefreshStage => {
      if (envId === 'mock') return mockRefreshStage(mock);
      return tenantRefreshStage({
        ...(jump ? { jump } : {}),
        async wait(seconds) {
          for (let left = seconds; left > 0; left--) {
            if (!mounted.current) return false;
            dispatch({ type: 'countdown', seconds: left });
            await sleep(1000);
          }
          dispatch({ type: 'countdown', seconds: undefined });
          return mounted.current;
        },
        async logout(url, state) {
          if (!logout) return 'no_popup';
          const outcome = await logout.send(url, state, callbackUrlFor(window.location.origin, baseUrl));
          if (outcome.kind === 'popup_blocked') return 'no_popup';
          return outcome.kind === 'callback' && outcome.stateMatches ? 'done' : 'not_back';
        },
      });
    },
    [envId, mock, baseUrl],
  );

  /** Starts a login round trip; call it in the click, before any await. */
  const startLogin = (ctx: LoginContext): StartedLogin => {
    let settings: ClientSettings | undefined;
    let secrets: AuthorizationSecrets | undefined;
    let problem: RefreshVerdict | undefined;
    const outcome = runLogin<LoginContext>(
      async () => {
        const found = await session.clientSettings(ctx.clientType, { short: ctx.short });
        if (!found.ok) {
          const guide = found.problem.failure?.explanation.guide;
          problem = { line: found.problem.sentence, ok: false, ...(guide ? { guide } : {}) };
          return { ok: false, failure: found.problem.failure ?? failure('invalid_request').failure };
        }
        // Every login starts the mock's virtual clock afresh (an earlier "expired" moved it).
        if (envId === 'mock') await mock.set({ clockOffsetSeconds: 0 });
        const built = await buildAuthorizationRequest(found.settings, {
          redirectUri: callbackUrlFor(window.location.origin, baseUrl),
          scope: ctx.offline ? 'openid offline_access' : 'openid',
        });
        if (!built.ok) return built;
        settings = found.settings;
        secrets = built.request.secrets;
        return { ok: true, request: { purpose: 'authorize', url: built.request.url, secrets } };
      },
      { mode: 'popup', redirect: { widget: widgetName, context: ctx } },
    );
    return outcome.then((o) => ({
      outcome: o,
      ...(settings ? { settings } : {}),
      ...(secrets ? { secrets } : {}),
      ...(problem ? { problem } : {}),
    }));
  };

  /** The login's answer: exchange the code; resolves to the tokens now held, `leaving` for a redirect. */
  const finishLogin = async (
    ctx: LoginContext,
    back: Awaited<StartedLogin>,
  ): Promise<Held | 'leaving' | undefined> => {
    const { outcome, settings, secrets } = back;
    if (outcome.kind === 'redirected') return 'leaving';
    if (outcome.kind === 'not_sent') {
      stop(
        back.problem ?? {
          line: failureSentence(outcome.failure, session.failureContext('authorize')),
          ok: false,
        },
      );
      return undefined;
    }
    if (outcome.kind !== 'callback' || !settings || !secrets) {
      if (outcome.kind !== 'callback')
        dispatch({
          type: 'fail',
          line: failureSentence(
            outcome,
            session.failureContext('authorize', { unchanged: 'Nothing was changed.' }),
          ),
        });
      return undefined;
    }
    dispatch({ type: 'exchanging', status: 'Exchanging the code' });
    const report = await completeRefreshLogin(
      settings,
      outcome.url,
      secrets,
      ctx.cause === 'no_refresh_token'
        ? noRefreshTokenPurpose(ctx.clientType)
        : { clientType: ctx.clientType, offline: ctx.offline, ...(ctx.cause ? { cause: ctx.cause } : {}) },
      { stage: stageFor(), context: sentences('token') },
    );
    const client = { clientType: ctx.clientType, short: ctx.short, clientId: settings.clientId };
    const tokens = report.result.tokens;
    // The short twin's login is the first step of "expired": the run goes on with the wait.
    const more = ctx.cause === 'expired' && Boolean(tokens?.refreshToken);
    dispatch({ type: 'report', report, client, more });
    return tokens?.refreshToken ? { ...client, tokens } : undefined;
  };

  /** The tenant's short-lived twin: wait out its refresh token (counted down), then refresh. */
  const expireShortTwin = async (h: Held) => {
    const settings = await settingsOf(h.clientType, true);
    if (!settings) return;
    dispatch({ type: 'exchanging', status: 'Waiting for the refresh token to expire' });
    const report = await runRefreshCause(
      'expired',
      {
        clientType: h.clientType,
        settings,
        tokens: h.tokens,
        refreshLifetimeSeconds: shortRefreshLifetimeSeconds,
        stage: stageFor(),
      },
      { context: sentences('refresh') },
    );
    if (mounted.current) dispatch({ type: 'report', report });
  };

  const held = state.held;
  const onLogin = (clientType: ClientTypeName) => {
    const ctx: LoginContext = { clientType, short: false, offline: true };
    const started = startLogin(ctx);
    run('Logging in', async () => {
      const h = await finishLogin(ctx, await started);
      if (h === 'leaving') return 'leaving';
    });
  };

  const onRefresh = () => {
    const h = held;
    if (!h?.tokens.refreshToken) return;
    run('Refreshing', async () => {
      const settings = await settingsOf(h.clientType, h.short);
      if (!settings) return;
      dispatch({
        type: 'report',
        report: await runRefresh(settings, h.tokens, { context: sentences('refresh') }),
      });
    });
  };

  const onCause = (cause: CauseId, clientType: ClientTypeName, jump?: ClockJump) => {
    const title = causes.find((c) => c.id === cause)!.title;
    // These causes log in themselves (a popup of their own, opened now, in the click).
    if (cause === 'no_refresh_token' || (cause === 'expired' && envId === 'local' && !jump)) {
      const ctx: LoginContext =
        cause === 'no_refresh_token'
          ? { clientType, short: false, offline: clientType === 'Public', cause }
          : { clientType, short: true, offline: true, cause };
      const started = startLogin(ctx);
      run(title, async () => {
        const h = await finishLogin(ctx, await started);
        if (h === 'leaving') return 'leaving';
        if (h && cause === 'expired') await expireShortTwin(h);
      });
      return;
    }
    const h = held;
    // The tenant's logout runs in a popup, which only a click may open.
    const logout = cause === 'session_ended' && envId === 'local' ? deferredLogout() : undefined;
    run(title, async () => {
      try {
        if (!h?.tokens.refreshToken)
          return stop({ line: 'Log in first: this cause needs a refresh token.', ok: false });
        const settings = await settingsOf(h.clientType, h.short);
        const other = cause === 'other_client' ? await settingsOf(otherClientType(h.clientType)) : undefined;
        if (!settings || (cause === 'other_client' && !other)) return;
        const report = await runRefreshCause(
          cause,
          {
            clientType: h.clientType,
            settings,
            tokens: h.tokens,
            stage: stageFor(logout, cause === 'expired' ? jump : undefined),
            ...(other ? { otherClient: other } : {}),
            postLogoutRedirectUri: callbackUrlFor(window.location.origin, baseUrl),
          },
          { context: sentences('refresh') },
        );
        dispatch({ type: 'report', report });
      } finally {
        logout?.cancel();
      }
    });
  };

  const onForget = () => dispatch({ type: 'forget' });

  const resume = (): LoginContext | undefined => {
    const back: ResumedLogin<LoginContext> | undefined = resumeLogin<LoginContext>(widgetName);
    if (!back) return undefined;
    const ctx = back.context;
    // Focus lands on the result, where the page scrolled, not on "Skip to main content".
    focusResult(verdictLine.current);
    run('Finishing the login', async () => {
      const settings = await settingsOf(ctx.clientType, ctx.short);
      if (!settings) return;
      const h = await finishLogin(ctx, { outcome: back.outcome, settings, secrets: back.secrets });
      if (h && h !== 'leaving' && ctx.cause === 'expired') await expireShortTwin(h);
    });
    return ctx;
  };

  return { state, busy: isBusy(state), verdictLine, onLogin, onRefresh, onCause, onForget, resume };
}

/**
 * A logout popup opened now (in the click) whose end-session URL comes later, from the runner: `send`
 * navigates it and resolves with what came back; `cancel` closes it if nothing was sent.
 */
type DeferredLogout = {
  send(url: string, state: string, redirectUri: string): Promise<LoginOutcome>;
  cancel(): void;
};

function deferredLogout(): DeferredLogout {
  let give: (request: { url: string; state: string; redirectUri: string } | undefined) => void = () => {};
  const request = new Promise<{ url: string; state: string; redirectUri: string } | undefined>((resolve) => {
    give = resolve;
  });
  const outcome = runLogin(
    async () => {
      const r = await request;
      return r
        ? { ok: true as const, request: { purpose: 'end_session' as const, ...r } }
        : failure('invalid_request', { detail: 'The logout was not needed after all.' });
    },
    { mode: 'popup' },
  );
  return {
    send(url, state, redirectUri) {
      give({ url, state, redirectUri });
      return outcome;
    },
    cancel() {
      give(undefined);
    },
  };
}
