// Markdown twins, llms.txt and llms-full.txt (issue #21), read from the build the way an assistant
// or a script would get them: the files in build/, then over HTTP, then one reader's click.
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { gotoHydrated, sitemapPaths } from './support/site';

const promptWarning = '> Tokens, authorization codes and client secrets never belong in a prompt';
// The site URL the build was made with (SITE_URL), as the sitemap states it.
const siteUrl = `${new URL(/<loc>([^<]+)<\/loc>/.exec(readFileSync('build/sitemap.xml', 'utf8'))![1]!).origin}/`;

/** `api/token` → `build/api/token.md`; the home page (``) → `build/index.md`. */
const twinFile = (p: string) => `build/${p === '' ? 'index' : p.replace(/\/$/, '')}.md`;
const twin = (p: string) => readFileSync(twinFile(p), 'utf8');

/** The twin without its code blocks and inline code, where `<Tag>` and braces are legitimate. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[\s\S]*?^\1\s*$/gm, '').replace(/`[^`\n]*`/g, '');
}

test('every sitemap page has a Markdown twin with no JSX, imports or placeholders left', () => {
  const paths = sitemapPaths();
  const problems: string[] = [];
  for (const p of paths) {
    if (!existsSync(twinFile(p))) {
      problems.push(`/${p}: no twin`);
      continue;
    }
    const md = twin(p);
    const text = prose(md);
    if (!md.startsWith(promptWarning)) problems.push(`/${p}: does not open with the prompt warning`);
    if (!/^# \S/m.test(md)) problems.push(`/${p}: no title`);
    for (const [what, pattern] of [
      ['a tag', /<\/?[A-Za-z][\w.-]*(?=[\s/>])/],
      ['an import', /^(import|export)\s/m],
      ['an MDX comment or heading id', /\{\/\*|\{#[\w-]+\}/],
      ['a widget placeholder', /Loading the /],
      ['an admonition fence', /^:::/m],
      ['a site-relative link', /\]\(\/(?!\/)/],
    ] as const) {
      const found = text.match(pattern);
      if (found) problems.push(`/${p}: ${what} left: ${found[0]}`);
    }
  }
  expect(problems).toEqual([]);
});

test('the twins carry the facts of their pages, the widgets included', () => {
  // Refresh-token lifetimes: the page's policy table and the simulator's text account.
  const refresh = twin('api/refresh-tokens');
  expect(refresh).toContain(
    '| `Confidential` | Web app with a secure back end (e.g. a BFF) | `Confidential` | 14 days, fixed',
  );
  expect(refresh).toContain('| Reused after rotation |');
  expect(refresh).not.toContain('RefreshSimulator');
  // The scope catalogue, from the scope builder's twin on the scopes page.
  const scopes = twin('concepts/scopes-and-claims');
  expect(scopes).toMatch(/\| `email` \| The user’s e-mail address\. \| `email` \(\/userinfo\) \|/);
  // An admonition becomes a labelled blockquote; links are absolute.
  const invalidGrant = twin('faq/invalid-grant');
  expect(invalidGrant).toContain('> **Info: Corrected from the old FAQ**');
  expect(invalidGrant).toContain(`[refresh policies](${siteUrl}api/refresh-tokens#policies)`);
  expect(invalidGrant).toContain(`Web page: ${siteUrl}faq/invalid-grant`);
  // The discovery explorer's twin names what it checks; the tryout's, what to do after login_required.
  expect(twin('tools/discovery-explorer')).toContain('Required (an error when missing): `issuer`');
  expect(twin('tools/silent-auth')).toContain('**`login_required`.**');
  // The landing page has a twin too.
  expect(twin('')).toContain(`[the guide](${siteUrl}concepts)`);
});

test('llms.txt lists every twin, grouped like the sidebars; llms-full.txt holds the guide and the FAQ', () => {
  const llms = readFileSync('build/llms.txt', 'utf8');
  expect(llms.startsWith(promptWarning)).toBe(true);
  expect(llms).toContain('\n# TelenorID+ Developer Portal\n');
  const headings = [...llms.matchAll(/^##+ (.+)$/gm)].map((m) => m[1]);
  expect(headings).toEqual([
    'Guide',
    'Concepts',
    'API reference',
    'How-to guides',
    'Help',
    'FAQ',
    'Tools',
    'Other pages',
  ]);
  const listed = [...llms.matchAll(/^- \[[^\]]+\]\(([^)]+)\)(: .+)?$/gm)];
  expect(listed.map((m) => m[1]).sort()).toEqual(
    sitemapPaths()
      .map((p) => `${siteUrl}${p === '' ? 'index' : p}.md`)
      .sort(),
  );
  expect(
    listed.filter((m) => !m[2]).map((m) => m[1]),
    'entries without a description',
  ).toEqual([]);
  expect(llms).toContain(
    `- [/token](${siteUrl}api/token.md): Exchange an authorization code, a refresh token or a device code for tokens`,
  );

  const full = readFileSync('build/llms-full.txt', 'utf8');
  expect(full.startsWith(promptWarning)).toBe(true);
  expect(full.split(promptWarning)).toHaveLength(2);
  expect(full).toContain('\n# /token\n');
  expect(full).toContain('\n# Refresh fails with HTTP 400 `invalid_grant`\n');
  expect(full).not.toContain('\n# Scope builder\n');
});

test('each page links its twin, and the host serves twins as Markdown and llms.txt as text', async ({
  request,
}) => {
  for (const p of ['', 'api/token', 'faq/invalid-grant', 'tools/scope-builder', 'search']) {
    const html = await (await request.get(p)).text();
    const href = `/${p === '' ? 'index' : p}.md`;
    const links = html.match(/<link[^>]*type="?text\/markdown[^>]*>/g) ?? [];
    expect(links, `/${p}`).toHaveLength(1);
    expect(links[0]).toMatch(new RegExp(`href="?${href.replace(/[.]/g, '\\.')}[" >/]`));
    const md = await request.get(href.slice(1));
    expect(md.status()).toBe(200);
    expect(md.headers()['content-type']).toBe('text/markdown; charset=utf-8');
  }
  for (const file of ['llms.txt', 'llms-full.txt']) {
    const response = await request.get(file);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
  }
});

test('"Copy page as Markdown" copies the twin by keyboard and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await gotoHydrated(page, 'api/token');
  const button = page.getByRole('button', { name: 'Copy page as Markdown' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Copied as Markdown' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(twin('api/token'));
});

test('"Copy page as Markdown" says what to do when the twin cannot be fetched', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.route('**/api/token.md', (route) => route.fulfill({ status: 503, body: 'down' }));
  await gotoHydrated(page, 'api/token');
  await page.getByRole('button', { name: 'Copy page as Markdown' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Could not copy' });
  await expect(status).toBeVisible();
  await expect(status.getByRole('link', { name: 'open the Markdown' })).toHaveAttribute(
    'href',
    '/api/token.md',
  );
});

test('the alternate link follows client-side navigation', async ({ page }) => {
  await gotoHydrated(page, 'api/token');
  const alternate = page.locator('head link[rel="alternate"][type="text/markdown"]');
  await expect(alternate).toHaveAttribute('href', '/api/token.md');
  await page.locator('article').getByRole('link', { name: 'refresh tokens' }).first().click();
  await expect(page).toHaveURL(/\/api\/refresh-tokens/);
  await expect(alternate).toHaveCount(1);
  await expect(alternate).toHaveAttribute('href', '/api/refresh-tokens.md');
});
