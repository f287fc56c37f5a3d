/**
 * The scope half of the builder: a checkbox per identity scope (with its claims and where they
 * arrive), api: scopes, extra scopes, the scope string and its warnings.
 */
import { useId, useState } from 'react';
import clsx from 'clsx';
import CopyButton from '@site/src/components/CopyButton';
import Assumed from '@site/src/components/Assumed';
import GuideLink from '@site/src/components/GuideLink';
import {
  apiScopeExplanation,
  checkApiScopeInput,
  checkExtraScopeInput,
  clientTypes,
  ialAdvice,
  identityScopes,
  isAssumed,
  offlineAccessOutcome,
  type ClaimLocation,
  type ClientTypeName,
  type ScopeAnalysis,
} from '@site/src/oidc';
import styles from './styles.module.css';
import verdictStyles from '../shared/verdict.module.css';
import TableScroll from '@site/src/components/TableScroll';

export const locationLabel: Record<ClaimLocation, string> = {
  id_token: 'ID token',
  userinfo: '/userinfo',
  access_token: 'access token',
};

type Props = {
  clientType: ClientTypeName;
  onClientType(type: ClientTypeName): void;
  identity: ReadonlySet<string>;
  onToggle(scope: string, on: boolean): void;
  apiScopes: readonly string[];
  extraScopes: readonly string[];
  onApiScopes(next: string[]): void;
  onExtraScopes(next: string[]): void;
  scopesSupported: readonly unknown[] | undefined;
  analysis: ScopeAnalysis;
  disabled: boolean;
};

function AddScope({
  label,
  placeholder,
  onAdd,
  check,
  disabled,
}: {
  label: string;
  placeholder: string;
  onAdd(scope: string): void;
  check(input: string): { ok: true; scope: string; note?: string } | { ok: false; reason: string };
  disabled: boolean;
}): React.JSX.Element {
  const id = useId();
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<{ text: string; bad: boolean } | undefined>();
  function add() {
    const result = check(value);
    if (!result.ok) {
      setMessage({ text: result.reason, bad: true });
      return;
    }
    onAdd(result.scope);
    setValue('');
    setMessage(result.note ? { text: result.note, bad: false } : undefined);
  }
  return (
    <div>
      <div className={styles.row}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          className={styles.input}
          value={value}
          placeholder={placeholder}
          disabled={disabled}
          aria-invalid={message?.bad ? true : undefined}
          aria-describedby={message ? `${id}-msg` : undefined}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button
          type="button"
          className="button button--sm button--secondary"
          disabled={disabled}
          onClick={add}
        >
          Add
        </button>
      </div>
      <p
        id={`${id}-msg`}
        role="status"
        className={clsx(styles.fieldMessage, message?.bad && verdictStyles.bad)}
      >
        {message?.text ?? ''}
      </p>
    </div>
  );
}

