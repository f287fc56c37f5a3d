// The local test tenant's login page in a real browser: its title, its users, and a login that ends
// at the portal's callback with a code. The tenant runs as a Playwright webServer (playwright.config.ts).
import AxeBuilder from '@axe-core/playwright';
import { createHash, randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { watchConsole } from './support/console';

// As in playwright.config.ts, which starts the tenant there.
const TENANT_ISSUER = process.env.TENANT_ISSUER ?? `http://localhost:${process.env.E2E_TENANT_PORT ?? 4400}`;

test('the login page lists the test users and logs one in', async ({ page, baseURL }) => {
  const { problems } = watchConsole(page);
  const verifier = randomBytes(32).toString('base64url');
  const callback = new URL('callback/', baseURL).href;
  const authorize = new URL('/connect/authorize', TENANT_ISSUER);
  authorize.search = new URLSearchParams({
    client_id: 'local-public',
    redirect_uri: callback,
    response_type: 'code',
    scope: 'openid profile',
    state: 'e2e',
    login_hint: '+4799957009',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

  await page.goto(authorize.href);
  await expect(page).toHaveTitle('Local test tenant — test users only');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Local test tenant — test users only');
  const users = page.getByRole('list', { name: 'Test users' }).getByRole('button');
  await expect(users).toHaveCount(3);
  await expect(users.first()).toContainText('Ulv Telenormobilno');

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  expect(problems).toEqual([]);

  // The callback page clears its address bar at once (a static page since issue #19): read the
  // URL the tenant redirected to from the request.
  const arrival = page.waitForRequest((r) => r.url().startsWith(callback) && r.isNavigationRequest());
  await users.first().click();
  const back = new URL((await arrival).url());
  expect(back.searchParams.get('code')).toBeTruthy();
  expect(back.searchParams.get('state')).toBe('e2e');
});
