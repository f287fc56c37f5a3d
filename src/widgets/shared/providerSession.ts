/**
 * The provider session of the environment selected in the navbar (src/oidc/session.ts), and the
 * mock's control client, as hooks. Every widget on a page shares the discovery documents; the mock's
 * worker starts only when a session or the control client is asked for something (issue #19).
 */
import { useMemo } from 'react';
import { providerSession, type ProviderSession } from '@site/src/oidc/session';
import { mockControl, type MockControlClient } from '@site/src/mocks/control';
import { environmentReady, useEnvironment, useSiteBaseUrl } from './environment';

/** The selected environment's provider session. Browser-only widgets call it; it touches `window` only when used. */
export function useProviderSession(): ProviderSession {
  const env = useEnvironment();
  const baseUrl = useSiteBaseUrl();
  const { id, label, issuer, corsLikely, unconfirmed } = env;
  return useMemo(
    () =>
      providerSession(
        { id, label, issuer, corsLikely, unconfirmed },
        {
          ...(id === 'mock' ? { start: () => environmentReady('mock', baseUrl) } : {}),
          portal: { origin: typeof window === 'undefined' ? '' : window.location.origin, baseUrl },
        },
      ),
    [id, label, issuer, corsLikely, unconfirmed, baseUrl],
  );
}

/** The mock's scenario switches (src/mocks/control.ts), each awaiting the mock's start. */
export function useMockControl(): MockControlClient {
  const baseUrl = useSiteBaseUrl();
  return useMemo(() => mockControl({ ready: () => environmentReady('mock', baseUrl) }), [baseUrl]);
}
