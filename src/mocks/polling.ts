/**
 * The mock's two polling flows, MSW-free: the device authorization flow (RFC 8628; facts §21) and
 * CIBA in poll mode (facts §22), with every value from the catalogue (`deviceFlow`, `ciba`). State
 * lives in page memory, as the mock's refresh tokens do. The device's verification page and the
 * simulated phone decide through `decideMockDevice` and `answerMockPhone`; the token endpoint asks
 * `pollMockDevice` / `pollMockCiba`, which answer what TelenorID+ documents (and, where it is
 * silent, what the standards say).
 */
import { ciba, deviceFlow } from '../oidc/catalogue/polling-flows';
import { findTestUser, findTestUserByHint, type TestUser } from '../oidc/catalogue/fixtures';
import type { MockClient } from './users';
// What the simulated phone shows: one shape on both engines (src/oidc/polling.ts).
import type { PhonePrompt } from '../oidc/polling';

export type PollingAnswer =
  | { ok: true; user: TestUser; scope: string[]; sessionId: string; authTime: number }
  | { ok: false; status: number; error: string; error_description: string };

type Decision = 'pending' | 'approved' | 'denied';

type DeviceRecord = {
  clientId: string;
  scope: string[];
  userCode: string;
  expiresAtMs: number;
  intervalSeconds: number;
  lastPollMs: number;
  decision: Decision;
  userId?: string;
};

type CibaRecord = {
  clientId: string;
  clientName: string;
  scope: string[];
  userId: string;
  bindingMessage?: string;
  expiresAtMs: number;
  intervalSeconds: number;
  lastPollMs: number;
  decision: Decision;
  promptId: string;
};

const state = {
  devices: new Map<string, DeviceRecord>(),
  requests: new Map<string, CibaRecord>(),
};

export function resetMockPolling(): void {
  state.devices.clear();
  state.requests.clear();
}

const refuse = (status: number, error: string, error_description: string): PollingAnswer => ({
  ok: false,
  status,
  error,
  error_description,
});

function randomHandle(): string {
  return globalThis.crypto.randomUUID();
}

/** Nine digits, grouped 3-3-3 for reading (the catalogue's mask). */
function newUserCode(): string {
  const digits = new Uint32Array(deviceFlow.userCode.value.digits);
  globalThis.crypto.getRandomValues(digits);
  const code = [...digits].map((d) => String(d % 10));
  return deviceFlow.userCode.value.mask.replace(/\*/g, () => code.shift()!);
}

