import { describe, expect, it } from 'vitest';
import {
  buildAuthorizationRequest,
  exchangeCode,
  fetchDiscovery,
  fetchUserinfo,
  mockIssuer,
  parseCallback,
  refreshTokens,
  verifyTokenSet,
  type ClientSettings,
} from '../../src/oidc';
import { mockAuthorize } from '../../src/mocks/tenant';
import { useMockServer } from './support/mock-server';

useMockServer();

const redirectUri = 'https://portal.test/docs/tools/scope-builder';

async function settingsFor(clientId: string, clientSecret?: string): Promise<ClientSettings> {
  const d = await fetchDiscovery(mockIssuer);
  if (!d.ok) throw new Error(d.failure.code);
  return { discovery: d.document, clientId, ...(clientSecret ? { clientSecret } : {}) };
}

describe('smoke', () => {
  it('logs in', async () => {
    const settings = await settingsFor('mock-public-with-refresh');
    const built = await buildAuthorizationRequest(settings, {
      redirectUri,
      scope: 'openid profile offline_access',
    });
    if (!built.ok) throw new Error(built.failure.code);
    const answer = await mockAuthorize(new URL(built.request.url).searchParams);
    if (answer.kind !== 'redirect') throw new Error(answer.error);
    const cb = parseCallback(answer.redirectTo, { state: built.request.secrets.state });
    expect(cb.ok).toBe(true);
    const tokens = await exchangeCode(settings, answer.redirectTo, built.request.secrets);
    if (!tokens.ok) throw new Error(JSON.stringify(tokens.failure));
    const v = await verifyTokenSet(settings, tokens.view.tokens, { nonce: built.request.secrets.nonce });
    expect(v.ok && v.verified.idToken?.ok).toBe(true);
    const ui = await fetchUserinfo(
      settings,
      tokens.view.tokens.accessToken,
      tokens.view.idToken?.claims.sub,
      tokens.view.grantedScopes,
    );
    if (!ui.ok) throw new Error(JSON.stringify(ui.failure));
    expect(ui.claims['given_name']).toBe('Ulv');
    const r = await refreshTokens(settings, tokens.view.tokens.refreshToken!);
    if (!r.ok) throw new Error(JSON.stringify(r.failure));
    const again = await refreshTokens(settings, tokens.view.tokens.refreshToken!);
    expect(again.ok ? 'ok' : again.failure.code).toBe('invalid_grant');
  });
});