function ScopeList({
  scopes,
  onRemove,
  label,
}: {
  scopes: readonly string[];
  onRemove(scope: string): void;
  label: string;
}): React.JSX.Element | null {
  if (scopes.length === 0) return null;
  return (
    <ul className={styles.chips} aria-label={label}>
      {scopes.map((s) => (
        <li key={s}>
          <code>{s}</code>{' '}
          <button
            type="button"
            className="button button--sm button--link"
            aria-label={`Remove ${s}`}
            onClick={() => onRemove(s)}
          >
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}

export default function ScopePicker(props: Props): React.JSX.Element {
  const typeName = useId();
  const { analysis } = props;
  const offline = offlineAccessOutcome(props.clientType);
  const scopeStringId = useId();

  return (
    <section aria-label="Scopes" className={styles.section}>
      <fieldset className={styles.types}>
        <legend>Client type</legend>
        {clientTypes.map((t) => (
          <label key={t.name} className={clsx(styles.type, props.clientType === t.name && styles.chosen)}>
            <input
              type="radio"
              name={typeName}
              value={t.name}
              checked={props.clientType === t.name}
              disabled={props.disabled}
              onChange={() => props.onClientType(t.name)}
            />{' '}
            <strong>{t.name}</strong> <span className={styles.muted}>({t.usedBy})</span>
          </label>
        ))}
      </fieldset>

      <fieldset className={styles.scopes}>
        <legend>Identity scopes</legend>
        {identityScopes.map((s) => {
          const checked = props.identity.has(s.name);
          return (
            <div key={s.name} className={clsx(styles.scope, checked && styles.chosen)}>
              <label>
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={props.disabled}
                  onChange={(e) => props.onToggle(s.name, e.target.checked)}
                />{' '}
                <code>{s.name}</code>
              </label>
              <p className={styles.muted}>{s.purpose}</p>
              {s.claims.length > 0 ? (
                <p className={styles.muted}>
                  Claims:{' '}
                  {s.claims.map((c, i) => (
                    <span key={c.claim}>
                      {i > 0 && '; '}
                      <code>{c.claim}</code> → {c.arrives.map((a) => locationLabel[a]).join(', ')}
                      {c.source && isAssumed(c.source) && <Assumed source={c.source} />}
                    </span>
                  ))}
                </p>
              ) : (
                <p className={styles.muted}>No claims.</p>
              )}
              {s.note && <p className={styles.muted}>{s.note}</p>}
              {s.name === 'offline_access' && (
                <p
                  className={clsx(styles.muted, !offline.refreshToken && styles.warn)}
                  data-testid="offline-outcome"
                >
                  {offline.sentence}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      <p className={styles.advice}>
        <strong>ial:</strong> {ialAdvice} <GuideLink topic="assurance">Assurance levels</GuideLink>
      </p>

      <div className={styles.block}>
        <h3 className={styles.heading}>API scopes</h3>
        <p className={styles.muted}>
          {apiScopeExplanation} <GuideLink topic="faqApiScopes">Scopes and Apigee</GuideLink>
        </p>
        <AddScope
          label="API scope"
          placeholder="api:mobile-product-v2"
          disabled={props.disabled}
          check={checkApiScopeInput}
          onAdd={(s) => props.onApiScopes([...props.apiScopes.filter((x) => x !== s), s])}
        />
        <ScopeList
          label="API scopes added"
          scopes={props.apiScopes}
          onRemove={(s) => props.onApiScopes(props.apiScopes.filter((x) => x !== s))}
        />
      </div>

      <div className={styles.block}>
        <h3 className={styles.heading}>Extra scopes</h3>
        <p className={styles.muted}>
          Any other scope, checked against RFC 6749 §3.3 and this environment’s <code>scopes_supported</code>
          {props.scopesSupported ? '' : ' (not known yet)'}.
        </p>
        <AddScope
          label="Extra scope"
          placeholder="a scope registered for your client"
          disabled={props.disabled}
          check={(input) => {
            const r = checkExtraScopeInput(
              input,
              props.scopesSupported ? { scopesSupported: props.scopesSupported } : {},
            );
            if (r.ok && identityScopes.some((s) => s.name === r.scope)) {
              props.onToggle(r.scope, true);
              return { ok: false, reason: r.note ?? '' };
            }
            return r;
          }}
          onAdd={(s) => props.onExtraScopes([...props.extraScopes.filter((x) => x !== s), s])}
        />
        <ScopeList
          label="Extra scopes added"
          scopes={props.extraScopes}
          onRemove={(s) => props.onExtraScopes(props.extraScopes.filter((x) => x !== s))}
        />
      </div>

      <div className={styles.block}>
        <label htmlFor={scopeStringId} className={styles.label}>
          Scope string
        </label>
        <div className={styles.row}>
          <input id={scopeStringId} className={styles.output} readOnly value={analysis.scopeString} />
          <CopyButton label="Copy the scope string" value={analysis.scopeString} />
        </div>
        <ul className={styles.warnings} aria-label="Scope warnings" aria-live="polite">
          {analysis.warnings.slice(0, 20).map((w, i) => (
            <li key={i} className={w.severity === 'info' ? styles.muted : styles.warn}>
              {w.severity === 'error' ? 'Error: ' : w.severity === 'warning' ? 'Warning: ' : 'Note: '}
              {w.scope !== undefined && w.code !== 'duplicate' && (
                <>
                  <code>{w.scope.length > 60 ? w.scope.slice(0, 60) + '…' : w.scope}</code>:{' '}
                </>
              )}
              {w.message}
            </li>
          ))}
          {analysis.warnings.length > 20 && (
            <li className={styles.muted}>…and {analysis.warnings.length - 20} more.</li>
          )}
        </ul>
        {analysis.claims.length > 0 && (
          <TableScroll label="Claims of the chosen scopes">
            <table className={styles.table} aria-label="Claims of the chosen scopes">
              <thead>
                <tr>
                  <th scope="col">Claim</th>
                  <th scope="col">From scope</th>
                  <th scope="col">Arrives in</th>
                </tr>
              </thead>
              <tbody>
                {analysis.claims.map((c) => (
                  <tr key={c.claim}>
                    <td>
                      <code>{c.claim}</code>
                    </td>
                    <td>
                      {analysis.scopes
                        .filter((s) => s.claims.some((x) => x.claim === c.claim))
                        .map((s) => s.scope)
                        .join(', ')}
                    </td>
                    <td>
                      {c.arrives.map((a) => locationLabel[a]).join(', ')}
                      {c.assumed && <Assumed source={c.assumed} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </div>
    </section>
  );
}
