// Issue #19: diagrams are pictures drawn ahead of the browser (static/diagrams/): the one of the
// colour mode shows without script, opens full size (by keyboard too), and keeps its text version.
import { expect, test } from '@playwright/test';
import { gotoHydrated } from './support/site';

const first = 'concepts-flows-1';

test('a diagram shows the picture of the colour mode, switching with the theme toggle', async ({ page }) => {
  await gotoHydrated(page, 'concepts/flows');
  const figure = page.locator(`#diagram-${first}`);
  const light = figure.locator('.diagram__view--light img');
  const dark = figure.locator('.diagram__view--dark img');
  await expect(light).toBeVisible();
  await expect(dark).toBeHidden();
  await expect(light).toHaveAttribute(
    'alt',
    /^Authorization code flow for a confidential client\. .*back end/,
  );
  expect(await light.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const toggle = page.getByRole('button', { name: /switch between dark and light mode/i });
  for (let i = 0; i < 3 && (await page.locator('html').getAttribute('data-theme')) !== 'dark'; i += 1)
    await toggle.click();
  await expect(dark).toBeVisible();
  await expect(light).toBeHidden();
  await expect
    .poll(() => dark.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true);
});

test('without JavaScript the diagram is still there, and its text version opens', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('concepts/flows');
  const figure = page.locator(`#diagram-${first}`);
  await expect(figure.locator('img').first()).toBeVisible();
  await figure.getByText('Text version').click();
  await expect(figure.locator('pre')).toContainText('POST /connect/token');
  await context.close();
});

test('by keyboard: the diagram opens full size as its own picture', async ({ page }) => {
  await gotoHydrated(page, 'concepts/flows');
  const link = page.locator(`#diagram-${first} .diagram__view--light`);
  await link.focus();
  await expect(link).toBeFocused();
  await expect(link).toHaveAccessibleName(/Authorization code flow .* Open full size$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/diagrams/${first}\\.light\\.svg$`));
  const svg = page.locator('svg').first();
  await expect(svg).toContainText('/connect/token');
});

test('on a phone the picture fits the column and opens at its full width', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await gotoHydrated(page, 'concepts/flows');
  const img = page.locator(`#diagram-${first} .diagram__view--light img`);
  const box = await img.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  await page.locator(`#diagram-${first} .diagram__view--light`).tap();
  await expect(page).toHaveURL(/\.light\.svg$/);
  // Its natural size, wider than the phone: the reader pans and pinch-zooms the picture itself.
  const width = await page.locator('svg').first().getAttribute('width');
  expect(Number(width)).toBeGreaterThan(1000);
  await context.close();
});
