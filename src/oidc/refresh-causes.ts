/**
 * The refresh-error simulator's causes: every way a refresh earns `400 invalid_grant` (and the
 * client that gets no refresh token at all), each with the catalogue behaviour it demonstrates and
 * how the simulator brings it about on the mock and on the local tenant. Data only, in src/oidc
 * because the runner (runners/refresh-causes.ts), the widget and the Markdown twins (read in Node)
 * all need them; the twins import this file, not the runner.
 */
import type { BehaviourName, ClientTypeName } from './catalogue';

export type CauseId =
  'expired' | 'revoked' | 'reused' | 'session_ended' | 'other_client' | 'no_refresh_token';

/** `behaviour`: the catalogue fact the cause demonstrates, with its source (an assumed one is marked). */
export type Cause = {
  id: CauseId;
  title: string;
  behaviour: BehaviourName;
  /** `clock`: on the local tenant when the reader lets cause 1 jump its test clock. */
  how: { mock: string; local: string; clock?: string };
};

export const causes: Cause[] = [
  {
    id: 'expired',
    behaviour: 'refreshExpired',
    title: 'Expired under its policy',
    how: {
      mock: 'Advances the mock’s virtual clock past the policy’s lifetime, then refreshes.',
      local:
        'Logs in with the short-lived twin client (its refresh token lives a few seconds), waits it out, then refreshes.',
      clock:
        'Jumps the tenant’s test clock one second past the policy’s lifetime (10 min, 14 days or 90 days), then refreshes.',
    },
  },
  {
    id: 'revoked',
    behaviour: 'refreshRevoked',
    title: 'Revoked',
    how: {
      mock: 'Revokes the refresh token at the revocation endpoint (RFC 7009), then refreshes with it.',
      local: 'Revokes the refresh token at the revocation endpoint (RFC 7009), then refreshes with it.',
    },
  },
  {
    id: 'reused',
    behaviour: 'refreshReused',
    title: 'Reused after rotation',
    how: {
      mock: 'Refreshes once (the token is rotated), then presents the old refresh token again.',
      local: 'Refreshes once (the token is rotated), then presents the old refresh token again.',
    },
  },
  {
    id: 'session_ended',
    behaviour: 'refreshSessionEnded',
    title: 'The SSO session ended',
    how: {
      mock: 'Ends the mock’s SSO session (as logout does), then refreshes.',
      local: 'Logs out at the tenant’s end_session_endpoint in a popup, then refreshes.',
    },
  },
  {
    id: 'other_client',
    behaviour: 'refreshOtherClient',
    title: 'Belongs to another client',
    how: {
      mock: 'Presents the refresh token with another client’s client_id.',
      local: 'Presents the refresh token with another client’s client_id.',
    },
  },
  {
    id: 'no_refresh_token',
    behaviour: 'noRefreshForPublic',
    title: 'Public client, or no offline_access',
    how: {
      mock: 'Logs in with the Public client (or without offline_access) and shows the token response.',
      local: 'Logs in with the Public client (or without offline_access) and shows the token response.',
    },
  },
];

export function isCauseId(value: string | null | undefined): value is CauseId {
  return causes.some((c) => c.id === value);
}

/** Another client type of the same environment, to present a refresh token that is not its own. */
export function otherClientType(type: ClientTypeName): ClientTypeName {
  return type === 'MobileApp' ? 'PublicWithRefresh' : 'MobileApp';
}
