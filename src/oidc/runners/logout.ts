/**
 * The logout tryout's runner (framework-free): log in, log out through end_session_endpoint (RP-initiated
 * logout, a browser navigation) or TelenorID+'s custom_logout_endpoint (a POST, for native apps), then
 * prove the session is gone — prompt=none answers login_required — and that its refresh token is refused.
 * The navigations (login popup, logout popup, the hidden prompt=none frame) are the widget's, through
 * runLogin; this file builds their URLs and reads what came back. Every step returns the exchanges
 * (secrets redacted, curl for each request) and a verdict.
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html
 */
import type { AuthorizationSecrets } from '../authorize';
import { buildAuthorizationRequest } from '../authorize';
import { parseCallback } from '../callback';
import type { ClientTypeName } from '../catalogue';
import { loggedOutPage } from '../catalogue/logout';
import type { ClientSettings } from '../client';
import { redactUrlSecrets, toCurl, type RecordedRequest } from '../curl';
import { failureSentence, type FailureContext } from '../failure-sentence';
import { redactToken } from '../refresh';
import { httpExchange, redactedAnswer, type Exchange, type HttpExchange, type RunReport } from '../run';
import { buildSilentAuthRequest } from '../silent';
import {
  buildEndSessionRequest,
  customLogout,
  exchangeCode,
  refreshTokens,
  type TokenResult,
} from '../tokens';

/** Through the browser (end_session_endpoint) or, as a native app, by POST (custom_logout_endpoint). */
export type LogoutMethod = 'end_session' | 'custom';
export const logoutMethods: readonly LogoutMethod[] = ['end_session', 'custom'];

/** With a post_logout_redirect_uri (back to the app), or without one (TelenorID+'s white page). */
export type LogoutReturn = 'back' | 'white_page';
export const logoutReturns: readonly LogoutReturn[] = ['back', 'white_page'];

/** Client types that get a refresh token, so the tryout can show it die with the session. */
export const logoutClientTypes: readonly ClientTypeName[] = ['PublicWithRefresh', 'MobileApp'];

/** The scope of the tryout's login: an ID token (the hint) and a refresh token (to show it dies). */
export const logoutLoginScope = 'openid profile offline_access';

/** What the login left in memory for the logout: never stored, never in a link. */
export type LoggedIn = { idToken: string; refreshToken?: string; name?: string };

/** Where a failure's sentence is said (the environment's label, CORS, local). */
export type LogoutContext = Omit<FailureContext, 'step'>;

function sentence(
  f: Parameters<typeof failureSentence>[0],
  step: FailureContext['step'],
  ctx: LogoutContext,
) {
  return failureSentence(f, { ...ctx, step });
}

/** The login's /authorize request (PKCE, state, nonce), for runLogin. */
export function buildLogoutLogin(settings: ClientSettings, redirectUri: string) {
  return buildAuthorizationRequest(settings, { redirectUri, scope: logoutLoginScope });
}

/** The code exchange after the login: the ID token and the refresh token stay in memory. */
export async function finishLogoutLogin(
  settings: ClientSettings,
  callbackUrl: string,
  secrets: AuthorizationSecrets,
  ctx: LogoutContext,
): Promise<RunReport<LoggedIn>> {
  const exchanged = await exchangeCode(settings, callbackUrl, secrets, {
    requestedScopes: logoutLoginScope.split(' '),
  });
  const title = 'Code exchange at /token';
  if (!exchanged.ok) {
    const request = tokenRequest(settings, { grant_type: 'authorization_code', code: 'CODE' });
    return {
      exchanges: [httpExchange(title, request, { ok: false, failure: exchanged.failure })],
      verdict: { ok: false, line: sentence(exchanged.failure, 'token', ctx), failure: exchanged.failure },
    };
  }
  const { tokens, idToken } = exchanged.view;
  const request = exchanged.requests.at(-1) ?? tokenRequest(settings, { grant_type: 'authorization_code' });
  const exchanges: Exchange[] = [
    httpExchange(title, request, {
      ok: true,
      status: 200,
      body: redactedAnswer({
        token_type: tokens.tokenType,
        expires_in: tokens.expiresIn,
        scope: tokens.scope,
        access_token: tokens.accessToken,
        id_token: tokens.idToken,
        refresh_token: tokens.refreshToken,
      }),
    }),
  ];
  if (!tokens.idToken)
    return {
      exchanges,
      verdict: {
        ok: false,
        line: 'The login returned no ID token, so there is nothing to send as id_token_hint: log in with the openid scope.',
      },
    };
  const given = idToken?.claims['given_name'];
  const result: LoggedIn = {
    idToken: tokens.idToken,
    ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
    ...(typeof given === 'string' ? { name: given } : {}),
  };
  return {
    exchanges,
    verdict: {
      ok: true,
      line: `Logged in${result.name ? ` as ${result.name}` : ''}: the ID token (the logout's id_token_hint)${result.refreshToken ? ' and a refresh token' : ''} are in this page's memory only.`,
    },
    result,
  };
}

