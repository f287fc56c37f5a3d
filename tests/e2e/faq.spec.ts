// The FAQ is built for support links: every answer has its own page whose "Copy link" button
// copies the canonical URL, the index lists every answer, and search finds answers by error code.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { gotoHydrated } from './support/site';

type Answer = { file: string; slug: string; title: string };

/** Every FAQ answer, read from docs/faq so a new answer is covered without editing this spec. */
function faqAnswers(): Answer[] {
  const dir = path.resolve('docs/faq');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx') && !f.startsWith('index.'))
    .map((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const slug = /^slug:\s*(\S+)\s*$/m.exec(text)?.[1];
      const title = /^title:\s*(.+?)\s*$/m.exec(text)?.[1];
      if (!slug || !title) throw new Error(`docs/faq/${file} needs a slug and a title in its front matter.`);
      return { file, slug, title };
    });
}

const answers = faqAnswers();

test('there are at least 15 answers (the 7 old ones and 8 more)', () => {
  expect(answers.length).toBeGreaterThanOrEqual(15);
});

test('the FAQ index links to every answer', async ({ page }) => {
  await gotoHydrated(page, 'faq');
  for (const { slug } of answers) {
    await expect(page.locator(`article a[href="${slug}"]`), slug).toHaveCount(1);
  }
});

test.describe('Copy link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  // One browser page walks every answer (one step each), as support staff would go from answer to answer.
  test('every answer\'s "Copy link" copies the address the page is served from', async ({ page }) => {
    test.setTimeout(10_000 * answers.length + 30_000);
    for (const { slug } of answers) {
      await test.step(slug, async () => {
        await gotoHydrated(page, slug.replace(/^\//, ''));
        const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
        expect(canonical).toMatch(new RegExp(`${slug}$`));
        // The e2e build has no SITE_URL, so its canonical host is the localhost:3000 placeholder:
        // the link a reader can open is this origin's (issue 20; walkthrough.spec.ts covers more).
        const openable = new URL(new URL(canonical!).pathname, page.url()).href;

        const button = page.getByRole('button', { name: /copy link/i });
        await expect(button).toBeVisible();
        await button.focus();
        await page.keyboard.press('Enter');
        await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
        expect(await page.evaluate(() => navigator.clipboard.readText()), slug).toBe(openable);
      });
    }
  });
});

for (const [code, slug] of [
  ['invalid_grant', '/faq/invalid-grant'],
  ['login_required', '/faq/login-required'],
] as const) {
  test(`searching ${code} shows its FAQ answer among the first 3 results`, async ({ page }) => {
    const title = answers.find((a) => a.slug === slug)!.title;
    await gotoHydrated(page, '');
    await page.getByPlaceholder('Search').fill(code);
    const options = page.getByRole('listbox').getByRole('option');
    await expect(options.first()).toBeVisible();
    const top = (await options.allInnerTexts()).slice(0, 3);
    expect(
      top.some((t) => t.includes(title)),
      `first results: ${JSON.stringify(top)}`,
    ).toBe(true);
  });
}

test('the 10-minute answer opens the refresh-error simulator with its case chosen', async ({ page }) => {
  await gotoHydrated(page, 'faq/refresh-token-10-minutes');
  await page.getByRole('main').getByRole('link', { name: 'refresh-error simulator' }).click();
  await expect(page).toHaveURL(/\/tools\/refresh-simulator\?/);
  await expect(page.getByRole('radio', { name: /PublicWithRefresh/ })).toBeChecked();
  await expect(page.getByRole('combobox', { name: /policy/i })).toHaveValue('PublicWeb');
  await expect(page.getByRole('spinbutton', { name: /Idle for/ })).toHaveValue('12');
  await expect(
    page.getByRole('listitem').filter({ hasText: 'the case of the link you followed' }),
  ).toContainText(/expired/i);
});

test('the ial-versus-acr answer opens the scope builder with its request chosen', async ({ page }) => {
  await gotoHydrated(page, 'faq/ial-vs-acr');
  await page.getByRole('main').getByRole('link', { name: 'scope builder' }).click();
  await expect(page).toHaveURL(/\/tools\/scope-builder\?/);
  const builder = page.locator('[data-widget="scope builder"]');
  await expect(builder.getByLabel('Scope string', { exact: true })).toHaveValue('openid ial1');
  await expect(builder.getByLabel('acr_values', { exact: true })).toHaveValue('urn:telenor.identity.aal.2');
});
