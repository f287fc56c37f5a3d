/**
 * The simulator's scenario: which client of which environment plays each TelenorID+ client type,
 * the causes of a failed refresh, and the share link (client type, cause, timeline settings —
 * never a token, code or verifier).
 *
 * Value imports are relative, not `@site/…`: the Markdown twins plugin reads `causes` in Node,
 * where Docusaurus's `@site` alias does not exist (src/markdown-twins/widgets.ts).
 */
import {
  clientTypes,
  refreshPolicies,
  type BehaviourName,
  type ClientTypeName,
  type RefreshPolicyName,
} from '../../oidc/catalogue';
import { testClientFor, type TestClientSettings } from '../../oidc/session';
import type { EnvironmentId } from '../../oidc/environments';
import { readTimelineMinutes, type TimelineField } from '../../oidc/refresh-timeline';

export type SimulatorClient = TestClientSettings;

/** The registered test client of a type in the mock or the local tenant (now `testClientFor` in src/oidc/session.ts). */
export const simulatorClient = testClientFor;

/** Another client of the same environment, to present a refresh token that is not its own. */
export function otherClientType(type: ClientTypeName): ClientTypeName {
  return type === 'MobileApp' ? 'PublicWithRefresh' : 'MobileApp';
}

export type CauseId =
  'expired' | 'revoked' | 'reused' | 'session_ended' | 'other_client' | 'no_refresh_token';

/** `behaviour`: the catalogue fact the cause demonstrates, with its source (an assumed one is marked). */
export type Cause = {
  id: CauseId;
  title: string;
  behaviour: BehaviourName;
  how: { mock: string; local: string };
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

export function isCauseId(value: string | null): value is CauseId {
  return causes.some((c) => c.id === value);
}

export type TimelineSettings = {
  policy: RefreshPolicyName;
  everyMinutes: number;
  idleAtMinute: number;
  idleForMinutes: number;
};

/** A usage pattern that shows each policy's point: sliding survives short gaps, fixed ends anyway. */
export function defaultTimeline(policy: RefreshPolicyName): TimelineSettings {
  switch (policy) {
    case 'Confidential':
      return { policy, everyMinutes: 24 * 60, idleAtMinute: 5 * 24 * 60, idleForMinutes: 2 * 24 * 60 };
    case 'Mobile':
      return { policy, everyMinutes: 7 * 24 * 60, idleAtMinute: 28 * 24 * 60, idleForMinutes: 100 * 24 * 60 };
    case 'NoRefresh':
      return { policy, everyMinutes: 5, idleAtMinute: 20, idleForMinutes: 15 };
    default:
      return { policy, everyMinutes: 5, idleAtMinute: 20, idleForMinutes: 15 };
  }
}

export type SharedScenario = {
  clientType?: ClientTypeName;
  cause?: CauseId;
  timeline?: TimelineSettings;
};

const clientTypeNames = clientTypes.map((t) => t.name) as string[];

/** A link's number of minutes, by the same rules as typing it (so a link cannot "refresh every 0 minutes"). */
function minutes(field: TimelineField, value: string | null): number | undefined {
  if (value === null) return undefined;
  const read = readTimelineMinutes(field, value);
  return read.ok ? read.minutes : undefined;
}

/** Read a share link's query. Unknown or odd values are ignored, never trusted. */
export function parseSharedScenario(search: string): SharedScenario {
  const p = new URLSearchParams(search);
  const out: SharedScenario = {};
  const client = p.get('client');
  if (client && clientTypeNames.includes(client)) out.clientType = client as ClientTypeName;
  const cause = p.get('cause');
  if (isCauseId(cause)) out.cause = cause;
  const policy = p.get('policy');
  if (policy && Object.prototype.hasOwnProperty.call(refreshPolicies, policy)) {
    const d = defaultTimeline(policy as RefreshPolicyName);
    out.timeline = {
      policy: policy as RefreshPolicyName,
      everyMinutes: minutes('everyMinutes', p.get('every')) ?? d.everyMinutes,
      idleAtMinute: minutes('idleAtMinute', p.get('idleAt')) ?? d.idleAtMinute,
      idleForMinutes: minutes('idleForMinutes', p.get('idleFor')) ?? d.idleForMinutes,
    };
  }
  return out;
}

/** The share link: the page's URL with the scenario in its query, and nothing else of the page's state. */
export function shareScenarioUrl(
  pageUrl: string,
  scenario: { env: EnvironmentId; clientType: ClientTypeName; cause?: CauseId; timeline: TimelineSettings },
): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set('env', scenario.env);
  url.searchParams.set('client', scenario.clientType);
  if (scenario.cause) url.searchParams.set('cause', scenario.cause);
  url.searchParams.set('policy', scenario.timeline.policy);
  url.searchParams.set('every', String(scenario.timeline.everyMinutes));
  url.searchParams.set('idleAt', String(scenario.timeline.idleAtMinute));
  url.searchParams.set('idleFor', String(scenario.timeline.idleForMinutes));
  return url.href;
}
