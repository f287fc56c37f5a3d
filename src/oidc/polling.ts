/**
 * The two polling flows as framework-free runners: the device authorization flow (RFC 8628; facts
 * §21) and CIBA in poll mode (facts §22). Each step sends one request and returns the exchange
 * (request, status, body, redacted curl) with its reading; `runPolling` drives a whole run at the
 * advertised interval with an injected sleep, so tests never wait real seconds. The widgets call
 * the steps themselves, so the reader can also poll early and earn slow_down.
 * @see https://www.rfc-editor.org/rfc/rfc8628
 * @see https://openid.net/specs/openid-client-initiated-backchannel-authentication-core-1_0.html
 */
import { ciba, deviceFlow } from './catalogue/polling-flows';
import { toCurl, type RecordedRequest } from './curl';
import { failure, prop, stringProp, type OidcFailure, type Result } from './failures';
import { describeTokenResponse, type TokenView } from './tokens';
import { isLoopbackHost } from './environments';

/** What a polling flow needs of the provider (from its discovery document) and of the client. */
export type PollingSettings = {
  tokenEndpoint: string;
  /** device_authorization_endpoint or backchannel_authentication_endpoint. */
  startEndpoint: string;
  clientId: string;
  /** Confidential clients only; sent as HTTP Basic (the guide allows the body too). */
  clientSecret?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

/** One request and its answer, as the reader sees it. */
export type PollingExchange = {
  request: RecordedRequest;
  curl: string;
  status: number | undefined;
  /** The parsed JSON body, with tokens as sent (render them redacted). */
  body: unknown;
};

/** What one poll of the token endpoint says. */
export type PollReading =
  | { kind: 'pending' }
  | { kind: 'slow_down'; intervalSeconds: number }
  | { kind: 'tokens'; view: TokenView }
  | { kind: 'expired'; failure: OidcFailure }
  | { kind: 'denied'; failure: OidcFailure }
  | { kind: 'failed'; failure: OidcFailure };

export type DeviceStart = {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete?: string;
  expiresInSeconds: number;
  intervalSeconds: number;
};

export type CibaStart = { authReqId: string; expiresInSeconds: number; intervalSeconds: number };

export type StartResult<T> = Result<{ start: T; exchange: PollingExchange }> & { exchange?: PollingExchange };

/** Where the endpoints of a polling flow are in a discovery document, or why they are not. */
export function pollingEndpoints(
  document: Record<string, unknown>,
  flow: 'device' | 'ciba',
): Result<{ tokenEndpoint: string; startEndpoint: string }> {
  const field = flow === 'device' ? 'device_authorization_endpoint' : 'backchannel_authentication_endpoint';
  const start = stringProp(document, field);
  const token = stringProp(document, 'token_endpoint');
  if (!start || !token)
    return failure('missing_endpoint', {
      detail: `The discovery document has no ${!start ? field : 'token_endpoint'}, so this provider does not offer ${flow === 'device' ? 'the device flow' : 'CIBA'} here.`,
    });
  return { ok: true, tokenEndpoint: token, startEndpoint: start };
}

function endpointAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackHost(u.hostname));
  } catch {
    return false;
  }
}

/** POST a form with the client's credentials; never throws. */
async function postForm(
  settings: PollingSettings,
  url: string,
  params: [string, string][],
): Promise<{ exchange: PollingExchange; failure?: OidcFailure }> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  };
  const form: [string, string][] = [...params];
  if (settings.clientSecret !== undefined)
    headers['Authorization'] =
      `Basic ${btoa(`${encodeURIComponent(settings.clientId)}:${encodeURIComponent(settings.clientSecret)}`)}`;
  else form.push(['client_id', settings.clientId]);
  const request: RecordedRequest = { method: 'POST', url, headers, body: { kind: 'form', params: form } };
  const curl = toCurl(request);
  const exchange = (status: number | undefined, body: unknown): PollingExchange => ({
    request,
    curl,
    status,
    body,
  });
  if (!endpointAllowed(url))
    return {
      exchange: exchange(undefined, undefined),
      failure: failure('invalid_url', {
        detail: `Refused to send to ${url}: https only (http on loopback).`,
        curl,
      }).failure,
    };
  let response: Response;
  try {
    response = await (settings.fetch ?? globalThis.fetch)(url, {
      method: 'POST',
      headers,
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const name = stringProp(error, 'name');
    const code = name === 'TimeoutError' ? 'timeout' : name === 'AbortError' ? 'aborted' : 'network_error';
    return {
      exchange: exchange(undefined, undefined),
      failure: failure(code, {
        curl,
        ...(code === 'network_error'
          ? {
              detail:
                'The browser could not read the answer: the provider is down, or refuses this page (CORS). Run the curl command instead.',
            }
          : {}),
      }).failure,
    };
  }
  const text = await response.text().catch(() => '');
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // not JSON: kept as text
  }
  const ex = exchange(response.status, body);
  if (response.ok && typeof body === 'object' && body !== null) return { exchange: ex };
  const error = stringProp(body, 'error');
  const description = stringProp(body, 'error_description');
  return {
    exchange: ex,
    failure: failure(error ?? (response.ok ? 'not_object' : 'http_error'), {
      ...(error ? { error } : {}),
      ...(description !== undefined ? { error_description: description } : {}),
      status: response.status,
      curl,
      cause: body,
    }).failure,
  };
}

