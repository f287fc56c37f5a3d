/**
 * What came back from Run: the token response (redacted until revealed), the decoded and verified
 * ID and access tokens, and /userinfo — each claim marked with the scope it came from.
 */
import CodeBlock from '@theme/CodeBlock';
import clsx from 'clsx';
import { useRef } from 'react';
import {
  describeExpiresIn,
  describeTimeClaim,
  redactToken,
  type ClaimLocation,
  type CodeFlowRun,
  type DecodedJwt,
  type OidcFailure,
  type ReceivedClaim,
  type Result,
} from '@site/src/oidc';
import { locationLabel } from './ScopePicker';
import styles from './styles.module.css';
import verdictStyles from '../shared/verdict.module.css';
import TableScroll from '@site/src/components/TableScroll';
import ErrorPageLink from '@site/src/components/ErrorPageLink';

function valueText(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > 200 ? text.slice(0, 200) + '…' : text;
}

function ClaimTable({
  claims,
  location,
}: {
  claims: readonly ReceivedClaim[];
  location: ClaimLocation;
}): React.JSX.Element {
  const here = claims.filter((c) => c.location === location);
  const now = Date.now();
  return (
    <TableScroll label={`Claims in the ${locationLabel[location]}`}>
      <table className={styles.table} aria-label={`Claims in the ${locationLabel[location]}`}>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Value</th>
            <th scope="col">Came from</th>
          </tr>
        </thead>
        <tbody>
          {here.map((c) => (
            <tr key={c.claim} data-claim={c.claim} data-scope={c.scope ?? c.source}>
              <td>
                <code>{c.claim}</code>
              </td>
              <td>
                <span className={styles.value}>{valueText(c.value)}</span>
                {describeTimeClaim(c.claim, c.value, now) !== undefined && (
                  <div className={styles.muted}>{describeTimeClaim(c.claim, c.value, now)}</div>
                )}
              </td>
              <td>
                {c.source === 'scope' ? (
                  <strong>
                    scope <code>{c.scope}</code>
                  </strong>
                ) : c.source === 'protocol' ? (
                  <span className={styles.muted}>protocol — {c.meaning}</span>
                ) : (
                  <span className={styles.muted}>not in the TelenorID+ catalogue</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function verdict(
  result: Result<{ jwt: DecodedJwt }> | undefined,
  checked: string,
): { text: string; ok: boolean } {
  if (!result) return { text: 'not checked', ok: false };
  if (result.ok) return { text: `signature verified against the JWKS; ${checked} checked`, ok: true };
  return { text: `not valid: ${result.failure.detail ?? result.failure.explanation.meaning}`, ok: false };
}

export default function RunResults({
  run,
  revealed,
  onReveal,
}: {
  run: CodeFlowRun;
  revealed: boolean;
  onReveal(): void;
}): React.JSX.Element {
  const { tokens } = run.view;
  // When this run's answer arrived (it is shown at once): expires_in counts from then.
  const arrivals = useRef(new WeakMap<CodeFlowRun, number>());
  if (!arrivals.current.has(run)) arrivals.current.set(run, Date.now());
  const receivedAt = arrivals.current.get(run)!;
  const expiry = describeExpiresIn(tokens.expiresIn, receivedAt, Date.now());
  const show = (t: string) => (revealed ? t : redactToken(t));
  const response = {
    access_token: show(tokens.accessToken),
    token_type: tokens.tokenType,
    ...(tokens.expiresIn !== undefined ? { expires_in: tokens.expiresIn } : {}),
    ...(tokens.refreshToken ? { refresh_token: show(tokens.refreshToken) } : {}),
    ...(tokens.idToken ? { id_token: show(tokens.idToken) } : {}),
    ...(tokens.scope !== undefined ? { scope: tokens.scope } : {}),
  };
  const verification: { ok: false; failure: OidcFailure } | undefined = run.verification.ok
    ? undefined
    : run.verification;
  const idVerdict = run.verification.ok
    ? verdict(run.verification.verified.idToken, 'iss, aud, exp and nonce')
    : undefined;
  const atVerdict = run.verification.ok
    ? verdict(run.verification.verified.accessToken, 'iss, typ and exp')
    : undefined;

  return (
    <section aria-label="Run results" className={styles.section}>
      <h3 className={styles.heading}>Token response</h3>
      <div className={styles.row}>
        <button
          type="button"
          className="button button--sm button--outline button--secondary"
          onClick={onReveal}
        >
          {revealed ? 'Hide the tokens' : 'Reveal the tokens'}
        </button>
        <span className={styles.muted}>
          Tokens are kept in this page’s memory only and shown shortened until you reveal them.
          {tokens.refreshToken ? '' : ' No refresh token was issued.'}
        </span>
      </div>
      <CodeBlock language="json">{JSON.stringify(response, null, 2)}</CodeBlock>
      {expiry && <p className={styles.muted}>{expiry}.</p>}
      <details>
        <summary>The token request (as curl, secrets replaced by placeholders)</summary>
        <CodeBlock language="bash">{run.curl}</CodeBlock>
      </details>
      <p>
        Scopes granted: <code data-testid="granted-scopes">{run.view.grantedScopes.join(' ')}</code>
      </p>
      {verification && (
        <p className={clsx('alert alert--warning')}>
          The tokens could not be verified:{' '}
          {verification.failure.detail ?? verification.failure.explanation.meaning}{' '}
          <ErrorPageLink code={verification.failure.code} />
        </p>
      )}

      {run.view.idToken && (
        <>
          <h3 className={styles.heading}>ID token</h3>
          <p>
            <code>
              alg {String(run.view.idToken.header.alg)}, kid {String(run.view.idToken.header.kid ?? '—')}
            </code>{' '}
            —{' '}
            <strong
              className={idVerdict?.ok ? verdictStyles.ok : verdictStyles.bad}
              data-testid="id-token-verdict"
            >
              {idVerdict?.text ?? 'not checked'}
            </strong>
          </p>
          <ClaimTable claims={run.received} location="id_token" />
        </>
      )}
      {run.view.accessToken ? (
        <>
          <h3 className={styles.heading}>Access token</h3>
          <p>
            <code>
              typ {String(run.view.accessToken.header.typ ?? '—')}, alg{' '}
              {String(run.view.accessToken.header.alg)}
            </code>{' '}
            —{' '}
            <strong
              className={atVerdict?.ok ? verdictStyles.ok : verdictStyles.bad}
              data-testid="access-token-verdict"
            >
              {atVerdict?.text ?? 'not checked'}
            </strong>
          </p>
          <ClaimTable claims={run.received} location="access_token" />
        </>
      ) : (
        <p className={styles.muted}>The access token is not a JWT, so it cannot be decoded here.</p>
      )}
      <h3 className={styles.heading}>/userinfo</h3>
      {!run.userinfo ? (
        <p className={styles.muted}>Not called: /userinfo needs the openid scope.</p>
      ) : run.userinfo.ok ? (
        <ClaimTable claims={run.received} location="userinfo" />
      ) : (
        <p className="alert alert--warning">
          /userinfo failed:{' '}
          {run.userinfo.failure.error_description ??
            run.userinfo.failure.detail ??
            run.userinfo.failure.explanation.meaning}{' '}
          <ErrorPageLink code={run.userinfo.failure.code} />
        </p>
      )}
      {run.missing.length > 0 && (
        <p className={styles.muted}>
          Promised by the catalogue but not received:{' '}
          {run.missing.map((m) => `${m.claim} (${m.scope}, ${locationLabel[m.location]})`).join('; ')}. A user
          may simply not have that attribute.
        </p>
      )}
    </section>
  );
}
