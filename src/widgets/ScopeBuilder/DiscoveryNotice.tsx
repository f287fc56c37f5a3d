/**
 * Above the builder: which environment it works against, the confirmation a link's custom issuer
 * needs, and what became of that environment's discovery document (a failure, or the note that the
 * documented endpoint paths stand in for it, with the request as curl).
 */
import GuideLink from '@site/src/components/GuideLink';
import type { DiscoveryDocument, GuideTopic } from '@site/src/oidc';
import IssuerConfirmation from '../shared/IssuerConfirmation';
import styles from './styles.module.css';

export type Discovered =
  | { kind: 'loading' }
  | { kind: 'unconfirmed' }
  | { kind: 'ok'; document: DiscoveryDocument; note?: string; curl?: string }
  | { kind: 'failed'; sentence: string; curl?: string; guide?: GuideTopic };

export default function DiscoveryNotice({
  discovered,
  environmentLabel,
}: {
  discovered: Discovered;
  environmentLabel: string;
}): React.JSX.Element {
  const curl =
    (discovered.kind === 'ok' && discovered.note) || discovered.kind === 'failed'
      ? discovered.curl
      : undefined;
  return (
    <>
      <p className={styles.muted} data-testid="environment-line">
        Environment: <strong>{environmentLabel}</strong> (change it in the navigation bar).{' '}
        {discovered.kind === 'loading' && 'Reading its discovery document…'}
      </p>
      <IssuerConfirmation what="The builder reads its discovery document and runs a login there" />
      {discovered.kind === 'failed' && (
        <div className="alert alert--danger" role="alert">
          {discovered.sentence}
          {discovered.guide && (
            <>
              {' '}
              <GuideLink topic={discovered.guide}>Why this happens</GuideLink>
            </>
          )}
        </div>
      )}
      {discovered.kind === 'ok' && discovered.note && (
        <div className="alert alert--info" role="note">
          {discovered.note}
        </div>
      )}
      {curl && (
        <details>
          <summary>The discovery request, as curl</summary>
          <pre className={styles.pre}>{curl}</pre>
        </details>
      )}
    </>
  );
}
