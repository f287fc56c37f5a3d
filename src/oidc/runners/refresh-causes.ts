/**
 * The refresh-error simulator's runner: the causes of a failed refresh, each as a function that sends
 * what the reader's client would send and returns the exchanges (status, body, redacted curl) and a
 * verdict. What only an engine can do (move its clock, end its session) comes in as a `RefreshStage`,
 * so the same runner drives the mock in the browser, the local tenant, and both in Vitest.
 *
 * Value imports are relative, not `@site/…`: the Markdown twins read `causes` in Node.
 */
import { refreshPolicyOf, type ClientTypeName } from '../catalogue';
import type { GuideTopic } from '../catalogue';
import type { AuthorizationSecrets } from '../authorize';
import { parseCallback } from '../callback';
import type { ClientSettings } from '../client';
import { failure as portalFailure, type OidcFailure } from '../failures';
import {
  classifyRefreshFailure,
  redactedTokenResponse,
  refreshStepTitle,
  reuseImpossibleBecause,
  tokenFailureBody,
} from '../refresh';
import type { Exchange, HttpExchange, RunReport, RunVerdict } from '../run';
import { failureSentence, type FailureContext, type RunStep } from '../failure-sentence';
import { redactUrlSecrets, type RecordedRequest } from '../curl';
import { describeExpiresIn, formatDuration } from '../times';
import { describeClockOffset } from '../test-clock';
import {
  buildEndSessionRequest,
  exchangeCode,
  refreshTokens,
  revokeToken,
  type TokenResult,
  type TokenSet,
} from '../tokens';

import { causes, isCauseId, otherClientType, type Cause, type CauseId } from '../refresh-causes';

export { causes, isCauseId, otherClientType, type Cause, type CauseId };
/**
 * One entry of "What went over the wire": an exchange the reader's client makes (`http`), or a note
 * that an engine's stage machinery was moved (`stage`: the mock's clock or session, the test clock) —
 * how the simulator sets up a cause, not something a client sends, so it has no request.
 */
export type RefreshExchange = Exchange;

export type RefreshVerdict = RunVerdict & {
  cause?: CauseId;
  /** Where a failure that is not a refresh answer is explained. */
  guide?: GuideTopic;
};

/** What a run leaves the client holding. */
export type RefreshResult = {
  /** The tokens to hold after the run; undefined when the answer says they are dead (invalid_grant). */
  tokens?: TokenSet;
  /** A refresh that went through: the refresh token before and the new one the answer carried (undefined: kept). */
  rotation?: { before: string; after: string | undefined };
};

/** What every runner returns (src/oidc/run.ts), with the tokens the client holds after it. */
export type RefreshRun = RunReport<RefreshResult> & { verdict: RefreshVerdict; result: RefreshResult };

/** The result of moving an engine's stage: what to show for it, or why the cause cannot go on. */
export type StageStep = { ok: true; exchanges: RefreshExchange[] } | { ok: false; line: string };

/**
 * What only the engine (or the browser in front of it) can do. The mock has levers for all of it
 * (`mockRefreshStage`); the local tenant lets time pass and logs out in a browser (`tenantRefreshStage`).
 */
export type RefreshStage = {
  /** Let `seconds` pass for the provider: past a refresh token's lifetime. */
  passTime(seconds: number): Promise<StageStep>;
  /** End the SSO session: `url` is the end-session request the reader's client sends the browser to. */
  endSession(url: string, state: string): Promise<StageStep>;
  /** After a login in another page: make this page's engine know the session it started (the mock). */
  adoptSession?(sessionId: string): Promise<StageStep>;
};

/**
 * The mock's levers (src/mocks/control.ts `MockControlClient`, passed in so src/oidc does not import
 * src/mocks): each resolves to undefined when the mock did not answer.
 */
export type MockLevers = {
  advanceClock(seconds: number): Promise<unknown>;
  endSession(): Promise<unknown>;
  set(patch: { ssoSession: boolean; sessionId: string }): Promise<unknown>;
};

const stage = (title: string): RefreshExchange => ({ kind: 'stage', title });

const mockSilent: StageStep = {
  ok: false,
  line: 'The mock did not answer its scenario switch, so nothing was refreshed: reload the page and try again.',
};

