/**
 * The tenant's two polling flows on oidc-provider's `deviceFlow` and `ciba` features, shaped like
 * TelenorID+ (the catalogue's `deviceFlow` and `ciba`): the interval in the device answer, slow_down
 * when a client polls sooner than it (oidc-provider has no such check), invalid_grant for an expired
 * device code (the guide; oidc-provider says expired_token), the verification pages, and the
 * simulated phone on which a reader approves or declines a CIBA request:
 *
 *   GET  /__tenant/phone                                  → {"prompts":[{prompt, msisdn, userName, scope, bindingMessage?, expiresInSeconds}]}
 *   POST /__tenant/phone {"prompt":"…","decision":"approve"|"deny"} → {"answered":true|false}
 *
 * The phone is open to the portal's origins (CORS), JSON only; it never shows an auth_req_id.
 */
import { randomUUID } from 'node:crypto';
import Provider, { errors, type KoaContextWithOIDC } from 'oidc-provider';
import { ciba, deviceFlow } from '../oidc/catalogue/polling-flows';
import { cibaScopes, endpointPaths } from '../oidc/catalogue';
import { acrOf, findTestUser, findTestUserByHint } from './accounts';
import { portalCors, readJsonBody, refusedUnlessJson } from './http';
import { escapeHtml, page } from './pages';

export const tenantPhonePath = '/__tenant/phone';

type Prompt = {
  authReqId: string;
  accountId: string;
  scope: string[];
  bindingMessage?: string;
  expiresAtMs: number;
};

/** Requests waiting on the simulated phone, by prompt id (the phone never learns the auth_req_id). */
const prompts = new Map<string, Prompt>();

/** The `features.ciba` settings: Vipps start by phone number, poll mode, the phone as the device. */
export const cibaFeature = {
  enabled: true,
  deliveryModes: ['poll'],
  async processLoginHint(ctx: KoaContextWithOIDC, loginHint: string) {
    // The Vipps start's mandatory scopes (oidc-provider has no hook of its own for them).
    const scope = String(ctx.oidc.params?.['scope'] ?? '').split(' ');
    const missing = ciba.requiredScopes.value.vipps.filter((s) => !scope.includes(s));
    if (missing.length)
      throw new errors.InvalidScope(`scope must include ${missing.join(' and ')}`, missing.join(' '));
    return findTestUserByHint(loginHint)?.id;
  },
  async processLoginHintToken() {
    // The BankID start's login_hint_token comes from TelenorID+'s own prepare API, which no engine has.
    throw new errors.InvalidRequest(
      'login_hint_token (BankID) is not offered by the local tenant; use login_hint',
    );
  },
  async validateRequestContext() {},
  // The guide's binding_message comes from TelenorID+'s BankID prepare call; any short text is accepted.
  async validateBindingMessage(_ctx: KoaContextWithOIDC, bindingMessage?: string) {
    if (
      bindingMessage !== undefined &&
      (bindingMessage.length > 64 || [...bindingMessage].some((c) => c < ' '))
    )
      throw new errors.InvalidBindingMessage('binding_message must be at most 64 characters of text');
  },
  async verifyUserCode() {},
  async triggerAuthenticationDevice(
    ctx: KoaContextWithOIDC,
    request: { jti: string; accountId: string; scope: string; params?: Record<string, unknown> },
  ) {
    const bindingMessage = request.params?.['binding_message'];
    prompts.set(randomUUID(), {
      authReqId: request.jti,
      accountId: request.accountId,
      scope: request.scope.split(' ').filter(Boolean),
      ...(typeof bindingMessage === 'string' ? { bindingMessage } : {}),
      expiresAtMs: Date.now() + pollingTtl.BackchannelAuthenticationRequest(ctx) * 1000,
    });
    rememberCibaExpiry(request.jti, Date.now() + pollingTtl.BackchannelAuthenticationRequest(ctx) * 1000);
  },
};

/** The device verification pages (oidc-provider supplies the forms with their CSRF token). */
export const deviceFlowFeature = {
  enabled: true,
  charset: 'digits' as const,
  mask: deviceFlow.userCode.value.mask,
  async userCodeInputSource(
    ctx: KoaContextWithOIDC,
    form: string,
    _out: unknown,
    err?: { name?: string; userCode?: unknown },
  ) {
    const message = !err
      ? 'Enter the code your device shows.'
      : err.userCode || err.name === 'NoCodeError'
        ? 'That code is not waiting here (mistyped, used or expired). Check it and try again.'
        : err.name === 'AbortedError'
          ? 'The sign-in was declined.'
          : 'The request could not be processed. Start again on the device.';
    ctx.type = 'html';
    ctx.body = page(
      'Connect a device — local test tenant',
      `<h1>Connect a device</h1>
<p class="note">The portal’s local OpenID Provider, not TelenorID+. Test users only.</p>
<p role="status">${escapeHtml(message)}</p>
${form.replace('<input ', '<input aria-label="User code" inputmode="numeric" autocomplete="one-time-code" ')}
<p><button type="submit" form="op.deviceInputForm">Continue</button></p>`,
    );
  },
  async userCodeConfirmSource(
    ctx: KoaContextWithOIDC,
    form: string,
    client: { clientId: string },
    _deviceInfo: unknown,
    userCode: string,
  ) {
    ctx.type = 'html';
    ctx.body = page(
      'Confirm the device — local test tenant',
      `<h1>Is this your device?</h1>
<p>Client <code>${escapeHtml(client.clientId)}</code> shows the code <code>${escapeHtml(userCode)}</code>.</p>
<p class="note">Approve only if your device shows the same code. You log in as a test user next.</p>
${form}
<p><button type="submit" form="op.deviceConfirmForm">Approve and log in</button></p>
<p><button type="submit" form="op.deviceConfirmForm" value="yes" name="abort">Decline</button></p>`,
    );
  },
  async successSource(ctx: KoaContextWithOIDC) {
    ctx.type = 'html';
    ctx.body = page(
      'Device connected — local test tenant',
      `<h1>Device connected</h1>
<p role="status">The device is signed in at its next poll. You can close this tab.</p>`,
    );
  },
};

