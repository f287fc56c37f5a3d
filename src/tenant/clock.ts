/**
 * The local tenant's test clock (the contract in src/oidc/test-clock.ts, shared with the mock's
 * /__mock/clock): `GET|POST /__tenant/clock`.
 *
 * oidc-provider reads the time in one place, `helpers/epoch_time.js` (`Math.floor(Date.now() / 1000)`),
 * and its memory adapter and LRU read `Date.now()` too: every expiry it judges (codes, sessions, grants,
 * access and refresh tokens) goes through `Date.now`. So the tenant moves `Date.now` — but only inside its
 * own requests: an AsyncLocalStorage holds the clock of the tenant whose request is running, and the
 * patched `Date.now` adds that clock's offset, and nothing anywhere else (tests, the mock, another tenant
 * in the same process). What the tenant signs is stamped in real time (`realTime` around ID-token
 * issuance, `toRealSeconds` for the access-token JWT), so a client whose clock did not move accepts new
 * tokens after a jump; jose (which reads `new Date()`, not `Date.now`) checks those in real time too.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { KoaContextWithOIDC } from 'oidc-provider';
import {
  applyTestClockRequest,
  parseTestClockRequest,
  testClockAnswer,
  testClockPaths,
} from '../oidc/test-clock';
import { portalCors, readJsonBody, refusedUnlessJson } from './http';

export type TenantClock = { offsetSeconds: number };

const running = new AsyncLocalStorage<TenantClock>();
const realTimeClock: TenantClock = { offsetSeconds: 0 };

/** The process's own Date.now, whatever it was when this module loaded (a test may have moved it). */
const underlyingNow = Date.now;

// Installed once, when the module loads: before a test captures Date.now, so a test that moves the
// whole process's clock still moves the tenant's too. Outside a tenant request it adds nothing.
Date.now = function now(): number {
  const clock = running.getStore();
  return underlyingNow.call(Date) + (clock ? clock.offsetSeconds * 1000 : 0);
};

export function createTenantClock(): TenantClock {
  return { offsetSeconds: 0 };
}

/** Runs the rest of a request on this tenant's clock (the first middleware of the provider). */
export function onTenantClock(clock: TenantClock) {
  return function tenantClockContext(_ctx: KoaContextWithOIDC, next: () => Promise<void>) {
    return running.run(clock, next);
  };
}

/** Runs `fn` in real time (what the tenant signs carries real time). */
export function realTime<T>(fn: () => T): T {
  return running.run(realTimeClock, fn);
}

/** A time the tenant judged by its clock, as real time (epoch seconds). */
export function toRealSeconds(clock: TenantClock, seconds: number): number {
  return seconds - clock.offsetSeconds;
}

/**
 * `/__tenant/clock`: JSON only (415 otherwise), as the scenario switch. Unlike it, the portal's pages
 * call the clock from the browser (the refresh simulator's timeline, the logout tryout), so an allowed
 * origin — the loopback portals and ALLOWED_ORIGINS, the same rule as the token endpoint's CORS — gets
 * CORS and its preflight answered; any other site gets neither, so it cannot send the JSON at all.
 */
export function tenantClockRoutes(clock: TenantClock, allowedOrigins: readonly string[]) {
  return async function tenantClock(ctx: KoaContextWithOIDC, next: () => Promise<void>) {
    if (ctx.path !== testClockPaths.local) return next();
    ctx.set('cache-control', 'no-store');
    portalCors(ctx, allowedOrigins, { methods: 'GET, POST', headers: 'Content-Type' });
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return;
    }
    if (ctx.method === 'POST') {
      if (refusedUnlessJson(ctx)) return;
      const parsed = parseTestClockRequest(await readJsonBody(ctx));
      if (!parsed.ok) {
        ctx.status = 400;
        ctx.body = { error: 'invalid_request', error_description: parsed.error_description };
        return;
      }
      clock.offsetSeconds = applyTestClockRequest(clock.offsetSeconds, parsed.request);
    } else if (ctx.method !== 'GET') {
      ctx.status = 405;
      return;
    }
    ctx.body = testClockAnswer(clock.offsetSeconds, underlyingNow.call(Date));
  };
}