/** The RP-initiated logout as the reader's client makes it: a browser navigation, not an API call. */
export function logoutExchange(endSessionUrl: string, how: string): HttpExchange {
  const end = new URL(endSessionUrl);
  return {
    kind: 'http',
    title: `Logout (end_session_endpoint, ${how})`,
    method: 'GET',
    url: redactUrlSecrets(endSessionUrl),
    curl: `# a browser navigation, not an API call:\n# GET ${end.origin + end.pathname}?id_token_hint=<id_token>&post_logout_redirect_uri=…&state=…`,
    status: 302,
    statusLine: '302 → post_logout_redirect_uri',
    body: '(the browser came back with the state it sent)',
    ok: true,
  };
}

/** The mock as a stage: every lever is a switch of its scenario, shown as a stage note. */
export function mockRefreshStage(levers: MockLevers): RefreshStage {
  return {
    async passTime(seconds) {
      if ((await levers.advanceClock(seconds)) === undefined) return mockSilent;
      return {
        ok: true,
        exchanges: [
          stage(
            `The mock moves its clock ${formatDuration(seconds)} forward, past the refresh token’s lifetime`,
          ),
        ],
      };
    },
    async endSession(url) {
      if ((await levers.endSession()) === undefined) return mockSilent;
      return {
        ok: true,
        exchanges: [
          logoutExchange(url, 'what your client sends the browser to'),
          stage('The mock ends its SSO session, as that logout would'),
        ],
      };
    },
    async adoptSession(sessionId) {
      if ((await levers.set({ ssoSession: true, sessionId })) === undefined) return mockSilent;
      return { ok: true, exchanges: [stage('The mock adopts the SSO session the login window started')] };
    },
  };
}

/**
 * The local tenant as a stage. Time passes for real (`wait`, which the widget counts down), or, when
 * `jump` is given, its test clock jumps (src/oidc/test-clock.ts); the logout is a browser's (`logout`
 * says whether the browser came back with the state sent).
 */
export function tenantRefreshStage(browser: {
  wait(seconds: number): Promise<boolean>;
  logout(url: string, state: string): Promise<'done' | 'no_popup' | 'not_back'>;
  jump?: ClockJump;
}): RefreshStage {
  return {
    async passTime(seconds) {
      if (browser.jump) return clockJumpStep(browser.jump, seconds, 'The tenant’s test clock');
      return (await browser.wait(seconds))
        ? { ok: true, exchanges: [] }
        : { ok: false, line: 'The wait was cut short; nothing was refreshed.' };
    },
    async endSession(url, state) {
      const done = await browser.logout(url, state);
      if (done === 'done') return { ok: true, exchanges: [logoutExchange(url, 'in the popup')] };
      return {
        ok: false,
        line:
          done === 'no_popup'
            ? 'Allow popups for this site: the logout runs in a popup window.'
            : 'The logout did not come back; nothing was refreshed.',
      };
    },
  };
}

/** Moves an engine's test clock forward by `seconds` (`testClock(target, { advanceSeconds })`). */
export type ClockJump = (
  seconds: number,
) => Promise<{ ok: true; clock: { offsetSeconds: number } } | { ok: false; sentence: string }>;

/** A jump of the test clock as a stage step: the note says how far, and where the clock stands now. */
export async function clockJumpStep(jump: ClockJump, seconds: number, whose: string): Promise<StageStep> {
  const moved = await jump(seconds);
  if (!moved.ok) return { ok: false, line: `${moved.sentence} Nothing was refreshed.` };
  return {
    ok: true,
    exchanges: [
      {
        kind: 'stage',
        title: `${whose} jumps ${formatDuration(seconds)} forward, past the refresh token’s lifetime`,
        note: `The clock is now ${describeClockOffset(moved.clock.offsetSeconds)}; “Back to real time” under the timeline resets it.`,
      },
    ],
  };
}

/** expires_in of a token answer just received, as a time (src/oidc/times.ts). */
function expiryNote(tokens: TokenSet, now: number): { note?: string } {
  const note = describeExpiresIn(tokens.expiresIn, now, now);
  return note ? { note: `${note}.` } : {};
}

/** Where a request went, for the exchange: the last one recorded, else the endpoint it was for. */
function sentTo(requests: readonly RecordedRequest[], endpoint: unknown): { method: string; url: string } {
  const last = requests.at(-1);
  if (last) return { method: last.method.toUpperCase(), url: redactUrlSecrets(last.url) };
  return { method: 'POST', url: typeof endpoint === 'string' ? redactUrlSecrets(endpoint) : '' };
}

