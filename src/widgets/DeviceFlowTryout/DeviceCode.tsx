/**
 * What the device shows its user (the user code and where to enter it), and the polling as it
 * ticks: the next poll, the interval, the polls so far, and "Poll now" to earn slow_down. The
 * verification URIs come from the provider: shown as text, a link only when https (or loopback http).
 */
import SafeLink from '@site/src/components/SafeLink';
import { safeHref } from '@site/src/oidc/links';
import type { DeviceStart } from '@site/src/oidc/polling';
import type { EnvironmentId } from '@site/src/oidc/environments';
import styles from '../shared/polling.module.css';

type Props = {
  start: DeviceStart;
  /** Set while polling. */
  polling:
    | {
        secondsToNextPoll: number | undefined;
        intervalSeconds: number | undefined;
        polls: number;
        expiresAtMs: number | undefined;
      }
    | undefined;
  onPollNow: () => void;
  envId: EnvironmentId;
};

export default function DeviceCode({ start, polling, onPollNow, envId }: Props): React.JSX.Element {
  const complete = start.verificationUriComplete ? safeHref(start.verificationUriComplete) : undefined;
  return (
    <section className={styles.card} aria-labelledby="device-code-heading">
      <h3 id="device-code-heading">2. The user approves on a second screen</h3>
      <p>
        The device shows: go to <SafeLink url={start.verificationUri} /> and enter
      </p>
      <p className={styles.code} aria-label={`User code ${start.userCode.split('').join(' ')}`}>
        {start.userCode}
      </p>
      {complete ? (
        <p>
          <a href={complete} target="_blank" rel="noopener noreferrer">
            Open the verification page in a new tab
          </a>{' '}
          <span className={styles.muted}>
            (verification_uri_complete: the code is filled in — a device would show it as a QR code).
            {envId === 'mock'
              ? ' Keep this tab open: the mock lives in this page.'
              : ' Log in as a test user there, then come back.'}
          </span>
        </p>
      ) : null}
      {polling ? (
        <>
          <p className={styles.row}>
            <span>
              Next poll in <strong>{polling.secondsToNextPoll ?? '–'} s</strong> (interval{' '}
              {polling.intervalSeconds} s) · polls so far: {polling.polls}
              {polling.expiresAtMs
                ? ` · the code expires at ${new Date(polling.expiresAtMs).toLocaleTimeString()}`
                : ''}
            </span>
          </p>
          <p className={styles.row}>
            <button type="button" className="button button--secondary button--sm" onClick={onPollNow}>
              Poll now
            </button>
            <span className={styles.muted}>Before the interval is over, this earns slow_down.</span>
          </p>
        </>
      ) : null}
    </section>
  );
}
