/**
 * Deciding whether a URL that came from untrusted input (an issuer's metadata, a typed value)
 * may be rendered as a clickable link. The house rule: always show it as text; make it a link
 * only when it is https:, or http: on a loopback host.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

/** True for localhost, 127.0.0.0/8 and [::1]. */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (LOOPBACK_HOSTS.has(host) || host.endsWith('.localhost')) return true;
  return /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(host);
}

/**
 * The URL to put in `href`, or undefined when the text must stay plain text
 * (javascript:, data:, http: off loopback, relative or malformed values, credentials in the URL).
 */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 4096) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && isLoopbackHostname(url.hostname)) return url.href;
  return undefined;
}