function successExchange(
  title: string,
  result: Extract<TokenResult, { ok: true }>,
  now: number,
): HttpExchange {
  const tokens = result.view.tokens;
  return {
    kind: 'http',
    title,
    ...sentTo(result.requests, undefined),
    curl: result.curl,
    status: 200,
    statusLine: '200 OK',
    body: JSON.stringify(redactedTokenResponse(tokens), null, 2),
    ...expiryNote(tokens, now),
    ok: true,
  };
}

/** The exchange of a failed request, when one was sent (a refusal before sending has no curl or status). */
function failureExchanges(f: OidcFailure, title: string, endpoint: unknown): RefreshExchange[] {
  if (!f.curl && f.status === undefined) return [];
  return [
    {
      kind: 'http',
      title,
      ...sentTo([], endpoint),
      curl: f.curl ?? '',
      ...(f.status !== undefined ? { status: f.status } : {}),
      statusLine: `${f.status ?? '—'} ${f.error ?? f.code}`,
      body: tokenFailureBody(f),
      ok: false,
    },
  ];
}

/**
 * A failed step: the verdict names the cause's headline (`refreshRefusalLine`), and the tokens go when
 * the answer says they are dead. The rule the simulator teaches: nothing retries after invalid_grant.
 */
function failedRun(
  exchanges: RefreshExchange[],
  f: OidcFailure,
  held: TokenSet | undefined,
  step: {
    cause: CauseId | undefined;
    title: string;
    step: RunStep;
    endpoint?: unknown;
    context?: SentenceContext;
  },
): RefreshRun {
  const keep = held && classifyRefreshFailure(f).keepTokens;
  const context: FailureContext = {
    ...(step.context ?? { environment: 'The provider', corsLikely: false }),
    step: step.step,
    ...(step.cause ? { cause: step.cause } : {}),
  };
  return {
    exchanges: [...exchanges, ...failureExchanges(f, step.title, step.endpoint)],
    verdict: {
      line: failureSentence(f, context),
      ok: false,
      failure: f,
      ...(step.cause ? { cause: step.cause } : {}),
    },
    result: keep ? { tokens: held } : {},
  };
}

/** Who the sentences name (`ProviderSession.failureContext`): the environment, CORS, the local tenant. */
export type SentenceContext = Omit<FailureContext, 'step' | 'cause'>;

type RunOptions = { now?: () => number; context?: SentenceContext };

const tokenEndpoint = (settings: ClientSettings) => settings.discovery['token_endpoint'];

/**
 * Send one refresh grant; `title` names it in the exchange list.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
async function refreshStep(
  settings: ClientSettings,
  refreshToken: string,
  title: string,
  now: () => number,
): Promise<{ ok: true; tokens: TokenSet; exchange: HttpExchange } | { ok: false; failure: OidcFailure }> {
  const result = await refreshTokens(settings, refreshToken);
  if (!result.ok) return result;
  // A fixed policy answers without a refresh_token: the one held stays good.
  const tokens = { ...result.view.tokens, refreshToken: result.view.tokens.refreshToken ?? refreshToken };
  return { ok: true, tokens, exchange: successExchange(title, result, now()) };
}

/** Whether a refresh answer rotated the token: it carried a new one. */
export function wasRotated(rotation: { before: string; after: string | undefined }): boolean {
  return rotation.after !== undefined && rotation.after !== rotation.before;
}

/** The refresh token the answer carried (undefined when it kept the old one). */
function answeredToken(tokens: TokenSet, before: string): string | undefined {
  return tokens.refreshToken === before ? undefined : tokens.refreshToken;
}

function noTokenRun(tokens: TokenSet | undefined): RefreshRun {
  return {
    exchanges: [],
    verdict: { line: 'Log in first: this cause needs a refresh token.', ok: false },
    result: tokens ? { tokens } : {},
  };
}

/** A plain refresh (the "Refresh" button): new tokens, and whether the refresh token was rotated. */
export async function runRefresh(
  settings: ClientSettings,
  tokens: TokenSet,
  options: RunOptions = {},
): Promise<RefreshRun> {
  const now = options.now ?? Date.now;
  const before = tokens.refreshToken;
  if (!before) return noTokenRun(tokens);
  const step = await refreshStep(settings, before, 'Refresh', now);
  if (!step.ok)
    return failedRun([], step.failure, tokens, {
      cause: undefined,
      title: 'Refresh',
      step: 'refresh',
      endpoint: tokenEndpoint(settings),
      ...(options.context ? { context: options.context } : {}),
    });
  const rotation = { before, after: answeredToken(step.tokens, before) };
  return {
    exchanges: [step.exchange],
    verdict: {
      line: wasRotated(rotation)
        ? '200 OK — new tokens; the refresh token was rotated: the old one is now used up.'
        : '200 OK — new tokens; the refresh token was not rotated (fixed lifetime): keep using it.',
      ok: true,
    },
    result: { tokens: step.tokens, rotation },
  };
}

