/**
 * The inspector's small pieces: findings, a claims table, a decoded JWT. Every value is untrusted
 * text and is rendered as React text, never as HTML; links go only to the portal's own pages.
 */
import clsx from 'clsx';
import Assumed from '@site/src/components/Assumed';
import ErrorPageLink from '@site/src/components/ErrorPageLink';
import GuideLink from '@site/src/components/GuideLink';
import TableScroll from '@site/src/components/TableScroll';
import { isAssumed } from '@site/src/oidc/catalogue/sources';
import { jwtKindLabel, type ClaimRow, type Finding, type JwtInspection } from '@site/src/oidc/inspect';
import styles from './styles.module.css';
import findingStyles from '../shared/findings.module.css';

const severityLabel = { error: 'Problem', warning: 'Warning', info: 'Note', ok: 'OK' } as const;

export function Findings({
  findings,
  label,
}: {
  findings: readonly Finding[];
  label: string;
}): React.JSX.Element | null {
  if (findings.length === 0) return null;
  return (
    <ul className={findingStyles.findings} aria-label={label}>
      {findings.map((f, i) => (
        <li
          key={i}
          className={clsx(findingStyles.finding, findingStyles[f.severity])}
          data-severity={f.severity}
        >
          <strong>{severityLabel[f.severity]}:</strong> {f.message}
          {(f.code || f.guide) && (
            <span className={styles.links}>
              {' '}
              <ErrorPageLink code={f.code} />
              {f.code && f.guide && ' · '}
              {f.guide && <GuideLink topic={f.guide}>In the guide</GuideLink>}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function ClaimTable({ rows, label }: { rows: readonly ClaimRow[]; label: string }): React.JSX.Element {
  return (
    <TableScroll label={label}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">What it means</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} data-claim={r.name}>
              <td>
                <code className={styles.name}>{r.name}</code>
              </td>
              <td>
                <code className={styles.value}>{r.value}</code>
                {r.time && <div className={styles.muted}>{r.time}</div>}
              </td>
              <td>
                {r.meaning ?? <span className={styles.muted}>Not in the TelenorID+ catalogue.</span>}
                {r.source && isAssumed(r.source) && <Assumed source={r.source} />}
                {r.valueNote && <div className={styles.valueNote}>{r.valueNote}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function DecodedJwt({
  jwt,
  title,
  children,
}: {
  jwt: JwtInspection;
  title: string;
  children?: React.ReactNode;
}): React.JSX.Element {
  if (!jwt.ok)
    return (
      <div className="alert alert--danger" data-testid="jwt-unreadable">
        <p>
          <strong>{title} cannot be read.</strong> {jwt.reason}
        </p>
      </div>
    );
  return (
    <section className={styles.section} aria-label={title}>
      <h3>
        {title}: {jwtKindLabel[jwt.kind]}
      </h3>
      <Findings findings={jwt.findings} label={`What the inspector sees in ${title.toLowerCase()}`} />
      {children}
      <h4>Claims</h4>
      <ClaimTable rows={jwt.claimRows} label={`Claims of ${title.toLowerCase()}`} />
      <details>
        <summary>Header</summary>
        <ClaimTable rows={jwt.headerRows} label={`Header of ${title.toLowerCase()}`} />
      </details>
    </section>
  );
}
