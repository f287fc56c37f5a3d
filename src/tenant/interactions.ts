/**
 * The tenant's interaction pages (oidc-provider leaves login and consent to the host):
 * GET /interaction/:uid shows the test users (login) or approves the consent on its own;
 * POST /interaction/:uid/login logs in as the chosen test user.
 */
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { findTestUser, testUsers, type TestUser } from './accounts';
import { loginPage } from './pages';

const route = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;
const maxBody = 4096;

async function readForm(ctx: KoaContextWithOIDC): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > maxBody) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function interactions(provider: Provider, helpers: { acrOf: (user: TestUser) => string }) {
  return async function interactionRoutes(ctx: KoaContextWithOIDC, next: () => Promise<void>) {
    const match = route.exec(ctx.path);
    if (!match) return next();
    ctx.set('cache-control', 'no-store');

    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (details.uid !== match[1]) ctx.throw(400, 'interaction mismatch');
    const { prompt, params } = details;

    if (ctx.method === 'POST' && match[2] === '/login') {
      if (prompt.name !== 'login') ctx.throw(400, 'not a login step');
      const form = await readForm(ctx);
      const user = findTestUser(form.get('user') ?? '');
      if (!user) ctx.throw(400, 'unknown test user');
      const redirectTo = await provider.interactionResult(
        ctx.req,
        ctx.res,
        { login: { accountId: user.id, acr: helpers.acrOf(user), amr: user.amr } },
        { mergeWithLastSubmission: false },
      );
      ctx.status = 303;
      return ctx.redirect(redirectTo);
    }

    if (ctx.method !== 'GET' || match[2]) ctx.throw(405);

    if (prompt.name === 'login') {
      ctx.type = 'html';
      ctx.body = loginPage({
        action: `/interaction/${details.uid}/login`,
        users: testUsers,
        clientId: String(params.client_id ?? ''),
        scope: String(params.scope ?? ''),
        loginHint: typeof params.login_hint === 'string' ? params.login_hint : undefined,
        forced: typeof params.prompt === 'string' && params.prompt.split(' ').includes('login'),
      });
      return;
    }

    if (prompt.name === 'consent') {
      // TelenorID+ shows no consent screen: approve what was asked for.
      const { session } = details;
      if (!session) ctx.throw(400, 'no session');
      const grant =
        (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
        new provider.Grant({ accountId: session.accountId, clientId: String(params.client_id) });
      const missing = prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
        grant.addResourceScope(indicator, scopes.join(' '));
      }
      const grantId = await grant.save();
      const redirectTo = await provider.interactionResult(
        ctx.req,
        ctx.res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
      ctx.status = 303;
      return ctx.redirect(redirectTo);
    }

    ctx.throw(400, `unsupported interaction: ${prompt.name}`);
  };
}