/** What a refresh-token cause needs: the tokens held, their client, the engine, and the other client. */
export type CauseInput = {
  clientType: ClientTypeName;
  /** The client the tokens were issued to. */
  settings: ClientSettings;
  tokens: TokenSet;
  stage: RefreshStage;
  /** How long this client's refresh token lives (the short-lived twin's seconds on the tenant); default: the policy's. */
  refreshLifetimeSeconds?: number;
  /** `other_client`: a registered client of another type at the same provider. */
  otherClient?: ClientSettings;
  /** `session_ended`: where the end-session request sends the browser back to. */
  postLogoutRedirectUri?: string;
  /** `session_ended`: the state of the end-session request (default: a random one). */
  logoutState?: string;
};

/**
 * Cause a refresh to fail on purpose, the way `cause` names, and show every exchange. A cause that
 * cannot fail for this client (reuse under a fixed policy) ends in a 200 that says why.
 */
export async function runRefreshCause(
  cause: Exclude<CauseId, 'no_refresh_token'>,
  input: CauseInput,
  options: RunOptions = {},
): Promise<RefreshRun> {
  const now = options.now ?? Date.now;
  const { settings, tokens, clientType } = input;
  const rt = tokens.refreshToken;
  if (!rt) return noTokenRun(tokens);
  const exchanges: RefreshExchange[] = [];
  const failed = (
    f: OidcFailure,
    title: string,
    held: TokenSet = tokens,
    step: RunStep = 'refresh',
    endpoint = tokenEndpoint(settings),
  ) =>
    failedRun(exchanges, f, held, {
      cause,
      title,
      step,
      endpoint,
      ...(options.context ? { context: options.context } : {}),
    });
  /** The last refresh of a cause: a failure is the expected end; a 200 is reported as it is. */
  const finalRefresh = async (title: string, with_: ClientSettings = settings): Promise<RefreshRun> => {
    const step = await refreshStep(with_, rt, title, now);
    if (!step.ok) return failed(step.failure, title);
    return {
      exchanges: [...exchanges, step.exchange],
      verdict: {
        line: '200 OK — the refresh went through: this provider did not refuse it.',
        ok: true,
        cause,
      },
      result: { tokens: with_ === settings ? step.tokens : tokens },
    };
  };
  const staged = async (step: Promise<StageStep>): Promise<RefreshRun | undefined> => {
    const done = await step;
    if (done.ok) {
      exchanges.push(...done.exchanges);
      return undefined;
    }
    return { exchanges, verdict: { line: done.line, ok: false }, result: { tokens } };
  };

  switch (cause) {
    case 'expired': {
      const lifetime = input.refreshLifetimeSeconds ?? refreshPolicyOf(clientType).lifetimeSeconds ?? 0;
      const stopped = await staged(input.stage.passTime(lifetime + 1));
      if (stopped) return stopped;
      return finalRefresh('Refresh after the lifetime');
    }
    case 'revoked': {
      const revoked = await revokeToken(settings, rt, 'refresh_token');
      if (!revoked.ok)
        return failed(
          revoked.failure,
          'Revocation',
          tokens,
          'revocation',
          settings.discovery['revocation_endpoint'],
        );
      exchanges.push({
        kind: 'http',
        title: 'Revocation (RFC 7009)',
        ...sentTo([], settings.discovery['revocation_endpoint']),
        curl: revoked.curl,
        status: 200,
        statusLine: '200 OK',
        body: '(empty)',
        ok: true,
      });
      return finalRefresh('Refresh with the revoked token');
    }
    case 'reused': {
      const impossible = reuseImpossibleBecause(clientType);
      const first = await refreshStep(settings, rt, refreshStepTitle(refreshPolicyOf(clientType)), now);
      if (!first.ok) return failed(first.failure, 'Refresh');
      exchanges.push(first.exchange);
      const rotation = { before: rt, after: answeredToken(first.tokens, rt) };
      const again = impossible ? 'Refresh with the same token again' : 'Refresh with the OLD token';
      const second = await refreshStep(settings, rt, again, now);
      if (!second.ok) {
        // Reuse revokes the whole family: the new token is dead too.
        const out = failed(second.failure, again, first.tokens);
        return { ...out, result: { ...out.result, rotation } };
      }
      return {
        exchanges: [...exchanges, second.exchange],
        verdict: {
          line: impossible
            ? `200 OK — ${impossible}`
            : `200 OK — the old refresh token still works: this provider did not rotate the ${clientType} client’s token, so there is nothing to reuse.`,
          ok: true,
          cause,
        },
        result: { tokens: second.tokens, rotation },
      };
    }
    case 'session_ended': {
      const state = input.logoutState ?? globalThis.crypto.randomUUID();
      const end = buildEndSessionRequest(settings, {
        ...(tokens.idToken ? { idTokenHint: tokens.idToken } : {}),
        ...(input.postLogoutRedirectUri ? { postLogoutRedirectUri: input.postLogoutRedirectUri } : {}),
        state,
      });
      if (!end.ok)
        return failed(
          end.failure,
          'Logout',
          tokens,
          'end_session',
          settings.discovery['end_session_endpoint'],
        );
      const stopped = await staged(input.stage.endSession(end.url, state));
      if (stopped) return stopped;
      return finalRefresh('Refresh after the session ended');
    }
    case 'other_client': {
      const other = input.otherClient;
      if (!other)
        return {
          exchanges,
          verdict: { line: 'There is no other registered client to present the token with here.', ok: false },
          result: { tokens },
        };
      return finalRefresh(`Refresh presented by another client (${other.clientId})`, other);
    }
  }
}