/** What a reader types, without spaces or dashes (as TelenorID+'s framework normalises it). */
export function normaliseUserCode(input: string): string {
  return input.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

/**
 * POST /connect/deviceauthorization (the client is authenticated by the caller).
 * @see https://www.rfc-editor.org/rfc/rfc8628#section-3.2
 */
export function startMockDevice(
  client: MockClient,
  form: URLSearchParams,
  nowMs: number,
  verificationUri: string,
): { status: number; json: Record<string, unknown> } {
  const scope = (form.get('scope') ?? '').split(' ').filter(Boolean);
  if (!scope.length)
    return { status: 400, json: { error: 'invalid_request', error_description: 'scope is required.' } };
  if (client.sector !== 'device')
    return {
      status: 400,
      json: {
        error: 'unauthorized_client',
        error_description: 'This client is not registered for the device flow; use the device client.',
      },
    };
  const deviceCode = `mock-dc-${randomHandle()}`;
  const userCode = newUserCode();
  const expiresIn = deviceFlow.expiresInSeconds.value;
  state.devices.set(deviceCode, {
    clientId: client.clientId,
    scope,
    userCode: normaliseUserCode(userCode),
    expiresAtMs: nowMs + expiresIn * 1000,
    intervalSeconds: deviceFlow.intervalSeconds.value,
    lastPollMs: nowMs,
    decision: 'pending',
  });
  const complete = new URL(verificationUri);
  complete.searchParams.set('user_code', userCode);
  return {
    status: 200,
    json: {
      device_code: deviceCode,
      user_code: userCode,
      verification_uri: verificationUri,
      verification_uri_complete: complete.href,
      expires_in: expiresIn,
      interval: deviceFlow.intervalSeconds.value,
    },
  };
}

export type DeviceDecisionResult = { ok: true; message: string } | { ok: false; message: string };

/** The verification page: the reader typed `userCode`, logged in as `userId` and approved or declined. */
export function decideMockDevice(
  userCode: string,
  userId: string,
  decision: 'approve' | 'deny',
  nowMs: number,
): DeviceDecisionResult {
  const wanted = normaliseUserCode(userCode);
  const entry = [...state.devices.values()].find((d) => d.userCode === wanted);
  if (!entry)
    return {
      ok: false,
      message:
        'No device is waiting for this code here. Check the code, and keep the tryout open in another tab of this browser (the mock lives in that page).',
    };
  if (nowMs >= entry.expiresAtMs)
    return { ok: false, message: 'This code has expired. Start again on the device.' };
  if (entry.decision !== 'pending') return { ok: false, message: 'This code has already been used.' };
  const user = findTestUser(userId);
  if (!user) return { ok: false, message: 'Pick one of the test users.' };
  entry.decision = decision === 'approve' ? 'approved' : 'denied';
  entry.userId = user.id;
  return {
    ok: true,
    message:
      decision === 'approve'
        ? 'Done: the device is signed in at its next poll. You can close this tab.'
        : 'Declined: the device is told so at its next poll. You can close this tab.',
  };
}

/** Checks shared by both polls: expiry, the interval (slow_down), then the decision. */
function pollAnswer(
  record: DeviceRecord | CibaRecord,
  nowMs: number,
  answers: { expired: string; denied: string },
  forget: () => void,
): PollingAnswer | 'approved' {
  if (nowMs >= record.expiresAtMs) {
    forget();
    return refuse(400, answers.expired, 'The request expired before the user approved it.');
  }
  const tooSoon = nowMs - record.lastPollMs < record.intervalSeconds * 1000;
  record.lastPollMs = nowMs;
  if (tooSoon) {
    record.intervalSeconds += deviceFlow.slowDownStepSeconds.value;
    return refuse(
      400,
      deviceFlow.answers.slowDown.value,
      `Polled sooner than the interval; wait ${record.intervalSeconds} seconds between polls from now on.`,
    );
  }
  if (record.decision === 'pending')
    return refuse(400, deviceFlow.answers.pending.value, 'The user has not approved the request yet.');
  forget();
  if (record.decision === 'denied') return refuse(400, answers.denied, 'The user declined the request.');
  return 'approved';
}

/** grant_type=urn:ietf:params:oauth:grant-type:device_code. */
export function pollMockDevice(client: MockClient, form: URLSearchParams, nowMs: number): PollingAnswer {
  const code = form.get('device_code');
  if (!code) return refuse(400, 'invalid_request', 'device_code is required.');
  const record = state.devices.get(code);
  if (!record || record.clientId !== client.clientId)
    return refuse(
      400,
      'invalid_grant',
      'The device code is unknown: completed, expired and cleaned up, or never issued.',
    );
  const answer = pollAnswer(
    record,
    nowMs,
    { expired: deviceFlow.answers.expired.value, denied: deviceFlow.answers.denied.value },
    () => state.devices.delete(code),
  );
  if (answer !== 'approved') return answer;
  const user = findTestUser(record.userId)!;
  return {
    ok: true,
    user,
    scope: record.scope,
    sessionId: randomHandle(),
    authTime: Math.floor(nowMs / 1000),
  };
}

/**
 * POST /connect/ciba, Vipps start (the client is authenticated by the caller).
 * @see https://openid.net/specs/openid-client-initiated-backchannel-authentication-core-1_0.html#auth_request
 */
export function startMockCiba(
  client: MockClient,
  form: URLSearchParams,
  nowMs: number,
): { status: number; json: Record<string, unknown> } {
  const error = (status: number, code: string, description: string) => ({
    status,
    json: { error: code, error_description: description },
  });
  if (client.sector !== 'ciba')
    return error(400, 'unauthorized_client', 'This client is not enabled for CIBA; use the CIBA client.');
  const scope = (form.get('scope') ?? '').split(' ').filter(Boolean);
  const missing = ciba.requiredScopes.value.vipps.filter((s) => !scope.includes(s));
  if (missing.length) return error(400, 'invalid_scope', `scope must include ${missing.join(' and ')}.`);
  const hint = form.get('login_hint');
  if (!hint) return error(400, 'invalid_request', 'login_hint (the person’s phone number) is required.');
  const user = findTestUserByHint(hint);
  if (!user) return error(400, 'unknown_user_id', 'No user has this phone number.');
  const expiry = ciba.expiry.value;
  const requested = form.get('requested_expiry');
  let expiresIn: number = expiry.defaultSeconds;
  if (requested !== null) {
    const n = Number(requested);
    if (!/^\d+$/.test(requested) || n < expiry.minSeconds || n > expiry.maxSeconds)
      return error(
        400,
        'invalid_request',
        `requested_expiry must be ${expiry.minSeconds}–${expiry.maxSeconds} seconds.`,
      );
    expiresIn = n;
  }
  const authReqId = randomHandle();
  const bindingMessage = form.get('binding_message') ?? undefined;
  if (
    bindingMessage !== undefined &&
    (bindingMessage.length > 64 || [...bindingMessage].some((c) => c < ' '))
  )
    return error(400, 'invalid_binding_message', 'binding_message must be at most 64 characters of text.');
  state.requests.set(authReqId, {
    clientId: client.clientId,
    clientName: client.description,
    scope: scope.includes('openid') ? scope : ['openid', ...scope],
    userId: user.id,
    ...(bindingMessage ? { bindingMessage } : {}),
    expiresAtMs: nowMs + expiresIn * 1000,
    intervalSeconds: ciba.intervalSeconds.value,
    lastPollMs: nowMs,
    decision: 'pending',
    promptId: randomHandle(),
  });
  return {
    status: 200,
    json: { auth_req_id: authReqId, expires_in: expiresIn, interval: ciba.intervalSeconds.value },
  };
}

export function mockPhonePrompts(nowMs: number): PhonePrompt[] {
  return [...state.requests.values()]
    .filter((r) => r.decision === 'pending' && nowMs < r.expiresAtMs)
    .map((r) => {
      const user = findTestUser(r.userId)!;
      return {
        prompt: r.promptId,
        msisdn: user.msisdn,
        userName: `${user.claims.given_name} ${user.claims.family_name}`,
        scope: r.scope,
        ...(r.bindingMessage ? { bindingMessage: r.bindingMessage } : {}),
        expiresInSeconds: Math.ceil((r.expiresAtMs - nowMs) / 1000),
      };
    });
}

export function answerMockPhone(prompt: string, decision: 'approve' | 'deny', nowMs: number): boolean {
  const record = [...state.requests.values()].find((r) => r.promptId === prompt);
  if (!record || record.decision !== 'pending' || nowMs >= record.expiresAtMs) return false;
  record.decision = decision === 'approve' ? 'approved' : 'denied';
  return true;
}

/** grant_type=urn:openid:params:grant-type:ciba. */
export function pollMockCiba(client: MockClient, form: URLSearchParams, nowMs: number): PollingAnswer {
  const id = form.get('auth_req_id');
  if (!id) return refuse(400, 'invalid_request', 'auth_req_id is required.');
  const record = state.requests.get(id);
  if (!record || record.clientId !== client.clientId)
    return refuse(400, 'invalid_grant', 'The auth_req_id is unknown.');
  const answer = pollAnswer(
    record,
    nowMs,
    { expired: ciba.answers.expired.value, denied: ciba.answers.denied.value },
    () => state.requests.delete(id),
  );
  if (answer !== 'approved') return answer;
  return {
    ok: true,
    user: findTestUser(record.userId)!,
    scope: record.scope,
    sessionId: randomHandle(),
    authTime: Math.floor(nowMs / 1000),
  };
}
