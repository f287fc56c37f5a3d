/**
 * The mock's scenario as this tab has it (kept in sessionStorage by the mock), read in place without
 * loading or starting the mock: a widget can show the mock's switches on page load without a request
 * or the mock's code (issue #19: MSW only when asked). Every switch the record does not hold as `true`
 * is off, as in a fresh mock. To change the scenario, use `useMockControl()`.
 */
import { readStoredMockScenario } from '@site/src/mocks/scenario-store';

export async function readMockScenarioInPlace(): Promise<Readonly<Record<string, unknown>>> {
  return readStoredMockScenario();
}
