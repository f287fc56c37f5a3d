import CodeBlock from '@theme/CodeBlock';
import type { SilentCheckReport } from '@site/src/oidc';
import styles from './styles.module.css';
import verdictStyles from '../shared/verdict.module.css';

/** The check's exchanges as sent and answered: /authorize, the redirect back with its state, /token. */
export default function ExchangeSteps({ check }: { check: SilentCheckReport }): React.JSX.Element {
  const authorize = check.result;
  const token = check.exchanges[1]?.kind === 'http' ? check.exchanges[1] : undefined;
  return (
    <section aria-label="The exchange, step by step">
      <h3 className={styles.heading}>The exchange, step by step</h3>
      <ol className={styles.steps}>
        <li>
          <p>
            The /authorize request with <code>prompt=none</code>, sent{' '}
            {authorize.mode === 'iframe' ? 'in a hidden iframe' : 'as a top-level redirect'}:
          </p>
          <CodeBlock language="text">{authorize.authorizeUrl}</CodeBlock>
        </li>
        <li>
          <p>The redirect back to the redirect_uri (the code shortened):</p>
          {authorize.callback ? (
            <>
              <CodeBlock language="text">{authorize.callback}</CodeBlock>
              <p>
                State sent <code>{authorize.stateSent}</code>, state received{' '}
                <code>{authorize.stateReceived ?? '(none)'}</code>:{' '}
                <strong className={authorize.stateOk ? verdictStyles.ok : verdictStyles.bad}>
                  {authorize.stateOk ? 'they match.' : 'they do not match — the answer is rejected.'}
                </strong>
              </p>
            </>
          ) : (
            <p className={verdictStyles.bad}>Nothing came back.</p>
          )}
        </li>
        <li>
          <p>The token request (secrets and the code replaced by placeholders):</p>
          {token ? (
            <>
              <CodeBlock language="bash">{token.curl}</CodeBlock>
              <p>
                The answer:{' '}
                <strong className={token.ok ? verdictStyles.ok : verdictStyles.bad}>
                  {token.statusLine}
                </strong>{' '}
                (tokens shortened; they stay in this page’s memory)
              </p>
              <CodeBlock language="json">{token.body}</CodeBlock>
              {token.note && <p className={styles.muted}>{token.note}.</p>}
            </>
          ) : (
            <p>{authorize.tokenNotSent}</p>
          )}
        </li>
      </ol>
    </section>
  );
}
