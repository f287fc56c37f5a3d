/**
 * The end of a polling tryout (device flow, CIBA), the same for both: the tokens once approved, every
 * request beside its answer, the two requests as curl where the page cannot run them, and the guide.
 */
import CodeBlock from '@theme/CodeBlock';
import GuideLink from '@site/src/components/GuideLink';
import type { GuideTopic, RunState } from '@site/src/oidc';
import type { PollingResult } from '@site/src/oidc/runners/polling-run';
import ExchangeDetails from './ExchangeDetails';
import PollingTokens from './PollingTokens';
import styles from './polling.module.css';

export default function PollingOutcome({
  run,
  documented,
  guide,
}: {
  run: RunState<PollingResult>;
  /** The requests to copy, shown when this environment cannot run the flow. */
  documented?: { startTitle: string; start: string; pollTitle: string; poll: string };
  guide: { topic: GuideTopic; label: string };
}): React.JSX.Element {
  return (
    <>
      {run.phase === 'done' && run.result ? (
        <div className="alert alert--success">
          <p>
            <strong>{run.verdict.line}</strong>
          </p>
          <PollingTokens view={run.result.view} />
        </div>
      ) : null}
      <ExchangeDetails
        exchanges={run.phase === 'idle' ? [] : run.exchanges}
        label="Requests and answers, in order"
      />
      {documented ? (
        <>
          <CodeBlock language="bash" title={documented.startTitle}>
            {documented.start}
          </CodeBlock>
          <CodeBlock language="bash" title={documented.pollTitle}>
            {documented.poll}
          </CodeBlock>
        </>
      ) : null}
      <p className={styles.muted}>
        <GuideLink topic={guide.topic}>{guide.label}</GuideLink> ·{' '}
        <GuideLink topic="faqPollingErrors">What each polling answer means</GuideLink>
      </p>
    </>
  );
}
