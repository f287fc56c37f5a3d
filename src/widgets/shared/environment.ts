/**
 * What every widget needs from the environment switch before its first request: the selected
 * environment (from the site-wide context) and, for the mock, a running MSW worker. The mock's
 * code is imported only here, dynamically, so it is fetched only when a widget runs against it.
 */
import useBaseUrl from '@docusaurus/useBaseUrl';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { useEnvironment } from '@site/src/components/EnvironmentContext';
import type { EnvironmentId } from '@site/src/oidc/environments';

export { useEnvironment };

/** Resolves when requests to the selected environment can be sent (the mock worker is up). */
export async function environmentReady(id: EnvironmentId, baseUrl: string): Promise<void> {
  if (id !== 'mock') return;
  const { startMocks } = await import('@site/src/mocks/browser');
  await startMocks({ baseUrl });
}

/** The site's base URL, for the mock worker's script URL and scope. */
export function useSiteBaseUrl(): string {
  return useBaseUrl('/');
}

/** The local test tenant's issuer this build was made for (TENANT_ISSUER at build time). */
export function useLocalIssuer(): string | undefined {
  const { siteConfig } = useDocusaurusContext();
  const value = siteConfig.customFields?.localTenantIssuer;
  return typeof value === 'string' ? value : undefined;
}
