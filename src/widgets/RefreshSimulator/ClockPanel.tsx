import { useId } from 'react';
import clsx from 'clsx';
import { noTestClockSentence } from '@site/src/oidc/test-clock';
import { inactiveWhen } from '../shared/busyButton';
import type { TestClockView } from './useTestClock';
import styles from './styles.module.css';
import verdictStyles from '../shared/verdict.module.css';

/**
 * The engine's test clock under the timeline: where it stands, the jumps that make each lifetime of the
 * timeline pass at once, the way back to real time, and (local tenant) whether cause 1 jumps it too.
 */
export default function ClockPanel({
  clock,
  busy,
  isLocal,
  causeJumps,
  onCauseJumps,
}: {
  clock: TestClockView;
  busy: boolean;
  isLocal: boolean;
  causeJumps: boolean;
  onCauseJumps: (on: boolean) => void;
}): React.JSX.Element {
  const id = useId();
  if (!clock.available)
    return (
      <p className={styles.muted} id={`${id}-none`}>
        Test clock: {noTestClockSentence}
      </p>
    );
  const inactive = busy || clock.moving;
  return (
    <div className={styles.clock} role="group" aria-labelledby={`${id}-h`}>
      <p className="margin-bottom--sm">
        <strong id={`${id}-h`}>Test clock</strong> ({isLocal ? 'local test tenant' : 'mock'}):{' '}
        <span data-testid="clock-offset">{clock.shown ?? 'real time unless you moved it'}</span>. Jump it to
        see a lifetime of the timeline run out now, then press Refresh:
      </p>
      <div className={styles.row}>
        {clock.jumps.map((j) => (
          <button
            key={j.id}
            type="button"
            className="button button--sm button--outline button--primary"
            title={`Makes ${j.expires} expire`}
            {...inactiveWhen(inactive, () => clock.jump(j))}
          >
            {j.label}
          </button>
        ))}
        <button
          type="button"
          className="button button--sm button--link"
          {...inactiveWhen(inactive, clock.reset)}
        >
          Back to real time
        </button>
      </div>
      {isLocal && (
        <label className={styles.clockChoice}>
          <input
            type="checkbox"
            checked={causeJumps}
            disabled={busy}
            onChange={(e) => onCauseJumps(e.target.checked)}
          />{' '}
          Cause 1 jumps this clock past the policy’s lifetime, instead of waiting a few seconds for the
          short-lived twin client
        </label>
      )}
      <p
        aria-live="polite"
        className={clsx(
          'margin-top--sm margin-bottom--none',
          clock.note && !clock.note.ok ? verdictStyles.bad : styles.muted,
        )}
      >
        {clock.note?.text ?? ''}
      </p>
    </div>
  );
}