/** What a login was for: the client type, whether it asked for offline_access, and the cause it sets up. */
export type LoginPurpose = { clientType: ClientTypeName; offline: boolean; cause?: CauseId };

/** The `no_refresh_token` cause's login: Public asks for offline_access and gets none; others do not ask. */
export function noRefreshTokenPurpose(clientType: ClientTypeName): LoginPurpose {
  return { clientType, offline: clientType === 'Public', cause: 'no_refresh_token' };
}

/**
 * The login's end: check the callback, exchange the code, and say what the token response holds.
 * A missing refresh token is the `no_refresh_token` cause: with offline_access, the policy issues none.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#TokenRequest
 */
export async function completeRefreshLogin(
  settings: ClientSettings,
  callbackUrl: string,
  secrets: AuthorizationSecrets,
  purpose: LoginPurpose,
  options: RunOptions & { stage?: RefreshStage } = {},
): Promise<RefreshRun> {
  const now = options.now ?? Date.now;
  const step = {
    cause: purpose.cause,
    endpoint: tokenEndpoint(settings),
    ...(options.context ? { context: options.context } : {}),
  };
  const parsed = parseCallback(callbackUrl, { state: secrets.state });
  if (!parsed.ok)
    return failedRun([], parsed.failure, undefined, { ...step, title: 'Login', step: 'authorize' });
  const result = await exchangeCode(settings, callbackUrl, secrets);
  if (!result.ok)
    return failedRun([], result.failure, undefined, { ...step, title: 'Code exchange', step: 'token' });
  const tokens = result.view.tokens;
  const exchanges: RefreshExchange[] = [successExchange('Code exchange (login)', result, now())];
  const sessionId = parsed.response.sessionState;
  if (sessionId && options.stage?.adoptSession) {
    const adopted = await options.stage.adoptSession(sessionId);
    if (adopted.ok) exchanges.push(...adopted.exchanges);
  }
  if (tokens.refreshToken)
    return {
      exchanges,
      verdict: { line: `200 OK — logged in as ${purpose.clientType}; a refresh token was issued.`, ok: true },
      result: { tokens },
    };
  const policy = refreshPolicyOf(purpose.clientType);
  return {
    exchanges,
    verdict: {
      line: `200 OK — no refresh_token in the token response (no_refresh_token): ${
        purpose.offline
          ? `the ${purpose.clientType} client type’s refresh policy (${policy.name}) issues none, even with offline_access.`
          : 'offline_access was not requested.'
      }`,
      ok: false,
      failure: portalFailure('no_refresh_token').failure,
      cause: 'no_refresh_token',
    },
    result: { tokens },
  };
}
