/**
 * Starting the mock tenant in the browser. Browser-only: import it dynamically from code that
 * runs after hydration, never at the top level of a page (the static build has no window).
 */
import {
  completeMockLogin,
  configureMockTenant,
  endMockSession,
  getMockScenario,
  mockAuthorize,
  mockDeviceDecision,
  mockEndSession,
  mockJwks,
  onMockScenarioChange,
  setMockScenario,
  type MockAuthorizeResult,
  type MockEndSessionResult,
  type MockScenario,
} from './tenant';
import { mockScenarioStorageKey } from './scenario-store';
import { mockPageUrl } from '../oidc/mock-endpoints';
import { listenForDeviceDecisions } from './device-channel';

/** What the mock's logout page posts to the window that opened it (same origin only). */
export const mockSessionEndedMessage = 'tidp:mock-session-ended';

/** Only the scenario is persisted (never tokens), so SSO “survives” the authorize round trip. */
const storageKey = mockScenarioStorageKey;

function normaliseBase(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : baseUrl + '/';
}

let restored = false;

/**
 * Point the tenant at this site's pages and restore the scenario saved in sessionStorage (once per
 * page load). `startMocks` and the answer* helpers call it; a page that only reads the scenario may too.
 */
export function prepareMockTenant({ baseUrl }: { baseUrl: string }): void {
  prepareTenant(baseUrl);
}

function prepareTenant(baseUrl: string): void {
  const base = normaliseBase(baseUrl);
  configureMockTenant({
    // Static pages of the portal (src/round-trip), paths from src/oidc/mock-endpoints.ts.
    authorizationEndpoint: mockPageUrl(location.origin, base, 'authorize'),
    endSessionEndpoint: mockPageUrl(location.origin, base, 'logout'),
    deviceVerificationUri: mockPageUrl(location.origin, base, 'device'),
    // The portal's own callback page, exactly: the widgets' only redirect_uri (issue #14).
    redirectOrigins: [],
    redirectUris: [new URL(base + 'callback/', location.origin).href],
  });
  if (restored) return;
  restored = true;
  // The mock's logout page (a popup, or a frame) ended an SSO session this tab's mock holds in memory:
  // end it here too, as a cookie shared by the windows would have. Only a same-origin window's word
  // counts, and only for the session this page has now (a stale message ends nothing newer).
  globalThis.window?.addEventListener('message', (event) => {
    if (event.origin !== location.origin) return;
    const data: unknown = event.data;
    if (!data || typeof data !== 'object') return;
    const { type, sessionId } = data as Record<string, unknown>;
    if (type !== mockSessionEndedMessage || typeof sessionId !== 'string') return;
    const now = getMockScenario();
    if (now.ssoSession && now.sessionId === sessionId) endMockSession();
  });
  try {
    const saved = sessionStorage.getItem(storageKey);
    if (saved) setMockScenario(JSON.parse(saved) as Partial<MockScenario>);
  } catch {
    // Storage can be disabled; the mock then simply starts without a session.
  }
  onMockScenarioChange((s) => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(s));
    } catch {
      // ignore: persistence is a convenience
    }
  });
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(getMockScenario()));
  } catch {
    // ignore
  }
}

let ready: Promise<void> | undefined;

/**
 * Start the MSW service worker once per page load; every caller gets the same promise.
 * Await it before the first request to the mock issuer.
 */
export function startMocks({ baseUrl }: { baseUrl: string }): Promise<void> {
  ready ??= (async () => {
    prepareTenant(baseUrl);
    // The mock's signing key is made once per page load, on first use (an RSA key pair, tens to
    // hundreds of milliseconds): make it now, while the worker starts and the login window loads,
    // so the first /token after a page load does not wait for it (issue #19).
    void mockJwks();
    const base = normaliseBase(baseUrl);
    const [{ setupWorker }, { handlers }] = await Promise.all([import('msw/browser'), import('./handlers')]);
    await setupWorker(...handlers).start({
      // The gate in static/mock-worker.js lets only requests to the mock issuer reach MSW's worker.
      serviceWorker: { url: base + 'mock-worker.js', options: { scope: base } },
      onUnhandledRequest: 'bypass',
      quiet: true,
    });
    // The device flow's verification page (another tab) decides through this page's mock.
    listenForDeviceDecisions((m) => mockDeviceDecision(m.userCode, m.userId, m.decision));
  })();
  ready.catch(() => {
    ready = undefined; // let a later call retry
  });
  return ready;
}

/**
 * For the portal's mock authorize page (`<baseUrl>mock/authorize`): answer the request in the
 * page's URL. On `kind: 'redirect'` the page calls `location.replace(result.redirectTo)`; on
 * `kind: 'login'` it renders the login screen (then `answerMockLogin` with the reader's pick); on
 * `kind: 'error_page'` it shows the error (an unknown client or redirect_uri must not be redirected to).
 */
export async function answerMockAuthorizePage({
  baseUrl,
}: {
  baseUrl: string;
}): Promise<MockAuthorizeResult> {
  prepareTenant(baseUrl);
  return mockAuthorize(new URLSearchParams(location.search));
}

/**
 * For the mock authorize page's login screen: the reader chose `userId` for the screen's `request`.
 * The answer is a `redirect` to follow, a `login` screen again (with an error line), or an `error_page`.
 */
export async function answerMockLogin({
  baseUrl,
  request,
  userId,
}: {
  baseUrl: string;
  request: string;
  userId: string;
}): Promise<MockAuthorizeResult> {
  prepareTenant(baseUrl);
  return completeMockLogin(request, userId);
}

/** For the portal's mock logout page (`<baseUrl>mock/logout`): end the session, then follow `redirectTo` if set. */
export async function answerMockLogoutPage({ baseUrl }: { baseUrl: string }): Promise<MockEndSessionResult> {
  prepareTenant(baseUrl);
  return mockEndSession(new URLSearchParams(location.search));
}
