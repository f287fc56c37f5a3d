// What a reader met in the walkthrough of issue 20, one check per finding, each of which failed
// before its fix: a Copy link that copied a dead link, search hits that were placeholders, share
// links and redirect returns that landed at the top of a long page, a pasted callback that dropped
// what arrived, the discovery explorer's wrong words, tables broken letter by letter on phones, epoch
// numbers, "refresh every 0 minutes", and the mock's stage machinery shown as the protocol.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gotoHydrated, signInIfAsked } from './support/site';

const silentTryout = (page: Page) => page.locator('[data-widget="prompt=none tryout"]');
const explorer = (page: Page) => page.locator('[data-widget="discovery explorer"]');
const simulator = (page: Page) => page.locator('[data-widget="refresh-error simulator"]');

/** The element renders on one line: its height is below two of its line heights. */
async function expectOneLine(cell: Locator, what: string) {
  const { height, line } = await cell.evaluate((el) => {
    const style = getComputedStyle(el);
    const lh = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
    return {
      height:
        el.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom),
      line: lh,
    };
  });
  expect(height, `${what} wraps (${height}px for a ${line}px line)`).toBeLessThan(line * 1.8);
}

test.describe('1. Copy link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies and prints the address this page is served from, not the localhost:3000 placeholder', async ({
    page,
  }) => {
    await gotoHydrated(page, 'faq/login-required');
    // The page's own address (the e2e build has no SITE_URL, so the placeholder would be localhost:3000).
    const expected = page.url().replace(/\/$/, '');
    expect(expected).toMatch(/\/faq\/login-required$/);
    const printed = page.getByRole('main').locator('code').filter({ hasText: '/faq/login-required' }).first();
    await expect(printed).toHaveText(expected);
    await page.getByRole('button', { name: /copy link/i }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  });
});

test('2. search shows answers, not widget placeholders or Copy link buttons; each error code finds its answer first', async ({
  page,
}) => {
  await gotoHydrated(page, '');
  const box = page.getByPlaceholder('Search');
  const options = page.getByRole('listbox').getByRole('option');
  /** The hits for a term, once the list shows that term's results (cleared in between: no stale list). */
  const hits = async (term: string, mentions = term) => {
    await box.fill('');
    await expect(options).toHaveCount(0);
    await box.fill(term);
    await expect(options.first()).toContainText(mentions, { ignoreCase: true });
    return (await options.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
  };
  const placeholders = (texts: string[]) => texts.filter((t) => /Loading the|Copy link/.test(t));
  expect(placeholders(await hits('prompt=none'))).toEqual([]);
  expect(placeholders(await hits('tryout'))).toEqual([]);
  expect((await hits('invalid_grant'))[0]).toContain('Refresh fails with HTTP 400 invalid_grant');
  expect((await hits('login_required'))[0]).toContain('prompt=none returns login_required');
  expect((await hits('consent_required'))[0]).toContain('consent_required or interaction_required');
  const promptNone = await hits('prompt=none');
  expect(promptNone.slice(0, 5).some((t) => t.includes('Check if the user has a session'))).toBe(true);
});

test.describe('3. the widget comes into view', () => {
  test('a prompt=none share link to the long /authorize page scrolls to the tryout', async ({ page }) => {
    await gotoHydrated(page, 'api/authorize?env=mock&session=on&mode=iframe');
    await expect(
      silentTryout(page).getByRole('button', { name: 'Check session (prompt=none)' }),
    ).toBeVisible();
    await expect(silentTryout(page)).toBeInViewport();
  });

  test('the same page without a share link stays at the top', async ({ page }) => {
    await gotoHydrated(page, 'api/authorize?env=mock');
    await expect(
      silentTryout(page).getByRole('button', { name: 'Check session (prompt=none)' }),
    ).toBeAttached();
    await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
    await expect(silentTryout(page)).not.toBeInViewport();
  });

  test('the return of a full-page redirect check lands on the tryout', async ({ page }) => {
    await gotoHydrated(page, 'api/authorize?env=mock');
    await silentTryout(page)
      .getByRole('radio', { name: /Top-level redirect/ })
      .check();
    await silentTryout(page).getByRole('button', { name: 'Check session (prompt=none)' }).click();
    // The tab goes to /authorize and back to the tryout's anchor on this page.
    await page.waitForURL((url) => url.hash === '#prompt-none-tryout' && !url.search.includes('code='));
    await expect(silentTryout(page).getByRole('status')).toContainText('login_required', { timeout: 20_000 });
    await expect(silentTryout(page)).toBeInViewport();
  });

  test('the scope builder at the end of /authorize comes back into view after a redirect login, its claims’ times as dates', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      window.open = () => null; // a blocked popup: the builder falls back to a full-page redirect
    });
    await gotoHydrated(page, 'api/authorize?env=mock');
    const builder = page.locator('[data-widget="scope builder"]');
    await expect(builder.getByLabel('Authorization URL', { exact: true })).toHaveValue(/^https?:\/\//, {
      timeout: 20_000,
    });
    await builder.getByRole('button', { name: 'Run', exact: true }).click();
    await signInIfAsked(page, { popup: false }); // the mock's login screen, in this tab
    const status = builder.getByRole('region', { name: 'Run', exact: true }).getByRole('status');
    await expect(status).toHaveText(/^Done: tokens received/, { timeout: 30_000 });
    await expect(builder).toBeInViewport();
    await expect(page.getByRole('heading', { level: 1 })).not.toBeInViewport();
    // 7: exp and iat as a date and "in … / … ago", not bare epoch seconds.
    const idToken = builder.getByRole('table', { name: 'Claims in the ID token' });
    await expect(idToken.locator('tr[data-claim="exp"]')).toContainText(/\d{4}, \d\d:\d\d:\d\d .*\(in \d/);
    await expect(idToken.locator('tr[data-claim="iat"]')).toContainText(/\((now|\d+ s ago)\)/);
    await expect(builder.getByRole('region', { name: 'Run results' })).toContainText(
      /expires_in \d+: the access token expires at/,
    );
  });
});

