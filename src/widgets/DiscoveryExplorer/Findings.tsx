import clsx from 'clsx';
import GuideLink from '@site/src/components/GuideLink';
import type { DiscoveryFinding, JwksFinding } from '@site/src/oidc/discovery';
import styles from '../shared/findings.module.css';

const order = { error: 0, warning: 1, info: 2 } as const;
const badge = { error: 'danger', warning: 'warning', info: 'secondary' } as const;

/** The validator's findings, errors first: what is wrong, why it matters, the rule and where the guide explains it. */
export default function Findings({
  findings,
  title,
}: {
  findings: readonly (DiscoveryFinding | JwksFinding)[];
  title: string;
}): React.JSX.Element | null {
  if (findings.length === 0) return null;
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <ul className={styles.findings}>
        {sorted.map((f, i) => (
          <li key={`${f.code}-${i}`} className={clsx(styles.finding, styles[f.severity])}>
            <span className={clsx('badge', `badge--${badge[f.severity]}`)}>{f.severity}</span>{' '}
            {'field' in f && f.field ? (
              <code>{f.field}</code>
            ) : 'kid' in f && f.kid ? (
              <code>kid {f.kid}</code>
            ) : null}{' '}
            <span>{f.message}</span>
            <div className={styles.why}>
              {f.whyItMatters}{' '}
              <a href={f.spec} target="_blank" rel="noopener noreferrer">
                Specification
              </a>
              {'guide' in f && f.guide ? (
                <>
                  {' · '}
                  <GuideLink topic={f.guide} />
                </>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
