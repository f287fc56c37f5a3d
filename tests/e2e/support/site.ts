// Helpers shared by the e2e specs: the built site's URLs and "page is ready" waits.
import { existsSync, readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** Paths (relative to baseUrl, no leading slash) of every page in build/sitemap.xml. */
export function sitemapPaths(buildDir = 'build'): string[] {
  const file = `${buildDir}/sitemap.xml`;
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run build\` before the e2e tests (npm test does both).`);
  }
  const xml = readFileSync(file, 'utf8');
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  if (locs.length === 0) throw new Error(`${file} lists no pages.`);
  return locs.map((p) => p.replace(/^\//, ''));
}

export async function gotoHydrated(page: Page, path: string): Promise<number> {
  const response = await page.goto(path);
  await expect(page.locator('html[data-has-hydrated="true"]')).toBeAttached();
  return response?.status() ?? 0;
}

/**
 * A login window (a popup, or this page after a redirect) of the mock or the local tenant: when its
 * login screen shows, pick a test user (the first, or the one named), as a reader would; when it does
 * not (an SSO session), there is nothing to do. For a popup, resolves once it has closed.
 */
export async function signInIfAsked(
  login: Page,
  options: { popup?: boolean; user?: RegExp; timeout?: number } = {},
): Promise<'signed-in' | 'no-screen'> {
  const popup = options.popup ?? true;
  const timeout = options.timeout ?? 30_000;
  const users = login.getByRole('list', { name: 'Test users' }).getByRole('button');
  const button = options.user ? users.filter({ hasText: options.user }) : users.first();
  const loginPath = /\/(mock\/authorize|interaction\/)/;
  // In this tab (a redirect login), first wait until the login page is reached.
  if (!popup) await login.waitForURL((u) => loginPath.test(u.pathname), { timeout });
  const closed = popup
    ? login.waitForEvent('close', { timeout }).then(() => 'closed' as const)
    : login.waitForURL((u) => !loginPath.test(u.pathname), { timeout }).then(() => 'closed' as const);
  const screen = button
    .waitFor({ timeout })
    .then(() => 'screen' as const)
    .catch(() => 'closed' as const);
  const first = await Promise.race([closed, screen]);
  if (first === 'screen') {
    await button.click({ timeout });
    if (popup && !login.isClosed()) await closed;
    return 'signed-in';
  }
  return 'no-screen';
}

/**
 * Presses a key in a login window that closes itself once it has answered (a popup at the login
 * screen): the button acts on keydown, so the window may be gone before the key comes up, which
 * Playwright reports as "page closed" — here that is the success. Resolves once the window is closed.
 */
export async function pressInClosingWindow(win: Page, key: string): Promise<void> {
  const closed = win.waitForEvent('close', { timeout: 30_000 }).then(
    () => undefined,
    (error: unknown) => {
      if (!win.isClosed()) throw error;
    },
  );
  await win.keyboard.press(key).catch((error: unknown) => {
    if (!win.isClosed()) throw error;
  });
  await closed;
}
