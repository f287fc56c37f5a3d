/**
 * The prompt=none tryout's scenario: which client checks the session in each environment, and the
 * share link (environment, mode, and the mock's session and consent switches — never a code,
 * token, state or verifier).
 */
import { testClient } from '../../oidc/catalogue/fixtures';
import type { EnvironmentId } from '@site/src/oidc/environments';
import type { SilentMode } from '@site/src/oidc/silent';

/**
 * The registered public web client (Public type, PKCE, no secret) of an environment. A web page
 * checks the session with its own web client; a native client (MobileApp) always needs the user
 * present, so it would only ever hear interaction_required. Staging, production and custom
 * issuers have no clients the portal may use.
 */
export function silentCheckClientId(env: EnvironmentId): string | undefined {
  if (env === 'mock' || env === 'local') return testClient(env, 'Public').clientId;
  return undefined;
}

/** The scopes of the check: enough for the ID token to say who is logged in. */
export const silentCheckScope = 'openid profile';

export type SilentScenario = { mode?: SilentMode; session?: boolean; consent?: boolean };

function onOff(value: string | null): boolean | undefined {
  if (value === 'on') return true;
  if (value === 'off') return false;
  return undefined;
}

/** Read a share link's query. Unknown or odd values are ignored, never trusted. */
export function parseSilentScenario(search: string): SilentScenario {
  const p = new URLSearchParams(search);
  const out: SilentScenario = {};
  const mode = p.get('mode');
  if (mode === 'iframe' || mode === 'redirect') out.mode = mode;
  const session = onOff(p.get('session'));
  if (session !== undefined) out.session = session;
  const consent = onOff(p.get('consent'));
  if (consent !== undefined) out.consent = consent;
  return out;
}

/**
 * The share link: the page's URL with the scenario in its query and nothing else of the page's
 * state. The mock's switches are shared only for the mock (a real tenant's session is a login).
 */
export function shareSilentScenarioUrl(
  pageUrl: string,
  scenario: { env: EnvironmentId; mode: SilentMode; session?: boolean; consent?: boolean },
): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set('env', scenario.env);
  url.searchParams.set('mode', scenario.mode);
  if (scenario.env === 'mock') {
    if (scenario.session !== undefined) url.searchParams.set('session', scenario.session ? 'on' : 'off');
    if (scenario.consent !== undefined) url.searchParams.set('consent', scenario.consent ? 'on' : 'off');
  }
  return url.href;
}

/** A callback URL as shown on screen: the one-time code shortened, everything else as it came. */
export function redactCallbackUrl(callbackUrl: string, redact: (value: string) => string): string {
  try {
    const url = new URL(callbackUrl);
    const code = url.searchParams.get('code');
    if (code !== null) url.searchParams.set('code', redact(code));
    return url.href;
  } catch {
    return '(not a URL)';
  }
}
