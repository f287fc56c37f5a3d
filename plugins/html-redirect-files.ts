// Old guide URLs ending in `.html` (`/TelenorID_Plus_-_authorize.html`) must answer as plain
// files on any static host. plugin-client-redirects would write them as folders
// (`…authorize.html/index.html`), which many hosts do not serve at the `.html` address, so
// this plugin writes those few pages itself; every other old path stays with
// plugin-client-redirects. Both read the one list in redirects.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import type { Redirect } from '../redirects';

/** The `.html` paths this plugin owns; the rest go to plugin-client-redirects. */
export const isHtmlPath = (from: string): boolean => from.endsWith('.html');

function redirectPage(target: string): string {
  const json = JSON.stringify(target);
  // Forward the query string and the #fragment too: old FAQ links carry their answer in the fragment.
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <title>Moved</title>
    <meta http-equiv="refresh" content="0; url=${target}">
    <link rel="canonical" href="${target}">
    <meta name="robots" content="noindex">
  </head>
  <body>
    <p>This page has moved to <a href="${target}">${target}</a>.</p>
    <script>window.location.replace(${json} + window.location.search + window.location.hash);</script>
  </body>
</html>
`;
}

export default function htmlRedirectFiles(redirects: Redirect[]) {
  return (context: LoadContext): Plugin => ({
    name: 'html-redirect-files',
    async postBuild({ outDir, routesPaths }) {
      const known = new Set(routesPaths.map((p) => p.replace(/\/$/, '') || '/'));
      for (const { to, from } of redirects) {
        const target = `${context.siteConfig.baseUrl}${to.replace(/^\//, '')}`;
        if (!known.has(target.replace(/\/$/, '') || '/')) {
          throw new Error(`redirects.ts sends ${String(from)} to ${to}, which is not a page of this site.`);
        }
        for (const old of [from].flat().filter(isHtmlPath)) {
          const file = path.join(outDir, old);
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, redirectPage(target));
        }
      }
    },
  });
}
