/**
 * Deciding whether a URL that came from untrusted input (an issuer's metadata, a typed value)
 * may be rendered as a clickable link. The house rule: always show it as text; make it a link
 * only when it is https:, or http: on a loopback host.
 */
import { isLoopbackHost } from './environments';

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
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url.href;
  return undefined;
}

/**
 * JSON text of an untrusted value for display, bounded in depth and length so a hostile document
 * (10 000 levels deep, megabytes of strings) cannot throw or freeze the page. Never throws.
 */
export function previewJson(
  value: unknown,
  options: { maxChars?: number; maxDepth?: number; indent?: number } = {},
): string {
  const maxChars = options.maxChars ?? 2000;
  const maxDepth = options.maxDepth ?? 20;
  const parts: string[] = [];
  let length = 0;
  let truncated = false;
  const push = (s: string) => {
    if (truncated) return;
    if (length + s.length > maxChars) {
      parts.push(s.slice(0, Math.max(0, maxChars - length)));
      truncated = true;
      return;
    }
    parts.push(s);
    length += s.length;
  };
  const pad = (depth: number) => (options.indent ? `\n${' '.repeat(options.indent * depth)}` : '');
  const walk = (v: unknown, depth: number): void => {
    if (truncated) return;
    if (v === null || typeof v === 'number' || typeof v === 'boolean') return push(String(v));
    if (typeof v === 'string') return push(JSON.stringify(v));
    if (typeof v !== 'object') return push(JSON.stringify(String(v)));
    if (depth >= maxDepth) return push(Array.isArray(v) ? '[…]' : '{…}');
    const entries: [string | undefined, unknown][] = Array.isArray(v)
      ? v.map((x): [undefined, unknown] => [undefined, x])
      : Object.keys(v).map((k): [string, unknown] => [k, (v as Record<string, unknown>)[k]]);
    push(Array.isArray(v) ? '[' : '{');
    entries.forEach(([k, x], i) => {
      if (truncated) return;
      push(pad(depth + 1));
      if (k !== undefined) push(`${JSON.stringify(k)}: `);
      walk(x, depth + 1);
      if (i < entries.length - 1) push(options.indent ? ',' : ', ');
    });
    if (entries.length) push(pad(depth));
    push(Array.isArray(v) ? ']' : '}');
  };
  try {
    walk(value, 0);
  } catch {
    return '(this value cannot be shown)';
  }
  return truncated
    ? `${parts.join('')}… (cut at ${maxChars.toLocaleString('en')} characters)`
    : parts.join('');
}
