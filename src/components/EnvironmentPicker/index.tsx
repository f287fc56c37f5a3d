/**
 * The navbar's environment picker: a labelled <select> (Mock, Local test tenant, staging, production,
 * Custom issuer). Choosing Custom opens a small form for the issuer URL, checked before it is used.
 * Keyboard (issue #23): arrow keys on the closed select only move the choice; it is used on Enter or
 * when focus leaves the select (WCAG 3.2.2), and focus never falls to <body> when the form closes.
 */

/** Keys that change a closed <select>'s value in Chromium and Firefox without opening it. */
const browsingKeys = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);
import React, { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import clsx from 'clsx';
// Only the URL failures: the full error catalogue would weigh on every page (issue #9).
import { urlFailures } from '@site/src/oidc/catalogue/url-failures';
import { useEnvironment, type EnvironmentId, type EnvironmentProblem } from '../EnvironmentContext';
import { environmentIds } from '@site/src/oidc/environments';
import styles from './styles.module.css';

type Props = { mobile?: boolean; className?: string };

const shortLabels: Record<EnvironmentId, string> = {
  mock: 'Mock',
  local: 'Local test tenant',
  staging: 'TelenorID+ staging',
  production: 'TelenorID+ production',
  custom: 'Custom issuer…',
};

export function problemSentence(code: EnvironmentProblem): string {
  if (code === 'missing_issuer') return 'Type the issuer URL first, for example https://id-test.telenor.no.';
  const failure = urlFailures[code];
  return `${failure.meaning} ${failure.reaction}`;
}

export default function EnvironmentPicker({ mobile, className }: Props): ReactNode {
  const env = useEnvironment();
  const selectId = useId();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState<EnvironmentId>(env.id);
  const [issuerText, setIssuerText] = useState('');
  const [problem, setProblem] = useState<EnvironmentProblem | undefined>();
  // The custom-issuer form floats over the page on desktop: open only while the reader edits.
  const [editing, setEditing] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  const issuerInput = useRef<HTMLInputElement>(null);
  // The select's value changed by a key press on the closed select: not used until Enter or blur.
  const browsing = useRef(false);
  // Where focus goes once the form has rendered or closed.
  const [focusNext, setFocusNext] = useState<'select' | 'input' | undefined>();
  useEffect(() => {
    if (focusNext === 'select') select.current?.focus();
    if (focusNext === 'input') issuerInput.current?.focus();
    if (focusNext) setFocusNext(undefined);
  }, [focusNext]);

  // Follow the context when it changes from elsewhere (stored choice, ?env= link).
  useEffect(() => {
    setDraft(env.id);
    if (env.id === 'custom' && env.issuer) setIssuerText(env.issuer);
  }, [env.id, env.issuer]);

  useEffect(() => {
    if (env.linkProblem) {
      setProblem(env.linkProblem);
      setDraft('custom');
      setEditing(true);
    }
  }, [env.linkProblem]);

  function onSelect(id: EnvironmentId) {
    setDraft(id);
    setProblem(undefined);
    setEditing(id === 'custom');
    if (id !== 'custom') env.setEnvironment(id);
  }

  function closeEditor() {
    setEditing(false);
    setProblem(undefined);
    setDraft(env.id);
    setFocusNext('select');
  }

  function commitBrowsed(withEnter = false) {
    if (!browsing.current) return;
    browsing.current = false;
    if (draft === env.id && draft !== 'custom') return;
    onSelect(draft);
    // Enter on "Custom issuer…": straight to its field.
    if (withEnter && draft === 'custom') setFocusNext('input');
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = env.setEnvironment('custom', issuerText);
    setProblem(result.ok ? undefined : result.code);
    if (result.ok) {
      setEditing(false);
      setFocusNext('select');
    }
  }

  const Wrapper = mobile ? 'li' : 'div';
  return (
    <Wrapper
      className={clsx(
        mobile ? 'menu__list-item' : 'navbar__item',
        styles.picker,
        mobile && styles.mobile,
        className,
      )}
      data-environment={env.id}
    >
      <label htmlFor={selectId} className={styles.label}>
        Environment
      </label>
      <select
        id={selectId}
        ref={select}
        className={styles.select}
        value={draft}
        onKeyDown={(event) => {
          if (browsingKeys.has(event.key) && !event.altKey) browsing.current = true;
          else if (event.key === 'Enter') commitBrowsed(true);
          else if (event.key === 'Escape' && browsing.current) {
            // Escape while browsing: back to the environment in use, nothing switched.
            browsing.current = false;
            setDraft(env.id);
          }
        }}
        onBlur={() => commitBrowsed()}
        onChange={(event) => {
          const id = event.target.value as EnvironmentId;
          if (browsing.current) setDraft(id);
          else onSelect(id);
        }}
        title={env.issuer ? `${env.label}: ${env.issuer}` : env.label}
      >
        {environmentIds.map((id) => (
          <option key={id} value={id}>
            {id === 'custom' && env.id === 'custom' ? env.label : shortLabels[id]}
          </option>
        ))}
      </select>
      {env.id === 'custom' && !editing && (
        <button
          type="button"
          className={clsx('button button--secondary button--sm', styles.edit)}
          onClick={() => {
            setEditing(true);
            setFocusNext('input');
          }}
        >
          Change issuer
        </button>
      )}
      {draft === 'custom' && editing && (
        <form
          className={styles.custom}
          onSubmit={onSubmit}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              closeEditor();
            }
          }}
          noValidate
        >
          <label htmlFor={inputId} className={styles.label}>
            Issuer URL
          </label>
          <div className={styles.row}>
            <input
              id={inputId}
              ref={issuerInput}
              className={styles.input}
              type="url"
              inputMode="url"
              spellCheck={false}
              autoComplete="off"
              placeholder="https://id-test.telenor.no"
              value={issuerText}
              onChange={(event) => setIssuerText(event.target.value)}
              aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
              aria-invalid={problem ? true : undefined}
            />
            <button type="submit" className="button button--primary button--sm">
              Use
            </button>
          </div>
          <p id={hintId} className={styles.hint}>
            https:// only; http:// is allowed for localhost, 127.0.0.1 and [::1] alone.
          </p>
          {problem && (
            <p id={errorId} role="alert" className={styles.error}>
              Not used: {problemSentence(problem)}
            </p>
          )}
          <button
            type="button"
            className={clsx('button button--link button--sm', styles.cancel)}
            onClick={closeEditor}
          >
            Cancel
          </button>
        </form>
      )}
    </Wrapper>
  );
}
