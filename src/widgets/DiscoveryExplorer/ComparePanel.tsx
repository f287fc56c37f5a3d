import { inactiveWhen } from '../shared/busyButton';
import { rememberFocus } from '../shared/focus';
import { useEffect, useRef, useState } from 'react';
import clsx from 'clsx';
import CodeBlock from '@theme/CodeBlock';
import TableScroll from '@site/src/components/TableScroll';
import { environmentFor, environmentIds, type EnvironmentId } from '@site/src/oidc/environments';
import { fetchDiscovery, type DiscoveryResult } from '@site/src/oidc/discovery';
import { compareSides, type ComparisonOutcome } from '@site/src/oidc/discovery-compare';
import { environmentReady } from '../shared/environment';
import { FieldName, FieldValue } from './FieldTable';
import styles from './styles.module.css';
import ErrorPageLink from '@site/src/components/ErrorPageLink';

type Side = { env: EnvironmentId; custom: string };
type Outcome = { left: DiscoveryResult; right: DiscoveryResult; comparison: ComparisonOutcome };
type Row = Extract<ComparisonOutcome, { kind: 'compared' }>['rows'][number];

const statusText: Record<Row['status'], string> = {
  same: 'same',
  differs: 'differs',
  'left-only': 'only left',
  'right-only': 'only right',
};

function SidePicker({ label, side, onChange }: { label: string; side: Side; onChange: (s: Side) => void }) {
  return (
    <fieldset className={styles.side}>
      <legend>{label}</legend>
      <select
        aria-label={`${label}: environment`}
        value={side.env}
        onChange={(e) => onChange({ ...side, env: e.target.value as EnvironmentId })}
      >
        {environmentIds.map((id) => (
          <option key={id} value={id}>
            {environmentFor(id).label}
          </option>
        ))}
      </select>
      {side.env === 'custom' && (
        <input
          type="url"
          aria-label={`${label}: issuer URL`}
          placeholder="https://issuer.example"
          value={side.custom}
          onChange={(e) => onChange({ ...side, custom: e.target.value })}
        />
      )}
    </fieldset>
  );
}

/** Two environments side by side: which fields differ, which only one publishes. */
export default function ComparePanel({
  baseUrl,
  localIssuer,
}: {
  baseUrl: string;
  localIssuer: string | undefined;
}): React.JSX.Element {
  const [left, setLeft] = useState<Side>({ env: 'staging', custom: '' });
  const [right, setRight] = useState<Side>({ env: 'local', custom: '' });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const controller = useRef<AbortController | undefined>(undefined);
  const compareButton = useRef<HTMLButtonElement>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const issuerOf = (s: Side) =>
    environmentFor(s.env, { localIssuer, customIssuer: s.custom.trim() }).issuer ?? '';

  async function compare() {
    const restoreFocus = rememberFocus();
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setBusy(true);
    setOutcome(undefined);
    if (left.env === 'mock' || right.env === 'mock') await environmentReady('mock', baseUrl);
    const [l, r] = await Promise.all([
      fetchDiscovery(issuerOf(left), { signal: c.signal }),
      fetchDiscovery(issuerOf(right), { signal: c.signal }),
    ]);
    if (c.signal.aborted) return;
    const side = (s: Side, d: DiscoveryResult) => {
      const label = s.env === 'custom' ? issuerOf(s) || 'Custom issuer' : environmentFor(s.env).label;
      return d.ok ? { label, ok: true as const, document: d.document } : { label, ok: false as const };
    };
    setOutcome({ left: l, right: r, comparison: compareSides(side(left, l), side(right, r)) });
    setBusy(false);
    // Focus stays on Compare (aria-disabled while busy); from Cancel, which goes, it returns there.
    setTimeout(() => restoreFocus(compareButton.current), 0);
  }

  const describe = (r: DiscoveryResult) =>
    `${r.verdict} — ${r.ok ? r.summary : `${r.failure.explanation.meaning} ${r.failure.detail ?? ''}`}`;

  return (
    <section aria-label="Compare two environments">
      <h3>Compare two environments</h3>
      <div className={styles.compareControls}>
        <SidePicker label="Left" side={left} onChange={setLeft} />
        <SidePicker label="Right" side={right} onChange={setRight} />
        <button
          type="button"
          ref={compareButton}
          className="button button--secondary"
          {...inactiveWhen(busy, () => void compare())}
        >
          {busy ? 'Comparing…' : 'Compare'}
        </button>
        {busy && (
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              controller.current?.abort();
              setBusy(false);
              compareButton.current?.focus(); // Cancel itself goes away
            }}
          >
            Cancel
          </button>
        )}
      </div>
      {/* Present (empty) from the start, so the comparison's sentence is announced once it arrives. */}
      <p
        role="status"
        className={clsx(styles.verdict, outcome?.comparison.kind === 'side-failed' && 'alert alert--danger')}
      >
        {outcome?.comparison.sentence ?? ''}
      </p>
      {outcome && (
        <>
          <ul className={styles.plainList}>
            {(['Left', 'Right'] as const).map((name) => {
              const r = name === 'Left' ? outcome.left : outcome.right;
              return (
                <li key={name}>
                  <strong>{name}</strong> (<code>{issuerOf(name === 'Left' ? left : right)}</code>):{' '}
                  {describe(r)}
                  {!r.ok && (
                    <>
                      {' '}
                      {r.failure.explanation.reaction} <ErrorPageLink code={r.failure.code} />
                      {r.failure.curl && <CodeBlock language="bash">{r.failure.curl}</CodeBlock>}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          {outcome.comparison.kind === 'compared' && (
            <TableScroll label="Field by field comparison">
              <table className={clsx(styles.table, styles.compare)}>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Left</th>
                    <th scope="col">Right</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.comparison.rows.slice(0, 300).map((row) => (
                    <tr key={row.field} className={styles[row.status === 'same' ? 'same' : 'different']}>
                      <th scope="row">
                        <FieldName name={row.field} />
                      </th>
                      <td>{row.status === 'right-only' ? '—' : <FieldValue value={row.left} />}</td>
                      <td>{row.status === 'left-only' ? '—' : <FieldValue value={row.right} />}</td>
                      <td>
                        {statusText[row.status]}
                        {row.onlyLeft?.length ? <div>only left: {row.onlyLeft.join(' ')}</div> : null}
                        {row.onlyRight?.length ? <div>only right: {row.onlyRight.join(' ')}</div> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </section>
  );
}
