// Walks every page of the built site: it answers 200, hydrates, logs no error or warning, breaks no
// rule of its Content-Security-Policy, loads nothing from another origin and has no serious or
// critical accessibility violation.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { watchConsole, watchOrigins } from './support/console';
import { gotoHydrated, sitemapPaths } from './support/site';

for (const path of sitemapPaths()) {
  test(`page /${path} loads cleanly`, async ({ page, baseURL }) => {
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

    expect(await gotoHydrated(page, path)).toBe(200);
    await expect(page.locator('h1').first()).toBeVisible();

    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const serious = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

    expect(serious, 'serious or critical accessibility violations').toEqual([]);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
    expect(problems, 'console errors or warnings').toEqual([]);
    expect(foreign, 'requests to other origins').toEqual([]);
  });
}
