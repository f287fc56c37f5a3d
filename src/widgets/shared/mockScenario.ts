/**
 * The mock's scenario as this tab has it (kept in sessionStorage), read in place without starting
 * its worker: a widget can show the mock's switches on page load without a request (issue #19: MSW
 * only when asked). To change the scenario, use `useMockControl()`.
 */
import type { MockScenario } from '@site/src/mocks/tenant';

export async function readMockScenarioInPlace(baseUrl: string): Promise<MockScenario> {
  const [{ prepareMockTenant }, { getMockScenario }] = await Promise.all([
    import('@site/src/mocks/browser'),
    import('@site/src/mocks/tenant'),
  ]);
  prepareMockTenant({ baseUrl });
  return { ...getMockScenario() };
}
