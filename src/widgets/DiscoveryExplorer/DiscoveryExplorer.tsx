import { useCallback, useEffect, useId, useRef, useState } from 'react';
import clsx from 'clsx';
import CodeBlock from '@theme/CodeBlock';
import CopyButton from '@site/src/components/CopyButton';
import GuideLink from '@site/src/components/GuideLink';
import {
  fetchDiscovery,
  fetchJwks,
  isIssuerInputFailure,
  type DiscoveryResult,
  type JwksResult,
} from '@site/src/oidc/discovery';
import { previewJson } from '@site/src/oidc/links';
import { buildShareLink, readShareLink } from '@site/src/oidc/share-link';
import { environmentReady, useEnvironment, useLocalIssuer, useSiteBaseUrl } from '../shared/environment';
import { bringIntoView } from '../shared/bringIntoView';
import { inactiveWhen, submitUnless } from '../shared/busyButton';
import { rememberFocus } from '../shared/focus';
import ComparePanel from './ComparePanel';
import FieldTable from './FieldTable';
import Findings from './Findings';
import JwksPanel from './JwksPanel';
import ScopesPanel from './ScopesPanel';
import styles from './styles.module.css';
import ErrorPageLink from '@site/src/components/ErrorPageLink';

type Run =
  | { state: 'idle' }
  | { state: 'cancelled'; issuer: string }
  | { state: 'loading'; issuer: string }
  | { state: 'done'; issuer: string; result: DiscoveryResult; jwks: JwksResult | 'loading' | undefined };

const verdictClass = {
  Valid: 'success',
  'Valid with warnings': 'warning',
  Invalid: 'danger',
  Unreachable: 'danger',
} as const;

function findingsTitle(findings: readonly { severity: 'error' | 'warning' | 'info' }[]): string {
  const count = (severity: string, one: string, many: string) => {
    const n = findings.filter((f) => f.severity === severity).length;
    return `${n} ${n === 1 ? one : many}`;
  };
  return `Findings: ${count('error', 'error', 'errors')}, ${count('warning', 'warning', 'warnings')}, ${count('info', 'note', 'notes')}`;
}

/**
 * Discovery explorer: fetch an issuer's OpenID Provider metadata and JWKS, validate them and
 * explain every field. All fetching and judging happens in src/oidc; this component renders.
 */
