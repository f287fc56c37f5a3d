/**
 * The local test tenant: an oidc-provider instance configured from the catalogue to behave like
 * TelenorID+ where a portal reader can observe it (scopes, claims, client types, refresh policies,
 * prompt=none, logout, invalid_grant). Node only. How and why each setting is chosen: README.md.
 */
import { randomBytes } from 'node:crypto';
import * as jose from 'jose';
import Provider, { type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import {
  acrValues,
  endpointPaths,
  exampleLifetimes,
  identityScopes,
  signingAlgorithm,
} from '../oidc/catalogue';
import { cibaTestClient, deviceTestClient, pairwiseSub, sessionClaims } from '../oidc/catalogue/fixtures';
import { cibaScopes } from '../oidc/catalogue';
import { ciba, deviceFlow } from '../oidc/catalogue/polling-flows';
import { acrOf, claimsFor, findTestUser, sessionIdOf } from './accounts';
import { findLocalClient, issuesRefreshTokens, localClients } from './clients';
import { isAllowedOrigin, isPortalCallback } from './origins';
import { errorPage, logoutPage, logoutSuccessPage } from './pages';
import { accessTokenAsJwt } from './access-token-jwt';
import { interactions } from './interactions';
import { tenantScenario, tenantScenarioRoutes } from './scenario';
import { customLogoutRoute, rememberSession, type SessionIndex } from './custom-logout';
import {
  createTenantClock,
  onTenantClock,
  realTime,
  tenantClockRoutes,
  toRealSeconds,
  type TenantClock,
} from './clock';
import { cibaFeature, deviceFlowFeature, pollingFlows, pollingTtl } from './polling';

export type TenantOptions = {
  issuer: string;
  /** Origins besides loopback ones that may call the tenant and be redirected to. */
  allowedOrigins?: readonly string[];
};

const DAY = 24 * 60 * 60;
/**
 * Sessions and grants outlive every refresh token: a sliding chain (Mobile: each refresh a new 90-day
 * token) has no end but logout or a refresh missed for its lifetime, so they must not cap it (the test
 * clock's conformance scenarios refresh a Mobile token after 90 days and again 90 days later). The
 * session still ends at logout.
 */
const longestRefreshSeconds = 5 * 365 * DAY;

/** Scopes that yield claims in the ID token or at /userinfo: oidc-provider's `claims` (scope → claims). */
function oidcClaimsByScope(): Record<string, string[]> {
  const byScope: Record<string, string[]> = Object.fromEntries(
    identityScopes.map((scope) => [
      scope.name,
      scope.claims
        .filter((c) => c.arrives.includes('id_token') || c.arrives.includes('userinfo'))
        .map((c) => c.claim),
    ]),
  );
  // TelenorID+ ID tokens always carry acr, amr, auth_time and sid: let the openid scope release them.
  byScope.openid = [...(byScope.openid ?? []), 'acr', 'amr', 'auth_time', 'sid'];
  return byScope;
}

function localClient(ctx: KoaContextWithOIDC | undefined, clientId: string | undefined) {
  const client = clientId ? findLocalClient(clientId) : undefined;
  if (!client) throw new Error(`local tenant: unknown client ${clientId ?? '(none)'} (${ctx?.path ?? ''})`);
  return client;
}

/**
 * A fixture client's identity as oidc-provider registers it, the same for every test client: its id
 * and name, a secret sent by basic auth or none, and native for a mobile app.
 */
function clientIdentity(c: {
  clientId: string;
  description: string;
  clientSecret?: string | undefined;
  clientType: string;
}): ClientMetadata {
  return {
    client_id: c.clientId,
    client_name: c.description,
    ...(c.clientSecret
      ? { client_secret: c.clientSecret, token_endpoint_auth_method: 'client_secret_basic' }
      : { token_endpoint_auth_method: 'none' }),
    application_type: c.clientType === 'MobileApp' ? 'native' : 'web',
  };
}

export async function createSigningKey(): Promise<jose.JWK> {
  const { privateKey } = await jose.generateKeyPair(signingAlgorithm, { extractable: true });
  const jwk = await jose.exportJWK(privateKey);
  return { ...jwk, alg: signingAlgorithm, use: 'sig', kid: await jose.calculateJwkThumbprint(jwk) };
}

export async function createProvider(options: TenantOptions): Promise<Provider> {
  const allowed = options.allowedOrigins ?? [];
  const signingKey = await createSigningKey();
  // The test clock (clock.ts): every request of this tenant runs on it.
  const clock = createTenantClock();
  /** Which oidc-provider session an ID token's ibis.sid names (the custom logout finds it by that). */
  const sessions: SessionIndex = new Map();
  const { issuer } = options;

  const configuration: Configuration = {
    clients: localClients
      .map((c): ClientMetadata => ({
        ...clientIdentity(c),
        // TelenorID+ subs are pairwise (facts §12); both engines derive them the same way (fixtures).
        subject_type: 'pairwise',
        grant_types: issuesRefreshTokens(c)
          ? ['authorization_code', 'refresh_token']
          : ['authorization_code'],
        response_types: ['code'],
        // Nominal: every portal callback on an allowed origin is accepted (see origins.ts).
        redirect_uris: ['http://localhost:3000/callback/'],
        post_logout_redirect_uris: ['http://localhost:3000/callback/'],
        id_token_signed_response_alg: signingAlgorithm,
      }))
      .concat(
        // The polling flows' clients (fixtures): the device client (MobileApp, no secret) and CIBA's
        // (Confidential, the CIBA grant only: CIBA switches off its front-channel flows, facts §22).
        // oidc-provider lets a pairwise client of these grants authenticate only with its own keys, so
        // they are registered as `public` and get their pairwise sub from the fixtures (pollingSub).
        [deviceTestClient('local'), cibaTestClient('local')].map((c): ClientMetadata => ({
          ...clientIdentity(c),
          subject_type: 'public',
          grant_types: c.sector === 'ciba' ? [ciba.grantType] : [deviceFlow.grantType, 'refresh_token'],
          response_types: [],
          redirect_uris: [],
          ...(c.sector === 'ciba' ? { backchannel_token_delivery_mode: 'poll' } : {}),
          id_token_signed_response_alg: signingAlgorithm,
        })),
      ),
    jwks: { keys: [signingKey as never] },
    // Signed cookies need keys; a fresh random key per start is enough for a test tenant.
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      // http://localhost: not Secure; Lax is sent on same-site requests, and localhost:3100 →
      // localhost:4400 is same-site (a site ignores the port), so prompt=none in an iframe works.
      long: { secure: false, sameSite: 'lax', httpOnly: true },
      short: { secure: false, sameSite: 'lax', httpOnly: true },
    },
    claims: oidcClaimsByScope(),
    subjectTypes: ['pairwise', 'public'],
    pairwiseIdentifier: async (_ctx, accountId, client) =>
      pairwiseSub(findTestUser(accountId)?.id ?? 'ulv', localClient(undefined, client.clientId).sector),
    scopes: [...identityScopes.map((s) => s.name), ...cibaScopes],
    acrValues: acrValues.map((a) => a.value),
    // TelenorID+ puts profile claims (names, analytics_uuid, ial) in the ID token of a code flow too;
    // which claim goes where is decided per claim from the catalogue in findAccount.
    conformIdTokenClaims: false,
    allowOmittingSingleRegisteredRedirectUri: false,
    routes: {
      authorization: endpointPaths.authorization_endpoint.path,
      token: endpointPaths.token_endpoint.path,
      userinfo: endpointPaths.userinfo_endpoint.path,
      end_session: endpointPaths.end_session_endpoint.path,
      revocation: endpointPaths.revocation_endpoint.path,
      introspection: endpointPaths.introspection_endpoint.path,
      jwks: endpointPaths.jwks_uri.path,
      device_authorization: endpointPaths.device_authorization_endpoint.path,
      backchannel_authentication: endpointPaths.backchannel_authentication_endpoint.path,
    },
    enabledJWA: {
      idTokenSigningAlgValues: [signingAlgorithm],
      userinfoSigningAlgValues: [signingAlgorithm],
    },
    // TelenorID+ publishes its custom logout for native apps in discovery (custom-logout.ts answers it).
    discovery: { custom_logout_endpoint: issuer + endpointPaths.custom_logout_endpoint.path },
    features: {
      devInteractions: { enabled: false },
      // A client may revoke only its own tokens; a public client asking about another's gets a silent no-op.
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      // The guide's polling flows (facts §21, §22), with the catalogue's values (polling.ts).
      deviceFlow: deviceFlowFeature,
      ciba: cibaFeature as never,
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.body = logoutSuccessPage(ctx.oidc.client?.clientId);
        },
      },
      // oidc-provider issues JWT access tokens only for resource servers, and those are refused at
      // /userinfo; TelenorID+ access tokens are JWTs that /userinfo accepts. access-token-jwt.ts bridges it.
      resourceIndicators: { enabled: false },
      // Not offered by TelenorID+; off so the discovery document does not promise them.
      pushedAuthorizationRequests: { enabled: false },
      dPoP: { enabled: false },
    },
    // TelenorID+ recommends the code flow for every client; the tenant offers only that.
    responseTypes: ['code'],
    pkce: {
      // Public clients must use PKCE (S256 is the only method oidc-provider v9 supports).
      required: (_ctx, client) => client.clientAuthMethod === 'none',
    },
    clientBasedCORS: (_ctx, origin) => isAllowedOrigin(origin, allowed),
    // Expiry judged to the second, as the mock and the catalogue's lifetimes (oidc-provider's default
    // lets an access token answer 15 s past its exp).
    clockTolerance: 0,
    ttl: {
      AccessToken: exampleLifetimes.accessTokenSeconds,
      IdToken: exampleLifetimes.idTokenSeconds,
      AuthorizationCode: 60,
      DeviceCode: pollingTtl.DeviceCode,
      BackchannelAuthenticationRequest: pollingTtl.BackchannelAuthenticationRequest as never,
      Interaction: 60 * 60,
      Session: longestRefreshSeconds,
      Grant: longestRefreshSeconds,
      RefreshToken(ctx, token, client) {
        const policy = localClient(ctx, client.clientId);
        // Sliding policies: a rotated token gets the full lifetime again. Fixed (Confidential): never
        // rotated, so the one token's end is set at login.
        return policy.refreshLifetimeSeconds ?? 1;
      },
    },
    issueRefreshToken: async (ctx, client, code) =>
      issuesRefreshTokens(localClient(ctx, client.clientId)) &&
      client.grantTypeAllowed('refresh_token') &&
      code.scopes.has('offline_access'),
    rotateRefreshToken: (ctx) => localClient(ctx, ctx.oidc.client?.clientId).refreshPolicy.sliding,
    // TelenorID+ ends every refresh token of a session when the session ends (logout diagram).
    expiresWithSession: async () => true,
    // TelenorID+ asks no consent of its (first-party) clients: grant what is asked for.
    async loadExistingGrant(ctx) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      // The consent switch (scenario.ts): no grant until the consent step approved one, so
      // prompt=none answers consent_required and an interactive login passes the consent step.
      if (tenantScenario.consentRequired && !ctx.oidc.result?.consent?.grantId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const grant =
        (grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined) ??
        new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      const scopes = [...ctx.oidc.requestParamOIDCScopes];
      if (scopes.length) grant.addOIDCScope(scopes.join(' '));
      const claims = [...ctx.oidc.requestParamClaims];
      if (claims.length) grant.addOIDCClaims(claims);
      await grant.save();
      return grant;
    },
    async extraTokenClaims(ctx) {
      // Remembered on the (opaque) access token so access-token-jwt.ts can put them in the JWT.
      const { entities } = ctx.oidc;
      const source =
        entities.RefreshToken ??
        entities.AuthorizationCode ??
        entities.DeviceCode ??
        entities.BackchannelAuthenticationRequest;
      if (!source) return undefined;
      return { auth_time: source.authTime, session_uid: source.sessionUid };
    },
    async findAccount(_ctx, sub) {
      const user = findTestUser(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        async claims(use, scope) {
          const location = use === 'id_token' ? 'id_token' : 'userinfo';
          // Pairwise clients get their sub from pairwiseIdentifier; the polling clients (public there) from the fixtures.
          const client = findLocalClient(Provider.ctx?.oidc.client?.clientId ?? '');
          const own =
            client && !localClients.includes(client) ? await pairwiseSub(user.id, client.sector) : sub;
          return { sub: own, ...claimsFor(user, scope.split(' '), location) };
        },
      };
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage({ ...out });
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  };

  const provider = new Provider(issuer, configuration);
  provider.proxy = false;

  // Redirect URIs: any portal callback on an allowed origin, besides the registered ones.
  const clientPrototype = provider.Client.prototype;
  const registeredRedirect = clientPrototype.redirectUriAllowed;
  const registeredPostLogout = clientPrototype.postLogoutRedirectUriAllowed;
  clientPrototype.redirectUriAllowed = function (value: string) {
    return isPortalCallback(value, allowed) || registeredRedirect.call(this, value);
  };
  clientPrototype.postLogoutRedirectUriAllowed = function (value: string) {
    return isPortalCallback(value, allowed) || registeredPostLogout.call(this, value);
  };

  shapeIdTokensAsTelenorIdPlus(provider, clock, sessions);

  provider.use(onTenantClock(clock));
  provider.use(tenantClockRoutes(clock, allowed));
  provider.use(tenantScenarioRoutes);
  provider.use(customLogoutRoute(provider, signingKey, sessions, allowed));
  provider.use(pollingFlows(provider, allowed));
  provider.use(offlineAccessAsTelenorIdPlus);
  provider.use(interactions(provider, { acrOf }));
  provider.use(accessTokenAsJwt(provider, signingKey, clock));
  return provider;
}