const num = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;

/**
 * Step 1 of the device flow: POST the device authorization request (client_id, scope).
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.1
 */
export async function startDeviceAuthorization(
  settings: PollingSettings,
  scope: readonly string[],
): Promise<StartResult<DeviceStart>> {
  const sent = await postForm(settings, settings.startEndpoint, [['scope', scope.join(' ')]]);
  if (sent.failure) return { ok: false, failure: sent.failure, exchange: sent.exchange };
  const body = sent.exchange.body;
  const deviceCode = stringProp(body, 'device_code');
  const userCode = stringProp(body, 'user_code');
  const verificationUri = stringProp(body, 'verification_uri');
  if (!deviceCode || !userCode || !verificationUri)
    return {
      ok: false,
      failure: failure('invalid_response', {
        detail: 'The answer lacks device_code, user_code or verification_uri (RFC 8628 §3.2).',
        curl: sent.exchange.curl,
      }).failure,
      exchange: sent.exchange,
    };
  const complete = stringProp(body, 'verification_uri_complete');
  return {
    ok: true,
    exchange: sent.exchange,
    start: {
      deviceCode,
      userCode,
      verificationUri,
      ...(complete ? { verificationUriComplete: complete } : {}),
      expiresInSeconds: num(prop(body, 'expires_in'), deviceFlow.expiresInSeconds.value),
      // RFC 8628 §3.2: without interval, clients wait 5 seconds (the guide's default too).
      intervalSeconds: num(prop(body, 'interval'), deviceFlow.intervalSeconds.value),
    },
  };
}

export type CibaRequest = {
  scope: readonly string[];
  /** Vipps: the person's phone number. */
  loginHint: string;
  bindingMessage?: string;
  requestedExpirySeconds?: number;
};

/**
 * Start a CIBA request (the Vipps start: scope with vipps and phone, login_hint = phone number).
 * @see https://openid.net/specs/openid-client-initiated-backchannel-authentication-core-1_0.html#auth_request
 */
export async function startCiba(
  settings: PollingSettings,
  request: CibaRequest,
): Promise<StartResult<CibaStart>> {
  const params: [string, string][] = [
    ['scope', request.scope.join(' ')],
    ['login_hint', request.loginHint],
  ];
  if (request.bindingMessage) params.push(['binding_message', request.bindingMessage]);
  if (request.requestedExpirySeconds !== undefined)
    params.push(['requested_expiry', String(request.requestedExpirySeconds)]);
  const sent = await postForm(settings, settings.startEndpoint, params);
  if (sent.failure) return { ok: false, failure: sent.failure, exchange: sent.exchange };
  const body = sent.exchange.body;
  const authReqId = stringProp(body, 'auth_req_id');
  if (!authReqId)
    return {
      ok: false,
      failure: failure('invalid_response', {
        detail: 'The answer has no auth_req_id.',
        curl: sent.exchange.curl,
      }).failure,
      exchange: sent.exchange,
    };
  return {
    ok: true,
    exchange: sent.exchange,
    start: {
      authReqId,
      expiresInSeconds: num(prop(body, 'expires_in'), ciba.expiry.value.defaultSeconds),
      intervalSeconds: num(prop(body, 'interval'), ciba.intervalSeconds.value),
    },
  };
}

/** How a poll's answer reads in one flow (the catalogue says which code means expired or declined). */
export function readPoll(
  flow: 'device' | 'ciba',
  exchange: PollingExchange,
  problem: OidcFailure | undefined,
  currentIntervalSeconds: number,
  requestedScopes: readonly string[] = [],
): PollReading {
  if (!problem)
    return {
      kind: 'tokens',
      view: describeTokenResponse(exchange.body as Record<string, unknown>, requestedScopes),
    };
  const answers = flow === 'device' ? deviceFlow.answers : ciba.answers;
  switch (problem.code) {
    case answers.pending.value:
      return { kind: 'pending' };
    case answers.slowDown.value:
      return {
        kind: 'slow_down',
        intervalSeconds: currentIntervalSeconds + deviceFlow.slowDownStepSeconds.value,
      };
    case answers.expired.value:
      return { kind: 'expired', failure: problem };
    case answers.denied.value:
      return { kind: 'denied', failure: problem };
    default:
      return { kind: 'failed', failure: problem };
  }
}

