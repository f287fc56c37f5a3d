// A widget's folded code sample (src/widgets/shared/FoldedCode.tsx, issue #19): the refresh simulator's
// "Handling a failed refresh" builds its highlighted block when the reader first opens it, not while
// the page loads. Until then the fold holds the same code as text (find-in-page finds it); once open,
// by mouse, keyboard or script, the reader sees the highlighted block, never the plain text.
import { expect, test, type Page } from '@playwright/test';
import { gotoHydrated } from './support/site';

const widget = (page: Page) => page.locator('[data-widget="refresh-error simulator"]');
const fold = (page: Page) => widget(page).locator('details', { hasText: 'Handling a failed refresh' });
const summary = (page: Page) => fold(page).locator('summary');

async function openTool(page: Page) {
  await gotoHydrated(page, 'tools/refresh-simulator');
  await expect(summary(page)).toBeVisible();
}

async function expectHighlightedBlock(page: Page) {
  const block = fold(page).locator('.theme-code-block');
  await expect(block).toBeVisible();
  await expect(block).toContainText('refresh.ts');
  await expect(block).toContainText("if (error === 'invalid_grant')");
  await expect(block.locator('.token:not(.plain)').first()).toBeAttached();
  await expect(fold(page).locator('pre[data-folded-code]')).toHaveCount(0);
}

test('closed on load: the code is there as text, no code block is built', async ({ page }) => {
  await openTool(page);
  await expect(fold(page)).not.toHaveAttribute('open');
  await expect(fold(page)).toContainText('client.refreshTokenGrant(config, session.refreshToken)');
  await expect(fold(page).locator('.theme-code-block')).toHaveCount(0);
  await expect(fold(page).locator('.token')).toHaveCount(0);
});

test('a click opens it highlighted, in the frame it opens', async ({ page }) => {
  await openTool(page);
  await summary(page).scrollIntoViewIfNeeded();
  // What the first painted frame after the click holds (requestAnimationFrame runs before that paint).
  const atFirstFrame = await summary(page).evaluate(
    (s) =>
      new Promise<string>((resolve) => {
        (s as HTMLElement).click();
        requestAnimationFrame(() => {
          const d = s.parentElement as HTMLDetailsElement;
          resolve(
            `${d.open} ${Boolean(d.querySelector('.theme-code-block'))} ${Boolean(d.querySelector('pre[data-folded-code]'))}`,
          );
        });
      }),
  );
  expect(atFirstFrame).toBe('true true false');
  await expectHighlightedBlock(page);
  // Closed and opened again, it stays built.
  await summary(page).click();
  await expect(fold(page)).not.toHaveAttribute('open');
  await summary(page).click();
  await expectHighlightedBlock(page);
});

test('by keyboard: Enter on the summary opens it highlighted', async ({ page }) => {
  await openTool(page);
  await summary(page).focus();
  await page.keyboard.press('Enter');
  await expect(fold(page)).toHaveAttribute('open');
  await expectHighlightedBlock(page);
});

test('opened without a click (find-in-page, a script): highlighted too', async ({ page }) => {
  await openTool(page);
  await fold(page).evaluate((d) => {
    (d as HTMLDetailsElement).open = true;
  });
  await expectHighlightedBlock(page);
});
