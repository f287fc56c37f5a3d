/**
 * The exchanges of a run, each request beside its answer: title, status line, the redacted curl
 * and the answer body (tokens shortened by src/oidc/run.ts). Text only: bodies are untrusted.
 */
import CodeBlock from '@theme/CodeBlock';
import type { Exchange } from '@site/src/oidc';

export default function ExchangeDetails({
  exchanges,
  label,
}: {
  exchanges: readonly Exchange[];
  label: string;
}): React.JSX.Element | null {
  if (!exchanges.length) return null;
  return (
    <ol aria-label={label} style={{ paddingLeft: '1.25rem' }}>
      {exchanges.map((e, i) =>
        e.kind === 'stage' ? (
          <li key={i}>
            <strong>{e.title}</strong>
            {e.note ? <> — {e.note}</> : null}
          </li>
        ) : (
          // The latest exchange is open; earlier ones fold, so the list stays readable while polling.
          <li key={i}>
            <details open={i === exchanges.length - 1}>
              <summary>
                <strong>{e.title}</strong>: <code>{e.statusLine}</code>
              </summary>
              {e.note ? <p>{e.note}</p> : null}
              <CodeBlock language="bash" title="Request as curl (secrets as placeholders)">
                {e.curl}
              </CodeBlock>
              {e.body ? (
                <CodeBlock language="json" title="Answer (tokens shortened)">
                  {e.body}
                </CodeBlock>
              ) : null}
            </details>
          </li>
        ),
      )}
    </ol>
  );
}
