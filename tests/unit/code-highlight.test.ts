// Build-time highlighting (plugins/code-highlight.ts) must show readers exactly what the browser's
// highlighter showed: the same text, and for every character the same colour, font style and
// opacity, in the light and the dark theme. Checked against prism-react-renderer's own <Highlight>
// for samples in every language the docs use and for every fenced block of the docs themselves.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Highlight, type PrismTheme } from 'prism-react-renderer';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeThemes } from '../../config/prism-themes';
import { highlight, loadGrammars } from '../../plugins/code-highlight';
import { readHighlight, type HighlightData } from '../../src/theme/CodeBlock/highlightData';

type Look = { color: string; fontStyle: string; opacity: number };
const themeNames = ['light', 'dark'] as const;

/** Per character, the look prism-react-renderer's <Highlight> gives it in `theme`. */
function browserLooks(code: string, language: string, theme: PrismTheme): Look[] {
  const plain = String(theme.plain.color);
  const looks: Look[] = [];
  renderToStaticMarkup(
    createElement(Highlight, {
      theme,
      code,
      language,
      children: ({ tokens, getTokenProps }) => {
        tokens.forEach((line, i) => {
          if (i > 0) looks.push({ color: plain, fontStyle: 'normal', opacity: 1 }); // the line break
          for (const token of line) {
            if (token.empty) continue;
            const style = (getTokenProps({ token }).style ?? {}) as Record<string, unknown>;
            for (const _ of token.content)
              looks.push({
                color: typeof style.color === 'string' ? style.color : plain,
                fontStyle: typeof style.fontStyle === 'string' ? style.fontStyle : 'normal',
                opacity: typeof style.opacity === 'number' ? style.opacity : 1,
              });
          }
        });
        return null;
      },
    }),
  );
  return looks;
}

/** Per character, the look the build's data gives it in theme `mode`. */
function builtLooks(data: HighlightData, code: string, mode: 'light' | 'dark'): Look[] {
  const read = readHighlight(JSON.stringify(data), code);
  expect(read, 'the data describes exactly this code').toBeDefined();
  const plain = mode === 'light' ? data.c[0] : data.c[2];
  const looks: Look[] = [];
  read!.lines.forEach((line, i) => {
    if (i > 0) looks.push({ color: plain, fontStyle: 'normal', opacity: 1 });
    for (const piece of line) {
      const look = piece.style < 0 ? {} : data.p[piece.style]![mode === 'light' ? 1 : 2];
      for (const _ of piece.text)
        looks.push({
          color: look.color ?? plain,
          fontStyle: look.fontStyle ?? 'normal',
          opacity: look.opacity ?? 1,
        });
    }
  });
  return looks;
}

function expectSameLooks(code: string, language: string) {
  const data = highlight(code, language, codeThemes);
  expect(readHighlight(JSON.stringify(data), code)!.lines.map((l) => l.map((p) => p.text).join(''))).toEqual(
    code.split('\n'),
  );
  for (const mode of themeNames) {
    expect(builtLooks(data, code, mode), `${language}, ${mode} theme`).toEqual(
      browserLooks(code, language, codeThemes[mode]),
    );
  }
  return data;
}

const samples: Record<string, string> = {
  http: 'POST /connect/token HTTP/1.1\nHost: id-test.telenor.no\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=refresh_token&refresh_token=<refresh_token>',
  bash: 'curl -s https://id-test.telenor.no/.well-known/openid-configuration \\\n  | jq \'.issuer\' # the issuer\nexport TOKEN="$(cat token.txt)"\n',
  json: '{\n  "error": "invalid_grant",\n  "error_description": "Refresh token expired",\n  "n": 3.5, "ok": true\n}',
  typescript:
    'import { discovery } from "openid-client";\n// read the issuer\nconst config = await discovery(new URL(issuer), clientId);\nexport type X = { a?: number };',
  kotlin:
    'val request = AuthorizationRequest.Builder(config, clientId, ResponseTypeValues.CODE, redirectUri)\n    .setScope("openid profile") // scopes\n    .build()',
  yaml: 'jobs:\n  test:\n    runs-on: ubuntu-latest # a comment\n    steps:\n      - run: npm test',
  text: 'plain text <img src=x onerror=alert(1)>\n\n  indented',
};

describe('build-time code highlighting', () => {
  beforeAll(loadGrammars);

  it.each(Object.entries(samples))(
    '%s: same text and the same look per character as the browser',
    (language, code) => {
      const data = expectSameLooks(code, language);
      if (language !== 'text')
        expect(data.p.length, 'a real language gets coloured tokens').toBeGreaterThan(0);
    },
  );

  it('a language Prism does not know stays plain text, as in the browser', () => {
    const data = expectSameLooks('SELECT * FROM users;', 'cobol');
    expect(data.p).toEqual([]);
  });

  it('every fenced code block of the docs looks the same as in the browser', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.mdx?$/.test(name)) files.push(file);
      }
    };
    walk(path.join(__dirname, '../../docs'));
    let blocks = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)\n```$/gm)) {
        if (m[1] === 'mermaid') continue;
        expectSameLooks(m[2]!, m[1]!);
        blocks += 1;
      }
    }
    expect(blocks).toBeGreaterThan(50);
  });
});

describe('reading the build data in the page', () => {
  const code = 'GET /connect/userinfo HTTP/1.1\nAuthorization: Bearer <access_token>';
  let json: string;
  beforeAll(async () => {
    await loadGrammars();
    json = JSON.stringify(highlight(code, 'http', codeThemes));
  });

  it('rebuilds the lines from the code and the runs', () => {
    const read = readHighlight(json, code)!;
    expect(read.lines.map((l) => l.map((p) => p.text).join(''))).toEqual(code.split('\n'));
    expect(read.lines[0]!.some((p) => p.style >= 0)).toBe(true);
  });

  it.each([
    ['the code was edited after the build', (json) => [json, code.replace('userinfo', 'user_info')]],
    ['a line was added', (json) => [json, `${code}\nHost: x`]],
    ['not JSON', () => ['{"v":1,', code]],
    ['another format version', (json) => [json.replace('"v":1', '"v":2'), code]],
    ['a style outside the palette', (json) => [json.replace(/\[(\d+),(\d+)\]/, '[99,$2]'), code]],
    ['a run of negative length', (json) => [json.replace(/\[(\d+),(\d+)\]/, '[$1,-3]'), code]],
    ['a colour that is not text', (json) => [json.replace(/"color":"[^"]+"/, '"color":{"x":1}'), code]],
    ['no data at all', () => [undefined, code]],
  ] as [string, (json: string) => [unknown, string]][])(
    'refuses data when %s (the browser highlights instead)',
    (_, make) => {
      const [data, text] = make(json);
      expect(readHighlight(data, text)).toBeUndefined();
    },
  );
});