test.describe('4. a pasted callback', () => {
  test('a code: shown redacted until revealed, with the note that no login here waits, and gone from the address bar', async ({
    page,
  }) => {
    const code = 'SplxlOBeZQQYbYS6WxSbIA-pasted-code';
    await page.goto(`callback/?code=${code}&state=xyz&iss=https%3A%2F%2Fmock.telenorid.invalid`);
    await expect(page.getByRole('heading', { name: 'An authorization code arrived' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('No login started in this tab');
    const shown = page.getByTestId('arrived-code');
    await expect(shown).not.toHaveText(code);
    await page.getByRole('button', { name: 'Reveal the code' }).click();
    await expect(shown).toHaveText(code);
    await expect(page.getByRole('main')).toContainText('https://mock.telenorid.invalid');
    expect(page.url()).not.toContain(code);
  });

  test('an error: explained from the catalogue, linked to its answer, its description kept as text', async ({
    page,
  }) => {
    await page.goto(
      'callback/?error=login_required&error_description=%3Cb%3Eno%20session%3C%2Fb%3E&state=s1',
    );
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: /answered with an error: login_required/ })).toBeVisible();
    await expect(main).toContainText('the user has no SSO session at TelenorID+');
    await expect(main).toContainText('<b>no session</b>');
    await expect(main.locator('b')).toHaveCount(0);
    await main.getByRole('link', { name: /Read the answer for login_required/ }).click();
    await expect(page).toHaveURL(/\/faq\/login-required/);
  });
});

test.describe('5. discovery explorer', () => {
  test('the local tenant’s claim_types_supported is explained, not listed as an unknown extension', async ({
    page,
  }) => {
    await gotoHydrated(page, 'tools/discovery-explorer?env=local');
    await explorer(page).getByRole('button', { name: 'Explore' }).click();
    await expect(explorer(page).getByRole('status').first()).toHaveText(/^Valid/, { timeout: 20_000 });
    const fields = explorer(page).getByRole('region', { name: 'Fields explained' });
    await expect(fields.locator('th').filter({ hasText: /^claim_types_supported$/ })).toHaveCount(1);
    await expect(fields.getByText(/extensions this explorer does not know/)).toHaveCount(0);
  });

  test('a typed issuer is not labelled with the picked environment', async ({ page }) => {
    await gotoHydrated(page, 'tools/discovery-explorer');
    const form = explorer(page).locator('form');
    await expect(form).toContainText('Environment: Mock');
    await explorer(page).getByLabel('Issuer URL').fill('https://issuer.example');
    await expect(form).not.toContainText('Environment: Mock');
    await expect(form).toContainText('Your own issuer URL');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('comparing with a side that failed says so; headers and key tables do not wrap letter by letter', async ({
      page,
    }) => {
      await gotoHydrated(page, 'tools/discovery-explorer');
      await explorer(page).getByRole('button', { name: 'Explore' }).click();
      const keys = explorer(page).getByRole('region', { name: 'Keys in the JWKS' });
      for (const header of ['kid', 'kty', 'alg', 'use', 'Size'])
        await expectOneLine(
          keys.getByRole('columnheader', { name: header, exact: true }),
          `JWKS header ${header}`,
        );

      const compare = explorer(page).getByRole('region', { name: 'Compare two environments' });
      await compare.getByLabel('Left: environment').selectOption('custom');
      await compare.getByLabel('Left: issuer URL').fill('http://127.0.0.1:9');
      await compare.getByLabel('Right: environment').selectOption('mock');
      await compare.getByRole('button', { name: 'Compare' }).click();
      await expect(compare).toContainText('The left side (http://127.0.0.1:9) could not be read', {
        timeout: 20_000,
      });
      await expect(compare).not.toContainText(/fields differ/);

      await compare.getByLabel('Left: environment').selectOption('mock');
      await compare.getByRole('button', { name: 'Compare' }).click();
      const table = compare.getByRole('region', { name: 'Field by field comparison' });
      for (const header of ['Field', 'Left', 'Right', 'Status'])
        await expectOneLine(
          table.getByRole('columnheader', { name: header, exact: true }),
          `compare header ${header}`,
        );
    });
  });
});