function tokenRequest(settings: ClientSettings, form: Record<string, string>): RecordedRequest {
  const url = String(settings.discovery['token_endpoint'] ?? `${settings.issuer}/connect/token`);
  return {
    method: 'POST',
    url,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: { kind: 'form', params: [...Object.entries(form), ['client_id', settings.clientId]] },
  };
}

/** The end-session URL (id_token_hint, post_logout_redirect_uri unless the white page is asked for, state). */
export function buildLogout(
  settings: ClientSettings,
  input: { idToken: string; redirectUri: string; state: string; returnTo: LogoutReturn },
) {
  return buildEndSessionRequest(settings, {
    idTokenHint: input.idToken,
    ...(input.returnTo === 'back' ? { postLogoutRedirectUri: input.redirectUri } : {}),
    state: input.state,
  });
}

/** The logout's request as an exchange: the URL with id_token_hint redacted, and its curl. */
function endSessionExchange(url: string, statusLine: string, ok: boolean, note?: string): HttpExchange {
  return {
    kind: 'http',
    title: 'Logout at end_session_endpoint (the browser goes there)',
    method: 'GET',
    url: redactUrlSecrets(url),
    curl: toCurl({ method: 'GET', url, headers: {} }),
    statusLine,
    body: '',
    ok,
    ...(note ? { note } : {}),
  };
}

/**
 * What came back from the end-session round trip (runLogin's outcome, read by the widget): the browser
 * came back with the state, came back with another, or never came back (the reader closed the white page).
 */
export function readLogoutReturn(
  url: string,
  outcome: { kind: 'callback'; stateMatches: boolean } | { kind: 'closed' | 'timeout' },
  returnTo: LogoutReturn,
): RunReport<undefined> {
  if (outcome.kind === 'callback' && outcome.stateMatches)
    return {
      exchanges: [endSessionExchange(url, '302 → post_logout_redirect_uri with the state sent', true)],
      verdict: {
        ok: true,
        line: 'The provider ended the session and sent the browser back to the post_logout_redirect_uri with the state this page sent.',
      },
    };
  if (outcome.kind === 'callback')
    return {
      exchanges: [endSessionExchange(url, '302 → post_logout_redirect_uri, but with another state', false)],
      verdict: {
        ok: false,
        line: 'The browser came back from the logout with a state this page did not send: do not trust it as this logout’s answer. Check below whether the session is gone.',
      },
    };
  if (returnTo === 'white_page')
    return {
      exchanges: [
        endSessionExchange(
          url,
          `200 — the provider's own page: “${loggedOutPage.text}”`,
          true,
          'No post_logout_redirect_uri was sent, so nothing comes back to the client.',
        ),
      ],
      verdict: {
        ok: true,
        line: `The logout window stayed on the provider's page (“${loggedOutPage.text}”): without a post_logout_redirect_uri the user is left there, and the client learns nothing.`,
      },
    };
  return {
    exchanges: [endSessionExchange(url, 'no answer came back', false)],
    verdict: {
      ok: false,
      line:
        outcome.kind === 'closed'
          ? 'The logout window was closed before it came back, so this page does not know whether the session ended. Check below.'
          : 'The logout did not come back in time. The session may or may not have ended: check below; tell the user they can log out everywhere in Manage my Telenor ID.',
    },
  };
}

/** Why a logout through the whole tab shows no refresh: tokens live in the page's memory only. */
export const refreshLeftBehindLine =
  'The refresh token was not tried: the popup was blocked, so this tab itself went to the logout, and the tryout keeps tokens in the page’s memory only, never in storage, so the token went with the page. Allow popups for this site to see it refused with 400 invalid_grant too.';

/**
 * A blocked popup for a logout without a post_logout_redirect_uri: the tab cannot go instead, since the
 * provider's page never sends it back.
 */
export const whitePageNeedsPopupLine =
  'The popup was blocked, and without a post_logout_redirect_uri the provider’s page never sends this tab back, so this logout needs a popup: allow popups for this site, or log out with a post_logout_redirect_uri (back to the app). Nothing was changed.';

/** TelenorID+'s custom logout (native apps): POST JSON with the ID token as hint and a state. */
export async function runCustomLogout(
  settings: ClientSettings,
  input: { idToken: string; state: string },
  ctx: LogoutContext,
): Promise<RunReport<undefined>> {
  const endpoint = String(settings.discovery['custom_logout_endpoint'] ?? '');
  const request: RecordedRequest = {
    method: 'POST',
    url: endpoint,
    headers: { 'Content-Type': 'application/json' },
    body: { kind: 'json', value: { id_token_hint: input.idToken, state: input.state } },
  };
  const { outcome } = await customLogout(settings, { idTokenHint: input.idToken, state: input.state });
  const title = 'Custom logout at custom_logout_endpoint (POST JSON)';
  if (outcome.kind === 'failed')
    return {
      exchanges: endpoint ? [httpExchange(title, request, { ok: false, failure: outcome.failure })] : [],
      verdict: {
        ok: false,
        line: sentence(outcome.failure, 'end_session', ctx),
        failure: outcome.failure,
      },
    };
  const already = outcome.kind === 'already_logged_out';
  return {
    exchanges: [
      {
        ...httpExchange(title, request, { ok: true, status: 200 }),
        statusLine: already ? '200 Already logged out' : `200 ${outcome.state}`,
        body: already ? 'Already logged out' : outcome.state,
      },
    ],
    verdict: {
      ok: true,
      line: already
        ? 'TelenorID+ answered “Already logged out”: the session had ended before. That counts as done.'
        : outcome.state === input.state
          ? 'The session ended: the answer is 200 with the state this page sent.'
          : `The session ended (200), but the answer is not the state sent (${outcome.state}).`,
    },
  };
}

