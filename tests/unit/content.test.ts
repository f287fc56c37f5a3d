// Guards the rewritten guide against the defects of the old one (facts §33): typos, broken link
// names, internal-only hosts and outside image renders must never come back, and every FAQ
// answer keeps the two things support relies on — a short slug and a "Copy link" button.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faqAnchors } from '../../src/components/OldAnchors/map';

const docsDir = path.resolve('docs');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const docs = filesUnder(docsDir).map((file) => ({
  file: path.relative(process.cwd(), file),
  text: readFileSync(file, 'utf8'),
}));

/** Strings that must not appear anywhere in the docs, and why. */
const forbidden: [needle: string, why: string][] = [
  ['prima.corp.telenor.no', 'intranet host'],
  ['developer.corp.telenor.no', 'intranet host'],
  ['corp.telenor.no', 'intranet host'],
  ['thedoozers.slack.com', 'internal Slack workspace'],
  ['slack.com/archives', 'internal Slack link'],
  ['invisionapp.com', 'third-party design board link that may expire'],
  ['/athorize', 'typo in the old sequence diagram'],
  ['/autorize', 'typo in the old SSO page'],
  ['TelenorID_Plus__-_standard_oidc_flows', 'broken old link name (double underscore)'],
  ['TelenorID_Plus_-_idtokens_.md', 'broken old link name (extra underscore)'],
  ['TelenorID_Plus_-TelenorID_Plus_-_clienttypes', 'broken old link name (doubled prefix)'],
  ['@todo', 'placeholder link of the old guide'],
  ['id-test.telenorid.no', 'misspelled host of the old step-by-step page'],
  ['oidc-test.telenor.no//callback', 'double-slash callback of the old step-by-step page'],
  ['websequencediagrams', 'outside image render service; diagrams are Mermaid'],
];

describe('the docs carry no defect of the old guide', () => {
  it('scans a non-trivial set of pages', () => {
    expect(docs.length).toBeGreaterThan(30);
  });

  for (const [needle, why] of forbidden) {
    it(`never contains "${needle}" (${why})`, () => {
      const hits = docs.filter((d) => d.text.toLowerCase().includes(needle.toLowerCase())).map((d) => d.file);
      expect(hits).toEqual([]);
    });
  }

  it('never misspells nonce as "nounce"', () => {
    // A word match: "announcement" is fine, the old step-by-step page's field name is not.
    expect(docs.filter((d) => /\bnounce\b/i.test(d.text)).map((d) => d.file)).toEqual([]);
  });

  it('renders no image from an outside host', () => {
    const hits = docs.filter(
      (d) => /!\[[^\]]*\]\(https?:\/\//.test(d.text) || /<img[^>]+src=["']https?:/i.test(d.text),
    );
    expect(hits.map((d) => d.file)).toEqual([]);
  });
});

describe('every FAQ answer is built for support links', () => {
  const answers = docs.filter(
    (d) => d.file.startsWith(path.join('docs', 'faq')) && !/index\.mdx?$/.test(d.file),
  );
  const slugOf = (text: string) => /^slug:\s*(\S+)\s*$/m.exec(text)?.[1];

  it('has at least 15 answers (the 7 old ones and 8 more)', () => {
    expect(answers.length).toBeGreaterThanOrEqual(15);
  });

  for (const { file, text } of answers) {
    it(`${file} is MDX with a short /faq/<slug> and the CopyLink button`, () => {
      expect(file).toMatch(/\.mdx$/);
      expect(slugOf(text)).toMatch(/^\/faq\/[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(slugOf(text)!.length).toBeLessThanOrEqual(40);
      expect(text).toContain("import CopyLink from '@site/src/components/CopyLink';");
      expect(text).toMatch(/^<CopyLink \/>$/m);
    });
  }

  it('gives each answer a different slug', () => {
    const slugs = answers.map((a) => slugOf(a.text));
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('sends every old FAQ anchor to an existing answer', () => {
    const slugs = new Set(answers.map((a) => slugOf(a.text)));
    for (const target of Object.values(faqAnchors)) expect(slugs).toContain(target);
  });
});
