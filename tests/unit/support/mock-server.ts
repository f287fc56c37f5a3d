/**
 * Per-file MSW setup for unit tests that talk to the mock tenant (or to ad-hoc bad issuers).
 * Not a global setup file: other test files (the local tenant's) make real loopback requests.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../../../src/mocks/node';
import { resetMockTenant } from '../../../src/mocks/tenant';

export function useMockServer(): typeof server {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    resetMockTenant();
  });
  afterAll(() => server.close());
  return server;
}
