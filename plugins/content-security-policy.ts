// The Content-Security-Policy and referrer policy of every page (issue #14), from config/security-headers.mjs:
// - as `headTags` (injectHtmlTags), not as the site config's `headTags`, which Docusaurus would also
//   ship to every page inside main.js (the byte budget has no room for the policy twice);
// - after the build, the SHA-256 of every inline <script> of a page is added to the script-src of that
//   page's policy. Docusaurus writes a few inline scripts (the colour-mode script, the base-URL banner)
//   whose text depends on the configuration, so they are hashed as built rather than listed by hand;
//   anything else inline stays blocked.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';
import { metaContentSecurityPolicy, referrerPolicy } from '../config/security-headers.mjs';

const metaPattern = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/;

/** The hashes of a page's inline scripts (not data blocks such as JSON-LD), in CSP source syntax. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const [, attributes = '', body = ''] = m;
    if (/\bsrc=/.test(attributes) || body === '') continue;
    const type = /\btype="?([^"\s>]+)/.exec(attributes)?.[1];
    if (type && !/^(text|application)\/(javascript|ecmascript)$|^module$/.test(type)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * The page with its inline-script hashes added to the meta policy's script-src; unchanged without one.
 * A hash the policy already lists is not added again (the round-trip pages hash their own script when
 * they are written, plugins/round-trip-pages.ts, and pass through here after the build).
 */
export function addInlineHashes(html: string): string {
  const meta = metaPattern.exec(html);
  if (!meta) return html;
  const listed = new Set(/script-src ([^;]*)/.exec(meta[1]!)?.[1]?.split(' '));
  const hashes = inlineScriptHashes(html).filter((h) => !listed.has(h));
  if (hashes.length === 0) return html;
  const policy = meta[1]!.replace(
    /script-src ([^;]*)/,
    (_all, sources: string) => `script-src ${sources} ${hashes.join(' ')}`,
  );
  return html.replace(meta[0], meta[0].replace(meta[1]!, policy));
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

export default function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    injectHtmlTags() {
      const referrer = { tagName: 'meta', attributes: { name: 'referrer', content: referrerPolicy } };
      // `npm start` serves development bundles, which evaluate strings (source maps, hot reload), and
      // inline scripts that postBuild never hashes: the policy would stop the dev site from running at
      // all. It belongs to the built site only.
      if (process.env.NODE_ENV !== 'production') return { headTags: [referrer] };
      return {
        headTags: [
          {
            tagName: 'meta',
            attributes: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy },
          },
          referrer,
        ],
      };
    },
    async postBuild({ outDir }) {
      for (const file of await htmlFiles(outDir)) {
        const html = await readFile(file, 'utf8');
        const next = addInlineHashes(html);
        if (next !== html) await writeFile(file, next);
      }
    },
  };
}
