import { defineConfig, devices } from '@playwright/test';
import { chromiumFlags, resolveChromium } from './tests/e2e/support/browser';

// The e2e suite drives production builds served by `docusaurus serve`:
//  - `site`:   the build at `/` (build/), every spec but the base-URL one;
//  - `portal`: the same site built with BASE_URL=/portal/ (build-portal/), the base-URL spec.
// scripts/serve-build.mjs builds a missing output first, so `npm run test:e2e` works alone.
export const SITE_PORT = Number(process.env.E2E_SITE_PORT ?? 3100);
export const PORTAL_PORT = Number(process.env.E2E_PORTAL_PORT ?? 3101);
// The local test tenant (src/tenant). The site must be built with the same issuer (TENANT_ISSUER), which
// the site servers below get too, so a build they make on their own matches. Default 4400, as everywhere.
export const TENANT_PORT = Number(process.env.E2E_TENANT_PORT ?? 4400);
export const TENANT_ISSUER = process.env.TENANT_ISSUER ?? `http://localhost:${TENANT_PORT}`;

const executablePath = resolveChromium();
const isCI = !!process.env.CI;

/** A server the suite needs, started through scripts/e2e-server.mjs (a site build may be made first: 600 s). */
function server(
  name: string,
  url: string,
  seconds: number,
  command: string,
  env: Record<string, string> = {},
) {
  return {
    command: `node scripts/e2e-server.mjs --name "${name}" --url ${url} --timeout ${seconds} -- ${command}`,
    url,
    env: { TENANT_ISSUER, ...env },
    reuseExistingServer: !isCI,
    timeout: (seconds + 30) * 1000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}
export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: isCI,
  // One retry in CI, and only there: a test that passes only on its retry is reported as flaky (npm test's
  // summary names the count), never hidden. Seen once in 7 full runs on 2 cores: the prompt=none tryout's
  // "Tamper with the state" checkbox never became stable for Playwright's click (cause not found yet).
  retries: isCI ? 1 : 0,
  workers: isCI ? 2 : undefined,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? 'reports/test/e2e.json' }],
  ],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath, args: chromiumFlags },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'site',
      testIgnore: /base-url\.spec\.ts/,
      use: { baseURL: `http://localhost:${SITE_PORT}/` },
    },
    {
      name: 'portal',
      testMatch: /base-url\.spec\.ts/,
      use: { baseURL: `http://localhost:${PORTAL_PORT}/portal/` },
    },
  ],
  // Each server starts through scripts/e2e-server.mjs, which names the server, its port and its last output
  // lines when it exits or does not answer in time; Playwright's own wait is only the backstop behind it.
  webServer: [
    server(
      'site at /',
      `http://localhost:${SITE_PORT}/`,
      600,
      `node scripts/serve-build.mjs build / ${SITE_PORT}`,
    ),
    server(
      'site at /portal/',
      `http://localhost:${PORTAL_PORT}/portal/`,
      600,
      `node scripts/serve-build.mjs build-portal /portal/ ${PORTAL_PORT}`,
    ),
    // Probe 127.0.0.1 (where the tenant listens) so the readiness check never waits on an IPv6 `localhost`.
    server(
      'local test tenant',
      `http://127.0.0.1:${TENANT_PORT}/.well-known/openid-configuration`,
      120,
      'node --import tsx src/tenant/cli.ts',
      { TENANT_PORT: String(TENANT_PORT) },
    ),
  ],
});
