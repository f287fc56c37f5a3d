import CodeBlock from '@theme/CodeBlock';
import GuideLink from '@site/src/components/GuideLink';
import FoldedCode from '../shared/FoldedCode';

/**
 * How a client handles a failed refresh with openid-client v6: classify by `error`, never by the
 * class name (minified bundles rename classes), and never retry invalid_grant.
 */
export const refreshHandlingSample = `import * as client from 'openid-client';

async function refresh(config: client.Configuration, session: Session): Promise<void> {
  try {
    const tokens = await client.refreshTokenGrant(config, session.refreshToken);
    session.accessToken = tokens.access_token;
    // Sliding policies rotate the refresh token: the old one is used up now.
    if (tokens.refresh_token) session.refreshToken = tokens.refresh_token;
  } catch (err) {
    // ResponseBodyError: the provider answered with an OAuth error.
    const error = (err as { error?: unknown }).error;
    if (error === 'invalid_grant') {
      // Expired, revoked, reused, session ended or another client's token:
      // the login is over. Drop the tokens; offer a normal login. No retry.
      session.clear();
      return showLoginButton();
    }
    if (error === 'invalid_client') {
      // A configuration error (client_id, secret, environment), not the user's:
      // keep the session, alert the operators, do not retry until fixed.
      throw err;
    }
    // No OAuth error at all: a network failure or timeout, or a 5xx.
    // The refresh token may still be good: keep it, try again later
    // with back-off and a limit - never in a loop.
    scheduleRetryWithBackoff();
  }
}`;

/** Folded under the verdict; its highlighted code is built when the reader first opens it. */
export default function HandlingSample(): React.JSX.Element {
  return (
    <FoldedCode
      summary="Handling a failed refresh in your client (openid-client v6, TypeScript)"
      code={refreshHandlingSample}
      block={() => (
        <CodeBlock language="ts" title="refresh.ts">
          {refreshHandlingSample}
        </CodeBlock>
      )}
    >
      <p>
        Tell the three apart by the answer, not by the exception’s class: <code>invalid_grant</code> (400)
        ends the login; <code>invalid_client</code> (401) is your configuration; no OAuth error means the
        provider was not reached. <GuideLink topic="refreshTokens">Refresh tokens in the guide</GuideLink>
      </p>
    </FoldedCode>
  );
}
