/**
 * How TelenorID+ behaves where the widgets, the mock and the tenant rely on it, each with its source.
 * Most refresh failures are documented only as “invalid_grant”; which causes earn it is partly
 * standard behaviour the portal assumes.
 */
import { spec } from './guide';
import { fromGuide, fromStandard, portalChoice, type FactSource } from './sources';

/** `label`: how a reader would name it (the assumptions page's “About” column). */
export type Behaviour = { label: string; fact: string; source: FactSource };

export const behaviours = {
  refreshExpired: {
    label: 'Refresh token expired',
    fact: 'A refresh token past its policy’s lifetime is refused with invalid_grant.',
    source: /* @__PURE__ */ fromGuide('facts §15, §31 Q1; old guide token refresh page and FAQ'),
  },
  refreshSessionEnded: {
    label: 'SSO session ended',
    fact: 'Ending the SSO session (logout) invalidates every refresh token of that session.',
    source: /* @__PURE__ */ fromGuide(
      'facts §15, §32 (logout diagram: “invalidate all refresh tokens of the session”)',
    ),
  },
  refreshRevoked: {
    label: 'Refresh token revoked',
    fact: 'A refresh token revoked at the revocation endpoint is refused with invalid_grant.',
    source: /* @__PURE__ */ fromStandard(
      'RFC 7009 §2 (token revocation); the guide lists revocation_endpoint only as “todo”',
      spec.rfc7009,
    ),
  },
  refreshReused: {
    label: 'Refresh token reused after rotation',
    fact: 'After a sliding policy rotates the refresh token, presenting the old one again is refused, and the new one dies with it (reuse detection).',
    source: /* @__PURE__ */ fromStandard(
      'RFC 9700 §4.14.2 (refresh token rotation with reuse detection); the guide says only that each refresh gives a new token',
      'https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2',
    ),
  },
  refreshOtherClient: {
    label: 'Refresh token of another client',
    fact: 'A refresh token presented by another client is refused with invalid_grant.',
    source: /* @__PURE__ */ fromStandard(
      'RFC 6749 §6 (the token is bound to the client it was issued to)',
      spec.rfc6749Refresh,
    ),
  },
  noRefreshForPublic: {
    label: 'No refresh token for Public clients',
    fact: 'A Public client gets no refresh token, even when it asks for offline_access.',
    source: /* @__PURE__ */ fromGuide('facts §7, §15; old guide client types and token refresh pages'),
  },
  confidentialNotRotated: {
    label: 'Confidential refresh token not rotated',
    fact: 'A Confidential client keeps one refresh token for its 14 days: a refresh returns the same token, so “reused after rotation” cannot happen there.',
    source: /* @__PURE__ */ portalChoice(
      'the guide says a Confidential client’s refresh token ends 14 days after login however often it is used and says nothing of rotation; the mock and the tenant keep the same token (not rotated), as oidc-provider does for confidential clients.',
    ),
  },
  offlineAccessNotGranted: {
    label: 'offline_access left out of a Public client’s scope',
    fact: 'When a client type gets no refresh token (Public), offline_access is left out of the granted scope in the token response.',
    source: /* @__PURE__ */ fromStandard(
      'RFC 6749 §3.3 (the token response names the scope granted when it differs from the one requested)',
      'https://www.rfc-editor.org/rfc/rfc6749#section-3.3',
    ),
  },
  apiScopesNotGranted: {
    label: 'api: scopes not in the granted scope',
    fact: 'api: scopes are accepted and passed on; the portal’s mock and tenant leave them out of the granted scope.',
    source: /* @__PURE__ */ portalChoice(
      'TelenorID+ hands api: scopes to Apigee and the guide does not say whether the token’s scope lists them; neither engine has an Apigee, so both leave them out.',
    ),
  },
  pairwiseSubDerivation: {
    label: 'How the pairwise sub is derived',
    fact: 'sub is pairwise: the mock and the tenant derive it from the user and the client type, so one test user has one sub per client type on either.',
    source: /* @__PURE__ */ portalChoice(
      'the guide says sub is pairwise (stable per client, different across clients) but not how it is derived.',
    ),
  },
  idpAndSid: {
    label: 'idp and sid values',
    fact: 'ID and access tokens carry idp (no.telenor.id.proxy. and the client, or the BankID provider) and sid (32 upper-case hex digits) as the guide’s examples show them.',
    source: /* @__PURE__ */ portalChoice(
      'the guide shows idp and sid in its example tokens without saying what they mean; the mock and the tenant send values of the same shape.',
    ),
  },
  consentRequired: {
    label: 'consent_required for prompt=none',
    fact: 'prompt=none for a client the user has not consented to answers consent_required (switchable on the mock and the tenant).',
    source: /* @__PURE__ */ fromStandard(
      'OpenID Connect Core 1.0 §3.1.2.6 (consent_required); the guide describes no consent screen',
      'https://openid.net/specs/openid-connect-core-1_0.html#AuthError',
    ),
  },
  loginHintPreselects: {
    label: 'login_hint selects the user',
    fact: 'login_hint with a phone number selects that user on the login screen; with an SSO session and without prompt=login no screen is shown.',
    source: /* @__PURE__ */ fromStandard(
      'OpenID Connect Core 1.0 §3.1.2.1 (login_hint is a hint to the login screen)',
      'https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest',
    ),
  },
  acrValuesVoluntary: {
    label: 'acr_values not met',
    fact: 'acr_values is a request: a user who cannot reach the level asked for is logged in at their own level, and acr says which; the client must check it.',
    source: /* @__PURE__ */ fromStandard(
      'OpenID Connect Core 1.0 §5.5.1.1 (acr requested as a voluntary claim)',
      'https://openid.net/specs/openid-connect-core-1_0.html#acrSemantics',
    ),
  },
  codeSingleUse: {
    label: 'Authorization code used twice',
    fact: 'An authorization code can be redeemed once; a second use is refused with invalid_grant.',
    source: /* @__PURE__ */ fromGuide('facts §11; old guide /token page (code is single use)'),
  },
} as const satisfies Record<string, Behaviour>;

export type BehaviourName = keyof typeof behaviours;

/** Why a refresh token is refused: each is one of the causes of invalid_grant above. */
export type RefreshRefusal = 'unknown' | 'other_client' | 'revoked' | 'reused' | 'expired' | 'session_ended';

/**
 * The headline of each refusal, the same on every environment: the mock sends it as its
 * error_description; for the tenant (whose oidc-provider says “grant request is invalid” for all of
 * them) and TelenorID+ the widgets take it from here by the cause they ran (`refreshRefusalLine`).
 */
export const refreshRefusalHeadlines: Record<RefreshRefusal, string> = {
  unknown: 'The refresh token is unknown (issued by another page load, or never issued).',
  other_client: 'The refresh token was issued to another client.',
  revoked: 'The refresh token has been revoked.',
  reused: 'The refresh token was already used; reuse after rotation revokes every token of this login.',
  expired: 'The refresh token has expired.',
  session_ended: 'The SSO session this refresh token belongs to has ended.',
};

export function isRefreshRefusal(value: string | undefined): value is RefreshRefusal {
  return value !== undefined && Object.prototype.hasOwnProperty.call(refreshRefusalHeadlines, value);
}
