/**
 * The tokens a polling run ended with, as the other widgets show them: redacted, with the ID token's
 * claims (decoded, not verified) and where each came from. Tokens stay in memory; nothing is stored.
 */
import { redactToken } from '@site/src/oidc/refresh';
import type { TokenView } from '@site/src/oidc';

export default function PollingTokens({ view }: { view: TokenView }): React.JSX.Element {
  const { tokens } = view;
  const rows: [string, string][] = [
    ['access_token', redactToken(tokens.accessToken)],
    ...(tokens.idToken ? ([['id_token', redactToken(tokens.idToken)]] as [string, string][]) : []),
    ...(tokens.refreshToken
      ? ([['refresh_token', redactToken(tokens.refreshToken)]] as [string, string][])
      : []),
    ['token_type', tokens.tokenType],
    ['expires_in', String(tokens.expiresIn ?? '–')],
    ['scope', view.grantedScopes.join(' ')],
  ];
  return (
    <>
      <dl aria-label="Tokens received (shortened)">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>
              <code>{name}</code>
            </dt>
            <dd>
              <code>{value}</code>
            </dd>
          </div>
        ))}
      </dl>
      {view.idTokenClaims?.length ? (
        <details>
          <summary>ID token claims (decoded, not verified)</summary>
          <ul>
            {view.idTokenClaims.map((c) => (
              <li key={c.claim}>
                <code>{c.claim}</code>: <code>{JSON.stringify(c.value)}</code>
                {c.scope ? (
                  <>
                    {' '}
                    — from the <code>{c.scope}</code> scope
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
