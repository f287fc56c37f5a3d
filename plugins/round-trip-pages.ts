// The login round trip's pages as small static pages (issue #19): the mock's authorization and logout
// endpoints (`<baseUrl>mock/authorize/`, `<baseUrl>mock/logout/`) and the OAuth callback
// (`<baseUrl>callback/`). Each is plain HTML with its one script bundled by esbuild from
// src/round-trip/ and written into the page — no React, no site bundle, nothing else to fetch — so a
// popup or hidden frame that passes through them costs a few kilobytes instead of two full portal
// pages. Inline, because a login window is a chain of page loads on the reader's main thread: a module
// script and its chunks, even from the cache, are a fetch each before the page can answer (~15 ms a
// Run, issue #19). The callback loads a second, larger script file only for an answer no login waits
// for (src/round-trip/arrival.ts).
//
// The plugin writes the pages and scripts in `loadContent` (so `npm start` and `docusaurus build`
// both have them) into `.docusaurus/round-trip-pages/`, which docusaurus.config.ts lists among the
// static directories: the dev server serves it, the build copies it. Each page carries its own
// Content-Security-Policy <meta> (the site's policy from config/security-headers.mjs) whose script-src
// is 'self' plus the SHA-256 of the page's own script (plugins/content-security-policy.ts's
// `addInlineHashes`, here already, so `npm start` serves it too): nothing injected can run.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { build, type BuildOptions, type PluginBuild } from 'esbuild';
import { metaContentSecurityPolicy, referrerPolicy } from '../config/security-headers.mjs';
import { addInlineHashes } from './content-security-policy';

export const roundTripStaticDir = '.docusaurus/round-trip-pages';

export type RoundTripPage = {
  /** Folder under the base URL (served as its index.html). */
  route: string;
  /** Entry under src/round-trip/. */
  entry: 'authorize' | 'logout' | 'callback' | 'device';
  title: string;
  heading: string;
  intro?: string;
  /** What the status line says until the script has run. */
  working: string;
};

export const roundTripPages: RoundTripPage[] = [
  {
    route: 'mock/authorize/',
    entry: 'authorize',
    title: 'Mock TelenorID+ login',
    heading: 'Mock TelenorID+ login',
    intro:
      'This page plays TelenorID+’s authorization endpoint for the portal’s mock environment. No real account is used.',
    working: 'Reading the login request…',
  },
  {
    route: 'mock/logout/',
    entry: 'logout',
    title: 'Mock TelenorID+ logout',
    heading: 'Mock TelenorID+ logout',
    working: 'Signing out…',
  },
  {
    route: 'mock/device/',
    entry: 'device',
    title: 'Mock TelenorID+ device verification',
    heading: 'Mock TelenorID+: connect a device',
    intro:
      'This page plays TelenorID+’s device verification page (RFC 8628 verification_uri) for the portal’s mock environment. No real account is used.',
    working: 'Loading…',
  },
  {
    route: 'callback/',
    entry: 'callback',
    title: 'Login callback',
    heading: 'Login callback',
    working: 'Handing the answer back to the tool…',
  },
];

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Infima's colours, so the pages look like the portal in both modes without its stylesheet.
const css = `:root{color-scheme:light dark;--bg:#fff;--fg:#1c1e21;--link:#0062b8;--alert-bg:#ffebec;--alert-fg:#4b1113;--line:#dadde1}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--bg:#1b1b1d;--fg:#e3e3e3;--link:#5cb8ff;--alert-bg:#4b1113;--alert-fg:#ffebec;--line:#444950}}
:root[data-theme=dark]{--bg:#1b1b1d;--fg:#e3e3e3;--link:#5cb8ff;--alert-bg:#4b1113;--alert-fg:#ffebec;--line:#444950}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.65 system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,Cantarell,"Noto Sans",sans-serif}
main{max-width:46rem;margin:2rem auto;padding:0 1rem}a{color:var(--link)}h1{font-size:2rem;line-height:1.25}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
.alert{background:var(--alert-bg);color:var(--alert-fg);border-left:5px solid #e13238;border-radius:.4rem;padding:1rem}
.button{font:inherit;font-size:.875rem;padding:.2rem .75rem;border:1px solid var(--line);border-radius:.4rem;background:transparent;color:inherit;cursor:pointer}
.button:focus-visible,a:focus-visible,.user:focus-visible{outline:2px solid var(--link);outline-offset:2px}dt{font-weight:700}dd{margin:0 0 .75rem}textarea{width:100%}
.users{list-style:none;padding:0}.users li{margin-bottom:.5rem}
.user{display:block;width:100%;text-align:left;font:inherit;padding:.6rem 1rem;border:1px solid var(--line);border-radius:.4rem;background:transparent;color:inherit;cursor:pointer}
.user--hinted{border:2px solid var(--link)}.user:disabled{opacity:.6;cursor:progress}`;

/** Where Docusaurus keeps the reader's colour mode (its siteStorage: type, and `theme` + namespace). */
export type ThemeStorage = { type: 'localStorage' | 'sessionStorage'; key: string };

/**
 * The HTML of one page, with `script` (its bundled entry, classic script) written at the end of the
 * body, where the page's elements exist, as a module script would have found them.
 */
