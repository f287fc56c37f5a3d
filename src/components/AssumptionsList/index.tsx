// The guide's list of what TelenorID+ does not document and the portal assumes, generated from the
// catalogue (src/oidc/catalogue/assumptions.ts), so the page cannot drift from what the widgets show.
import Link from '@docusaurus/Link';
import {
  allAssumedFacts as assumedFacts,
  allCatalogueFacts as catalogueFacts,
} from '@site/src/oidc/catalogue/all-facts';
import { guide, type CatalogueFact, type FactArea, type FactSource } from '@site/src/oidc/catalogue';
import styles from './styles.module.css';

function SourceCell({ source }: { source: FactSource }): React.JSX.Element {
  if (source.kind === 'standard')
    return (
      <>
        Standard behaviour assumed: <Link href={source.url}>{source.ref}</Link>
      </>
    );
  if (source.kind === 'portal-choice') return <>Choice of the portal’s mock and test tenant: {source.why}</>;
  return <>{source.ref}</>;
}

function Row({ fact }: { fact: CatalogueFact & { source: FactSource } }): React.JSX.Element {
  return (
    <tr>
      <td className={styles.about}>
        {fact.area === 'Behaviour' ? fact.subject : <code>{fact.subject}</code>}
      </td>
      <td>
        {fact.fact}
        {fact.guide && (
          <>
            {' '}
            <Link to={guide[fact.guide]}>In the guide</Link>
          </>
        )}
      </td>
      <td>
        <SourceCell source={fact.source} />
      </td>
    </tr>
  );
}

/**
 * Without `area`: one sentence counting the catalogue's facts by source. With `area`: the table of
 * that area's assumed facts (the page writes the headings, so they reach the table of contents).
 */
export default function AssumptionsList({ area }: { area?: FactArea }): React.JSX.Element {
  const assumed = assumedFacts();
  if (!area) {
    const total = catalogueFacts().length;
    return (
      <p>
        Of the {total} facts in the portal’s catalogue, {total - assumed.length} come from the TelenorID+
        guide and {assumed.length} do not: {assumed.filter((f) => f.source.kind === 'standard').length} are
        standard behaviour the portal assumes, and{' '}
        {assumed.filter((f) => f.source.kind === 'portal-choice').length} are choices of the mock and the
        local test tenant.
      </p>
    );
  }
  const rows = assumed.filter((f) => f.area === area);
  if (rows.length === 0) return <p>Nothing assumed here: every fact comes from the guide.</p>;
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <th scope="col">About</th>
          <th scope="col">What the portal assumes</th>
          <th scope="col">Why (source)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((f) => (
          <Row key={`${f.area}|${f.subject}`} fact={f} />
        ))}
      </tbody>
    </table>
  );
}