test.describe('6. tables and the navbar', () => {
  test('desktop: /authorize’s parameter table keeps “Parameter” and “client_id” whole', async ({ page }) => {
    await gotoHydrated(page, 'api/authorize');
    const table = page.getByRole('region', { name: /^Table: Parameter/ }).first();
    await expectOneLine(table.getByRole('columnheader', { name: 'Parameter' }), 'Parameter header');
    await expectOneLine(table.locator('code', { hasText: /^client_id$/ }).first(), 'client_id');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('a wide table scrolls sideways in a focusable region; code cells stay whole; the navbar title is not cut', async ({
      page,
    }) => {
      await gotoHydrated(page, 'api/authorize');
      const region = page.getByRole('region', { name: /^Table: Parameter/ }).first();
      await expect(region).toHaveAttribute('tabindex', '0');
      await expectOneLine(region.locator('code', { hasText: /^client_id$/ }).first(), 'client_id');
      await expectOneLine(region.getByRole('columnheader', { name: 'Parameter' }), 'Parameter header');
      const { scrollWidth, clientWidth } = await region.evaluate((el) => ({
        scrollWidth: el.scrollWidth,
        clientWidth: el.clientWidth,
      }));
      expect(scrollWidth).toBeGreaterThanOrEqual(clientWidth);
      // The page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      const title = page.locator('.navbar__inner .navbar__title');
      const box = (await title.boundingBox())!;
      const search = (await page.locator('.navbar [class*="navbarSearchContainer"]').boundingBox())!;
      expect(box.x + box.width, 'the title runs under the search button').toBeLessThanOrEqual(search.x);
      expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    });
  });
});

test.describe('7 and 8. the refresh simulator on the mock', () => {
  test('shows expires_in as a time, refuses “refresh every 0 minutes”, and shows the refresh your client sends, not the mock’s scenario switch', async ({
    page,
  }) => {
    const scenarioRequests: string[] = [];
    await gotoHydrated(page, 'tools/refresh-simulator?env=mock');
    const widget = simulator(page);

    const every = widget.getByRole('spinbutton', { name: /Refresh every/ });
    const summary = widget
      .getByRole('region', { name: /Policy timeline/ })
      .locator('p strong')
      .first();
    const before = await summary.textContent();
    for (const [typed, sentence] of [
      ['0', /A client cannot refresh every 0 minutes/],
      ['-5', /cannot be negative/],
      ['', /Enter how often the client refreshes/],
      ['99999999', /more than a year/],
    ] as const) {
      await every.fill(typed);
      await expect(widget.getByRole('alert').filter({ hasText: sentence })).toBeVisible();
      await expect(every).toHaveAttribute('aria-invalid', 'true');
    }
    expect(await summary.textContent()).toBe(before);
    await every.fill('5');
    await expect(every).toHaveAttribute('aria-invalid', 'false');

    page.on('request', (r) => {
      if (r.url().includes('/__mock/scenario')) scenarioRequests.push(r.url());
    });
    await widget.locator('input[type="radio"][value="PublicWithRefresh"]').check();
    const popup = page.waitForEvent('popup');
    await widget.getByRole('button', { name: 'Log in with offline_access' }).click();
    await signInIfAsked(await popup);
    await expect(widget.getByRole('status')).toHaveText(/^200 OK — logged in as PublicWithRefresh/);
    const wire = widget.getByRole('region', { name: 'HTTP exchanges' });
    await expect(wire).toContainText(/expires_in \d+: the access token expires at .* \(in \d/);

    await widget.getByRole('button', { name: /Expired under its policy/ }).click();
    await expect(widget.getByRole('status')).toHaveText(/^400 invalid_grant — /, { timeout: 20_000 });
    await expect(wire).toContainText('Refresh after the lifetime');
    await expect(wire).toContainText('grant_type=refresh_token');
    await expect(wire).toContainText('Mock only, not a request your client makes');
    await expect(wire).not.toContainText('__mock');
    // The switch still happens: it is how the mock stages the cause.
    expect(scenarioRequests.length).toBeGreaterThan(0);
  });
});