/** The prompt=none check after the logout (for runLogin's hidden frame). */
export function buildSessionCheck(settings: ClientSettings, redirectUri: string) {
  return buildSilentAuthRequest(settings, { redirectUri, scope: 'openid' });
}

export type AfterLogout = { sessionGone: boolean; refreshRefused: boolean | undefined };

/**
 * The proof: the prompt=none answer (the callback URL the hidden frame reached, or undefined if it never
 * answered) must be login_required, and the session's refresh token must be refused with invalid_grant.
 */
export async function checkAfterLogout(
  settings: ClientSettings,
  input: {
    checkUrl: string;
    checkState: string;
    callbackUrl: string | undefined;
    refreshToken?: string;
    /**
     * The refresh with `refreshToken`, already sent (the browser sends it beside the prompt=none check:
     * neither depends on the other); without it, it is sent here.
     */
    refreshed?: Promise<TokenResult>;
    /** The logout went through the whole tab (popups blocked): the refresh token stayed in the page it left. */
    refreshLeftBehind?: boolean;
  },
  ctx: LogoutContext,
): Promise<RunReport<AfterLogout>> {
  const exchanges: Exchange[] = [];
  const silentTitle = 'prompt=none at /authorize (hidden frame): is there a session?';
  let sessionGone = false;
  let silentLine: string;
  if (!input.callbackUrl) {
    exchanges.push(silentExchange(silentTitle, input.checkUrl, 'no answer in time', false));
    silentLine = 'The prompt=none check got no answer in time, so whether the session is gone is unknown.';
  } else {
    const parsed = parseCallback(input.callbackUrl, { state: input.checkState });
    const error = parsed.ok ? undefined : parsed.failure.code;
    sessionGone = error === 'login_required';
    exchanges.push(
      silentExchange(
        silentTitle,
        input.checkUrl,
        parsed.ok ? '302 → callback with a code: the session is alive' : `302 → callback with error=${error}`,
        sessionGone,
      ),
    );
    silentLine = sessionGone
      ? 'prompt=none now answers login_required: the SSO session is gone.'
      : parsed.ok
        ? 'prompt=none still returned a code: the SSO session is alive, so the logout did not end it.'
        : sentence(parsed.failure, 'authorize', ctx);
  }
  let refreshRefused: boolean | undefined;
  let refreshLine = '';
  if (input.refreshToken) {
    const refreshed = await (input.refreshed ?? refreshTokens(settings, input.refreshToken));
    const request = tokenRequest(settings, {
      grant_type: 'refresh_token',
      refresh_token: input.refreshToken,
    });
    const title = 'Refresh at /token with the session’s refresh token';
    if (refreshed.ok) {
      refreshRefused = false;
      exchanges.push(
        httpExchange(title, request, {
          ok: true,
          status: 200,
          body: { refresh_token: redactToken(refreshed.view.tokens.refreshToken ?? '') },
        }),
      );
      refreshLine = 'The refresh token still works: the logout did not invalidate the session’s tokens.';
    } else {
      refreshRefused = refreshed.failure.code === 'invalid_grant';
      // Refused with invalid_grant is what a logout must lead to: shown as the expected answer.
      exchanges.push({
        ...httpExchange(title, request, {
          ok: false,
          failure: refreshed.failure,
          ...(refreshRefused
            ? { note: 'Refused, as it must be after a logout: the logout invalidated it.' }
            : {}),
        }),
        ok: refreshRefused,
      });
      refreshLine = refreshRefused
        ? 'The refresh token is refused with 400 invalid_grant: it died with the session, so treat the user as logged out.'
        : sentence(refreshed.failure, 'refresh', ctx);
    }
  }
  if (!input.refreshToken && input.refreshLeftBehind) refreshLine = refreshLeftBehindLine;
  const ok = sessionGone && refreshRefused !== false;
  return {
    exchanges,
    verdict: {
      ok,
      line: [ok ? 'Logged out.' : 'Not fully logged out.', silentLine, refreshLine].filter(Boolean).join(' '),
    },
    result: { sessionGone, refreshRefused },
  };
}

function silentExchange(title: string, url: string, statusLine: string, ok: boolean): HttpExchange {
  return {
    kind: 'http',
    title,
    method: 'GET',
    url: redactUrlSecrets(url),
    curl: toCurl({ method: 'GET', url, headers: {} }),
    statusLine,
    body: '',
    ok,
  };
}
