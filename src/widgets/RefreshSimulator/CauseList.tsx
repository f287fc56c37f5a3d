import clsx from 'clsx';
import Assumed from '@site/src/components/Assumed';
import {
  behaviours,
  isAssumed,
  refreshPolicyOf,
  reuseImpossibleBecause,
  type ClientTypeName,
  type EnvironmentId,
} from '@site/src/oidc';
import { inactiveWhen } from '../shared/busyButton';
import { causes, type CauseId } from '@site/src/oidc/refresh-simulator-scenario';
import styles from './styles.module.css';

/** The ways to earn invalid_grant, each with how the simulator causes it here and a "Cause it" button. */
export default function CauseList({
  envId,
  envSupported,
  clientType,
  hasRefreshToken,
  busy,
  sharedCause,
  clockJump,
  onCause,
}: {
  envId: EnvironmentId;
  envSupported: boolean;
  clientType: ClientTypeName;
  hasRefreshToken: boolean;
  busy: boolean;
  sharedCause: CauseId | undefined;
  /** Cause 1 jumps the tenant's test clock (then it works on the tokens held, like the others). */
  clockJump: boolean;
  onCause: (cause: CauseId) => void;
}): React.JSX.Element {
  const hasRefresh = refreshPolicyOf(clientType).lifetimeSeconds !== undefined;
  return (
    <section aria-label="Causes of invalid_grant">
      <h3 className={styles.heading}>Make the refresh fail</h3>
      <ol className={styles.causes}>
        {causes.map((c, i) => {
          // These causes log in themselves; the others work on the tokens held.
          const logsIn =
            c.id === 'no_refresh_token' || (c.id === 'expired' && envId === 'local' && !clockJump);
          const needsTokens = !logsIn && !hasRefreshToken;
          const how = envId === 'local' ? (clockJump && c.how.clock) || c.how.local : c.how.mock;
          const notForPublic = c.id !== 'no_refresh_token' && !hasRefresh;
          const source = behaviours[c.behaviour].source;
          return (
            <li key={c.id} className={clsx(styles.cause, sharedCause === c.id && styles.causeShared)}>
              <div>
                <strong>
                  {i + 1}. {c.title}
                </strong>
                {isAssumed(source) && <Assumed source={source} />}
                {sharedCause === c.id && <em> — the case of the link you followed</em>}
                <br />
                <span className={styles.muted}>
                  {c.id === 'reused' && reuseImpossibleBecause(clientType)
                    ? `Refreshes once, then presents the same refresh token again: a ${clientType} client’s token is not rotated, so this cannot fail.`
                    : how}
                </span>
                {notForPublic && (
                  <span className={styles.muted}> Not for Public: it never gets a refresh token.</span>
                )}
                {!notForPublic && needsTokens && <span className={styles.muted}> Log in first.</span>}
              </div>
              <button
                type="button"
                className={clsx('button button--sm button--danger', styles.causeButton)}
                aria-label={`Cause it: ${c.title}`}
                {...inactiveWhen(!envSupported || busy || notForPublic || needsTokens, () => onCause(c.id))}
              >
                Cause it
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
