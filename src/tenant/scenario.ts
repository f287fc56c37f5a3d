/**
 * The tenant's scenario switch, the same lever the mock has (src/mocks/control.ts): with
 * `consentRequired` on, no client has the user's consent, so `prompt=none` answers consent_required
 * and an interactive login passes the (self-approving) consent step. Everything else a test needs is
 * real: sessions are cookies, expiry is the short-lived twins, revocation and logout are endpoints.
 *
 *   POST /__tenant/scenario {"set":{"consentRequired":true}} → 200 {"scenario":{…}}   (GET reads it)
 *
 * For tests and demos on a test tenant: it changes the tenant for every client until it restarts.
 */
import type { KoaContextWithOIDC } from 'oidc-provider';
import { readJsonBody, refusedUnlessJson } from './http';

export const tenantScenarioPath = '/__tenant/scenario';

export type TenantScenario = { consentRequired: boolean };

export const tenantScenario: TenantScenario = { consentRequired: false };

export async function tenantScenarioRoutes(ctx: KoaContextWithOIDC, next: () => Promise<void>) {
  if (ctx.path !== tenantScenarioPath) return next();
  ctx.set('cache-control', 'no-store');
  if (ctx.method === 'POST') {
    // JSON only: a page on another site cannot send it without a CORS preflight, which gets no answer
    // here, so a visited page cannot flip the switch with a plain form.
    if (refusedUnlessJson(ctx)) return;
    const body = await readJsonBody(ctx);
    const set =
      body && typeof body === 'object' ? (body as { set?: Record<string, unknown> }).set : undefined;
    if (!set || typeof set !== 'object') {
      ctx.status = 400;
      ctx.body = {
        error: 'invalid_request',
        error_description: 'Send {"set":{"consentRequired":true|false}}.',
      };
      return;
    }
    if (typeof set.consentRequired === 'boolean') tenantScenario.consentRequired = set.consentRequired;
  } else if (ctx.method !== 'GET') {
    ctx.status = 405;
    return;
  }
  ctx.body = { scenario: { ...tenantScenario } };
}
