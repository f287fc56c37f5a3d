// The device-flow and CIBA tryouts by keyboard and under axe (issue #23's rules): started with
// Enter, answered on the simulated phone by keyboard, then axe on the result in light and dark.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { gotoHydrated } from './support/site';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectClean(page: Page, selector: string) {
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => {
      document.documentElement.dataset.theme = t;
    }, theme);
    const axe = await new AxeBuilder({ page }).include(selector).withTags(tags).analyze();
    for (const v of axe.violations)
      if (v.impact === 'serious' || v.impact === 'critical')
        found.push(`${theme}: ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  expect(found).toEqual([]);
}

test('device flow: Enter in the scope field starts it; the code, the polls and the tokens pass axe', async ({
  page,
  context,
}) => {
  await page.clock.install();
  await gotoHydrated(page, 'tools/device-flow?env=mock');
  const widget = page.locator('[data-widget="device flow tryout"]');
  await widget.getByRole('textbox', { name: /scope/ }).press('Enter');
  await expect(widget.locator('[data-run-status]')).toContainText('First poll in 5 s');
  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    widget.getByRole('link', { name: 'Open the verification page in a new tab' }).click(),
  ]);
  // The verification page: focus starts on Approve (the code is filled in); Enter approves.
  await expect(tab.getByRole('button', { name: 'Approve' })).toBeFocused();
  await tab.keyboard.press('Enter');
  await expect(tab.locator('#device-result')).toHaveText(/^Done/);
  await tab.close();
  await page.clock.fastForward(5000);
  // The page clock also runs in real time: a slow machine (an axe scan) may let one more poll fire first.
  await expect(widget).toContainText(/Approved: tokens after \d+ polls?/);
  await expectClean(page, '[data-widget="device flow tryout"]');
});

test('CIBA: Send by keyboard, Approve on the phone by keyboard; the result passes axe', async ({ page }) => {
  await page.clock.install();
  await gotoHydrated(page, 'tools/ciba?env=mock');
  const widget = page.locator('[data-widget="CIBA tryout"]');
  await widget.getByRole('button', { name: 'Send the CIBA request' }).focus();
  await page.keyboard.press('Enter');
  const approve = widget.getByRole('button', { name: 'Approve' });
  await expect(approve).toBeVisible();
  await expectClean(page, '[data-widget="CIBA tryout"]');
  await approve.focus();
  await page.keyboard.press('Enter');
  await page.clock.fastForward(5000);
  // The page clock also runs in real time: a slow machine (an axe scan) may let one more poll fire first.
  await expect(widget).toContainText(/Approved: tokens after \d+ polls?/);
  await expectClean(page, '[data-widget="CIBA tryout"]');
});
