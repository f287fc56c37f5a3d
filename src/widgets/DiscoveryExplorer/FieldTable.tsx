import { Fragment, useMemo } from 'react';
import Assumed from '@site/src/components/Assumed';
import GuideLink from '@site/src/components/GuideLink';
import SafeLink from '@site/src/components/SafeLink';
import { discoveryFields, type DiscoveryDocument, type FieldGroup } from '@site/src/oidc/discovery';
import { previewJson } from '@site/src/oidc/links';
import styles from './styles.module.css';
import TableScroll from '@site/src/components/TableScroll';

const groups: FieldGroup[] = [
  'endpoints',
  'flows & capabilities',
  'signing & keys',
  'session & logout',
  'TelenorID+ extras',
];

/** A metadata value from an untrusted document, as text: URLs via SafeLink, lists as code, the rest as bounded JSON. */
export function FieldValue({ value }: { value: unknown }): React.JSX.Element {
  if (typeof value === 'string') {
    if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return <SafeLink url={value} />;
    return <code className={styles.rawValue}>{value.length > 500 ? `${value.slice(0, 500)}…` : value}</code>;
  }
  if (Array.isArray(value) && value.length <= 200 && value.every((v) => typeof v === 'string')) {
    return (
      <span className={styles.valueList}>
        {value.map((v, i) => (
          <code key={i}>{v}</code>
        ))}
      </span>
    );
  }
  return <code className={styles.rawValue}>{previewJson(value, { maxChars: 500 })}</code>;
}

/** A snake_case field name that may wrap after its underscores, never inside a word. */
function FieldName({ name }: { name: string }): React.JSX.Element {
  const shown = name.length > 200 ? `${name.slice(0, 200)}…` : name;
  return (
    <code className={styles.fieldName}>
      {shown.split('_').map((part, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <>
              _<wbr />
            </>
          )}
          {part}
        </Fragment>
      ))}
    </code>
  );
}

/** Every field of the document, grouped, each with what it means and the guide page; unknown fields listed raw. */
export { FieldName };

export default function FieldTable({ document }: { document: DiscoveryDocument }): React.JSX.Element {
  const { known, unknown } = useMemo(() => {
    const names = Object.keys(document);
    return {
      known: names.filter((n) => Object.prototype.hasOwnProperty.call(discoveryFields, n)),
      unknown: names.filter((n) => !Object.prototype.hasOwnProperty.call(discoveryFields, n)),
    };
  }, [document]);
  return (
    <section aria-label="Fields explained">
      <h3>Every field, explained</h3>
      {groups.map((group) => {
        const fields = known.filter((n) => discoveryFields[n]!.group === group);
        if (fields.length === 0) return null;
        return (
          <details key={group} open={group === 'endpoints'}>
            <summary>
              {group} ({fields.length})
            </summary>
            <TableScroll label={`Fields: ${group}`}>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Value</th>
                    <th scope="col">What it means for your client</th>
                  </tr>
                </thead>
                <tbody>
                  {fields.map((name) => {
                    const info = discoveryFields[name]!;
                    return (
                      <tr key={name}>
                        <th scope="row">
                          <FieldName name={name} />
                        </th>
                        <td>
                          <FieldValue value={document[name]} />
                        </td>
                        <td>
                          {info.meaning}
                          {info.assumed ? <Assumed source={info.assumed} /> : null}{' '}
                          {info.guide ? <GuideLink topic={info.guide}>Guide</GuideLink> : null}
                          {info.guide ? ' · ' : null}
                          <a href={info.spec} target="_blank" rel="noopener noreferrer">
                            Specification
                          </a>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          </details>
        );
      })}
      {unknown.length > 0 && (
        <details open>
          <summary>Other fields ({unknown.length}) — extensions this explorer does not know</summary>
          <TableScroll label="Other fields">
            <table className={styles.table}>
              <tbody>
                {unknown.slice(0, 200).map((name) => (
                  <tr key={name}>
                    <th scope="row">
                      <FieldName name={name} />
                    </th>
                    <td>
                      <FieldValue value={document[name]} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {unknown.length > 200 && <p>… and {unknown.length - 200} more (see the raw document).</p>}
        </details>
      )}
    </section>
  );
}
