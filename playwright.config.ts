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

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
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
  webServer: [
    {
      command: `node scripts/serve-build.mjs build / ${SITE_PORT}`,
      url: `http://localhost:${SITE_PORT}/`,
      env: { TENANT_ISSUER },
      reuseExistingServer: !isCI,
      timeout: 600_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node scripts/serve-build.mjs build-portal /portal/ ${PORTAL_PORT}`,
      url: `http://localhost:${PORTAL_PORT}/portal/`,
      env: { TENANT_ISSUER },
      reuseExistingServer: !isCI,
      timeout: 600_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // scripts/serve-tenant.mjs restarts a tenant that does not answer within 90 s (seen under heavy load).
      command: 'node scripts/serve-tenant.mjs',
      // Probe 127.0.0.1 (where the tenant listens) so the readiness check never waits on an IPv6 `localhost`.
      url: `http://127.0.0.1:${TENANT_PORT}/.well-known/openid-configuration`,
      env: { TENANT_PORT: String(TENANT_PORT), TENANT_ISSUER },
      reuseExistingServer: !isCI,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
