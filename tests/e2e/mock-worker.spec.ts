// The mock's service worker answers only the mock issuer (static/mock-worker.js, issue #19): once it
// runs, the login window's round-trip pages (mock authorize, callback) still come from the network,
// not through MSW's passthrough on the worker's one thread, which cost the scope builder's Run a few
// milliseconds per page and script on every login.
import { expect, test, type Response } from '@playwright/test';
import { gotoHydrated, signInIfAsked } from './support/site';

test('with the mock running, the login window’s pages and scripts bypass its worker; the mock’s answers come from it', async ({
  page,
}) => {
  await gotoHydrated(page, 'tools/scope-builder?env=mock');
  const widget = page.locator('[data-widget="scope builder"]');
  const run = widget.getByRole('button', { name: 'Run', exact: true });
  const verdict = widget.getByRole('region', { name: 'Run', exact: true }).getByRole('status');
  // The first Run starts the mock and logs in (the login screen); the second reuses the SSO session.
  const first = page.waitForEvent('popup');
  await run.click();
  await signInIfAsked(await first);
  await expect(verdict).toHaveText(/^Done: tokens received/);
  await expect(run).not.toHaveAttribute('aria-disabled', 'true');

  const mockAnswers: Response[] = [];
  page.on('response', (r) => {
    if (r.url().startsWith('https://mock.telenorid.invalid/')) mockAnswers.push(r);
  });
  // The window closes itself at once with the SSO session: listen on the context, before the click,
  // so no answer and no close is missed (a listener added once the popup exists could miss both).
  const windowAnswers: Response[] = [];
  page.context().on('response', (r) => {
    if (/\/(mock\/authorize|callback)\/|\/assets\/round-trip\//.test(new URL(r.url()).pathname))
      windowAnswers.push(r);
  });
  const second = page.waitForEvent('popup');
  await run.click();
  const popup = await second;
  await expect.poll(() => popup.isClosed()).toBe(true);
  await expect(verdict).toHaveText(/^Done: tokens received/);

  // Both pages passed through the window (their scripts are inside them: plugins/round-trip-pages.ts).
  expect(windowAnswers.map((r) => new URL(r.url()).pathname)).toEqual(['/mock/authorize/', '/callback/']);
  expect(windowAnswers.filter((r) => r.fromServiceWorker()).map((r) => new URL(r.url()).pathname)).toEqual(
    [],
  );
  expect(mockAnswers.map((r) => new URL(r.url()).pathname)).toContain('/connect/token');
  expect(mockAnswers.every((r) => r.fromServiceWorker())).toBe(true);
});