/**
 * One poll of the token endpoint: the device_code grant or the CIBA grant.
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.4
 */
export async function pollToken(
  settings: PollingSettings,
  flow: 'device' | 'ciba',
  handle: string,
  currentIntervalSeconds: number,
  requestedScopes: readonly string[] = [],
): Promise<{ exchange: PollingExchange; reading: PollReading; failure?: OidcFailure }> {
  const params: [string, string][] =
    flow === 'device'
      ? [
          ['grant_type', deviceFlow.grantType],
          ['device_code', handle],
        ]
      : [
          ['grant_type', ciba.grantType],
          ['auth_req_id', handle],
        ];
  const sent = await postForm(settings, settings.tokenEndpoint, params);
  return {
    exchange: sent.exchange,
    reading: readPoll(flow, sent.exchange, sent.failure, currentIntervalSeconds, requestedScopes),
    ...(sent.failure ? { failure: sent.failure } : {}),
  };
}

export type PollingVerdict =
  | { kind: 'tokens'; view: TokenView }
  | { kind: 'expired' | 'denied' | 'failed'; failure: OidcFailure }
  | { kind: 'gave_up'; afterSeconds: number };

export type PollingRun = { exchanges: PollingExchange[]; readings: PollReading[]; verdict: PollingVerdict };

/**
 * Poll until tokens, a final answer, or the request's lifetime is over: wait the interval before
 * every poll (the first too), add 5 s after slow_down. `sleep` is injected (tests pass a fake one);
 * `beforePoll` lets a test act (approve, decline) between polls.
 */
export async function runPolling(options: {
  settings: PollingSettings;
  flow: 'device' | 'ciba';
  handle: string;
  intervalSeconds: number;
  expiresInSeconds: number;
  sleep: (ms: number) => Promise<void>;
  beforePoll?: (pollNumber: number) => Promise<void> | void;
  maxPolls?: number;
}): Promise<PollingRun> {
  const exchanges: PollingExchange[] = [];
  const readings: PollReading[] = [];
  let interval = options.intervalSeconds;
  let waited = 0;
  for (let n = 1; n <= (options.maxPolls ?? 1000); n++) {
    await options.sleep(interval * 1000);
    waited += interval;
    await options.beforePoll?.(n);
    const { exchange, reading } = await pollToken(options.settings, options.flow, options.handle, interval);
    exchanges.push(exchange);
    readings.push(reading);
    if (reading.kind === 'slow_down') interval = reading.intervalSeconds;
    else if (reading.kind !== 'pending') return { exchanges, readings, verdict: reading };
    if (waited > options.expiresInSeconds + interval) break;
  }
  return { exchanges, readings, verdict: { kind: 'gave_up', afterSeconds: waited } };
}

/** A request waiting on the simulated phone (both engines answer the same shape; never an auth_req_id). */
export type PhonePrompt = {
  prompt: string;
  msisdn: string;
  userName: string;
  scope: string[];
  bindingMessage?: string;
  expiresInSeconds: number;
};

/** The simulated phone of a test engine: the mock's `/__mock/phone` or the tenant's `/__tenant/phone`. */
export function simulatedPhoneUrl(issuer: string, engine: 'mock' | 'local'): string {
  return issuer.replace(/\/$/, '') + (engine === 'mock' ? '/__mock/phone' : '/__tenant/phone');
}

function isPhonePrompt(value: unknown): value is PhonePrompt {
  return (
    typeof stringProp(value, 'prompt') === 'string' &&
    typeof stringProp(value, 'msisdn') === 'string' &&
    Array.isArray(prop(value, 'scope'))
  );
}

/** What the simulated phone shows now, or undefined when the engine did not answer. */
export async function readSimulatedPhone(
  url: string,
  fetchImpl: typeof fetch = globalThis.fetch,
): Promise<PhonePrompt[] | undefined> {
  try {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) return undefined;
    const prompts = prop(await response.json(), 'prompts');
    return Array.isArray(prompts) ? prompts.filter(isPhonePrompt) : undefined;
  } catch {
    return undefined;
  }
}

/** The reader's answer on the simulated phone; false when the request was no longer waiting. */
export async function answerSimulatedPhone(
  url: string,
  prompt: string,
  decision: 'approve' | 'deny',
  fetchImpl: typeof fetch = globalThis.fetch,
): Promise<boolean> {
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ prompt, decision }),
      signal: AbortSignal.timeout(5000),
    });
    return response.ok && prop(await response.json(), 'answered') === true;
  } catch {
    return false;
  }
}
