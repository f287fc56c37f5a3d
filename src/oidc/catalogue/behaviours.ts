/**
 * How TelenorID+ behaves where the widgets, the mock and the tenant rely on it, each with its source.
 * Most refresh failures are documented only as “invalid_grant”; which causes earn it is partly
 * standard behaviour the portal assumes.
 */
import { spec } from './guide';
import { fromGuide, fromStandard, type FactSource } from './sources';

/** `label`: how a reader would name it (the assumptions page's “About” column). */
export type Behaviour = { label: string; fact: string; source: FactSource };

export const behaviours = {
  refreshExpired: {
    label: 'Refresh token expired',
    fact: 'A refresh token past its policy’s lifetime is refused with invalid_grant.',
    source: fromGuide('facts §15, §31 Q1; old guide token refresh page and FAQ'),
  },
  refreshSessionEnded: {
    label: 'SSO session ended',
    fact: 'Ending the SSO session (logout) invalidates every refresh token of that session.',
    source: fromGuide('facts §15, §32 (logout diagram: “invalidate all refresh tokens of the session”)'),
  },
  refreshRevoked: {
    label: 'Refresh token revoked',
    fact: 'A refresh token revoked at the revocation endpoint is refused with invalid_grant.',
    source: fromStandard(
      'RFC 7009 §2 (token revocation); the guide lists revocation_endpoint only as “todo”',
      spec.rfc7009,
    ),
  },
  refreshReused: {
    label: 'Refresh token reused after rotation',
    fact: 'After a sliding policy rotates the refresh token, presenting the old one again is refused, and the new one dies with it (reuse detection).',
    source: fromStandard(
      'RFC 9700 §4.14.2 (refresh token rotation with reuse detection); the guide says only that each refresh gives a new token',
      'https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2',
    ),
  },
  refreshOtherClient: {
    label: 'Refresh token of another client',
    fact: 'A refresh token presented by another client is refused with invalid_grant.',
    source: fromStandard(
      'RFC 6749 §6 (the token is bound to the client it was issued to)',
      spec.rfc6749Refresh,
    ),
  },
  noRefreshForPublic: {
    label: 'No refresh token for Public clients',
    fact: 'A Public client gets no refresh token, even when it asks for offline_access.',
    source: fromGuide('facts §7, §15; old guide client types and token refresh pages'),
  },
  codeSingleUse: {
    label: 'Authorization code used twice',
    fact: 'An authorization code can be redeemed once; a second use is refused with invalid_grant.',
    source: fromGuide('facts §11; old guide /token page (code is single use)'),
  },
} as const satisfies Record<string, Behaviour>;

export type BehaviourName = keyof typeof behaviours;
