import { useEffect, useId, useMemo, useState } from 'react';
import {
  readTimelineMinutes,
  refreshPolicies,
  refreshTimeline,
  type RefreshPolicyName,
  type TimelineEvent,
  type TimelineField,
} from '@site/src/oidc';
import type { TimelineSettings } from '@site/src/oidc/refresh-simulator-scenario';
import styles from './styles.module.css';
import verdictStyles from '../shared/verdict.module.css';

const policyNames = Object.keys(refreshPolicies) as RefreshPolicyName[];

/** Minutes as a reader thinks of them: minutes, hours or days. */
export function formatMinutes(m: number): string {
  if (m < 120) return `${Math.round(m * 10) / 10} min`;
  if (m < 48 * 60) return `${Math.round((m / 60) * 10) / 10} h`;
  return `${Math.round((m / 1440) * 10) / 10} d`;
}

const width = 640;
const height = 120;
const left = 10;
const right = 10;
const barY = 38;
const barH = 22;

/** Segments where the held refresh token is valid: from each event that set a validity to the next event. */
function validSegments(events: TimelineEvent[]): [number, number][] {
  const out: [number, number][] = [];
  const setting = events.filter((e) => e.validUntilMinute !== undefined);
  setting.forEach((e, i) => {
    const next = setting[i + 1];
    const end = Math.min(e.validUntilMinute!, next ? next.atMinute : e.validUntilMinute!);
    if (end > e.atMinute) out.push([e.atMinute, end]);
  });
  return out;
}

/**
 * One number of minutes. What the reader types is kept as typed; only a usable number reaches the
 * timeline, and anything else (0 for "refresh every", negative, empty, huge, not a number) is
 * answered by a sentence under the field while the timeline keeps the last usable value.
 */
function MinutesField({
  field,
  label,
  value,
  onValue,
}: {
  field: TimelineField;
  label: string;
  value: number;
  onValue: (minutes: number) => void;
}): React.JSX.Element {
  const id = useId();
  const [text, setText] = useState(String(value));
  const read = readTimelineMinutes(field, text);
  // A new value from outside (a share link, another policy's defaults) replaces the text.
  useEffect(() => {
    setText((t) => {
      const current = readTimelineMinutes(field, t);
      return current.ok && current.minutes === value ? t : String(value);
    });
  }, [field, value]);
  return (
    <label className={styles.field}>
      {label}
      <input
        type="number"
        step="any"
        inputMode="decimal"
        value={text}
        aria-invalid={!read.ok}
        aria-describedby={`${id}-note`}
        onChange={(e) => {
          setText(e.target.value);
          const next = readTimelineMinutes(field, e.target.value);
          if (next.ok) onValue(next.minutes);
        }}
      />
      <span
        id={`${id}-note`}
        className={read.ok ? styles.muted : styles.fieldError}
        role={read.ok ? undefined : 'alert'}
      >
        {read.ok
          ? `minutes (${formatMinutes(read.minutes)})`
          : `${read.message} The timeline still shows ${formatMinutes(value)}.`}
      </span>
    </label>
  );
}

/**
 * When is the refresh token valid, for a policy and a usage pattern? An SVG picture (with a text
 * summary as its name) plus the same events as a list, computed by src/oidc/refresh-timeline.ts.
 */
