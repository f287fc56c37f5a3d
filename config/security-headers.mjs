// The portal's security policy, in one place: the <meta> policy every page carries (head tags of
// plugins/content-security-policy.ts, which also adds each page's inline-script hashes after the build),
// and the HTTP headers a host should send (scripts/static-server.mjs sends them; README.md shows them for
// nginx, Netlify and others). Plain JavaScript so both the TypeScript plugin and the .mjs host import it.
//
// Why each source is there:
// - connect-src / frame-src allow https: anywhere and plain http on loopback only: widgets talk to any
//   issuer the reader picks (staging, production, a custom https issuer, the local tenant on
//   http://localhost), and the prompt=none tryout frames the provider's /authorize. Plain http elsewhere
//   is refused here too, as in src/oidc (a CSP cannot express 127.0.0.0/8 or [::1], so those stay
//   unreachable from widgets, which is the safe side).
// - style-src needs 'unsafe-inline': React and Mermaid set style attributes and <style> elements.
// - script-src is 'self' plus hashes: nothing injected into a page can run.
// - frame-ancestors (clickjacking) cannot be set by a <meta>; only the header does it. 'self', not
//   'none': the prompt=none tryout frames the portal's own callback and mock authorize pages.

const loopbackHttp = ['http://localhost:*', 'http://*.localhost:*', 'http://127.0.0.1:*'];

/** The directives of the <meta> policy, script-src without its per-page hashes. */
export const metaPolicyDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'https:', ...loopbackHttp],
  'frame-src': ["'self'", 'https:', ...loopbackHttp],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'form-action': ["'self'"],
  'base-uri': ["'self'"],
  'object-src': ["'none'"],
};

/** @param {Record<string, string[]>} directives */
export function serializePolicy(directives) {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

/** The policy as the <meta http-equiv="Content-Security-Policy"> of every page (before hashes). */
export const metaContentSecurityPolicy = serializePolicy(metaPolicyDirectives);

export const referrerPolicy = 'strict-origin-when-cross-origin';

/**
 * Headers for every response of the host. The header policy holds what a <meta> cannot (frame-ancestors)
 * and repeats the document-wide limits; browsers enforce both policies, so script-src stays in the
 * <meta>, where the build knows each page's inline-script hashes.
 */
export const hostHeaders = {
  'Content-Security-Policy': "frame-ancestors 'self'; object-src 'none'; base-uri 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': referrerPolicy,
  'X-Frame-Options': 'SAMEORIGIN',
};
