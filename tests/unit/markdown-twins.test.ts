// Markdown twins (issue #21): the transformer, the widgets' text accounts, llms.txt, and the plugin
// function that writes them and fails the build on a page it cannot turn into Markdown.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  promptWarning,
  toMarkdown,
  TwinError,
  twinPath,
  withoutFrontMatter,
  type TwinInput,
} from '../../src/markdown-twins/transform';
import {
  componentTwins,
  inspectorTwin,
  refreshSimulatorTwin,
  scopeBuilderTwin,
  silentAuthTwin,
} from '../../src/markdown-twins/widgets';
import { llmsTxt } from '../../src/markdown-twins/llms';
import { writeTwins, type DocsContent } from '../../plugins/markdown-twins';
import { assumedFacts, clientTypes, identityScopes } from '../../src/oidc/catalogue';
import { causes } from '../../src/oidc/refresh-simulator-scenario';

const abs = (p: string) => `https://dev.example/portal${p}`;

function twin(body: string, extra: Partial<TwinInput> = {}): string {
  return toMarkdown({
    body,
    format: 'mdx',
    title: 'Page',
    siteUrl: 'https://dev.example',
    baseUrl: '/portal/',
    permalink: '/portal/api/token',
    components: { CopyLink: '', Widget: '**Widget text**' },
    ...extra,
  });
}

describe('toMarkdown', () => {
  it('drops MDX imports, page chrome and {/* #id */} heading ids', () => {
    const md = twin(
      [
        "import CopyLink from '@site/src/components/CopyLink';",
        'import {',
        '  a,',
        "} from './x';",
        '',
        '# Title',
        '',
        '<CopyLink />',
        '',
        '## Parameters {/* #parameters */}',
        'Text {/* a note */} here.',
      ].join('\n'),
    );
    expect(md).toBe('# Title\n\n## Parameters\nText  here.');
  });

  it('removes {#id} from headings of .md pages', () => {
    expect(twin('# T\n\n## Why {#why}', { format: 'md' })).toBe('# T\n\n## Why');
  });

  it('turns an admonition into a blockquote with a bold label', () => {
    const md = twin(
      '# T\n\n:::info[Resolved: `state`]\nIt comes back on the redirect.\n\nSee [token](/api/token).\n:::\n\nAfter.',
    );
    expect(md).toBe(
      '# T\n\n> **Info: Resolved: `state`**\n>\n> It comes back on the redirect.\n>\n> See [token](https://dev.example/portal/api/token).\n\nAfter.',
    );
  });

  it('makes links absolute with the base URL, keeps anchors, and resolves doc files', () => {
    const md = twin(
      '# T\n\n[a](/api/authorize#parameters) [b](#why) [c](https://openid.net/) [d](../faq/bff.mdx#x) <https://id.telenor.no>',
      { resolveDocFile: (href) => (href === '../faq/bff.mdx' ? '/portal/faq/bff' : undefined) },
    );
    expect(md).toContain('[a](https://dev.example/portal/api/authorize#parameters)');
    expect(md).toContain('[b](https://dev.example/portal/api/token#why)');
    expect(md).toContain('[c](https://openid.net/)');
    expect(md).toContain('[d](https://dev.example/portal/faq/bff#x)');
    expect(md).toContain('<https://id.telenor.no>');
  });

  it('makes a link absolute when its text holds inline code', () => {
    expect(twin('# T\n\n- [`redirect_uri` mismatch](/faq/redirect-uri-mismatch) and `[x](/y)`')).toBe(
      '# T\n\n- [`redirect_uri` mismatch](https://dev.example/portal/faq/redirect-uri-mismatch) and `[x](/y)`',
    );
  });

  it('leaves code blocks and inline code alone', () => {
    const body =
      '# T\n\n```json\n{"a": "<Widget />", "b": "[x](/y)"}\n```\n\nSend `Bearer <access token>` and `{x}`.';
    expect(twin(body)).toBe(body);
  });

  it('replaces an embedded widget by its text', () => {
    expect(twin('# T\n\n<Widget />\n\nEnd.')).toBe('# T\n\n**Widget text**\n\nEnd.');
  });

  it("drops an empty anchor line (an old URL's target has no text)", () => {
    expect(twin('# T\n\n<a id="prerequists"></a>\n## Prerequisites\n\nText.')).toBe(
      '# T\n\n## Prerequisites\n\nText.',
    );
  });

  it('replaces an inline component by its text, from its attributes', () => {
    const components = {
      Mark: (a: Readonly<Record<string, string>>) => ` (assumed: ${a['standard'] ?? '?'})`,
    };
    expect(
      twin('# T\n\nA revoked token<Mark standard="RFC 7009" />, and `<Mark />` in code.', { components }),
    ).toBe('# T\n\nA revoked token (assumed: RFC 7009), and `<Mark />` in code.');
    expect(twin('# T\n\n<Mark standard="RFC 6749" />', { components })).toBe('# T\n\n (assumed: RFC 6749)');
  });

  it('adds the title when the page has no # heading', () => {
    expect(twin('Just text.', { title: '/token' })).toBe('# /token\n\nJust text.');
  });

  it.each([
    ['an unknown component', '# T\n\n<Tabs items={[1]} />', /<Tabs \/> has no Markdown twin/],
    ['a component with children', '# T\n\n<Widget>\ntext\n</Widget>', /has children/],
    ['HTML', '# T\n\n<details><summary>x</summary></details>', /<details> is HTML or JSX/],
    ['an anchor with text', '# T\n\n<a id="x">text</a>', /<a> is HTML or JSX/],
    ['an unknown inline component', '# T\n\nSee<Nope kind="x" /> here.', /<Nope \/> has no Markdown twin/],
    ['a JSX expression', '# T\n\nThe value is {props.x}.', /JSX expression/],
    ['an unclosed admonition', '# T\n\n:::note\ntext', /admonition \(:::\) is not closed/],
    ['an unknown admonition', '# T\n\n:::wat\ntext\n:::', /:::wat is not an admonition/],
    ['an export', '# T\n\nexport const x = 1;', /export/],
    ['a link to a doc file that is not a page', '# T\n\n[x](./missing.md)', /not a page of this site/],
  ])('refuses %s', (_what, body, message) => {
    expect(() => twin(body)).toThrow(TwinError);
    expect(() => twin(body)).toThrow(message);
  });
});

