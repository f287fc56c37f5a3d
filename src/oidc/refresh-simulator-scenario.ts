/**
 * The simulator's scenario: the causes of a failed refresh (from the runner), the timeline's usage
 * pattern per policy, and the share link (client type, cause, timeline settings —
 * never a token, code or verifier).
 *
 * Value imports are relative, not `@site/…`: the Markdown twins plugin reads `causes` in Node,
 * where Docusaurus's `@site` alias does not exist (src/markdown-twins/widgets.ts).
 */
import { clientTypes, refreshPolicies, type ClientTypeName, type RefreshPolicyName } from './catalogue';
import type { EnvironmentId } from './environments';
import { readTimelineMinutes, type TimelineField } from './refresh-timeline';
import { causes, type CauseId } from './runners/refresh-causes';
import { buildShareLink, quoted, readShareLink } from './share-link';

// The causes and the runner live in src/oidc/runners/refresh-causes.ts; re-exported for the simulator's parts.
export { causes, isCauseId, otherClientType, type Cause, type CauseId } from './runners/refresh-causes';

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
  /** `time=jump`: cause 1 jumps the tenant's test clock (real time, `time=wait`, is the default). */
  clockJump?: boolean;
};

const clientTypeNames = clientTypes.map((t) => t.name);
const causeIds = causes.map((c) => c.id);
const policyNames = Object.keys(refreshPolicies) as RefreshPolicyName[];
/** The timeline's fields as the page labels them. */
const timelineFieldLabels: Record<TimelineField, string> = {
  everyMinutes: 'Refresh every',
  idleAtMinute: 'Idle from minute',
  idleForMinutes: 'Idle for',
};

/** A link's number of minutes, by the same rules as typing it (so a link cannot "refresh every 0 minutes"). */
function minutes(field: TimelineField, value: string | null): number | undefined {
  if (value === null) return undefined;
  const read = readTimelineMinutes(field, value);
  return read.ok ? read.minutes : undefined;
}

/**
 * Read a share link's query (src/oidc/share-link.ts). Unknown or odd values are left out, never
 * trusted; `problems` says in a sentence each what was left out.
 */
export function readSharedScenario(search: string): { scenario: SharedScenario; problems: string[] } {
  const link = readShareLink(search, { who: 'the simulator' });
  const out: SharedScenario = {};
  const client = link.oneOf('client', clientTypeNames, 'client type');
  if (client) out.clientType = client;
  const cause = link.oneOf('cause', causeIds, 'cause');
  if (cause) out.cause = cause;
  const policy = link.oneOf('policy', policyNames, 'refresh policy');
  if (policy) {
    const d = defaultTimeline(policy);
    const read = (field: TimelineField, name: string, fallback: number) => {
      const value = minutes(field, link.get(name) ?? null);
      if (value === undefined && link.get(name) !== undefined)
        link.problem(
          `The link’s “${timelineFieldLabels[field]}” ${quoted(link.get(name)!)} is not a usable number of minutes; the policy’s default is shown.`,
        );
      return value ?? fallback;
    };
    out.timeline = {
      policy,
      everyMinutes: read('everyMinutes', 'every', d.everyMinutes),
      idleAtMinute: read('idleAtMinute', 'idleAt', d.idleAtMinute),
      idleForMinutes: read('idleForMinutes', 'idleFor', d.idleForMinutes),
    };
  }
  const time = link.oneOf('time', ['wait', 'jump'] as const, 'way for time to pass');
  if (time) out.clockJump = time === 'jump';
  return { scenario: out, problems: link.problems };
}

export function parseSharedScenario(search: string): SharedScenario {
  return readSharedScenario(search).scenario;
}

/** The share link: the page's URL with the scenario in its query, and nothing else of the page's state. */
export function shareScenarioUrl(
  pageUrl: string,
  scenario: {
    env: EnvironmentId;
    clientType: ClientTypeName;
    cause?: CauseId;
    timeline: TimelineSettings;
    clockJump?: boolean;
  },
): string {
  return buildShareLink(pageUrl, [
    ['env', scenario.env],
    ['client', scenario.clientType],
    ['cause', scenario.cause],
    ['policy', scenario.timeline.policy],
    ['every', String(scenario.timeline.everyMinutes)],
    ['idleAt', String(scenario.timeline.idleAtMinute)],
    ['idleFor', String(scenario.timeline.idleForMinutes)],
    ['time', scenario.clockJump ? 'jump' : undefined],
  ]);
}
