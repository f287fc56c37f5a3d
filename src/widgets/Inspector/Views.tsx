/** One view per kind of paste; each renders a typed result of src/oidc/inspect. */
import { useState } from 'react';
import clsx from 'clsx';
import ErrorPageLink from '@site/src/components/ErrorPageLink';
import GuideLink from '@site/src/components/GuideLink';
import TableScroll from '@site/src/components/TableScroll';
import type {
  AuthorizationUrlInspection,
  CallbackInspection,
  ExplainedError,
  JwtInspection,
  RedirectPairInspection,
  TokenResponseInspection,
} from '@site/src/oidc/inspect';
import ExpiresCountdown from './ExpiresCountdown';
import { DecodedJwt, Findings } from './parts';
import styles from './styles.module.css';

export type VerifyFor = (jwt: Extract<JwtInspection, { ok: true }>) => React.ReactNode;

export function ErrorAnswer({ error }: { error: ExplainedError }): React.JSX.Element {
  return (
    <section className={clsx(styles.section, 'alert alert--danger')} aria-label="The error">
      <h3>
        The answer is an error: <code>{error.error}</code>
      </h3>
      {error.description !== undefined && (
        <p>
          error_description (as sent): <span className={styles.value}>{error.description}</span>
        </p>
      )}
      <p>
        <strong>What it means:</strong> {error.explanation.meaning}
      </p>
      <p>
        <strong>What to do:</strong> {error.explanation.reaction}
      </p>
      <p className={styles.links}>
        {error.code ? (
          <ErrorPageLink code={error.code}>
            Everything about <code>{error.code}</code> (causes, endpoints, the tool that shows it)
          </ErrorPageLink>
        ) : (
          <>TelenorID+ does not document this code. </>
        )}
        {error.explanation.guide && (
          <>
            {' · '}
            <GuideLink topic={error.explanation.guide}>In the guide</GuideLink>
          </>
        )}
      </p>
    </section>
  );
}

export function JwtView({ jwt, verify }: { jwt: JwtInspection; verify: VerifyFor }): React.JSX.Element {
  return (
    <DecodedJwt jwt={jwt} title="The token">
      {jwt.ok && verify(jwt)}
    </DecodedJwt>
  );
}

