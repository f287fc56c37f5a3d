/**
 * What the tenant's own JSON routes share (the scenario switch, the test clock, the simulated phone, the
 * custom logout, CIBA's CORS): a bounded body reader, the JSON-only rule, and CORS for the portal's pages.
 */
import type { KoaContextWithOIDC } from 'oidc-provider';
import { isAllowedOrigin } from './origins';

/** The request body as text, or undefined when it is longer than `maxBytes` (nothing more is kept). */
async function readBodyText(ctx: KoaContextWithOIDC, maxBytes = 1024): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request body parsed as JSON; undefined when too long or not JSON. */
export async function readJsonBody(ctx: KoaContextWithOIDC, maxBytes = 1024): Promise<unknown> {
  const text = await readBodyText(ctx, maxBytes);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * JSON only: a page on another site cannot send `application/json` without a CORS preflight, which it
 * does not get, so a visited page cannot flip a switch with a plain form. Answers 415 and returns true
 * when the request is not JSON.
 */
export function refusedUnlessJson(ctx: KoaContextWithOIDC): boolean {
  if ((ctx.get('content-type') ?? '').toLowerCase().startsWith('application/json')) return false;
  ctx.status = 415;
  ctx.body = { error: 'invalid_request', error_description: 'Send Content-Type: application/json.' };
  return true;
}

/**
 * CORS for the portal's own pages: an allowed origin (the loopback portals and ALLOWED_ORIGINS, the
 * token endpoint's rule) gets `Access-Control-Allow-Origin`, and on a preflight the methods and headers;
 * any other site gets none. Returns whether the origin is allowed; answering the preflight is the caller's.
 */
export function portalCors(
  ctx: KoaContextWithOIDC,
  allowedOrigins: readonly string[],
  preflight: { methods: string; headers: string },
): boolean {
  const origin = ctx.get('origin');
  if (!origin || !isAllowedOrigin(origin, allowedOrigins)) return false;
  ctx.set('access-control-allow-origin', origin);
  ctx.set('vary', 'Origin');
  if (ctx.method === 'OPTIONS') {
    ctx.set('access-control-allow-methods', preflight.methods);
    ctx.set('access-control-allow-headers', preflight.headers);
    ctx.set('access-control-max-age', '600');
  }
  return true;
}
