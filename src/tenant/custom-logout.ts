/**
 * TelenorID+'s custom logout for native apps (facts §17), which oidc-provider does not have:
 * `POST /connect/customlogout` with `Content-Type: application/json` and `{id_token_hint, state}`.
 *
 *   200 <state>                 the session was found and ended (its grants and tokens revoked)
 *   200 Already logged out      the session is not found or already ended
 *   400 id_token_hint is null   the hint is missing or empty (or the body is not JSON)
 *   401 Invalid token           the ID token's signature does not validate (or another issuer's)
 *
 * Bodies are plain text, as the mock's. The ID token names its session by `ibis.sid` (the tenant's
 * own session claims, provider.ts); `rememberSession` keeps which oidc-provider session that is. An
 * expired ID token is still a valid hint (a logout may come long after its 300 s). Allowed origins
 * (loopback portals, ALLOWED_ORIGINS) get CORS, so the logout tryout can call it from the browser.
 */
import * as jose from 'jose';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { endpointPaths, signingAlgorithm } from '../oidc/catalogue';
import { portalCors, readJsonBody } from './http';

const maxSessions = 1000;
const maxBody = 16 * 1024;

/** ibis.sid → oidc-provider session uid, newest last; bounded like the provider's own storage. */
export type SessionIndex = Map<string, string>;

export function rememberSession(index: SessionIndex, ibisSid: string, sessionUid: string): void {
  index.delete(ibisSid);
  index.set(ibisSid, sessionUid);
  if (index.size > maxSessions) index.delete(index.keys().next().value!);
}

export function customLogoutRoute(
  provider: Provider,
  signingJwk: jose.JWK,
  sessions: SessionIndex,
  allowedOrigins: readonly string[],
) {
  const publicKey = jose.importJWK(
    { kty: signingJwk.kty, n: signingJwk.n, e: signingJwk.e, alg: signingAlgorithm },
    signingAlgorithm,
  );

  function answer(ctx: KoaContextWithOIDC, status: number, text: string) {
    ctx.status = status;
    ctx.type = 'text/plain; charset=utf-8';
    ctx.body = text;
  }

  async function verified(hint: string): Promise<jose.JWTPayload | undefined> {
    try {
      const claims = jose.decodeJwt(hint);
      const { payload } = await jose.jwtVerify(hint, await publicKey, {
        issuer: provider.issuer,
        algorithms: [signingAlgorithm],
        // Accepted although expired: judged at the moment it was issued.
        currentDate: new Date((typeof claims.iat === 'number' ? claims.iat : 0) * 1000),
      });
      return payload;
    } catch {
      return undefined;
    }
  }

  async function endSession(sessionUid: string): Promise<boolean> {
    const session = await provider.Session.findByUid(sessionUid);
    if (!session) return false;
    const grants = Object.values(session.authorizations ?? {})
      .map((a) => a.grantId)
      .filter((id): id is string => typeof id === 'string');
    await Promise.all(
      grants.flatMap((grantId) => [
        provider.AccessToken.revokeByGrantId(grantId),
        provider.RefreshToken.revokeByGrantId(grantId),
        provider.AuthorizationCode.revokeByGrantId(grantId),
        provider.Grant.adapter.destroy(grantId),
      ]),
    );
    await session.destroy();
    return true;
  }

  return async function customLogout(ctx: KoaContextWithOIDC, next: () => Promise<void>) {
    if (ctx.path !== endpointPaths.custom_logout_endpoint.path) return next();
    ctx.set('cache-control', 'no-store');
    portalCors(ctx, allowedOrigins, { methods: 'POST', headers: 'Content-Type' });
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return;
    }
    if (ctx.method !== 'POST') return answer(ctx, 405, 'Use POST with a JSON body.');
    if (!(ctx.get('content-type') ?? '').toLowerCase().startsWith('application/json'))
      return answer(ctx, 400, 'Content-Type must be application/json');
    const body = await readJsonBody(ctx, maxBody);
    const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const hint = fields.id_token_hint;
    const state = typeof fields.state === 'string' ? fields.state : '';
    if (typeof hint !== 'string' || hint === '') return answer(ctx, 400, 'id_token_hint is null');
    const payload = await verified(hint);
    if (!payload) return answer(ctx, 401, 'Invalid token');
    const ibisSid = payload['ibis.sid'];
    const sessionUid = typeof ibisSid === 'string' ? sessions.get(ibisSid) : undefined;
    if (!sessionUid || !(await endSession(sessionUid))) return answer(ctx, 200, 'Already logged out');
    sessions.delete(ibisSid as string);
    return answer(ctx, 200, state);
  };
}
