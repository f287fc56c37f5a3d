/**
 * What the simulator needs from the browser around the runner (src/oidc/refresh-causes.ts): the
 * client settings of a test client in the selected environment, the login round trip, and each
 * engine's stage (the mock's levers; the tenant's real wait and its logout in a popup).
 */
import {
  buildAuthorizationRequest,
  discoverProvider,
  mockRefreshStage,
  tenantRefreshStage,
  tokenAnswerLine,
  type AuthorizationSecrets,
  type ClientSettings,
  type ClientTypeName,
  type RefreshStage,
  type RefreshVerdict,
} from '@site/src/oidc';
import { controlMock } from '@site/src/mocks/control';
import {
  awaitPopupCallback,
  beginRedirectLogin,
  callbackUrlFor,
  navigatePopup,
} from '../shared/loginRoundTrip';
import { environmentReady } from '../shared/environment';
import type { EnvironmentValue } from '@site/src/components/EnvironmentContext';
import { simulatorClient, type CauseId } from './scenario';

export const widgetName = 'refresh-simulator';

/** What the widget keeps across a full-page redirect (no token, no secret of its own). */
export type LoginContext = { clientType: ClientTypeName; short: boolean; offline: boolean; cause?: CauseId };

type Env = Pick<EnvironmentValue, 'id' | 'issuer' | 'label'>;

export type Settled<T> = ({ ok: true } & T) | { ok: false; verdict: RefreshVerdict };

const discoveries = new Map<string, Record<string, unknown>>();

export const noTestClients =
  'The simulator logs in with registered test clients, which only the mock and the local test tenant have. Pick one of those in the navigation bar.';

/** The settings of the simulator's test client of `type` in `env`; a problem comes back as a verdict. */
export async function clientSettings(
  env: Env,
  baseUrl: string,
  type: ClientTypeName,
  short = false,
): Promise<Settled<{ settings: ClientSettings }>> {
  const client = simulatorClient(env.id, type, { short });
  if (!env.issuer || !client) return { ok: false, verdict: { line: noTestClients, ok: false } };
  await environmentReady(env.id, baseUrl);
  let discovery = discoveries.get(env.issuer);
  if (!discovery) {
    const result = await discoverProvider(env.issuer);
    if (!result.ok)
      return {
        ok: false,
        verdict: {
          line: `${tokenAnswerLine({ ok: false, failure: result.failure })} (while reading ${env.label}’s discovery document${env.id === 'local' ? ': is the tenant running? npm run tenant' : ''})`,
          ok: false,
          // Not a refresh answer: no refresh advice, but the page that explains it (issuer mix-up …).
          ...(result.failure.explanation.guide ? { guide: result.failure.explanation.guide } : {}),
        },
      };
    discovery = result.document;
    discoveries.set(env.issuer, discovery);
  }
  return {
    ok: true,
    settings: {
      discovery,
      issuer: env.issuer,
      clientId: client.clientId,
      ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}),
    },
  };
}

export type LoginOutcome =
  | { kind: 'callback'; settings: ClientSettings; callbackUrl: string; secrets: AuthorizationSecrets }
  | { kind: 'redirected' }
  | { kind: 'stopped'; verdict: RefreshVerdict };

/**
 * One login round trip. `popup` must have been opened synchronously by the click; without one the
 * page redirects and resumes on return (the context goes to sessionStorage for the round trip).
 */
export async function logIn(
  env: Env,
  baseUrl: string,
  ctx: LoginContext,
  popup: Window | null,
): Promise<LoginOutcome> {
  const found = await clientSettings(env, baseUrl, ctx.clientType, ctx.short);
  if (!found.ok) {
    popup?.close();
    return { kind: 'stopped', verdict: found.verdict };
  }
  // Every login starts the mock's virtual clock afresh (an earlier "expired" moved it).
  if (env.id === 'mock') await controlMock({ set: { clockOffsetSeconds: 0 } });
  const built = await buildAuthorizationRequest(found.settings, {
    redirectUri: callbackUrlFor(window.location.origin, baseUrl),
    scope: ctx.offline ? 'openid offline_access' : 'openid',
  });
  if (!built.ok) {
    popup?.close();
    return { kind: 'stopped', verdict: { line: tokenAnswerLine(built), ok: false, failure: built.failure } };
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
    return started
      ? { kind: 'redirected' }
      : {
          kind: 'stopped',
          verdict: {
            line: 'The popup was blocked and this browser does not allow session storage: allow popups for this site.',
            ok: false,
          },
        };
  }
  navigatePopup(popup, url);
  const outcome = await awaitPopupCallback(popup);
  if (outcome.kind !== 'callback')
    return {
      kind: 'stopped',
      verdict: {
        line:
          outcome.kind === 'closed'
            ? 'The login window was closed before the login finished. Nothing was changed.'
            : 'The login did not come back in time. Nothing was changed.',
        ok: false,
      },
    };
  return { kind: 'callback', settings: found.settings, callbackUrl: outcome.url, secrets };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The engine's stage for a cause. The mock: its levers. The tenant: time passes for real (counted down
 * on the page), and the logout runs in `popup` (opened by the click).
 */
export function stageFor(
  env: Env,
  options: { popup: Window | null; countdown: (seconds: number | undefined) => void; alive: () => boolean },
): RefreshStage {
  if (env.id === 'mock')
    return mockRefreshStage({
      advanceClock: async (seconds) => void (await controlMock({ advanceClockSeconds: seconds })),
      endSession: async () => void (await controlMock({ endSession: true })),
      adoptSession: async (sessionId) => void (await controlMock({ set: { ssoSession: true, sessionId } })),
    });
  return tenantRefreshStage({
    async wait(seconds) {
      for (let left = seconds; left > 0; left--) {
        if (!options.alive()) return false;
        options.countdown(left);
        await sleep(1000);
      }
      options.countdown(undefined);
      return options.alive();
    },
    async logout(url, state) {
      const { popup } = options;
      if (!popup) return 'no_popup';
      navigatePopup(popup, url);
      const outcome = await awaitPopupCallback(popup);
      return outcome.kind === 'callback' && new URL(outcome.url).searchParams.get('state') === state
        ? 'done'
        : 'not_back';
    },
  });
}
