import { useId } from 'react';
import clsx from 'clsx';
import { clientTypes, refreshPolicyOf, type ClientTypeName } from '@site/src/oidc';
import styles from './styles.module.css';

/** The four TelenorID+ client types, each with its refresh policy in one line. */
export default function ClientTypePicker({
  value,
  busy,
  onChange,
}: {
  value: ClientTypeName;
  busy: boolean;
  onChange: (type: ClientTypeName) => void;
}): React.JSX.Element {
  const name = useId();
  return (
    <fieldset className={styles.types}>
      <legend>Client type</legend>
      {clientTypes.map((t) => {
        const p = refreshPolicyOf(t.name);
        return (
          <label key={t.name} className={clsx(styles.type, value === t.name && styles.typeChosen)}>
            <input
              type="radio"
              name={name}
              value={t.name}
              checked={value === t.name}
              disabled={busy}
              onChange={() => onChange(t.name)}
            />{' '}
            <strong>{t.name}</strong> <span className={styles.muted}>({t.usedBy})</span>
            <br />
            <span className={styles.policy}>
              {p.name}: {p.summary}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
