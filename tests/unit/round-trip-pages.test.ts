// The round-trip pages as written by plugins/round-trip-pages.ts: each page holds its one script inline,
// allowed by its hash and nothing else, and the callback imports the only script file by its URL.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundTripPageHtml, roundTripPages, writeRoundTripPages } from '../../plugins/round-trip-pages';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const scriptSrc = (html: string) =>
  /<meta http-equiv="Content-Security-Policy" content="[^"]*script-src ([^;"]*)/.exec(html)?.[1]?.split(' ');
const inline = (html: string) => /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
const callbackPage = roundTripPages.find((p) => p.entry === 'callback')!;

describe('a round-trip page', () => {
  it('allows exactly its own script, by hash', () => {
    const html = roundTripPageHtml(callbackPage, '/', 'answer()');
    expect(scriptSrc(html)).toEqual(["'self'", sha('answer()')]);
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script>']);
    // At the end of the body: the elements the script writes to exist when it runs.
    expect(html.indexOf('id="status"')).toBeLessThan(html.indexOf('<script>'));
  });

  it('refuses a script that could end its element or open a comment', () => {
    for (const bad of ['a("</script><img src=x onerror=alert(1)>")', 'a("</SCRIPT >")', 'a("<!--")'])
      expect(() => roundTripPageHtml(callbackPage, '/', bad)).toThrow(/cannot be inlined/);
  });
});

describe('the pages as the build writes them', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'round-trip-'));
    await writeRoundTripPages(process.cwd(), dir, '/portal/');
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('holds each page’s script inline as a classic script that compiles, and one script file', async () => {
    for (const page of roundTripPages) {
      const html = await readFile(path.join(dir, page.route, 'index.html'), 'utf8');
      const script = inline(html);
      expect(script.length, page.route).toBeGreaterThan(100);
      expect(() => new Script(script), page.route).not.toThrow();
      expect(scriptSrc(html), page.route).toEqual(["'self'", sha(script)]);
      expect(html, page.route).not.toMatch(/<script [^>]*src=|modulepreload/);
    }
    expect(await readdir(path.join(dir, 'assets', 'round-trip'))).toEqual([
      expect.stringMatching(/^arrival\.[A-Z0-9]+\.js$/),
    ]);
  });

  it('has the callback import the arrival script by its URL under the base URL, and no other page import', async () => {
    const [arrival] = await readdir(path.join(dir, 'assets', 'round-trip'));
    for (const page of roundTripPages) {
      const script = inline(await readFile(path.join(dir, page.route, 'index.html'), 'utf8'));
      const imports = [...script.matchAll(/import\(("[^"]*"|[^)]*)\)/g)].map((m) => m[1]);
      expect(imports, page.route).toEqual(
        page.entry === 'callback' ? [`"/portal/assets/round-trip/${arrival}"`] : [],
      );
    }
  });
});
