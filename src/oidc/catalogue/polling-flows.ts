/**
 * The two flows in which the client polls the token endpoint: the device authorization flow (facts
 * §21) and CIBA (facts §22). Every value the mock, the local tenant, the runners in src/oidc and the
 * two tryouts use comes from here, each with its source; what the guide does not state is a standard
 * or a portal choice and is shown as assumed.
 */
import type { ClientTypeName } from './clients';
import { spec } from './guide';
import { fromGuide, fromStandard, portalChoice, type FactSource } from './sources';

/** One value of a polling flow, with where it comes from. */
export type PollingFact<T> = { value: T; source: FactSource };

export const deviceFlow = {
  grantType: 'urn:ietf:params:oauth:grant-type:device_code',
  /** Lifetime of device_code and user_code (facts §21: default 1800 s). */
  expiresInSeconds: {
    value: 1800,
    source: /* @__PURE__ */ fromGuide(
      'facts §21; old guide device flow page, response table (expires_in default)',
    ),
  },
  /** Minimum seconds between polls, and before the first one (facts §21: default 5). */
  intervalSeconds: {
    value: 5,
    source: /* @__PURE__ */ fromGuide(
      'facts §21; old guide device flow page (interval default; wait before the first poll)',
    ),
  },
  /** The user code is nine digits (facts §21). How they are grouped for reading is the portal's. */
  userCode: {
    value: { digits: 9, mask: '***-***-***' },
    source: /* @__PURE__ */ fromGuide('facts §21; old guide device flow page: “9-digit code the user types”'),
  },
  /**
   * Which client type the portal's engines register for it. The guide names none and makes the
   * secret optional (body or Basic).
   */
  clientTypes: {
    value: ['MobileApp'] as readonly ClientTypeName[],
    source: /* @__PURE__ */ portalChoice(
      'the guide names no client type for the device flow and makes client_secret optional; the mock and the tenant register one device client of type MobileApp without a secret (a set-top box cannot keep one; RFC 8628 §3.1 allows public clients), with the Mobile refresh policy, since the guide’s example answer carries a refresh token.',
    ),
  },
  /** What the token endpoint answers at each step of the polling. */
  answers: {
    pending: {
      value: 'authorization_pending',
      source: /* @__PURE__ */ fromGuide('facts §21; old guide device flow page'),
    },
    slowDown: {
      value: 'slow_down',
      source: /* @__PURE__ */ fromStandard(
        'RFC 8628 §3.5: the guide describes a “slow down” answer but gives no error string',
        `${spec.rfc8628}#section-3.5`,
      ),
    },
    /** The guide: an expired request answers invalid_grant (“expired and cleaned up”), not expired_token. */
    expired: {
      value: 'invalid_grant',
      source: /* @__PURE__ */ fromGuide(
        'facts §21; old guide device flow page: invalid_grant when “expired and cleaned up”',
      ),
    },
    denied: {
      value: 'access_denied',
      source: /* @__PURE__ */ fromStandard(
        'RFC 8628 §3.5 (access_denied when the user declines); the guide does not say what a declined device request answers',
        `${spec.rfc8628}#section-3.5`,
      ),
    },
  },
  /** How much the interval grows after a slow_down (RFC 8628 §3.5: 5 seconds). */
  slowDownStepSeconds: {
    value: 5,
    source: /* @__PURE__ */ fromStandard(
      'RFC 8628 §3.5 (add 5 seconds after slow_down)',
      `${spec.rfc8628}#section-3.5`,
    ),
  },
} as const;

export type CibaVariant = 'vipps' | 'bankid';

