// The one mark for a fact TelenorID+ does not document: a small "assumed" badge whose note (shown on
// hover and keyboard focus, read by screen readers as the link's description) says what the portal
// assumes instead, and which links to the list of assumptions. No state, no effect: plain markup.
import { useId } from 'react';
import Link from '@docusaurus/Link';
import { assumedNote, type FactSource } from '@site/src/oidc/catalogue/sources';
import styles from './styles.module.css';

type Props =
  /** A catalogue entry's source (widgets). */
  | { source: FactSource }
  /** In MDX: the standard the portal assumes TelenorID+ follows, e.g. "RFC 7009". */
  | { standard: string }
  /** In MDX: a choice of the mock or the tenant, and why. */
  | { choice: string };

export default function Assumed(props: Props): React.JSX.Element {
  const id = useId();
  const source: FactSource =
    'source' in props
      ? props.source
      : 'standard' in props
        ? { kind: 'standard', ref: props.standard, url: '' }
        : { kind: 'portal-choice', why: props.choice };
  return (
    <span className={styles.assumed}>
      <Link to="/help/assumptions" className={styles.mark} aria-describedby={id}>
        assumed
      </Link>
      <span role="tooltip" id={id} className={styles.note}>
        {assumedNote(source)}
      </span>
    </span>
  );
}
