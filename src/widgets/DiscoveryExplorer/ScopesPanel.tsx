import GuideLink from '@site/src/components/GuideLink';
import { identityScopes } from '@site/src/oidc/catalogue';
import { scopeCoverage } from '@site/src/oidc/discovery-compare';
import type { DiscoveryDocument } from '@site/src/oidc/discovery';
import styles from './styles.module.css';

const telenorScopes = identityScopes.map((s) => s.name);

/** scopes_supported set against the TelenorID+ scopes, with the reminder about api: scopes. */
export default function ScopesPanel({ document }: { document: DiscoveryDocument }): React.JSX.Element {
  const c = scopeCoverage(document, telenorScopes);
  return (
    <section aria-label="Scopes">
      <h3>Scopes</h3>
      {!c.published ? (
        <p>
          This provider does not publish a usable <code>scopes_supported</code> list, so which TelenorID+
          scopes it accepts cannot be read here.
        </p>
      ) : (
        <ul className={styles.plainList}>
          <li>
            <strong>
              TelenorID+ scopes listed ({c.present.length} of {telenorScopes.length}):
            </strong>{' '}
            {c.present.length
              ? c.present.map((s) => (
                  <code key={s} className={styles.chip}>
                    {s}
                  </code>
                ))
              : 'none'}
          </li>
          {c.missing.length > 0 && (
            <li>
              <strong>Not listed:</strong>{' '}
              {c.missing.map((s) => (
                <code key={s} className={styles.chip}>
                  {s}
                </code>
              ))}
            </li>
          )}
          {c.other.length > 0 && (
            <li>
              <strong>Other scopes:</strong>{' '}
              {c.other.map((s, i) => (
                <code key={i} className={styles.chip}>
                  {s}
                </code>
              ))}
            </li>
          )}
        </ul>
      )}
      <p className={styles.note}>
        <code>api:</code> scopes (for Telenor APIs on Apigee) are never listed here: TelenorID+ forwards them
        to Apigee, which owns them.{' '}
        {c.apiListed.length > 0 && <>This provider lists {c.apiListed.length} anyway. </>}
        <GuideLink topic="faqApiScopes">Why api: scopes are not in discovery</GuideLink>
      </p>
    </section>
  );
}