export const ciba = {
  grantType: 'urn:openid:params:grant-type:ciba',
  /** Only a CIBA-enabled confidential client; CIBA switches off its front-channel flows (facts §22). */
  clientType: {
    value: 'Confidential' as ClientTypeName,
    source: /* @__PURE__ */ fromGuide('facts §22; old guide CIBA page, “Setup”'),
  },
  /** Mandatory scopes per variant; `openid` is implied (facts §22). */
  requiredScopes: {
    value: { vipps: ['vipps', 'phone'], bankid: ['bankid'] } as Record<CibaVariant, readonly string[]>,
    source: /* @__PURE__ */ fromGuide('facts §22; old guide CIBA page, Vipps and BankID starts'),
  },
  /** Vipps: `login_hint` is the person's phone number (facts §22). */
  loginHint: {
    value: 'phone number',
    source: /* @__PURE__ */ fromGuide(
      'facts §22; old guide CIBA page, Vipps start: “login_hint: phone number of the person”',
    ),
  },
  /** requested_expiry: 1–300 s, default and maximum 300 (facts §22). */
  expiry: {
    value: { defaultSeconds: 300, minSeconds: 1, maxSeconds: 300 },
    source: /* @__PURE__ */ fromGuide('facts §22; old guide CIBA page, requested_expiry'),
  },
  intervalSeconds: {
    value: 5,
    source: /* @__PURE__ */ fromGuide(
      'facts §22; old guide CIBA page, start response (interval 5; every 4 s earns slow-down)',
    ),
  },
  answers: {
    pending: {
      value: 'authorization_pending',
      source: /* @__PURE__ */ fromGuide('facts §22; old guide CIBA page, polling'),
    },
    slowDown: deviceFlow.answers.slowDown,
    expired: {
      value: 'expired_token',
      source: /* @__PURE__ */ fromGuide('facts §22; old guide CIBA page, failures'),
    },
    /** The guide: a declined request answers invalid_grant (the CIBA standard would say access_denied). */
    denied: {
      value: 'invalid_grant',
      source: /* @__PURE__ */ fromGuide(
        'facts §22; old guide CIBA page: invalid_grant when the user declined',
      ),
    },
  },
  /**
   * The simulated phone: neither engine can reach a real Vipps or BankID app, so each offers the
   * pending request to a phone in the portal, where the reader approves or declines it.
   */
  simulatedPhone: {
    value: true,
    source: /* @__PURE__ */ portalChoice(
      'the mock and the local tenant cannot reach a Vipps or BankID app; they show the pending request on a simulated phone in the tryout, where the reader approves or declines it. Only the Vipps start (login_hint) is offered: the BankID prepare call needs TelenorID+’s own API.',
    ),
  },
} as const;

/** The facts above as catalogue entries (for `/help/assumptions` and the source test). */
export function pollingFlowFacts(): {
  subject: string;
  fact: string;
  source: FactSource;
  guide: 'deviceFlow' | 'ciba';
}[] {
  const d = deviceFlow;
  const c = ciba;
  return [
    {
      subject: 'device flow: expires_in',
      fact: `Device and user codes live ${d.expiresInSeconds.value} s.`,
      source: d.expiresInSeconds.source,
      guide: 'deviceFlow',
    },
    {
      subject: 'device flow: interval',
      fact: `Poll at most every ${d.intervalSeconds.value} s, the first poll too.`,
      source: d.intervalSeconds.source,
      guide: 'deviceFlow',
    },
    {
      subject: 'device flow: user_code',
      fact: `The user code has ${d.userCode.value.digits} digits.`,
      source: d.userCode.source,
      guide: 'deviceFlow',
    },
    {
      subject: 'device flow: client',
      fact: 'The device-flow test client is a MobileApp client without a secret.',
      source: d.clientTypes.source,
      guide: 'deviceFlow',
    },
    {
      subject: 'device flow: slow_down',
      fact: 'Polling sooner than the interval answers slow_down; add 5 s to the interval.',
      source: d.answers.slowDown.source,
      guide: 'deviceFlow',
    },
    {
      subject: 'device flow: expired',
      fact: 'An expired device code answers invalid_grant.',
      source: d.answers.expired.source,
      guide: 'deviceFlow',
    },
    {
      subject: 'device flow: declined',
      fact: 'A device request the user declined answers access_denied.',
      source: d.answers.denied.source,
      guide: 'deviceFlow',
    },
    {
      subject: 'CIBA: client',
      fact: 'CIBA needs a CIBA-enabled confidential client, which then has no front-channel flows.',
      source: c.clientType.source,
      guide: 'ciba',
    },
    {
      subject: 'CIBA: login_hint',
      fact: 'The Vipps start names the person by phone number in login_hint.',
      source: c.loginHint.source,
      guide: 'ciba',
    },
    {
      subject: 'CIBA: expiry',
      fact: 'requested_expiry is 1–300 s; default and maximum 300 s.',
      source: c.expiry.source,
      guide: 'ciba',
    },
    {
      subject: 'CIBA: interval',
      fact: `Poll at most every ${c.intervalSeconds.value} s.`,
      source: c.intervalSeconds.source,
      guide: 'ciba',
    },
    {
      subject: 'CIBA: expired',
      fact: 'An expired CIBA request answers expired_token.',
      source: c.answers.expired.source,
      guide: 'ciba',
    },
    {
      subject: 'CIBA: declined',
      fact: 'A CIBA request the user declined answers invalid_grant.',
      source: c.answers.denied.source,
      guide: 'ciba',
    },
    {
      subject: 'CIBA: simulated phone',
      fact: 'The mock and the tenant ask a simulated phone in the tryout instead of the Vipps app.',
      source: c.simulatedPhone.source,
      guide: 'ciba',
    },
  ];
}
