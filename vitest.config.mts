import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests run under Node: src/oidc, src/mocks and the tenant are written to run there unchanged.
// `@site` is Docusaurus's alias for the project root, so framework-free widget modules can be tested too.
export default defineConfig({
  resolve: { alias: { '@site': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: [],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
