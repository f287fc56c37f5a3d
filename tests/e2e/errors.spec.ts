// The error reference as readers reach it: /errors lists every code, a section says what it means and
// where to go, /errors/<code> opens its section, the tool link opens the tool, and a failure a widget
// shows links to its section.
import { expect, test } from '@playwright/test';
import { explain } from '../../src/oidc/catalogue';
import { errorCodes } from '../../src/oidc/catalogue/error-reference';
import { gotoHydrated } from './support/site';

test('/errors lists every code of the catalogue, each with its section; the footer links it', async ({
  page,
}) => {
  await gotoHydrated(page, 'errors');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Error reference');
  for (const code of errorCodes) {
    await expect(main.getByRole('link', { name: code, exact: true }), code).toHaveAttribute(
      'href',
      `#${code}`,
    );
    await expect(main.locator(`h3[id="${code}"]`), code).toContainText(code);
  }
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Error reference' })).toBeVisible();
});

test('/errors/invalid_grant opens its section: meaning, causes, what to do, the FAQ answer, the tool', async ({
  page,
}) => {
  await page.goto('errors/invalid_grant');
  await page.waitForURL(/\/errors\/?#invalid_grant$/);
  const heading = page.locator('h3[id="invalid_grant"]');
  await expect(heading).toHaveText(/invalid_grant: the grant is no longer valid/);
  await expect(heading).toBeInViewport();
  const main = page.getByRole('main');
  await expect(main).toContainText(explain('invalid_grant').meaning);
  await expect(main).toContainText(explain('invalid_grant').reaction);
  await expect(
    main.getByRole('link', { name: 'Refresh fails with HTTP 400 invalid_grant' }).first(),
  ).toHaveAttribute('href', /\/faq\/invalid-grant$/);
  await main.getByRole('link', { name: 'Cause it in the refresh-error simulator' }).first().click();
  await expect(page).toHaveURL(
    /\/tools\/refresh-simulator\?env=mock&client=PublicWithRefresh&cause=expired$/,
  );
  await expect(page.locator('[data-widget="refresh-error simulator"]')).toBeVisible();
});

test('a code TelenorID+ does not document is marked assumed', async ({ page }) => {
  await gotoHydrated(page, 'errors#invalid_client');
  const section = page.locator('h3[id="invalid_client"] + p');
  await expect(section.getByRole('link', { name: 'assumed' })).toBeVisible();
});

test('a failure a widget shows links to its section, and the link lands there', async ({ page }) => {
  await gotoHydrated(page, 'tools/discovery-explorer?env=mock&issuer=http%3A%2F%2Fid-test.telenor.no');
  await page
    .locator('[data-widget="discovery explorer"]')
    .getByRole('link', { name: /About insecure_http in the error reference/ })
    .click();
  await expect(page).toHaveURL(/\/errors#insecure_http$/);
  await expect(page.locator('h3[id="insecure_http"]')).toBeInViewport();
});

test('search: a code without an FAQ answer finds its section first, and the hit opens it', async ({
  page,
}) => {
  await gotoHydrated(page, '');
  await page.getByPlaceholder('Search').fill('invalid_client');
  const first = page.getByRole('listbox').getByRole('option').first();
  await expect(first).toContainText('invalid_client: the client could not be');
  await first.click();
  await expect(page).toHaveURL(/\/errors(\?_highlight=invalid_client)?#invalid_client$/);
  await expect(page.locator('h3[id="invalid_client"]')).toBeInViewport();
});