/** ttl.DeviceCode and ttl.BackchannelAuthenticationRequest, from the catalogue. */
export const pollingTtl = {
  DeviceCode: () => deviceFlow.expiresInSeconds.value,
  BackchannelAuthenticationRequest: (ctx?: KoaContextWithOIDC) => {
    const requested = Number(ctx?.oidc?.params?.['requested_expiry']);
    const { defaultSeconds, maxSeconds } = ciba.expiry.value;
    return Number.isFinite(requested) && requested > 0 ? Math.min(maxSeconds, requested) : defaultSeconds;
  },
};

/**
 * When each unanswered CIBA request expires. oidc-provider's store drops a request the moment it
 * expires (clockTolerance 0), so a poll after that would find nothing and answer invalid_grant; the
 * guide says a request that expired first answers expired_token, once (then it is cleaned up).
 */
const cibaExpiry = new Map<string, number>();

function rememberCibaExpiry(authReqId: string, expiresAtMs: number): void {
  if (cibaExpiry.size >= 10_000) cibaExpiry.delete(cibaExpiry.keys().next().value!);
  cibaExpiry.set(authReqId, expiresAtMs);
}

/** Last poll and current interval per device_code / auth_req_id (handles are random; the map is bounded). */
const polls = new Map<string, { lastMs: number; intervalSeconds: number }>();
const maxTracked = 10_000;

function track(handle: string, intervalSeconds: number): void {
  if (polls.size >= maxTracked) polls.delete(polls.keys().next().value!);
  polls.set(handle, { lastMs: Date.now(), intervalSeconds });
}

/** A poll sooner than the interval earns slow_down, and the interval grows by 5 s (RFC 8628 §3.5). */
function checkInterval(handle: string, initialSeconds: number): void {
  const seen = polls.get(handle);
  if (!seen) return track(handle, initialSeconds);
  const now = Date.now();
  const tooSoon = now - seen.lastMs < seen.intervalSeconds * 1000;
  seen.lastMs = now;
  if (tooSoon) {
    seen.intervalSeconds += deviceFlow.slowDownStepSeconds.value;
    throw new errors.SlowDown(
      `polled sooner than the interval; wait ${seen.intervalSeconds} seconds between polls from now on`,
    );
  }
}

type PollableModel = {
  find(id: string, options?: unknown): Promise<{ isExpired: boolean; jti: string } | undefined>;
};

/**
 * At the token endpoint, a poll finds its device code or CIBA request: there the tenant answers as
 * TelenorID+ does before oidc-provider decides — invalid_grant for an expired device code (the guide;
 * oidc-provider would say expired_token), then slow_down for a poll sooner than the interval.
 */
function shapePolls(Model: PollableModel, kind: 'device' | 'ciba'): void {
  const original = Model.find.bind(Model);
  Model.find = async function find(id, options) {
    const found = await original(id, options);
    const ctx = Provider.ctx;
    if (ctx?.oidc?.route !== 'token') return found;
    if (!found) {
      const expiresAtMs = kind === 'ciba' ? cibaExpiry.get(id) : undefined;
      if (expiresAtMs !== undefined && expiresAtMs <= Date.now()) {
        cibaExpiry.delete(id);
        throw new errors.ExpiredToken('the authentication request expired before the user answered');
      }
      return found;
    }
    if (kind === 'device' && found.isExpired) {
      polls.delete(found.jti);
      throw new errors.InvalidGrant('device code is expired');
    }
    if (!found.isExpired)
      checkInterval(
        found.jti,
        kind === 'device' ? deviceFlow.intervalSeconds.value : ciba.intervalSeconds.value,
      );
    return found;
  };
}

/** CORS for the portal's pages, and the preflight answered for an allowed origin (true when answered). */
function answeredPreflight(
  ctx: KoaContextWithOIDC,
  allowedOrigins: readonly string[],
  headers: string,
): boolean {
  if (!portalCors(ctx, allowedOrigins, { methods: 'GET, POST', headers }) || ctx.method !== 'OPTIONS')
    return false;
  ctx.status = 204;
  return true;
}

