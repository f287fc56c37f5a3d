// The error reference as readers reach it: the index lists every code, a page says what it means and
// where to go, its tool link opens the tool, and a failure a widget shows links to its page.
import { expect, test } from '@playwright/test';
import { errorCodes, explain } from '../../src/oidc/catalogue';
import { gotoHydrated } from './support/site';

test('the index lists every code of the catalogue, each linked to its page', async ({ page }) => {
  await gotoHydrated(page, 'errors');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Error reference');
  for (const code of errorCodes)
    await expect(main.getByRole('link', { name: code, exact: true }), code).toHaveAttribute(
      'href',
      new RegExp(`/errors/${code}$`),
    );
  // Reachable from every page: the footer.
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Error reference' })).toBeVisible();
});

test('a page: meaning, endpoints, causes, what to do, the FAQ answer, and a tool link that opens the tool', async ({
  page,
}) => {
  await gotoHydrated(page, 'errors/invalid_grant');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(
    'invalid_grant: the grant is no longer valid',
  );
  await expect(main).toContainText(explain('invalid_grant').meaning);
  await expect(main).toContainText(explain('invalid_grant').reaction);
  for (const h of ['Where it comes from', 'Causes', 'What to do', 'Read more', 'Reproduce it'])
    await expect(main.getByRole('heading', { name: h, level: 2 })).toBeVisible();
  await expect(main.getByRole('link', { name: 'Refresh fails with HTTP 400 invalid_grant' })).toHaveAttribute(
    'href',
    /\/faq\/invalid-grant$/,
  );
  await main.getByRole('link', { name: 'Earn it in the refresh-error simulator' }).click();
  await expect(page).toHaveURL(
    /\/tools\/refresh-simulator\?env=mock&client=PublicWithRefresh&cause=expired$/,
  );
  await expect(page.locator('[data-widget="refresh-error simulator"]')).toBeVisible();

  await gotoHydrated(page, 'errors/invalid_client');
  await expect(page.getByRole('main').getByRole('link', { name: 'assumed' })).toBeVisible();
});

test('a failure a widget shows links to its page, and the link lands there', async ({ page }) => {
  await gotoHydrated(page, 'tools/discovery-explorer?env=mock&issuer=http%3A%2F%2Fid-test.telenor.no');
  const link = page
    .locator('[data-widget="discovery explorer"]')
    .getByRole('link', { name: /About insecure_http in the error reference/ });
  await link.click();
  await expect(page).toHaveURL(/\/errors\/insecure_http$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('insecure_http');
});
