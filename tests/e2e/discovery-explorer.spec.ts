// The discovery explorer as a developer uses it: against the mock, the local tenant, and every
// kind of broken or hostile issuer — each gets the right verdict and a sentence, nothing breaks.
import { expect, test, type Page } from '@playwright/test';
import { startBadIssuers, type BadIssuers } from './support/bad-issuers';
import { watchConsole } from './support/console';
import { gotoHydrated } from './support/site';

const tool = 'tools/discovery-explorer';
let bad: BadIssuers;

test.beforeAll(async () => {
  bad = await startBadIssuers();
});
test.afterAll(async () => {
  await bad.close();
});

async function explore(page: Page, issuer: string) {
  const box = page.getByLabel('Issuer URL');
  await box.fill(issuer);
  await page.getByRole('button', { name: 'Explore' }).click();
}

function verdict(page: Page) {
  return page.locator('[data-widget="discovery explorer"]').getByRole('status').first();
}

test.describe('discovery explorer', () => {
  test.beforeEach(async ({ page }) => {
    page.on('dialog', (d) => {
      throw new Error(`a dialog opened: ${d.message()}`);
    });
  });

  test('the mock environment is valid, with its keys and scopes explained', async ({ page }) => {
    const { problems } = watchConsole(page);
    await gotoHydrated(page, tool);
    await expect(page.getByLabel('Issuer URL')).toHaveValue('https://mock.telenorid.invalid');
    await page.getByRole('button', { name: 'Explore' }).click();
    await expect(verdict(page)).toHaveText(/^Valid — /);
    await expect(
      page.getByRole('region', { name: 'Signing keys (JWKS)' }).getByRole('cell', { name: 'RSA' }),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Scopes' })).toContainText('ial2');
    await expect(page.getByRole('region', { name: 'Fields explained' })).toContainText(
      'custom_logout_endpoint',
    );
    expect(problems).toEqual([]);
  });

  test('the local test tenant is valid', async ({ page }) => {
    await gotoHydrated(page, `${tool}?env=local`);
    await expect(page.getByLabel('Issuer URL')).toHaveValue(/^http:\/\/localhost:\d+$/);
    await page.getByRole('button', { name: 'Explore' }).click();
    await expect(verdict(page)).toHaveText(/^Valid( with warnings)? — /);
  });

  test('a share link fills the box and runs at once; Share copies such a link', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await gotoHydrated(page, `${tool}?issuer=${encodeURIComponent(bad.issuer('valid'))}`);
    await expect(page.getByLabel('Issuer URL')).toHaveValue(bad.issuer('valid'));
    await expect(verdict(page)).toHaveText(/^Valid/);
    await page.getByRole('button', { name: 'Share' }).click();
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.searchParams.get('issuer')).toBe(bad.issuer('valid'));
    expect(copied.pathname).toMatch(/\/tools\/discovery-explorer$/);
  });

  const cases: [string, string | ((b: BadIssuers) => string), RegExp, RegExp][] = [
    ['not a URL', 'not a url', /^Invalid — /, /not an absolute URL/i],
    ['another scheme', 'ftp://id.example.com', /^Invalid — /, /https/i],
    ['http off loopback', 'http://example.com', /^Invalid — /, /loopback/i],
    ['404', (b) => b.issuer('not-found'), /^Unreachable — /, /404/],
    ['500', (b) => b.issuer('server-error'), /^Unreachable — /, /500/],
    ['HTML with 200', (b) => b.issuer('html'), /^Invalid — /, /not JSON/i],
    ['not JSON', (b) => b.issuer('not-json'), /^Invalid — /, /not JSON/i],
    ['JSON that is not an object', (b) => b.issuer('array'), /^Invalid — /, /array/i],
    ['required fields missing', (b) => b.issuer('missing'), /^Invalid — /, /authorization_endpoint/],
    ['fields of the wrong type', (b) => b.issuer('wrong-types'), /^Invalid — /, /authorization_endpoint/],
    ['issuer mismatch', (b) => b.issuer('mismatch'), /^Invalid — /, /someone-else/],
    ['issuer with a trailing slash', (b) => b.issuer('trailing-slash'), /^Invalid — /, /trailing slash/i],
    ['templated {tenantid} issuer', (b) => b.issuer('tenant'), /^Invalid — /, /\{tenantid\}/],
    ['a redirect', (b) => b.issuer('redirect'), /^Invalid — /, /redirect/i],
    ['a CORS refusal', (b) => b.issuer('cors'), /^Unreachable — /, /CORS/],
    ['a 5 MB document', (b) => b.issuer('huge'), /^Invalid — /, /MiB/],
  ];

  for (const [name, input, expected, sentence] of cases) {
    test(`bad input: ${name}`, async ({ page }) => {
      await gotoHydrated(page, tool);
      await explore(page, typeof input === 'string' ? input : input(bad));
      await expect(verdict(page)).toHaveText(expected, { timeout: 15_000 });
      await expect(page.locator('[data-widget="discovery explorer"]')).toContainText(sentence);
      // The rest of the page still works.
      await expect(page.getByRole('button', { name: 'Explore' })).toBeEnabled();
    });
  }

  test('bad input: no answer within the 10 s timeout', async ({ page }) => {
    test.setTimeout(40_000);
    await gotoHydrated(page, tool);
    await explore(page, bad.issuer('slow'));
    await expect(verdict(page)).toHaveText(/Fetching/);
    await expect(verdict(page)).toHaveText(/^Unreachable — /, { timeout: 15_000 });
    await expect(page.locator('[data-widget="discovery explorer"]')).toContainText(/10 s/);
  });

  test('a slow request can be cancelled', async ({ page }) => {
    await gotoHydrated(page, tool);
    await explore(page, bad.issuer('slow'));
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(verdict(page)).toHaveText(/^Cancelled/);
  });

  test('bad input: deeply nested values do not freeze the tab', async ({ page }) => {
    await gotoHydrated(page, tool);
    await explore(page, bad.issuer('deep'));
    await expect(verdict(page)).toHaveText(/^Invalid — /, { timeout: 15_000 });
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
  });

  test('bad input: HTML, scripts and javascript:/data: URLs are shown as text, never run or linked', async ({
    page,
  }) => {
    await gotoHydrated(page, tool);
    await explore(page, bad.issuer('hostile'));
    await expect(verdict(page)).toHaveText(/^(Valid|Invalid)/);
    const widget = page.locator('[data-widget="discovery explorer"]');
    await widget
      .getByText('Other fields')
      .click()
      .catch(() => undefined);
    await expect(widget).toContainText('javascript:window.__xss=1');
    await expect(widget).toContainText('<img src=x onerror="window.__xss=1">');
    await expect(widget).toContainText('<script>window.__xss=1</script>');
    await expect(widget.locator('a[href^="javascript:"], a[href^="data:"]')).toHaveCount(0);
    await expect(widget.locator('img[src="x"], b[onmouseover]')).toHaveCount(0);
    await page.mouse.move(10, 10);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  test('two environments side by side, differences highlighted', async ({ page }) => {
    await gotoHydrated(page, tool);
    const compare = page.getByRole('region', { name: 'Compare two environments' });
    await compare.getByLabel('Left: environment').selectOption('mock');
    await compare.getByLabel('Right: environment').selectOption('local');
    await compare.getByRole('button', { name: 'Compare' }).click();
    await expect(compare).toContainText(/fields differ/);
    await expect(compare.getByRole('row', { name: /issuer/ }).first()).toContainText('differs');
  });

  test('a page without the widget loads none of its code; the tool page does', async ({ page }) => {
    // Markers of each piece of code: MSW, jose, and the widget itself.
    const markers = ['[MSW]', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'Fetching the metadata of'];
    const scriptsOf = async (path: string, act?: () => Promise<void>) => {
      const urls: string[] = [];
      const listener = (r: { resourceType(): string; url(): string }) => {
        if (r.resourceType() === 'script') urls.push(r.url());
      };
      page.on('request', listener);
      await gotoHydrated(page, path);
      await act?.();
      await page.waitForLoadState('networkidle');
      page.off('request', listener);
      return (await Promise.all(urls.map((u) => page.request.get(u).then((r) => r.text())))).join('\n');
    };
    const plain = await scriptsOf('help/glossary');
    for (const marker of markers) expect(plain, marker).not.toContain(marker);
    const tool = await scriptsOf('tools/discovery-explorer', async () => {
      await page.getByRole('button', { name: 'Explore' }).click();
      await expect(verdict(page)).toHaveText(/^Valid/);
    });
    for (const marker of markers) expect(tool, marker).toContain(marker);
  });
});
