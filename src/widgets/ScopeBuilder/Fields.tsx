/** The builder's two kinds of field: a choice from the catalogue with its explanation, and a text box with its hint and problem. */
import { useId } from 'react';
import type { Choice } from '@site/src/oidc';
import styles from './styles.module.css';
import verdictStyles from '../shared/verdict.module.css';

export function ChoiceSelect({
  label,
  value,
  choices,
  onChange,
  disabled,
}: {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange(value: string): void;
  disabled: boolean;
}): React.JSX.Element {
  const id = useId();
  const chosen = choices.find((c) => c.value === value);
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={chosen ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
            {c.runnable ? '' : ' (not allowed here)'}
          </option>
        ))}
      </select>
      {chosen && (
        <p id={`${id}-hint`} className={styles.muted}>
          {chosen.explanation}
        </p>
      )}
    </div>
  );
}

export function TextField({
  label,
  value,
  onChange,
  problem,
  disabled,
  hint,
  readOnly,
  testId,
}: {
  label: string;
  value: string;
  onChange?(value: string): void;
  problem?: string;
  disabled?: boolean;
  hint?: React.ReactNode;
  readOnly?: boolean;
  testId?: string;
}): React.JSX.Element {
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        id={id}
        className={styles.input}
        value={value}
        readOnly={readOnly}
        disabled={disabled}
        data-testid={testId}
        aria-invalid={problem ? true : undefined}
        // The problem and the hint are read with the field (issue #23).
        aria-describedby={
          [problem && `${id}-problem`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined
        }
        onChange={(e) => onChange?.(e.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className={styles.muted}>
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className={verdictStyles.bad}>
          {problem}
        </p>
      )}
    </div>
  );
}
