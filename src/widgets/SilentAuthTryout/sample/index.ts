/**
 * The openid-client sample the tryout shows: the text of ./silent-check.ts, which tsc type-checks
 * against the installed openid-client. tests/unit/silent-auth.test.ts fails when the two differ.
 */
export const silentCheckSample = `import * as client from 'openid-client';

// Your application provides these; they are declared so this sample is type-checked.
declare const config: client.Configuration; // from client.discovery(...)
declare const pending: { codeVerifier: string; state: string; nonce: string }; // per check, single use
declare function startSession(tokens: client.TokenEndpointResponse): void;
declare function showLoginButton(): void;

/** 1. Where to send a hidden frame (or this tab): /authorize with prompt=none. */
export async function silentCheckUrl(redirectUri: string): Promise<URL> {
  pending.codeVerifier = client.randomPKCECodeVerifier();
  pending.state = client.randomState();
  pending.nonce = client.randomNonce();
  return client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile',
    prompt: 'none', // answer at once, never show a page
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
  });
}

/** 2. The redirect came back: openid-client checks the state, then redeems the code. */
export async function onSilentCallback(callbackUrl: URL): Promise<void> {
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
    });
    startSession(tokens); // logged in, and nothing was shown
  } catch (err) {
    // AuthorizationResponseError: the provider answered with an OAuth error.
    const error = (err as { error?: unknown }).error;
    if (error === 'login_required' || error === 'consent_required' || error === 'interaction_required') {
      // An answer, not a failure. openid-client never falls back to an interactive
      // login by itself: show a button, and on click send /authorize WITHOUT prompt=none.
      return showLoginButton();
    }
    // A state mismatch, a refused code or a network failure: not logged in either.
    // Never retry prompt=none in a loop.
    showLoginButton();
  }
}`;
