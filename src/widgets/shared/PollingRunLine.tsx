/**
 * A polling tryout's (device flow, CIBA) run line: what the run is doing, as a status, or why it
 * failed, as an alert with the error's reference page. The same for both tryouts.
 */
import ErrorPageLink from '@site/src/components/ErrorPageLink';
import { runLine, type RunState } from '@site/src/oidc';
import type { PollingResult } from '@site/src/oidc/runners/polling-run';
import styles from './polling.module.css';

export default function PollingRunLine({ run }: { run: RunState<PollingResult> }): React.JSX.Element {
  const failed = run.phase === 'failed' ? run.verdict : undefined;
  return (
    <>
      <p role="status" className={styles.status} data-run-status>
        {failed ? '' : runLine(run)}
      </p>
      {failed ? (
        <div role="alert" className="alert alert--danger">
          <p>{failed.line}</p>
          <ErrorPageLink code={failed.failure?.error ?? failed.failure?.code} />
        </div>
      ) : null}
    </>
  );
}
