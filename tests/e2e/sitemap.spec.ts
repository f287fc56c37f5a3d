// Walks every page of the built site: it answers 200, hydrates, logs no error or warning, breaks no
// rule of its Content-Security-Policy, loads nothing from another origin and has no serious or
// critical accessibility violation.
//
// The pages are walked in a few groups, one browser page each, as a reader browses: the HTTP cache is
// kept between pages (that is most of the time saved), while storage, cookies and service workers are
// cleared before each page so every page is checked as a first visit. Each page is its own step and
// its checks are soft, so one failing page names itself and does not hide the others.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watchConsole, watchOrigins } from './support/console';
import { gotoHydrated, sitemapPaths } from './support/site';

const paths = sitemapPaths();
const groups = 8;

async function forgetVisit(page: Page): Promise<void> {
  await page.context().clearCookies();
  if (!page.url().startsWith('http')) return;
  await page.evaluate(async () => {
    localStorage.clear();
    sessionStorage.clear();
    const registrations = (await navigator.serviceWorker?.getRegistrations()) ?? [];
    await Promise.all(registrations.map((r) => r.unregister()));
  });
}

for (let group = 0; group < groups; group++) {
  const mine = paths.filter((_, i) => i % groups === group);
  test(`sitemap walk ${group + 1}/${groups}: ${mine.length} pages load cleanly`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(20_000 * mine.length);
    const { problems } = watchConsole(page);
    const { foreign } = watchOrigins(page, new URL(baseURL!).origin);
    const violations: string[] = [];
    await page.exposeFunction('__reportCspViolation', (v: string) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __reportCspViolation(v: string): void }).__reportCspViolation(
          `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
        ),
      ),
    );

    for (const path of mine) {
      await test.step(`/${path}`, async () => {
        await forgetVisit(page);
        const seen = { problems: problems.length, foreign: foreign.length, violations: violations.length };

        expect.soft(await gotoHydrated(page, path), `/${path} answers`).toBe(200);
        await expect.soft(page.locator('h1').first(), `/${path} shows its heading`).toBeVisible();

        const axe = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();
        const serious = axe.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );

        expect.soft(serious, `/${path}: serious or critical accessibility violations`).toEqual([]);
        expect
          .soft(violations.slice(seen.violations), `/${path}: Content-Security-Policy violations`)
          .toEqual([]);
        expect.soft(problems.slice(seen.problems), `/${path}: console errors or warnings`).toEqual([]);
        expect.soft(foreign.slice(seen.foreign), `/${path}: requests to other origins`).toEqual([]);
      });
    }
  });
}
