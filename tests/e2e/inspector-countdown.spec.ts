// The inspector's expires_in counts down as the reader watches (once a second, the page clock moved
// here instead of waiting), and stands still once the access token has expired.
import { expect, test } from '@playwright/test';
import { gotoHydrated } from './support/site';

test('a pasted token response: expires_in ticks down to the second, then says when it expired', async ({
  page,
}) => {
  await page.clock.install();
  await gotoHydrated(page, 'tools/inspector?env=mock');
  // From here time stands still unless the test moves it: each second is the test's.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  const inspector = page.locator('[data-widget="inspector"]');
  await inspector
    .getByLabel(/^Paste a token/)
    .fill(JSON.stringify({ access_token: 'opaque-access-token', token_type: 'Bearer', expires_in: 65 }));
  const line = inspector.getByText(/^expires_in 65: the access token/);
  await expect(line).toHaveText(/expires at .* \(in 1 min 5 s\)$/);
  await page.clock.runFor(1_000);
  await expect(line).toHaveText(/\(in 1 min 4 s\)$/);
  await page.clock.runFor(60_000);
  await expect(line).toHaveText(/\(in 4 s\)$/);
  await page.clock.runFor(5_000);
  await expect(line).toHaveText(/^expires_in 65: the access token expired at \d\d:\d\d:\d\d \S+$/);
});
