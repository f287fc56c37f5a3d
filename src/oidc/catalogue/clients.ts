/**
 * TelenorID+ client types and their refresh policies (facts §7, §15).
 * The lifetimes are the guide's; `Web` is listed by the guide as identical to `PublicWeb`.
 */
import { fromGuide, type FactSource } from './sources';

export type RefreshPolicyName = 'NoRefresh' | 'PublicWeb' | 'Web' | 'Confidential' | 'Mobile';

export type RefreshPolicy = {
  name: RefreshPolicyName;
  /** Refresh-token lifetime in seconds; undefined: no refresh token at all. */
  lifetimeSeconds: number | undefined;
  /** Sliding: each refresh restarts the lifetime. Fixed: the end is set at login. */
  sliding: boolean;
  summary: string;
  source: FactSource;
};

const policySource = /* @__PURE__ */ fromGuide(
  'facts §15; old guide token refresh page, refresh policy table',
);

const MINUTE = 60;
const DAY = 24 * 60 * MINUTE;

export const refreshPolicies: Record<RefreshPolicyName, RefreshPolicy> = {
  NoRefresh: {
    name: 'NoRefresh',
    lifetimeSeconds: undefined,
    sliding: false,
    summary: 'No refresh token is issued, even when offline_access is requested.',
    source: policySource,
  },
  PublicWeb: {
    name: 'PublicWeb',
    lifetimeSeconds: 10 * MINUTE,
    sliding: true,
    summary: 'Each refresh gives a new refresh token that lives 10 minutes.',
    source: policySource,
  },
  Web: {
    name: 'Web',
    lifetimeSeconds: 10 * MINUTE,
    sliding: true,
    summary: 'Identical to PublicWeb.',
    source: policySource,
  },
  Confidential: {
    name: 'Confidential',
    lifetimeSeconds: 14 * DAY,
    sliding: false,
    summary:
      'The refresh token ends 14 days after login, however often it is used; then the user logs in again.',
    source: policySource,
  },
  Mobile: {
    name: 'Mobile',
    lifetimeSeconds: 90 * DAY,
    sliding: true,
    summary: 'Each refresh gives a new refresh token that lives 90 days.',
    source: policySource,
  },
};

export type ClientTypeName = 'Public' | 'PublicWithRefresh' | 'Confidential' | 'MobileApp';

export type ClientType = {
  name: ClientTypeName;
  oauthType: 'public' | 'confidential';
  refreshPolicy: RefreshPolicyName;
  usedBy: string;
  /** Authenticates at /connect/token with a secret (kept on a server), else with PKCE only. */
  hasSecret: boolean;
  source: FactSource;
};

const clientTypeSource = /* @__PURE__ */ fromGuide('facts §6, §7; old guide client types page');

export const clientTypes: ClientType[] = [
  {
    name: 'Public',
    oauthType: 'public',
    refreshPolicy: 'NoRefresh',
    usedBy: 'Single-page app',
    hasSecret: false,
    source: clientTypeSource,
  },
  {
    name: 'PublicWithRefresh',
    oauthType: 'public',
    refreshPolicy: 'PublicWeb',
    usedBy: 'Single-page app',
    hasSecret: false,
    source: clientTypeSource,
  },
  {
    name: 'Confidential',
    oauthType: 'confidential',
    refreshPolicy: 'Confidential',
    usedBy: 'Web app with a secure back end (e.g. a BFF)',
    hasSecret: true,
    source: clientTypeSource,
  },
  {
    name: 'MobileApp',
    oauthType: 'public',
    refreshPolicy: 'Mobile',
    usedBy: 'Native app',
    hasSecret: false,
    source: clientTypeSource,
  },
];

export function findClientType(name: string): ClientType | undefined {
  return clientTypes.find((c) => c.name === name);
}

export function refreshPolicyOf(type: ClientTypeName): RefreshPolicy {
  return refreshPolicies[findClientType(type)!.refreshPolicy];
}
