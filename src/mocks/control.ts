/**
 * The typed client of the mock tenant's stage machinery: `<mockIssuer>/__mock/scenario`, answered by MSW
 * (src/mocks/handlers.ts). It is how a widget switches the mock's scenario (SSO session, consent, clock,
 * revocation, session end); it is not a request a reader's client makes, so widgets show it as the mock's
 * lever, never as an exchange. Light on purpose: it imports no MSW (types only), so a widget may import it
 * statically; the caller awaits the mock's start first (`environmentReady('mock', …)`).
 */
import { mockIssuer } from '../oidc/environments';
import type { MockScenario } from './tenant';

export const mockControlPath = '/__mock/scenario';
/** In Node only: where a test submits the mock's login screen (form `request`, `user`); the browser's page calls `completeMockLogin`. */
export const mockLoginPath = '/__mock/login';
/** The device flow's verification, as a form POST (`user_code`, `user`, `decision`): Node tests; the browser's page uses a BroadcastChannel. */
export const mockDevicePath = '/__mock/device';
/** The simulated phone of CIBA: GET lists what waits for the user, POST `{prompt, decision}` answers. */
export const mockPhonePath = '/__mock/phone';

/** What a POST may ask of the mock; every field is optional and applied in this order. */
export type MockControlRequest = {
  set?: Partial<MockScenario>;
  advanceClockSeconds?: number;
  revokeRefreshTokens?: boolean;
  endSession?: boolean;
};

/** The mock's answer to a POST: the scenario after the change, and how many refresh tokens it revoked. */
export type MockControlAnswer = { scenario: MockScenario; revokedRefreshTokens: number };

/**
 * Changes the mock's scenario; resolves to its answer, or undefined when the mock did not answer 200
 * with an object (e.g. the worker is not running).
 */
export async function controlMock(
  request: MockControlRequest,
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
): Promise<MockControlAnswer | undefined> {
  const response = await fetchImpl(mockIssuer + mockControlPath, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response.ok) return undefined;
  const json: unknown = await response.json().catch(() => undefined);
  if (!json || typeof json !== 'object' || !('scenario' in json)) return undefined;
  return json as MockControlAnswer;
}
