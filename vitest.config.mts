import { defineConfig } from 'vitest/config';

// Unit tests run under Node: src/oidc, src/mocks and the tenant are written to run there unchanged.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: [],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
