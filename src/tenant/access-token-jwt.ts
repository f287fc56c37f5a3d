/**
 * TelenorID+ access tokens are RS256 JWTs (`typ: at+jwt`) that /connect/userinfo also accepts.
 * oidc-provider v9 signs JWT access tokens only for resource servers, and refuses those at userinfo.
 * So the tenant keeps oidc-provider's opaque token as the handle and hands out a JWT around it:
 * - token endpoint (after oidc-provider answered): `access_token` becomes a JWT whose `jti` is the handle;
 * - userinfo (before oidc-provider reads it): a valid JWT bearer is swapped back for its handle.
 * Revoking a JWT access token has no effect (RFC 7009 allows it; TelenorID+ says its by-value access
 * tokens cannot be revoked). Expiry, scope and session binding stay oidc-provider's.
 */
import * as jose from 'jose';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { endpointPaths, signingAlgorithm } from '../oidc/catalogue';
import { pairwiseSub, sessionClaims } from '../oidc/catalogue/fixtures';
import { claimsFor, findTestUser, sessionIdOf } from './accounts';
import { findLocalClient } from './clients';
import { toRealSeconds, type TenantClock } from './clock';

export function accessTokenAsJwt(provider: Provider, signingJwk: jose.JWK, clock: TenantClock) {
  const keys = (async () => ({
    private: await jose.importJWK(signingJwk, signingAlgorithm),
    public: await jose.importJWK(
      { kty: signingJwk.kty, n: signingJwk.n, e: signingJwk.e, alg: signingAlgorithm },
      signingAlgorithm,
    ),
  }))();

  async function wrap(handle: string): Promise<string | undefined> {
    const token = await provider.AccessToken.find(handle);
    if (!token) return undefined;
    const scopes = [...token.scopes];
    const user = token.accountId ? findTestUser(token.accountId) : undefined;
    const client = token.clientId ? findLocalClient(token.clientId) : undefined;
    const { session_uid: sessionUid, ...extra } = (token.extra ?? {}) as Record<string, unknown>;
    // oidc-provider stamped the token on the test clock; the JWT carries real time (clock.ts).
    if (typeof extra.auth_time === 'number') extra.auth_time = toRealSeconds(clock, extra.auth_time);
    const now = Math.floor(Date.now() / 1000);
    const iat = toRealSeconds(clock, token.iat ?? now);
    const exp = toRealSeconds(clock, token.exp ?? now);
    const payload: jose.JWTPayload = {
      ...(user ? claimsFor(user, scopes, 'access_token') : {}),
      ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
      // The same session claims as the ID token and the mock's access token (fixtures).
      ...(user && client ? sessionClaims(user, client, sessionIdOf(String(sessionUid ?? ''))) : {}),
      client_id: token.clientId,
      scope: scopes,
    };
    const sub = user && client ? await pairwiseSub(user.id, client.sector) : String(token.clientId);
    return new jose.SignJWT(payload)
      .setProtectedHeader({ alg: signingAlgorithm, typ: 'at+jwt', kid: signingJwk.kid })
      .setIssuer(provider.issuer)
      .setSubject(sub)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(exp)
      .setJti(handle)
      .sign((await keys).private);
  }

  async function unwrap(jwt: string): Promise<string | undefined> {
    try {
      const { payload } = await jose.jwtVerify(jwt, (await keys).public, {
        issuer: provider.issuer,
        typ: 'at+jwt',
        algorithms: [signingAlgorithm],
      });
      return payload.jti;
    } catch {
      return undefined;
    }
  }

  return async function accessTokenJwt(ctx: KoaContextWithOIDC, next: () => Promise<void>) {
    if (ctx.path === endpointPaths.userinfo_endpoint.path) {
      const match = /^Bearer\s+(\S+\.\S+\.\S+)$/i.exec(ctx.get('authorization'));
      if (match) {
        const handle = await unwrap(match[1]!);
        // An invalid JWT is passed on unchanged: oidc-provider answers invalid_token.
        if (handle) ctx.req.headers.authorization = `Bearer ${handle}`;
      }
    }
    await next();
    if (ctx.path === endpointPaths.token_endpoint.path && ctx.status === 200) {
      const body = ctx.body as { access_token?: unknown } | undefined;
      if (body && typeof body.access_token === 'string') {
        const jwt = await wrap(body.access_token);
        if (jwt) body.access_token = jwt;
      }
    }
  };
}
