import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import CopyButton from '@site/src/components/CopyButton';
import {
  describeSize,
  fetchEnvironmentKeys,
  inspect,
  maxPasteChars,
  parseInspectorShare,
  pasteKindLabel,
  recognise,
  scopeBuilderLink,
  shareInspectorUrl,
  type EnvironmentKeys,
  type Inspection,
  type JwtInspection,
  type PasteKind,
} from '@site/src/oidc/inspect';
import IssuerConfirmation from '../shared/IssuerConfirmation';
import { bringIntoView } from '../shared/bringIntoView';
import { environmentReady, useEnvironment, useLocalIssuer, useSiteBaseUrl } from '../shared/environment';
import Verification from './Verification';
import { AuthorizationView, CallbackView, JwtView, RedirectPairView, TokenResponseView } from './Views';
import styles from './styles.module.css';

const recognisedAs: Record<Exclude<Inspection['kind'], 'empty' | 'unknown'>, string> = {
  jwt: 'a token (JWT)',
  'authorization-url': 'an authorization URL',
  'callback-url': 'a callback URL (the redirect back from /authorize)',
  'token-response': 'a token endpoint answer',
  'redirect-pair': 'two redirect URIs',
};

/**
 * The inspector: one text box; what is pasted is recognised and explained by src/oidc/inspect, in this
 * tab only. Nothing pasted is stored or put in a URL; the only requests are the selected environment's
 * discovery document and keys, to verify a token's signature.
 */
