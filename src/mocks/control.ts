/**
 * The typed client of the mock tenant's stage machinery: `<mockIssuer>/__mock/scenario`, answered by MSW
 * (src/mocks/handlers.ts). It is how a widget switches the mock's scenario (SSO session, consent, clock,
 * revocation, session end); it is not a request a reader's client makes, so widgets show it as the mock's
 * lever, never as an exchange. Light on purpose: it imports no MSW (types only), so a widget may import it
 * statically; `mockControl({ ready })` awaits the mock's start before each request.
 *
 * Adding a switch: a field in `MockControlRequest` (handled in handlers.ts, in the order listed there),
 * and, if a widget wants a name for it, one method in `MockControlClient` built on `change` — nothing
 * else changes.
 */
import { mockIssuer } from '../oidc/environments';
import type { MockScenario } from './tenant';

export const mockControlPath = '/__mock/scenario';
/** In Node only: where a test submits the mock's login screen (form `request`, `user`); the browser's page calls `completeMockLogin`. */
export const mockLoginPath = '/__mock/login';

/** What a POST may ask of the mock; every field is optional and applied in this order. */
export type MockControlRequest = {
  set?: Partial<MockScenario>;
  advanceClockSeconds?: number;
  revokeRefreshTokens?: boolean;
  endSession?: boolean;
};

/** The mock's answer to a POST: the scenario after the change, and how many refresh tokens it revoked. */
export type MockControlAnswer = { scenario: MockScenario; revokedRefreshTokens: number };

type FetchImpl = typeof fetch;
const defaultFetch: FetchImpl = (input, init) => globalThis.fetch(input, init);

/** A scenario as the mock sends it: an object with the switches a widget reads, each of its type. */
function isScenario(value: unknown): value is MockScenario {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s['ssoSession'] === 'boolean' &&
    typeof s['consentRequired'] === 'boolean' &&
    typeof s['clockOffsetSeconds'] === 'number'
  );
}

async function jsonOf(response: Response): Promise<unknown> {
  if (!response.ok) return undefined;
  return response.json().catch(() => undefined);
}

/**
 * Changes the mock's scenario; resolves to its answer, or undefined when the mock did not answer 200
 * with `{ scenario, revokedRefreshTokens }` (e.g. the worker is not running).
 */
export async function controlMock(
  request: MockControlRequest,
  fetchImpl: FetchImpl = defaultFetch,
): Promise<MockControlAnswer | undefined> {
  try {
    const json = await jsonOf(
      await fetchImpl(mockIssuer + mockControlPath, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      }),
    );
    if (typeof json !== 'object' || json === null) return undefined;
    const { scenario, revokedRefreshTokens } = json as Record<string, unknown>;
    if (!isScenario(scenario)) return undefined;
    return {
      scenario,
      revokedRefreshTokens: typeof revokedRefreshTokens === 'number' ? revokedRefreshTokens : 0,
    };
  } catch {
    return undefined;
  }
}

/**
 * The mock's scenario now. A GET answers with the bare scenario (not `{ scenario }`, which is the
 * POST's answer): reading `.scenario` of it gave undefined, and the tryout showed no switch state.
 */
export async function readMockControl(
  fetchImpl: FetchImpl = defaultFetch,
): Promise<MockScenario | undefined> {
  try {
    const json = await jsonOf(await fetchImpl(mockIssuer + mockControlPath, { method: 'GET' }));
    return isScenario(json) ? json : undefined;
  } catch {
    return undefined;
  }
}

/** The mock's lever, as a widget holds it. Every method resolves to undefined when the mock did not answer. */
export type MockControlClient = {
  /** The scenario now. */
  read(): Promise<MockScenario | undefined>;
  /** Any change, in the handler's order (set, clock, revoke, end session). */
  change(request: MockControlRequest): Promise<MockControlAnswer | undefined>;
  /** Switch scenario fields (SSO session, consent, test user, clock offset). */
  set(patch: Partial<MockScenario>): Promise<MockControlAnswer | undefined>;
  /** Move the mock's virtual clock forward (refresh tokens and codes expire by it). */
  advanceClock(seconds: number): Promise<MockControlAnswer | undefined>;
  /** Revoke every refresh token the mock has issued. */
  revokeRefreshTokens(): Promise<MockControlAnswer | undefined>;
  /** End the SSO session, as a logout would (its refresh tokens die with it). */
  endSession(): Promise<MockControlAnswer | undefined>;
};

export type MockControlOptions = {
  /** Awaited before each request: in the browser, the mock's start (`environmentReady('mock', baseUrl)`). */
  ready?: () => Promise<unknown>;
  fetch?: FetchImpl;
};

/** The typed control client. A failed `ready` is an undefined answer, like a mock that does not answer. */
export function mockControl(options: MockControlOptions = {}): MockControlClient {
  const fetchImpl = options.fetch ?? defaultFetch;
  const whenReady = async <T>(work: () => Promise<T | undefined>): Promise<T | undefined> => {
    try {
      await options.ready?.();
    } catch {
      return undefined;
    }
    return work();
  };
  const change = (request: MockControlRequest) => whenReady(() => controlMock(request, fetchImpl));
  return {
    read: () => whenReady(() => readMockControl(fetchImpl)),
    change,
    set: (patch) => change({ set: patch }),
    advanceClock: (seconds) => change({ advanceClockSeconds: seconds }),
    revokeRefreshTokens: () => change({ revokeRefreshTokens: true }),
    endSession: () => change({ endSession: true }),
  };
}
