/**
 * The simulator's runs: each button starts one run of the state machine (state.ts), which calls the
 * runner in src/oidc and applies what it returns. The popup a login or a tenant logout needs is opened
 * here, synchronously in the click, before anything is awaited.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import {
  completeRefreshLogin,
  noRefreshTokenPurpose,
  otherClientType,
  runRefresh,
  runRefreshCause,
  type AuthorizationSecrets,
  type ClientSettings,
  type ClientTypeName,
} from '@site/src/oidc';
import { shortRefreshLifetimeSeconds } from '@site/src/oidc/catalogue/fixtures';
import type { EnvironmentValue } from '@site/src/components/EnvironmentContext';
import { callbackUrlFor, openLoginPopup, type PendingLogin } from '../shared/loginRoundTrip';
import { focusResult, rememberFocus } from '../shared/focus';
import { causes, type CauseId } from './scenario';
import { clientSettings, logIn, stageFor, type LoginContext } from './session';
import { initialSimulator, isBusy, simulatorReducer, type Held, type SimulatorState } from './state';

type Env = Pick<EnvironmentValue, 'id' | 'issuer' | 'label'>;

/** Causes whose first step opens a window: a login of their own, or the tenant's logout. */
function needsPopup(cause: CauseId, env: Env): boolean {
  return (
    cause === 'no_refresh_token' ||
    (cause === 'expired' && env.id === 'local') ||
    (cause === 'session_ended' && env.id === 'local')
  );
}

export type SimulatorRun = {
  state: SimulatorState;
  busy: boolean;
  verdictLine: React.RefObject<HTMLParagraphElement | null>;
  onLogin(clientType: ClientTypeName): void;
  onRefresh(): void;
  onCause(cause: CauseId, clientType: ClientTypeName): void;
  onForget(): void;
  /** Back from a full-page redirect login: finish it (and the cause it was for). */
  resume(returned: PendingLogin<LoginContext> & { callbackUrl: string }): void;
};

