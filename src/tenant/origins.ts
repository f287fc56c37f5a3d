/**
 * Which browser origins may call the local tenant (CORS) and which redirect URIs it accepts.
 *
 * oidc-provider compares redirect URIs exactly, but the portal runs on many local ports (dev 3000,
 * e2e 3100/3101, helpers 3200–3401 …) and under two base paths (`/`, `/portal/`). Rather than register
 * a list that is wrong the day someone picks another port, the tenant accepts any loopback origin
 * (`http://localhost:<port>`, `http://127.0.0.1:<port>`, `http://[::1]:<port>`) plus the origins in
 * `ALLOWED_ORIGINS`, and on those origins any path that ends in `/callback/` (the portal's callback is
 * `<origin><baseUrl>callback/`). Still exact in every other respect: no query, no fragment, no
 * userinfo, http(s) only. This is a test tenant on a developer's machine; TelenorID+ itself matches
 * redirect URIs exactly.
 */

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Parses `ALLOWED_ORIGINS` (a comma-separated list of origins); malformed entries are ignored. */
export function parseAllowedOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .flatMap((entry) => {
      const url = URL.parse(entry);
      return url && (url.protocol === 'http:' || url.protocol === 'https:') ? [url.origin] : [];
    });
}

export function isLoopbackOrigin(origin: string): boolean {
  const url = URL.parse(origin);
  return !!url && url.protocol === 'http:' && loopbackHosts.has(url.hostname) && url.origin === origin;
}

export function isAllowedOrigin(origin: string | undefined, extra: readonly string[]): boolean {
  if (!origin || origin === 'null') return false;
  return isLoopbackOrigin(origin) || extra.includes(origin);
}

/** The path every portal callback (login redirect and post-logout redirect) ends with. */
export const callbackSuffix = '/callback/';

export function isPortalCallback(value: string, extra: readonly string[]): boolean {
  const url = URL.parse(value);
  if (!url || url.search || url.hash || url.username || url.password) return false;
  if (value.includes('#') || value.includes('?')) return false;
  if (!isAllowedOrigin(url.origin, extra)) return false;
  // Normalised paths only: `/a/../callback/` or `//callback/` are refused, not resolved.
  if (!url.pathname.endsWith(callbackSuffix) || url.pathname.includes('//')) return false;
  return value === url.origin + url.pathname;
}
