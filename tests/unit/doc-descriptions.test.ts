// Every doc page loads the docs version's route props; plugins/doc-descriptions keeps the docs'
// descriptions out of them (issue #19), which holds only while no page shows doc cards.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsPropsFile } from '../../plugins/doc-descriptions';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withoutDocDescriptions } = require('../../plugins/doc-descriptions/loader.js') as {
  withoutDocDescriptions(source: string): string;
};

const versionProps = {
  version: {
    pluginId: 'default',
    version: 'current',
    docsSidebars: {
      guide: [{ type: 'link', label: 'Userinfo', href: '/api/userinfo', docId: 'api/userinfo' }],
    },
    docs: {
      'api/userinfo': {
        id: 'api/userinfo',
        title: 'Userinfo',
        description: 'What /userinfo returns.',
        sidebar: 'guide',
      },
    },
  },
};

describe('docs route props without descriptions', () => {
  it('drops each doc’s description and keeps its id, title and sidebar and the sidebars', () => {
    const out = JSON.parse(withoutDocDescriptions(JSON.stringify(versionProps))) as typeof versionProps;
    expect(out.version.docs['api/userinfo']).toEqual({
      id: 'api/userinfo',
      title: 'Userinfo',
      sidebar: 'guide',
    });
    expect(out.version.docsSidebars).toEqual(versionProps.version.docsSidebars);
  });

  it('leaves any other props file as it was, byte for byte', () => {
    for (const source of ['{"content":"@site/docs/x.md"}', '{"tag":{"description":"kept"}}', 'not json']) {
      expect(withoutDocDescriptions(source)).toBe(source);
    }
  });

  it('applies to the docs plugin’s generated props files only', () => {
    expect(docsPropsFile.test('/s/.docusaurus/docusaurus-plugin-content-docs/default/p/index-466.json')).toBe(
      true,
    );
    expect(docsPropsFile.test('C:\\s\\.docusaurus\\docusaurus-plugin-content-docs\\default\\p\\a.json')).toBe(
      true,
    );
    expect(docsPropsFile.test('/s/.docusaurus/docusaurus-plugin-content-docs/default/__plugin.json')).toBe(
      false,
    );
    expect(docsPropsFile.test('/s/docs/p/data.json')).toBe(false);
  });

  it('holds because no page shows doc cards (they read the descriptions from these props)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const file = path.join(dir, name);
        return statSync(file).isDirectory() ? files(file) : [file];
      });
    const users = [...files('docs'), ...files('src'), 'sidebars.ts']
      .filter((f) => /\.(mdx?|tsx?|json)$/.test(f))
      .filter((f) => /DocCardList|@theme\/DocCard|generated-index/.test(readFileSync(f, 'utf8')));
    expect(users, 'doc cards need plugins/doc-descriptions removed').toEqual([]);
  });
});