export default function Timeline({
  settings,
  onChange,
}: {
  settings: TimelineSettings;
  onChange: (s: TimelineSettings) => void;
}): React.JSX.Element {
  const id = useId();
  const policy = refreshPolicies[settings.policy];
  const timeline = useMemo(() => {
    const idleEnd = settings.idleAtMinute + settings.idleForMinutes;
    const every = settings.everyMinutes;
    const lifetime = (policy.lifetimeSeconds ?? 0) / 60;
    // Fixed lifetimes end however often the client refreshes: look far enough to see that end.
    const horizon = policy.sliding ? idleEnd + 2 * every : Math.max(idleEnd + 2 * every, lifetime + every);
    return refreshTimeline({
      policy: settings.policy,
      refreshEveryMinutes: every,
      idle: { startMinute: settings.idleAtMinute, durationMinutes: settings.idleForMinutes },
      horizonMinutes: horizon,
    });
  }, [settings, policy]);

  const last = timeline.events[timeline.events.length - 1];
  const maxMinute = Math.max(
    1,
    ...timeline.events.map((e) => Math.max(e.atMinute, e.validUntilMinute ?? 0)),
    last ? last.atMinute : 0,
  );
  const x = (m: number) => left + (m / maxMinute) * (width - left - right);
  const idle = timeline.events.find((e) => e.kind === 'idle_start');
  const idleEnd = timeline.events.find((e) => e.kind === 'idle_end');
  const failAt = timeline.invalidGrantAtMinute;
  const refreshes = timeline.events.filter((e) => e.kind === 'refresh');

  const field = (key: TimelineField, label: string) => (
    <MinutesField
      field={key}
      label={label}
      value={settings[key]}
      onValue={(minutes) => onChange({ ...settings, [key]: minutes })}
    />
  );

  return (
    <section aria-labelledby={`${id}-h`} className={styles.timeline}>
      <h3 id={`${id}-h`} className={styles.heading}>
        Policy timeline: when will invalid_grant come?
      </h3>
      <div className={styles.fields}>
        <label className={styles.field}>
          Refresh policy
          <select
            value={settings.policy}
            onChange={(e) => onChange({ ...settings, policy: e.target.value as RefreshPolicyName })}
          >
            {policyNames.map((n) => (
              <option key={n} value={n}>
                {n} (
                {refreshPolicies[n].lifetimeSeconds === undefined
                  ? 'none'
                  : formatMinutes(refreshPolicies[n].lifetimeSeconds! / 60)}
                {refreshPolicies[n].lifetimeSeconds === undefined
                  ? ''
                  : refreshPolicies[n].sliding
                    ? ', sliding'
                    : ', fixed'}
                )
              </option>
            ))}
          </select>
        </label>
        {field('everyMinutes', 'Refresh every')}
        {field('idleAtMinute', 'Idle from minute')}
        {field('idleForMinutes', 'Idle for')}
      </div>

      {policy.lifetimeSeconds !== undefined && (
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className={styles.chart}
          role="img"
          aria-label={`Timeline: ${timeline.summary}`}
        >
          <text x={left} y={20} className={styles.chartText}>
            refresh token valid (
            {policy.sliding
              ? 'sliding: each refresh restarts the lifetime'
              : 'fixed: the end is set at login'}
            )
          </text>
          {idle && idleEnd && (
            <rect
              x={x(idle.atMinute)}
              y={barY - 6}
              width={Math.max(1, x(idleEnd.atMinute) - x(idle.atMinute))}
              height={barH + 12}
              className={styles.idle}
            />
          )}
          {validSegments(timeline.events).map(([a, b], i) => (
            <rect
              key={i}
              x={x(a)}
              y={barY}
              width={Math.max(1, x(b) - x(a))}
              height={barH}
              className={styles.valid}
            />
          ))}
          {refreshes.map((e, i) => (
            <line
              key={i}
              x1={x(e.atMinute)}
              x2={x(e.atMinute)}
              y1={barY - 4}
              y2={barY + barH + 4}
              className={styles.tick}
            />
          ))}
          {failAt !== undefined && (
            <g>
              <line
                x1={x(failAt)}
                x2={x(failAt)}
                y1={barY - 10}
                y2={barY + barH + 10}
                className={styles.fail}
              />
              <text
                x={x(failAt)}
                textAnchor={failAt > maxMinute / 2 ? 'end' : 'start'}
                y={barY + barH + 26}
                className={styles.chartText}
              >
                ✕ invalid_grant at {formatMinutes(failAt)}
              </text>
            </g>
          )}
          <text x={left} y={height - 4} className={styles.chartText}>
            0
          </text>
          <text x={width - right} y={height - 4} textAnchor="end" className={styles.chartText}>
            {formatMinutes(maxMinute)}
          </text>
        </svg>
      )}
      <p className={styles.summary}>
        <strong>{timeline.summary}</strong>
        {failAt !== undefined && ` (at ${formatMinutes(failAt)})`}
      </p>
      <details>
        <summary>
          Every event ({timeline.events.length}
          {timeline.omittedRefreshes ? `, ${timeline.omittedRefreshes} routine refreshes left out` : ''})
        </summary>
        <ol className={styles.events}>
          {timeline.events.map((e, i) => (
            <li key={i} className={e.kind === 'invalid_grant' ? verdictStyles.bad : undefined}>
              <strong>{formatMinutes(e.atMinute)}</strong>: {e.note}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