export default function Inspector(): React.JSX.Element {
  const env = useEnvironment();
  const baseUrl = useSiteBaseUrl();
  const localIssuer = useLocalIssuer();
  const scopeBuilderPath = useBaseUrl('/tools/scope-builder');
  const boxId = useId();
  const clientIdId = useId();
  const [text, setText] = useState('');
  const [clientId, setClientId] = useState('');
  const [refusedSize, setRefusedSize] = useState<number | undefined>(undefined);
  const [now, setNow] = useState(() => Date.now());
  const [hint, setHint] = useState<PasteKind | undefined>(undefined);
  const [linkProblem, setLinkProblem] = useState<string | undefined>(undefined);
  const root = useRef<HTMLDivElement>(null);

  // A share link names the kind of paste, or carries an authorization URL without secrets. Read once,
  // after hydration.
  useEffect(() => {
    const shared = parseInspectorShare(window.location.search);
    if (shared.kind || shared.url || shared.problem) bringIntoView(root.current);
    if (shared.kind) setHint(shared.kind);
    if (shared.url) {
      setText(shared.url);
      setNow(Date.now());
    }
    if (shared.problem) setLinkProblem(shared.problem);
  }, []);

  const inspection = useMemo(
    () => inspect(text, now, localIssuer ? { localIssuer } : {}),
    [text, now, localIssuer],
  );

  // The selected environment's keys, fetched once per issuer while the page is open.
  const keysCache = useRef(new Map<string, Promise<EnvironmentKeys>>());
  const issuer = env.issuer;
  const keys = useCallback((): Promise<EnvironmentKeys> => {
    if (!issuer)
      return Promise.resolve({
        ok: false,
        code: 'invalid_url',
        curl: '',
        sentence: 'No issuer is selected.',
      });
    let cached = keysCache.current.get(issuer);
    if (!cached) {
      cached = (async () => {
        await environmentReady(env.id, baseUrl);
        return fetchEnvironmentKeys(issuer, env.label, {
          corsLikely: env.corsLikely,
          isLocal: env.id === 'local',
        });
      })();
      keysCache.current.set(issuer, cached);
      // A failed fetch is not kept: the next paste tries again (the tenant may have been started).
      void cached.then((k) => {
        if (!k.ok) keysCache.current.delete(issuer);
      });
    }
    return cached;
  }, [issuer, env.id, env.label, env.corsLikely, baseUrl]);

  // A custom issuer from a link is asked about once, above the results (IssuerConfirmation), not per token.
  const verify = (jwt: Extract<JwtInspection, { ok: true }>) =>
    env.unconfirmed || !issuer ? null : (
      <Verification
        jwt={jwt}
        keys={keys}
        issuer={issuer}
        environmentLabel={env.label}
        clientId={clientId}
        localIssuer={localIssuer}
      />
    );

  function onText(value: string) {
    // A paste larger than anything the inspector reads is not kept, not even in the box.
    if (value.length > maxPasteChars) {
      setRefusedSize(value.length);
      setText('');
      return;
    }
    setRefusedSize(undefined);
    setText(value);
    setNow(Date.now());
  }

  function shareUrl(): string {
    const r = recognise(text);
    const here = window.location.href;
    if (inspection.kind === 'authorization-url' && r.kind === 'authorization-url')
      return shareInspectorUrl(here, { authorizationUrl: { url: r.url, inspection: inspection.request } });
    return shareInspectorUrl(
      here,
      inspection.kind === 'empty' || inspection.kind === 'unknown' ? {} : { kind: inspection.kind },
    );
  }

  const status =
    refusedSize !== undefined
      ? `The paste was ${describeSize(refusedSize)}; the inspector reads at most ${describeSize(maxPasteChars)} (a token is a few kilobytes), so it was not kept. Paste only the token, URL or JSON answer.`
      : inspection.kind === 'empty'
        ? undefined
        : inspection.kind === 'unknown'
          ? inspection.reason
          : `Recognised ${recognisedAs[inspection.kind]}.`;

  return (
    <div className={styles.inspector} ref={root}>
      <div className={styles.form}>
        <label htmlFor={boxId}>
          Paste a token, an authorization or callback URL, a token endpoint answer, or two redirect URIs
        </label>
        <textarea
          id={boxId}
          className={styles.box}
          rows={6}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          value={text}
          placeholder={
            hint
              ? `Paste ${pasteKindLabel[hint]}`
              : 'eyJhbGciOiJSUzI1NiIs…   or   https://id-test.telenor.no/connect/authorize?…'
          }
          onChange={(e) => onText(e.target.value)}
          aria-describedby={`${boxId}-note`}
        />
        <p className={styles.hint} id={`${boxId}-note`}>
          Read in this tab only: nothing you paste is sent anywhere, stored, or put in the address. To check a
          token’s signature the inspector fetches the keys of <strong>{env.label}</strong> (pick another
          environment in the navigation bar).
        </p>
        <div className={styles.row}>
          <label htmlFor={clientIdId} className={styles.inline}>
            Your client_id (to check a token’s audience)
          </label>
          <input
            id={clientIdId}
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={clientId}
            placeholder="optional"
            onChange={(e) => setClientId(e.target.value.slice(0, 200))}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onText('')}
            disabled={text === ''}
          >
            Clear
          </button>
          <CopyButton label="Share" done="Link copied (without what you pasted)" value={shareUrl} />
        </div>
      </div>

      {linkProblem && <p className="alert alert--warning">{linkProblem}</p>}

      <p
        role="status"
        aria-live="polite"
        data-testid="inspector-status"
        className={
          status === undefined
            ? styles.statusEmpty
            : refusedSize !== undefined || inspection.kind === 'unknown'
              ? 'alert alert--warning'
              : styles.status
        }
      >
        {status}
      </p>

      {refusedSize === undefined && (
        <>
          {(inspection.kind === 'jwt' || inspection.kind === 'token-response') && (
            <IssuerConfirmation what="The inspector fetches its keys to check a signature" />
          )}
          {inspection.kind === 'jwt' && <JwtView jwt={inspection.jwt} verify={verify} />}
          {inspection.kind === 'authorization-url' && (
            <AuthorizationView
              request={inspection.request}
              scopeBuilderHref={scopeBuilderLink(
                `${window.location.origin}${scopeBuilderPath}`,
                inspection.request,
              )}
            />
          )}
          {inspection.kind === 'callback-url' && (
            <CallbackView callback={inspection.callback} code={codeOf(text)} />
          )}
          {inspection.kind === 'token-response' && (
            <TokenResponseView response={inspection.response} verify={verify} />
          )}
          {inspection.kind === 'redirect-pair' && <RedirectPairView pair={inspection.pair} />}
        </>
      )}
    </div>
  );
}

/** The whole code of a pasted callback URL, kept in memory to reveal on request. */
function codeOf(text: string): string | undefined {
  const r = recognise(text);
  if (r.kind !== 'callback-url') return undefined;
  return r.url.searchParams.get('code') ?? new URLSearchParams(r.url.hash.slice(1)).get('code') ?? undefined;
}