/**
 * The polling flows' shape, installed on the provider: the interval in both start answers (oidc-provider
 * leaves it out of the device answer; the guide shows it), slow_down and the device's invalid_grant
 * (`shapePolls`), CORS for /connect/ciba (oidc-provider gives it none, servers call it; the tryout calls
 * it from the page), and the simulated phone.
 */
export function pollingFlows(provider: Provider, allowedOrigins: readonly string[]) {
  shapePolls(provider.DeviceCode as unknown as PollableModel, 'device');
  shapePolls(provider.BackchannelAuthenticationRequest as unknown as PollableModel, 'ciba');
  return async function pollingRoutes(ctx: KoaContextWithOIDC, next: () => Promise<void>) {
    if (ctx.path === tenantPhonePath) return phoneRoute(provider, ctx, allowedOrigins);
    const start =
      ctx.path === endpointPaths.device_authorization_endpoint.path
        ? 'device'
        : ctx.path === endpointPaths.backchannel_authentication_endpoint.path
          ? 'ciba'
          : undefined;
    if (start === 'ciba' && answeredPreflight(ctx, allowedOrigins, 'Authorization, Content-Type')) return;
    await next();
    if (ctx.path === endpointPaths.discovery.path && ctx.body && typeof ctx.body === 'object') {
      // The CIBA scopes are the CIBA client's (facts §22); TelenorID+ lists neither in discovery, nor does the mock.
      const metadata = ctx.body as { scopes_supported?: string[] };
      metadata.scopes_supported = metadata.scopes_supported?.filter(
        (s) => !(cibaScopes as readonly string[]).includes(s),
      );
      return;
    }
    if (!start || ctx.method !== 'POST' || !ctx.body || typeof ctx.body !== 'object') return;
    const body = ctx.body as Record<string, unknown>;
    if (
      ctx.status === 400 &&
      body['error'] === 'invalid_request' &&
      /is not allowed for this client/.test(String(body['error_description']))
    ) {
      // RFC 6749 §5.2 (and the mock): a client not registered for the grant is unauthorized_client.
      body['error'] = 'unauthorized_client';
      return;
    }
    if (ctx.status !== 200) return;
    const handle = start === 'device' ? body['device_code'] : body['auth_req_id'];
    if (typeof handle !== 'string') return;
    const interval = start === 'device' ? deviceFlow.intervalSeconds.value : ciba.intervalSeconds.value;
    body['interval'] = interval;
    // Polls find the request by its jti: the device code's handle is its jti, as the auth_req_id is.
    track(handle, interval);
  };
}

/** The simulated phone: what waits for the user (never the auth_req_id), and the user's answer. */
async function phoneRoute(provider: Provider, ctx: KoaContextWithOIDC, allowedOrigins: readonly string[]) {
  if (answeredPreflight(ctx, allowedOrigins, 'Content-Type')) return;
  ctx.set('cache-control', 'no-store');
  const now = Date.now();
  for (const [id, p] of prompts) if (p.expiresAtMs <= now) prompts.delete(id);
  if (ctx.method === 'GET') {
    ctx.body = {
      prompts: [...prompts.entries()].map(([prompt, p]) => {
        const user = findTestUser(p.accountId);
        return {
          prompt,
          msisdn: user?.msisdn ?? '',
          userName: user ? `${user.claims.given_name} ${user.claims.family_name}` : p.accountId,
          scope: p.scope,
          ...(p.bindingMessage ? { bindingMessage: p.bindingMessage } : {}),
          expiresInSeconds: Math.ceil((p.expiresAtMs - now) / 1000),
        };
      }),
    };
    return;
  }
  if (ctx.method !== 'POST') {
    ctx.status = 405;
    return;
  }
  if (refusedUnlessJson(ctx)) return;
  const body = (await readJsonBody(ctx)) as { prompt?: unknown; decision?: unknown } | undefined;
  const id = typeof body?.prompt === 'string' ? body.prompt : '';
  const waiting = prompts.get(id);
  if (!waiting) {
    ctx.status = 404;
    ctx.body = { answered: false };
    return;
  }
  prompts.delete(id);
  cibaExpiry.delete(waiting.authReqId);
  const request = await provider.BackchannelAuthenticationRequest.find(waiting.authReqId);
  if (!request) {
    ctx.status = 404;
    ctx.body = { answered: false };
    return;
  }
  const user = findTestUser(waiting.accountId);
  if (body?.decision === 'deny' || !user) {
    // The guide: a declined CIBA request answers invalid_grant (the catalogue's ciba.answers.denied).
    await provider.backchannelResult(request, new errors.InvalidGrant('the user declined the request'));
  } else {
    const grant = new provider.Grant({ accountId: user.id, clientId: request.clientId! });
    grant.addOIDCScope(waiting.scope.join(' '));
    await grant.save();
    await provider.backchannelResult(request, grant, {
      acr: acrOf(user),
      amr: user.amr,
      authTime: Math.floor(now / 1000),
      sessionUid: randomUUID(),
    });
  }
  ctx.body = { answered: true };
}