/**
 * ID tokens as TelenorID+ shapes them and as the mock sends them (fixtures' `sessionClaims`): `acr` a
 * one-element array, `amr`, `idp`, `sid` and `ibis.sid` of the login's session, and `nbf` = `iat`
 * (facts §13). oidc-provider keeps acr as a string and sends its own sid only for front/back-channel
 * logout, so the payload is completed here, after oidc-provider has picked the claims by scope.
 */
function shapeIdTokensAsTelenorIdPlus(provider: Provider, clock: TenantClock, sessions: SessionIndex): void {
  const prototype = provider.IdToken.prototype as unknown as {
    payload(this: {
      ctx?: KoaContextWithOIDC;
      client?: { clientId: string };
    }): Promise<Record<string, unknown>>;
    issue(this: unknown, ...args: unknown[]): Promise<string>;
  };
  // Signed in real time (iat, exp, nbf), whatever the test clock says: a client's clock did not move.
  // The login's auth_time was judged on the clock, so it is moved back by the offset (a login before a
  // 14-day jump is 14 days old).
  const originalIssue = prototype.issue;
  prototype.issue = function issue(...args: unknown[]) {
    return realTime(() => originalIssue.apply(this, args));
  };
  const original = prototype.payload;
  prototype.payload = async function payload() {
    const claims = await original.call(this);
    const entities = this.ctx?.oidc.entities;
    const source =
      entities?.AuthorizationCode ??
      entities?.RefreshToken ??
      entities?.DeviceCode ??
      entities?.BackchannelAuthenticationRequest;
    const user = findTestUser(source?.accountId);
    const client = this.client ? findLocalClient(this.client.clientId) : undefined;
    if (!source || !user || !client) return claims;
    const { sid: _ignored, ...rest } = claims;
    void _ignored;
    if (source.sessionUid) rememberSession(sessions, sessionIdOf(source.sessionUid), source.sessionUid);
    return {
      ...rest,
      ...(typeof rest.auth_time === 'number' ? { auth_time: toRealSeconds(clock, rest.auth_time) } : {}),
      // The same pairwise sub oidc-provider derives for the other clients (the polling clients are `public` there).
      sub: await pairwiseSub(user.id, client.sector),
      nbf: Math.floor(Date.now() / 1000),
      ...sessionClaims(user, client, sessionIdOf(source.sessionUid)),
    };
  };
}

/**
 * oidc-provider follows OIDC Core §11 strictly: offline_access is dropped unless the request says
 * prompt=consent. TelenorID+ grants it without that, so interactive requests that ask for
 * offline_access get prompt=consent added (the tenant's consent step approves on its own).
 * prompt=none is left alone: consent would be an interaction, so offline_access is dropped there.
 */
async function offlineAccessAsTelenorIdPlus(ctx: KoaContextWithOIDC, next: () => Promise<void>) {
  if (ctx.method === 'GET' && ctx.path === endpointPaths.authorization_endpoint.path) {
    const query = new URLSearchParams(ctx.querystring);
    const scopes = (query.get('scope') ?? '').split(' ');
    const prompts = (query.get('prompt') ?? '').split(' ').filter(Boolean);
    if (scopes.includes('offline_access') && !prompts.includes('none') && !prompts.includes('consent')) {
      query.set('prompt', [...prompts, 'consent'].join(' '));
      ctx.querystring = query.toString();
    }
  }
  await next();
}