export function AuthorizationView({
  request,
  scopeBuilderHref,
}: {
  request: AuthorizationUrlInspection;
  scopeBuilderHref: string;
}): React.JSX.Element {
  const problems = [...request.findings, ...request.parameters.flatMap((p) => p.findings)].filter(
    (f) => f.severity === 'error',
  ).length;
  return (
    <section className={styles.section} aria-label="The authorization request">
      <h3>An authorization request</h3>
      <p>
        To <code className={styles.value}>{request.endpoint}</code>
        {request.endpointNote && <> — {request.endpointNote}</>}.{' '}
        {problems === 0 ? 'No problem found.' : `${problems} problem${problems === 1 ? '' : 's'} found.`}
      </p>
      <Findings findings={request.findings} label="About the request as a whole" />
      <TableScroll label="Parameters of the authorization request">
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">Value</th>
              <th scope="col">What it is for, and what is wrong</th>
            </tr>
          </thead>
          <tbody>
            {request.parameters.map((p) => (
              <tr key={p.name} data-parameter={p.name}>
                <td>
                  <code className={styles.name}>{p.name}</code>
                </td>
                <td>
                  <code className={styles.value}>{p.value}</code>
                </td>
                <td>
                  {p.explanation} {p.guide && <GuideLink topic={p.guide}>More</GuideLink>}
                  <Findings findings={p.findings} label={`About ${p.name}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p>
        <a className="button button--primary" href={scopeBuilderHref} data-testid="open-in-scope-builder">
          Open in the scope builder
        </a>{' '}
        <span className={styles.muted}>
          Carries the scopes and the non-secret choices
          {request.leftOut.length > 0 && (
            <>
              ; leaves out <code>{request.leftOut.join(', ')}</code> (the builder makes its own state, nonce
              and PKCE pair)
            </>
          )}
          .
        </span>
      </p>
    </section>
  );
}

export function CallbackView({
  callback,
  code,
}: {
  callback: CallbackInspection;
  code?: string;
}): React.JSX.Element {
  const [revealed, setRevealed] = useState(false);
  return (
    <section className={styles.section} aria-label="The redirect back">
      <h3>The redirect back to {callback.landedOn}</h3>
      <p className={styles.muted}>The answer is in the {callback.where}.</p>
      {callback.error && <ErrorAnswer error={callback.error} />}
      {callback.code && (
        <p>
          <strong>An authorization code</strong> ({callback.code.length} characters):{' '}
          <code className={styles.value} data-testid="pasted-code">
            {revealed && code !== undefined ? code : callback.code.redacted}
          </code>{' '}
          <button
            type="button"
            className="button button--sm button--secondary"
            onClick={() => setRevealed((r) => !r)}
          >
            {revealed ? 'Hide the code' : 'Reveal the code'}
          </button>
        </p>
      )}
      <dl className={styles.facts}>
        {callback.state !== undefined && (
          <>
            <dt>state</dt>
            <dd>
              <code className={styles.value}>{callback.state}</code> — compare it with the state your client
              sent.
            </dd>
          </>
        )}
        {callback.iss && (
          <>
            <dt>iss</dt>
            <dd>
              <code className={styles.value}>{callback.iss.value}</code>
              {callback.iss.note && <> — {callback.iss.note}</>}
            </dd>
          </>
        )}
        {callback.scope !== undefined && (
          <>
            <dt>scope (granted)</dt>
            <dd>
              <code className={styles.value}>{callback.scope}</code>
            </dd>
          </>
        )}
        {callback.sessionState !== undefined && (
          <>
            <dt>session_state</dt>
            <dd>
              <code className={styles.value}>{callback.sessionState}</code>
            </dd>
          </>
        )}
      </dl>
      <Findings findings={callback.findings} label="About the redirect" />
    </section>
  );
}

export function TokenResponseView({
  response,
  verify,
}: {
  response: TokenResponseInspection;
  verify: VerifyFor;
}): React.JSX.Element {
  if (response.error) return <ErrorAnswer error={response.error} />;
  return (
    <section className={styles.section} aria-label="The token response">
      <h3>A token response</h3>
      <dl className={styles.facts}>
        {response.tokenType !== undefined && (
          <>
            <dt>token_type</dt>
            <dd>{response.tokenType}</dd>
          </>
        )}
        {response.expiresIn && (
          <>
            <dt>expires_in</dt>
            <dd>
              {response.expiry ? (
                // A new paste is a new countdown (its own start).
                <ExpiresCountdown key={response.expiry.receivedAtMs} {...response.expiry} />
              ) : (
                response.expiresIn
              )}
            </dd>
          </>
        )}
        {response.scope !== undefined && (
          <>
            <dt>scope</dt>
            <dd>
              <code className={styles.value}>{response.scope}</code>
            </dd>
          </>
        )}
        <dt>refresh_token</dt>
        <dd>
          {response.refreshToken
            ? `present (${response.refreshToken.length} characters, ${response.refreshToken.redacted}); opaque: only TelenorID+ can read it`
            : 'none'}
        </dd>
      </dl>
      <Findings findings={response.findings} label="About the token response" />
      {response.idToken && (
        <DecodedJwt jwt={response.idToken} title="The ID token">
          {response.idToken.ok && verify(response.idToken)}
        </DecodedJwt>
      )}
      {response.accessToken &&
        ('opaque' in response.accessToken ? (
          <p>
            The access token is opaque ({response.accessToken.length} characters): not a JWT, nothing to
            decode.
          </p>
        ) : (
          <DecodedJwt jwt={response.accessToken} title="The access token">
            {response.accessToken.ok && verify(response.accessToken)}
          </DecodedJwt>
        ))}
    </section>
  );
}

function Marked({
  segments,
  label,
}: {
  segments: RedirectPairInspection['sent'];
  label: string;
}): React.JSX.Element {
  return (
    <code className={styles.pair} aria-label={label}>
      {segments.map((s, i) =>
        s.same ? (
          <span key={i}>{s.text}</span>
        ) : (
          <mark key={i} className={styles.diff}>
            {s.text}
          </mark>
        ),
      )}
    </code>
  );
}

export function RedirectPairView({ pair }: { pair: RedirectPairInspection }): React.JSX.Element {
  return (
    <section className={styles.section} aria-label="The redirect URIs compared">
      <h3>Two redirect URIs compared</h3>
      <dl className={styles.facts}>
        <dt>Registered</dt>
        <dd>
          <Marked segments={pair.registered} label="Registered redirect URI" />
        </dd>
        <dt>Sent</dt>
        <dd>
          <Marked segments={pair.sent} label="Sent redirect URI" />
        </dd>
      </dl>
      {pair.same ? (
        <p className="alert alert--success" data-testid="pair-verdict">
          <strong>Identical</strong>, byte for byte: this pair does not cause a redirect_uri mismatch.
        </p>
      ) : (
        <div className="alert alert--danger" data-testid="pair-verdict">
          <p>
            <strong>Different</strong> — TelenorID+ compares redirect URIs exactly, so this is a redirect_uri
            mismatch: TelenorID+ shows an error page and sends nothing back.
          </p>
          <ul>
            {pair.differences.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
          <p className={styles.links}>
            <ErrorPageLink code="invalid_redirect_uri" /> ·{' '}
            <GuideLink topic="faqRedirectUriMismatch">The FAQ answer</GuideLink>
          </p>
        </div>
      )}
    </section>
  );
}
