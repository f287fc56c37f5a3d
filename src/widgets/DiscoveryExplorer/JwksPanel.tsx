import CodeBlock from '@theme/CodeBlock';
import type { JwksResult } from '@site/src/oidc/discovery';
import Findings from './Findings';
import styles from './styles.module.css';
import TableScroll from '@site/src/components/TableScroll';
import ErrorPageLink from '@site/src/components/ErrorPageLink';

/** The signing keys behind jwks_uri, and what is wrong with them. */
export default function JwksPanel({
  jwks,
}: {
  jwks: JwksResult | 'loading' | undefined;
}): React.JSX.Element | null {
  if (jwks === undefined) return null;
  return (
    <section aria-label="Signing keys (JWKS)">
      <h3>Signing keys (JWKS)</h3>
      {jwks === 'loading' ? (
        <p aria-busy="true">Fetching the JWKS…</p>
      ) : !jwks.ok ? (
        <div className="alert alert--warning">
          <p>
            The keys could not be fetched from <code>{jwks.url}</code>: {jwks.failure.explanation.meaning}{' '}
            {jwks.failure.detail}
          </p>
          <p>
            {jwks.failure.explanation.reaction} <ErrorPageLink code={jwks.failure.code} />
          </p>
          {jwks.failure.curl && <CodeBlock language="bash">{jwks.failure.curl}</CodeBlock>}
        </div>
      ) : (
        <>
          <TableScroll label="Keys in the JWKS">
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">kid</th>
                  <th scope="col">kty</th>
                  <th scope="col">alg</th>
                  <th scope="col">use</th>
                  <th scope="col">Size</th>
                </tr>
              </thead>
              <tbody>
                {jwks.keys.slice(0, 100).map((k, i) => (
                  <tr key={i}>
                    <td>
                      <code>{k.kid ?? '(none)'}</code>
                    </td>
                    <td>{k.kty ?? '—'}</td>
                    <td>{k.alg ?? '—'}</td>
                    <td>{k.use ?? '—'}</td>
                    <td>{k.sizeBits ? `${k.sizeBits} bits${k.crv ? ` (${k.crv})` : ''}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {jwks.keys.length > 100 && <p>… and {jwks.keys.length - 100} more keys.</p>}
          <Findings findings={jwks.findings} title="Key findings" />
        </>
      )}
    </section>
  );
}
