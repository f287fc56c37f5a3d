import clsx from 'clsx';
import CodeBlock from '@theme/CodeBlock';
import type { Exchange } from '@site/src/oidc';
import styles from './styles.module.css';
import verdictStyles from '../shared/verdict.module.css';

/** "What went over the wire": each request with its answer (the newest open), and the mock's stage notes. */
export default function ExchangeList({
  exchanges,
  engine,
}: {
  exchanges: Exchange[];
  /** Who the stage notes are about: “Mock”, “Local test tenant”. */
  engine: string;
}): React.JSX.Element | null {
  if (exchanges.length === 0) return null;
  // The newest exchange opens; a stage note after it (the mock adopting a session) does not count.
  const lastExchange = exchanges.reduce((last, e, i) => (e.kind === 'stage' ? last : i), -1);
  return (
    <section aria-label="HTTP exchanges">
      <h3 className={styles.heading}>What went over the wire</h3>
      {exchanges.map((e, i) =>
        e.kind === 'stage' ? (
          <p key={i} className={clsx(styles.muted, styles.stage)} data-stage="">
            {engine} only, not a request your client makes: {e.title}.{e.note ? ` ${e.note}` : ''}
          </p>
        ) : (
          <details key={i} open={i === lastExchange} className={styles.exchange}>
            <summary>
              {e.title}:{' '}
              <strong className={e.ok ? verdictStyles.ok : verdictStyles.bad}>{e.statusLine}</strong>
            </summary>
            {e.curl && (
              <>
                <p className={styles.muted}>The request (secrets and tokens replaced by placeholders):</p>
                <CodeBlock language="bash">{e.curl}</CodeBlock>
              </>
            )}
            <p className={styles.muted}>The answer ({e.statusLine}):</p>
            <CodeBlock language="json">{e.body}</CodeBlock>
            {e.note && <p className={styles.muted}>{e.note}</p>}
          </details>
        ),
      )}
    </section>
  );
}