export function roundTripPageHtml(
  page: RoundTripPage,
  baseUrl: string,
  script: string,
  theme: ThemeStorage = { type: 'localStorage', key: 'theme' },
): string {
  // Written as it is into a <script> element: it must not be able to end it or open a comment.
  if (/<\/script|<!--/i.test(script))
    throw new Error(
      `round-trip pages: the script of /${page.route} cannot be inlined (it contains </script or <!--)`,
    );
  const html = `<!doctype html>
<html lang="en" data-base-url="${escapeHtml(baseUrl)}" data-theme-storage="${theme.type}" data-theme-key="${escapeHtml(theme.key)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(metaContentSecurityPolicy)}">
<meta name="referrer" content="${escapeHtml(referrerPolicy)}">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(page.title)} | TelenorID+ Developer Portal</title>
<link rel="icon" href="${escapeHtml(baseUrl)}img/favicon.svg">
<style>${css}</style>
</head>
<body>
<main>
<h1>${escapeHtml(page.heading)}</h1>
${page.intro ? `<p>${escapeHtml(page.intro)}</p>\n` : ''}<p role="status" id="status">${escapeHtml(page.working)}</p>
<noscript><p>This page needs JavaScript to hand the login back to the portal’s tools.</p></noscript>
<p id="back"><a href="${escapeHtml(baseUrl)}tools">Back to the portal’s tools</a></p>
</main>
<script>${script}</script>
</body>
</html>
`;
  // script-src 'self' plus the hash of this script, as every built page gets for its own inline scripts.
  const hashed = addInlineHashes(html);
  if (hashed === html)
    throw new Error(`round-trip pages: no policy took the hash of /${page.route}'s script`);
  return hashed;
}

/**
 * The pages answer with the mock's logic only; they never start its service worker. The worker's
 * dynamic imports in src/mocks/browser.ts (msw/browser and the handlers) resolve to a module that
 * throws, so esbuild does not ship MSW next to the pages.
 */
const noMockWorker = {
  name: 'no-mock-worker',
  setup(b: PluginBuild) {
    b.onResolve({ filter: /^(msw\/browser|\.\/handlers)$/ }, (args) =>
      /src[\\/]mocks[\\/]browser\.ts$/.test(args.importer)
        ? { path: args.path, namespace: 'no-mock-worker' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'no-mock-worker' }, () => ({
      contents: 'throw new Error("The round-trip pages do not start the mock worker.");',
      loader: 'js',
    }));
  },
};

/** What every round-trip bundle is built with. */
const bundleOptions = (siteDir: string): BuildOptions => ({
  bundle: true,
  platform: 'browser',
  target: ['es2020'],
  minify: true,
  absWorkingDir: siteDir,
  alias: { '@site': siteDir },
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'warning',
});

/**
 * Bundles src/round-trip/ and writes the pages under `outDir` for the site at `baseUrl`: each page's
 * entry as one classic script inside the page, and the callback's arrival script
 * (src/round-trip/arrival.ts) as the one file under `assets/round-trip/`, which the callback imports
 * by its URL only for an answer no login waits for.
 */
export async function writeRoundTripPages(
  siteDir: string,
  outDir: string,
  baseUrl: string,
  theme?: ThemeStorage,
): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  const assets = path.join(outDir, 'assets', 'round-trip');
  const arrival = await build({
    ...bundleOptions(siteDir),
    plugins: [noMockWorker],
    entryPoints: [path.join(siteDir, 'src', 'round-trip', 'arrival.ts')],
    outdir: assets,
    format: 'esm',
    entryNames: '[name].[hash]',
    metafile: true,
  });
  const arrivalFile = Object.keys(arrival.metafile?.outputs ?? {}).find((o) => o.endsWith('.js'));
  if (!arrivalFile) throw new Error('round-trip pages: esbuild wrote no arrival script');
  const arrivalUrl = `${baseUrl}assets/round-trip/${path.basename(arrivalFile)}`;
  const arrivalByUrl = {
    name: 'arrival-by-url',
    setup(b: PluginBuild) {
      b.onResolve({ filter: /^\.\/arrival$/ }, () => ({ path: arrivalUrl, external: true }));
    },
  };
  for (const page of roundTripPages) {
    const result = await build({
      ...bundleOptions(siteDir),
      plugins: [noMockWorker, arrivalByUrl],
      entryPoints: [path.join(siteDir, 'src', 'round-trip', `${page.entry}.ts`)],
      format: 'iife',
      write: false,
    });
    const script = result.outputFiles.length === 1 ? result.outputFiles[0]!.text.trim() : undefined;
    if (!script)
      throw new Error(`round-trip pages: esbuild wrote no script for src/round-trip/${page.entry}.ts`);
    const dir = path.join(outDir, page.route);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'index.html'), roundTripPageHtml(page, baseUrl, script, theme));
  }
}

export default function roundTripPagesPlugin(context: LoadContext): Plugin {
  return {
    name: 'round-trip-pages',
    async loadContent() {
      await writeRoundTripPages(
        context.siteDir,
        path.join(context.siteDir, roundTripStaticDir),
        context.baseUrl,
        // future.v4 namespaces the key per site (theme-xyz), as the site's own colour-mode script reads it.
        { type: context.siteStorage.type, key: `theme${context.siteStorage.namespace}` },
      );
    },
    getPathsToWatch() {
      return [path.join(context.siteDir, 'src', 'round-trip', '**', '*.ts')];
    },
  };
}
