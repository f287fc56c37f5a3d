// Issue 22 as a reader meets it: a fact TelenorID+ does not document carries an "assumed" mark whose
// note says so (on hover, on keyboard focus, and to a screen reader), the mark leads to the list of
// assumptions, and old heading ids with typos land on their sections.
import { expect, test } from '@playwright/test';
import { watchConsole } from './support/console';
import { gotoHydrated } from './support/site';

test('the assumptions page lists what to confirm with the TelenorID+ team, with its standard', async ({
  page,
}) => {
  const { problems } = watchConsole(page);
  await gotoHydrated(page, 'help/assumptions');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'What TelenorID+ documents and what this portal assumes',
  );
  const revocation = page.getByRole('row', { name: /^revocation_endpoint/ });
  await expect(revocation).toContainText('RFC 7009');
  await expect(revocation.getByRole('link', { name: /RFC 7009/ })).toHaveAttribute(
    'href',
    'https://www.rfc-editor.org/rfc/rfc7009',
  );
  await expect(page.getByRole('row', { name: /Refresh token reused after rotation/ })).toContainText(
    'RFC 9700',
  );
  await expect(page.getByRole('row', { name: /prompt=consent \(local tenant only\)/ })).toContainText(
    'oidc-provider',
  );
  // Documented facts stay off the list.
  await expect(page.getByRole('row', { name: /^login_required/ })).toHaveCount(0);
  // It is in the guide sidebar, under Help.
  await expect(
    page.locator('.theme-doc-sidebar-menu').getByRole('link', { name: 'What the portal assumes' }),
  ).toBeVisible();
  expect(problems).toEqual([]);
});

test('a mark on a guide page says why it is assumed on keyboard focus, and leads to the list', async ({
  page,
}) => {
  await gotoHydrated(page, 'api/refresh-tokens');
  // The page's own prose mark (the simulator further down has its own).
  const mark = page
    .locator('.theme-doc-markdown > p')
    .getByRole('link', { name: 'assumed', description: /standard behaviour per RFC 7009/ })
    .first();
  const noteId = await mark.getAttribute('aria-describedby');
  const note = page.locator(`[id="${noteId}"]`);
  await expect(note).toHaveText(/^Not documented by TelenorID\+; standard behaviour per RFC 7009/);
  await mark.focus();
  await expect(note).toBeVisible();
  expect((await note.boundingBox())!.width).toBeGreaterThan(100);
  await mark.press('Enter');
  await expect(page).toHaveURL(/\/help\/assumptions$/);
});

test('the discovery explorer marks the revocation endpoint as assumed (the guide says "todo")', async ({
  page,
}) => {
  await gotoHydrated(page, 'tools/discovery-explorer');
  await page.getByRole('button', { name: 'Explore' }).click();
  const row = page.getByRole('row', { name: /revocation_endpoint/ });
  await expect(row.getByRole('link', { name: 'assumed', description: /RFC 7009/ })).toBeVisible();
  await expect(
    page.getByRole('row', { name: /^token_endpoint/ }).getByRole('link', { name: 'assumed' }),
  ).toHaveCount(0);
});

test('the refresh simulator marks the causes TelenorID+ does not document, and no others', async ({
  page,
}) => {
  await gotoHydrated(page, 'tools/refresh-simulator');
  const causes = page.getByRole('region', { name: 'Causes of invalid_grant' });
  const marked = causes.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'assumed' }) });
  await expect(marked).toHaveCount(3);
  await expect(marked.nth(0)).toContainText('Revoked');
  await expect(marked.nth(1)).toContainText('Reused after rotation');
  await expect(marked.nth(2)).toContainText('Belongs to another client');
});

for (const [old, heading] of [
  ['TelenorID_Plus_-_logout.html#recommandations', 'Recommendations'],
  ['TelenorID_Plus_deviceflow.html#prerequists', 'Prerequisites'],
] as const) {
  test(`an old link with a typo'd id (${old}) lands on its section`, async ({ page }) => {
    await page.goto(old);
    await expect(page.locator('html[data-has-hydrated="true"]')).toBeAttached();
    const id = old.split('#')[1]!;
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    // The old id is an empty anchor right before the section's heading, so the browser scrolls there
    // (a Mermaid diagram drawn above it may move the section after that, so the position is not checked).
    const next = page.locator(`[id="${id}"] + h2`);
    await expect(next).toHaveText(heading);
  });
}