export default function DiscoveryExplorer(): React.JSX.Element {
  const env = useEnvironment();
  const baseUrl = useSiteBaseUrl();
  const localIssuer = useLocalIssuer();
  const inputId = useId();
  const [issuer, setIssuer] = useState('');
  const [edited, setEdited] = useState(false);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  const exploreButton = useRef<HTMLButtonElement>(null);

  const explore = useCallback(
    async (target: string) => {
      // Focus stays on Explore (aria-disabled while busy); from Cancel, which goes, it returns there.
      const restoreFocus = rememberFocus();
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      const trimmed = target.trim();
      setRun({ state: 'loading', issuer: trimmed });
      await environmentReady(env.id, baseUrl);
      const result = await fetchDiscovery(trimmed, { signal: c.signal });
      // Cancelled, superseded by a newer run, or unmounted: that run's outcome is no longer wanted.
      if (c.signal.aborted) return;
      setTimeout(() => restoreFocus(exploreButton.current), 0);
      const jwksUri =
        result.ok && typeof result.document.jwks_uri === 'string' ? result.document.jwks_uri : undefined;
      setRun({ state: 'done', issuer: trimmed, result, jwks: jwksUri ? 'loading' : undefined });
      if (!jwksUri) return;
      const jwks = await fetchJwks(jwksUri, { signal: c.signal });
      if (c.signal.aborted) return;
      setRun((r) => (r.state === 'done' && r.result === result ? { ...r, jwks } : r));
    },
    [env.id, baseUrl],
  );

  // A share link (?issuer=…) fills the box and runs at once; otherwise the box follows the
  // selected environment until the reader types their own issuer. Browser state is read only after
  // hydration, and only once the environment context has read ?env= and the remembered choice.
  const linkChecked = useRef(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!env.ready) return;
    if (!linkChecked.current) {
      linkChecked.current = true;
      const shared = readShareLink(window.location.search).get('issuer');
      if (shared) {
        bringIntoView(root.current);
        setIssuer(shared);
        setEdited(true);
        void explore(shared);
        return;
      }
    }
    if (!edited) setIssuer(env.issuer ?? '');
  }, [env.ready, env.issuer, edited, explore]);
  useEffect(() => () => controller.current?.abort(), []);

  function cancel() {
    controller.current?.abort();
    setRun((r) => ({ state: 'cancelled', issuer: r.state === 'idle' ? issuer : r.issuer }));
    exploreButton.current?.focus(); // Cancel itself goes away
  }

  function shareUrl(): string {
    return buildShareLink(window.location.href, [
      ['env', env.id],
      ['issuer', issuer.trim()],
    ]);
  }

  const result = run.state === 'done' ? run.result : undefined;
  const inputRefused = result !== undefined && !result.ok && isIssuerInputFailure(result.failure.code);
  const raw = result?.ok ? previewJson(result.document, { indent: 2, maxChars: 200_000 }) : undefined;

  return (
    <div className={styles.explorer} ref={root}>
      <form
        className={styles.form}
        onSubmit={submitUnless(run.state === 'loading', () => void explore(issuer))}
      >
        <label htmlFor={inputId}>Issuer URL</label>
        <div className={styles.inputRow}>
          <input
            id={inputId}
            type="text"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            value={issuer}
            // A refused issuer (empty, not a URL, not https) is this field's error: tied to it.
            aria-invalid={inputRefused || undefined}
            aria-describedby={inputRefused ? `${inputId}-verdict ${inputId}-hint` : `${inputId}-hint`}
            placeholder="https://id-test.telenor.no"
            onChange={(e) => {
              setIssuer(e.target.value);
              setEdited(true);
            }}
          />
          <button
            type="submit"
            ref={exploreButton}
            className="button button--primary"
            {...inactiveWhen(run.state === 'loading')}
          >
            Explore
          </button>
          {run.state === 'loading' && (
            <button type="button" className="button button--secondary" onClick={cancel}>
              Cancel
            </button>
          )}
          <CopyButton label="Share" done="Link copied" value={shareUrl} />
        </div>
        <p className={styles.hint} id={`${inputId}-hint`}>
          {env.issuer !== undefined && issuer.trim() === env.issuer ? (
            <>
              Environment: <strong>{env.label}</strong>.
            </>
          ) : (
            <>Your own issuer URL (the environment picked in the navigation bar does not apply to it).</>
          )}{' '}
          The explorer fetches <code>&lt;issuer&gt;/.well-known/openid-configuration</code> and the keys at
          its <code>jwks_uri</code>, from your browser.
        </p>
      </form>

      <p
        role="status"
        aria-live="polite"
        id={`${inputId}-verdict`}
        className={clsx(styles.verdict, result && `alert alert--${verdictClass[result.verdict]}`)}
      >
        {run.state === 'loading' ? (
          <span aria-busy="true">Fetching the metadata of {run.issuer}…</span>
        ) : run.state === 'cancelled' ? (
          <>Cancelled: nothing more will be fetched from {run.issuer}.</>
        ) : result ? (
          <>
            <strong>{result.verdict}</strong> — {result.summary}
          </>
        ) : null}
      </p>

      {result && !result.ok && (
        <div className={styles.failure}>
          {result.failure.detail && <p>{result.failure.detail}</p>}
          <p>
            <strong>What to do:</strong> {result.failure.explanation.reaction}
            {result.failure.explanation.guide && (
              <>
                {' '}
                <GuideLink topic={result.failure.explanation.guide} />
              </>
            )}{' '}
            <ErrorPageLink code={result.failure.code} />
          </p>
          {result.failure.status !== undefined && <p>HTTP status: {result.failure.status}</p>}
          {result.failure.curl && (
            <>
              <p>Try the same request from a terminal:</p>
              <CodeBlock language="bash">{result.failure.curl}</CodeBlock>
            </>
          )}
        </div>
      )}

      {result?.ok && (
        <>
          <div className={styles.actions}>
            <CopyButton label="Copy as curl" done="curl command copied" value={result.curl} />
          </div>
          <Findings findings={result.findings} title={findingsTitle(result.findings)} />
          <ScopesPanel document={result.document} />
          <JwksPanel jwks={run.state === 'done' ? run.jwks : undefined} />
          <FieldTable document={result.document} />
          <details>
            <summary>The raw document</summary>
            <CodeBlock language="json" title={result.url}>
              {raw}
            </CodeBlock>
          </details>
        </>
      )}

      <ComparePanel baseUrl={baseUrl} localIssuer={localIssuer} />
    </div>
  );
}