describe('twin paths and front matter', () => {
  it('puts the twin beside the page, and the home page at index.md', () => {
    expect(twinPath('/api/token')).toBe('/api/token.md');
    expect(twinPath('/portal/')).toBe('/portal/index.md');
  });
  it('strips front matter only at the top', () => {
    expect(withoutFrontMatter('---\ntitle: x\n---\n# T\n\n---\n')).toBe('# T\n\n---\n');
  });
});

describe('widget twins come from the catalogue', () => {
  it('the scope builder twin has a row for every identity scope, with where its claims arrive', () => {
    const md = scopeBuilderTwin(abs);
    for (const scope of identityScopes) expect(md).toContain(`| \`${scope.name}\` |`);
    expect(md).toMatch(/\| `email` \| .* \| `email` \(\/userinfo\) \|/);
    expect(md).toContain('`sub` (ID token, /userinfo, access token)');
  });

  it('the refresh simulator twin lists every cause with the reaction, and each policy lifetime', () => {
    const md = refreshSimulatorTwin(abs);
    for (const cause of causes) expect(md).toContain(`| ${cause.title} |`);
    expect(md.match(/HTTP 400 `invalid_grant`/g)).toHaveLength(causes.length - 1);
    expect(md).toContain('Treat the user as logged out');
    for (const type of clientTypes) expect(md).toContain(`| \`${type.name}\` |`);
    expect(md).toContain('14 days, fixed');
    expect(md).toContain('10 minutes, sliding');
    expect(md).toContain('90 days, sliding');
  });

  it('the prompt=none twin says what to do after each outcome', () => {
    const md = silentAuthTwin(abs);
    expect(md).toContain('**`login_required`.** No TelenorID+ session in this browser');
    expect(md).toContain('after 10 seconds');
  });

  it('the inspector twin lists what it reads and links the error reference', () => {
    const md = inspectorTwin(abs);
    for (const kind of [
      'a token (JWT)',
      'an authorization URL',
      'a token endpoint JSON answer',
      'two redirect URIs',
    ])
      expect(md).toContain(kind);
    expect(md).toContain('PKCE S256');
    expect(md).toContain('/errors)');
  });

  it('every widget a doc embeds has a twin, and none holds a tag or a relative link', () => {
    const twins = componentTwins(abs);
    for (const name of [
      'ScopeBuilder',
      'RefreshSimulator',
      'DiscoveryExplorer',
      'SilentAuthTryout',
      'Inspector',
      'LogoutTryout',
    ])
      expect((twins[name] as string | undefined)?.length).toBeGreaterThan(200);
    for (const twinOf of Object.values(twins)) {
      const text = typeof twinOf === 'function' ? twinOf({ standard: 'RFC 7009' }) : twinOf;
      expect(text.replace(/`[^`]*`/g, '')).not.toMatch(/<[A-Za-z][\w.-]*[\s/>]/);
      expect(text).not.toMatch(/\]\(\//);
    }
  });
});

describe('the logout tryout in twins', () => {
  it('names both logouts, the proof, the white page and what a native app must do', () => {
    const md = componentTwins(abs)['LogoutTryout'] as string;
    for (const text of [
      'end_session_endpoint',
      'custom_logout_endpoint',
      'login_required',
      '400 invalid_grant',
      'You are now logged out',
      'Log out locally first',
      'https://dev.example/portal/tools/logout',
    ])
      expect(md).toContain(text);
  });
});

describe('the assumed mark and the assumptions page in twins', () => {
  it('carries the same note as the mark, linked to the list', () => {
    const twins = componentTwins(abs);
    const assumed = twins['Assumed'] as (a: Readonly<Record<string, string>>) => string;
    expect(assumed({ standard: 'RFC 7009' })).toBe(
      ' ([assumed](https://dev.example/portal/help/assumptions): Not documented by TelenorID+; standard behaviour per RFC 7009.)',
    );
    expect(assumed({ choice: 'the tenant needs it.' })).toContain(
      'a choice of this portal’s mock and test tenant',
    );
  });

  it('lists every assumed fact of an area as a table row, as the page does', () => {
    const list = componentTwins(abs)['AssumptionsList'] as (a: Readonly<Record<string, string>>) => string;
    expect(list({})).toMatch(
      /^Of the \d+ facts in the portal’s catalogue, \d+ come from the TelenorID\+ guide/,
    );
    const errors = assumedFacts().filter((f) => f.area === 'Errors');
    const table = list({ area: 'Errors' });
    expect(table.split('\n')).toHaveLength(2 + errors.length);
    for (const f of errors) expect(table).toContain(`\`${f.subject}\``);
  });
});

describe('llms.txt', () => {
  it('opens with the warning, then the title, and lists one line per twin', () => {
    const txt = llmsTxt({
      siteTitle: 'Portal',
      about: '> About.',
      fullUrl: abs('/llms-full.txt'),
      sections: [
        {
          heading: 'Guide',
          groups: [
            {
              heading: 'API',
              entries: [{ title: '/token', description: 'Exchange\n a code.', url: abs('/api/token.md') }],
            },
          ],
        },
      ],
    });
    expect(txt.startsWith(`${promptWarning}\n\n# Portal\n`)).toBe(true);
    expect(txt).toContain(
      '## Guide\n\n### API\n\n- [/token](https://dev.example/portal/api/token.md): Exchange a code.\n',
    );
  });
});

describe('writeTwins (the plugin after the build)', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function site(pages: Record<string, string>) {
    dir = mkdtempSync(path.join(tmpdir(), 'twins-'));
    const outDir = path.join(dir, 'build');
    const docs: DocsContent['docs'] = [];
    for (const [slug, source] of Object.entries(pages)) {
      mkdirSync(path.join(dir, 'docs'), { recursive: true });
      writeFileSync(path.join(dir, 'docs', `${slug}.mdx`), source);
      mkdirSync(path.join(outDir, slug), { recursive: true });
      writeFileSync(
        path.join(outDir, slug, 'index.html'),
        '<html><head><title>x</title></head><body></body></html>',
      );
      docs.push({
        id: slug,
        title: slug,
        description: `About ${slug}.`,
        source: `@site/docs/${slug}.mdx`,
        permalink: `/${slug}`,
        frontMatter: {},
      });
    }
    writeFileSync(path.join(outDir, 'index.html'), '<html><head></head><body></body></html>');
    return {
      siteDir: dir,
      outDir,
      siteUrl: 'https://dev.example',
      baseUrl: '/',
      siteTitle: 'Portal',
      content: { docs, sidebars: { guide: docs.map((d) => ({ type: 'doc', id: d.id })) } },
      routesPaths: ['/', ...docs.map((d) => d.permalink), '/404.html', '/callback'],
      routesBuildMetadata: { '/callback': { noIndex: true }, '/404.html': { noIndex: true } },
    };
  }

  it('writes each twin, links it from the page and lists it in llms.txt', () => {
    const input = site({ good: '---\ntitle: Good\n---\n# Good\n\nSee [token](/api/token).\n' });
    writeTwins(input);
    const md = readFileSync(path.join(input.outDir, 'good.md'), 'utf8');
    expect(md.startsWith(promptWarning)).toBe(true);
    expect(md).toContain('See [token](https://dev.example/api/token).');
    expect(readFileSync(path.join(input.outDir, 'good', 'index.html'), 'utf8')).toContain(
      '<link rel="alternate" type="text/markdown" href="/good.md"></head>',
    );
    expect(readFileSync(path.join(input.outDir, 'llms.txt'), 'utf8')).toContain(
      '- [good](https://dev.example/good.md): About good.',
    );
    expect(readFileSync(path.join(input.outDir, 'index.md'), 'utf8')).toContain(
      '# TelenorID+ Developer Portal',
    );
  });

  it('fails the build, naming the page, when a twin cannot be written', () => {
    const input = site({
      good: '# Good\n',
      broken: "---\ntitle: Broken\n---\nimport X from './x';\n\n# Broken\n\n<Unknown />\n",
    });
    // The line is the file's: front matter counted.
    expect(() => writeTwins(input)).toThrow(
      /docs\/broken\.mdx cannot be written: line 8: <Unknown \/> has no Markdown twin/,
    );
  });

  it('fails the build when a sitemap page has no twin', () => {
    const input = site({ good: '# Good\n' });
    input.routesPaths.push('/orphan');
    expect(() => writeTwins(input)).toThrow('These pages have no Markdown twin: /orphan.');
  });
});
