/**
 * The builder's last step: Run, the share link, the verdict (a status region announced once per
 * result), and what came back — the warnings, the failure's links and curl, or the tokens and claims.
 */
import { forwardRef, useState } from 'react';
import clsx from 'clsx';
import CopyButton from '@site/src/components/CopyButton';
import ErrorPageLink from '@site/src/components/ErrorPageLink';
import GuideLink from '@site/src/components/GuideLink';
import { runLine, type CodeFlowResult, type RunState } from '@site/src/oidc';
import { inactiveWhen } from '../shared/busyButton';
import RunResults from './RunResults';
import styles from './styles.module.css';
import verdictStyles from '../shared/verdict.module.css';

type Props = {
  run: RunState<CodeFlowResult>;
  /** Why Run cannot send this request (a response_type or redirect_uri Run cannot read), if so. */
  cannotRun: string | undefined;
  canRun: boolean;
  busy: boolean;
  onRun(): void;
  shareUrl(): string;
  testClients: boolean;
  environmentLabel: string;
  callbackUrl: string;
  ids: string;
};

/** The tokens of one run, redacted until revealed; a new run starts hidden again (the component is keyed by run). */
function Results({ result }: { result: CodeFlowResult }): React.JSX.Element {
  const [revealed, setRevealed] = useState(false);
  return <RunResults run={result.run} revealed={revealed} onReveal={() => setRevealed((r) => !r)} />;
}

const RunStep = forwardRef<HTMLParagraphElement, Props>(function RunStep(
  { run, cannotRun, canRun, busy, onRun, shareUrl, testClients, environmentLabel, callbackUrl, ids },
  verdictLine,
) {
  const failed = run.phase === 'failed' ? run.verdict.failure : undefined;
  return (
    <section aria-label="Run" className={styles.section}>
      <div className={styles.row}>
        <button
          type="button"
          className="button button--primary"
          aria-describedby={cannotRun && canRun ? `${ids}-cannot-run` : undefined}
          {...inactiveWhen(busy || !canRun || cannotRun !== undefined, onRun)}
        >
          Run
        </button>
        <CopyButton
          label="Share this selection"
          done="Link copied (scopes, parameters and environment; never a token, code or verifier)"
          value={shareUrl}
        />
      </div>
      {cannotRun && canRun && (
        <p id={`${ids}-cannot-run`} className={styles.muted}>
          {cannotRun}
        </p>
      )}
      <p className={styles.muted}>
        Run opens the login in a popup window (without a session, or with prompt=login, pick a test user on
        the login screen), checks the state, exchanges the code with the verifier, checks the ID token’s nonce
        and both tokens’ signatures, and calls /userinfo.
        {!testClients &&
          ` At ${environmentLabel}, use your own public client with ${callbackUrl || 'the portal’s callback'} registered as a redirect URI.`}
      </p>
      <p
        role="status"
        ref={verdictLine}
        className={clsx(
          styles.verdict,
          run.phase === 'done' && !run.verdict.warning && verdictStyles.ok,
          run.phase === 'failed' && verdictStyles.bad,
        )}
      >
        {runLine(run)}
      </p>
      {failed && (
        <p>
          {failed.explanation.guide && (
            <GuideLink topic={failed.explanation.guide}>Why this happens</GuideLink>
          )}{' '}
          <ErrorPageLink code={failed.code} />
        </p>
      )}
      {failed?.curl && (
        <details>
          <summary>The request (as curl, secrets replaced by placeholders)</summary>
          <pre className={styles.pre}>{failed.curl}</pre>
        </details>
      )}
      {run.phase === 'done' &&
        run.result?.run.warnings.map((w) => (
          <div key={w} className="alert alert--warning margin-bottom--md" role="alert">
            {w}
          </div>
        ))}
      {run.phase === 'done' && run.result && <Results result={run.result} />}
    </section>
  );
});

export default RunStep;
