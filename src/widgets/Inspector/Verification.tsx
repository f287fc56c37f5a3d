import { useEffect, useState } from 'react';
import CodeBlock from '@theme/CodeBlock';
import ErrorPageLink from '@site/src/components/ErrorPageLink';
import {
  verifyInspectedJwt,
  type EnvironmentKeys,
  type JwtInspection,
  type JwtVerification,
} from '@site/src/oidc/inspect';
import { Findings } from './parts';
import styles from './styles.module.css';

type State =
  | { state: 'checking' }
  | { state: 'keys-failed'; keys: Extract<EnvironmentKeys, { ok: false }> }
  | { state: 'done'; result: JwtVerification };

/** The signature and claims checked against the selected environment's keys, as soon as a JWT is pasted. */
export default function Verification({
  jwt,
  keys,
  issuer,
  environmentLabel,
  clientId,
  localIssuer,
}: {
  jwt: Extract<JwtInspection, { ok: true }>;
  keys: () => Promise<EnvironmentKeys>;
  issuer: string;
  environmentLabel: string;
  clientId: string;
  localIssuer: string | undefined;
}): React.JSX.Element {
  const [run, setRun] = useState<State>({ state: 'checking' });
  useEffect(() => {
    let current = true;
    setRun({ state: 'checking' });
    void (async () => {
      const k = await keys();
      if (!current) return;
      if (!k.ok) return setRun({ state: 'keys-failed', keys: k });
      const result = await verifyInspectedJwt(jwt, k.jwks, {
        issuer,
        environmentLabel,
        nowMs: Date.now(),
        ...(clientId.trim() ? { clientId: clientId.trim() } : {}),
        ...(localIssuer ? { localIssuer } : {}),
      });
      if (current) setRun({ state: 'done', result });
    })();
    return () => {
      current = false;
    };
  }, [jwt, keys, issuer, environmentLabel, clientId, localIssuer]);

  return (
    <div className={styles.verification} data-testid="verification">
      <h4>Signature, against {environmentLabel}</h4>
      {run.state === 'checking' ? (
        <p aria-busy="true">Fetching {environmentLabel}’s keys and checking the signature…</p>
      ) : run.state === 'keys-failed' ? (
        <div className="alert alert--warning">
          <p>
            <strong>Not verified.</strong> {run.keys.sentence} <ErrorPageLink code={run.keys.code} />
          </p>
          <CodeBlock language="bash">{run.keys.curl}</CodeBlock>
        </div>
      ) : (
        <>
          <p
            className={run.result.verified ? 'alert alert--success' : 'alert alert--danger'}
            data-testid="verification-verdict"
          >
            <strong>{run.result.verified ? 'Verified' : 'Not valid'}</strong>
            {run.result.verified
              ? ` — signed by ${environmentLabel}, and its issuer${clientId.trim() ? ', audience' : ''} and expiry check out.`
              : ` — a client configured for ${environmentLabel} must reject this token.`}
          </p>
          <Findings findings={run.result.findings} label="Verification" />
        </>
      )}
    </div>
  );
}