export function useSimulatorRun(env: Env, baseUrl: string): SimulatorRun {
  const [state, dispatch] = useReducer(simulatorReducer, initialSimulator);
  const verdictLine = useRef<HTMLParagraphElement>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const alive = useCallback(() => mounted.current, []);
  const countdown = useCallback(
    (seconds: number | undefined) => dispatch({ type: 'countdown', seconds }),
    [],
  );

  const run = useCallback((label: string, work: () => Promise<void>) => {
    // Focus stays on the pressed button (busy buttons are aria-disabled, never disabled); if a
    // result removed it ("Log in again"), it moves to the verdict.
    const restoreFocus = rememberFocus();
    dispatch({ type: 'start', label });
    void (async () => {
      try {
        await work();
      } catch {
        dispatch({
          type: 'stop',
          verdict: {
            line: 'Something went wrong in the simulator itself; reload the page and try again.',
            ok: false,
          },
        });
      } finally {
        if (mounted.current) {
          dispatch({ type: 'end' });
          setTimeout(() => restoreFocus(verdictLine.current), 0);
        }
      }
    })();
  }, []);

  /** Exchange the code that came back; resolves to the tokens now held, if any. */
  const finishLogin = useCallback(
    async (
      ctx: LoginContext,
      settings: ClientSettings,
      callbackUrl: string,
      secrets: AuthorizationSecrets,
    ): Promise<Held | undefined> => {
      dispatch({ type: 'exchanging', label: 'Exchanging the code' });
      const result = await completeRefreshLogin(
        settings,
        callbackUrl,
        secrets,
        ctx.cause === 'no_refresh_token'
          ? noRefreshTokenPurpose(ctx.clientType)
          : { clientType: ctx.clientType, offline: ctx.offline, ...(ctx.cause ? { cause: ctx.cause } : {}) },
        { stage: stageFor(env, { popup: null, countdown, alive }) },
      );
      const client = { clientType: ctx.clientType, short: ctx.short, clientId: settings.clientId };
      dispatch({ type: 'apply', run: result, client });
      return result.tokens?.refreshToken ? { ...client, tokens: result.tokens } : undefined;
    },
    [env, countdown, alive],
  );

  const login = useCallback(
    async (ctx: LoginContext, popup: Window | null): Promise<Held | undefined> => {
      const outcome = await logIn(env, baseUrl, ctx, popup);
      if (outcome.kind === 'stopped') dispatch({ type: 'stop', verdict: outcome.verdict });
      if (outcome.kind !== 'callback') return undefined;
      return finishLogin(ctx, outcome.settings, outcome.callbackUrl, outcome.secrets);
    },
    [env, baseUrl, finishLogin],
  );

  /** The tenant's short-lived twin: wait out its refresh token (counted down), then refresh. */
  const expireShortTwin = useCallback(
    async (h: Held) => {
      const found = await clientSettings(env, baseUrl, h.clientType, true);
      if (!found.ok) return dispatch({ type: 'stop', verdict: found.verdict });
      const result = await runRefreshCause('expired', {
        clientType: h.clientType,
        settings: found.settings,
        tokens: h.tokens,
        refreshLifetimeSeconds: shortRefreshLifetimeSeconds,
        stage: stageFor(env, { popup: null, countdown, alive }),
      });
      if (mounted.current) dispatch({ type: 'apply', run: result });
    },
    [env, baseUrl, countdown, alive],
  );

  const held = state.held;
  const onLogin = (clientType: ClientTypeName) => {
    const popup = openLoginPopup();
    run('Logging in', async () => {
      await login({ clientType, short: false, offline: true }, popup);
    });
  };

  const onRefresh = () => {
    const h = held;
    if (!h?.tokens.refreshToken) return;
    run('Refreshing', async () => {
      const found = await clientSettings(env, baseUrl, h.clientType, h.short);
      if (!found.ok) return dispatch({ type: 'stop', verdict: found.verdict });
      dispatch({ type: 'apply', run: await runRefresh(found.settings, h.tokens) });
    });
  };

  const onCause = (cause: CauseId, clientType: ClientTypeName) => {
    const popup = needsPopup(cause, env) ? openLoginPopup() : null;
    const h = held;
    run(causes.find((c) => c.id === cause)!.title, async () => {
      if (cause === 'no_refresh_token') {
        // Public: offline_access and still nothing. Other types: the same login without offline_access.
        await login({ clientType, short: false, offline: clientType === 'Public', cause }, popup);
        return;
      }
      if (cause === 'expired' && env.id === 'local') {
        const h2 = await login({ clientType, short: true, offline: true, cause }, popup);
        if (h2) await expireShortTwin(h2);
        return;
      }
      if (!h?.tokens.refreshToken) {
        popup?.close();
        return dispatch({
          type: 'stop',
          verdict: { line: 'Log in first: this cause needs a refresh token.', ok: false },
        });
      }
      const found = await clientSettings(env, baseUrl, h.clientType, h.short);
      const other =
        cause === 'other_client'
          ? await clientSettings(env, baseUrl, otherClientType(h.clientType))
          : undefined;
      if (!found.ok || (other && !other.ok)) {
        popup?.close();
        const verdict = !found.ok ? found.verdict : other && !other.ok ? other.verdict : undefined;
        return verdict && dispatch({ type: 'stop', verdict });
      }
      const result = await runRefreshCause(cause, {
        clientType: h.clientType,
        settings: found.settings,
        tokens: h.tokens,
        stage: stageFor(env, { popup, countdown, alive }),
        ...(other?.ok ? { otherClient: other.settings } : {}),
        postLogoutRedirectUri: callbackUrlFor(window.location.origin, baseUrl),
      });
      popup?.close();
      dispatch({ type: 'apply', run: result });
    });
  };

  const onForget = () => dispatch({ type: 'forget' });

  const resume = (returned: PendingLogin<LoginContext> & { callbackUrl: string }) => {
    // Focus lands on the result, where the page scrolled, not on "Skip to main content".
    focusResult(verdictLine.current);
    run('Finishing the login', async () => {
      const found = await clientSettings(env, baseUrl, returned.context.clientType, returned.context.short);
      if (!found.ok) return dispatch({ type: 'stop', verdict: found.verdict });
      const h = await finishLogin(returned.context, found.settings, returned.callbackUrl, returned.secrets);
      if (h && returned.context.cause === 'expired') await expireShortTwin(h);
    });
  };

  return { state, busy: isBusy(state), verdictLine, onLogin, onRefresh, onCause, onForget, resume };
}
