import { SignJWT, exportJWK, generateKeyPair, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  buildAuthorizationRequest,
  exchangeCode,
  fetchDiscovery,
  mockIssuer,
  parseSharedSelection,
  type ClientSettings,
} from '../../src/oidc';
import {
  compareRedirectUris,
  fetchEnvironmentKeys,
  fixtureClient,
  inspect,
  inspectJwt,
  jsonNestingDepth,
  maxPasteChars,
  recognise,
  scopeBuilderLink,
  verifyInspectedJwt,
  type JwtInspection,
} from '../../src/oidc/inspect';
import { mockClients } from '../../src/mocks/users';
import { completeMockLogin, mockAuthorize } from '../../src/mocks/tenant';
import { testClient, testUsers } from '../../src/oidc/catalogue/fixtures';
import { localClients } from '../../src/tenant/clients';
import { useMockServer } from './support/mock-server';

useMockServer();

const now = Date.UTC(2026, 11, 1, 20, 0, 0);
const nowS = now / 1000;

async function keyPair(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

async function sign(claims: Record<string, unknown>, key: CryptoKey, header: Record<string, unknown> = {}) {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'JWT', ...header }).sign(key);
}

const idClaims = {
  iss: 'https://id-test.telenor.no',
  aud: 'mock-public',
  sub: '2b424013-971b-4435-bdc1-d1075b05d0e9',
  iat: nowS - 60,
  exp: nowS + 240,
  acr: 'urn:telenor.identity.aal.2',
  amr: ['urn:telenor.identity.amr.td_otp'],
  ial: 'telenor.identity.ial2',
  idp: 'no.telenor.id.proxy.demo-client',
  sid: '70A6B33AB0D906BC3D203AE946CCC63B',
  'ibis.sid': 'cf2b1147-c2e7-4c74-a32e-3afdb034e181',
  nonce: 'n-0S6_WzA2Mj',
};

function ok(j: JwtInspection): Extract<JwtInspection, { ok: true }> {
  if (!j.ok) throw new Error(j.reason);
  return j;
}

describe('recognise: what was pasted', () => {
  it('tells a JWT, an authorization URL, a callback URL, a token response and a redirect pair apart', async () => {
    const { privateKey } = await keyPair('k1');
    expect(recognise(await sign(idClaims, privateKey)).kind).toBe('jwt');
    expect(recognise('Bearer ' + (await sign(idClaims, privateKey))).kind).toBe('jwt');
    expect(
      recognise('https://id-test.telenor.no/connect/authorize?client_id=a&response_type=code').kind,
    ).toBe('authorization-url');
    expect(recognise('https://app.example/cb?code=abc&state=s').kind).toBe('callback-url');
    expect(recognise('https://app.example/cb#error=access_denied').kind).toBe('callback-url');
    expect(recognise('{"access_token":"x","token_type":"Bearer"}').kind).toBe('token-response');
    expect(recognise('{"error":"invalid_grant"}').kind).toBe('token-response');
    expect(recognise('https://app.example/cb\nhttps://app.example/cb/').kind).toBe('redirect-pair');
    expect(recognise('   ').kind).toBe('empty');
  });

  it('a 5 MB paste is refused with its size, before any parsing', () => {
    const huge = 'a'.repeat(5 * 1024 * 1024);
    const r = recognise(huge);
    expect(r).toMatchObject({ kind: 'unknown' });
    expect(r.kind === 'unknown' && r.reason).toMatch(/5\.0 MB.*at most 64 kB/);
    expect(huge.length).toBeGreaterThan(maxPasteChars);
  });

  it('JSON with 50 000 levels is refused without parsing (no stack overflow)', () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    expect(deep.length).toBeLessThan(maxPasteChars * 2);
    const r = recognise(('{"a":' + deep + '}').slice(0, maxPasteChars));
    expect(r.kind === 'unknown' && r.reason).toMatch(/nested more than 32 levels/);
    expect(jsonNestingDepth('{"a":"[[[[[[["}')).toBe(1);
  });

  it('javascript:, data: and file: URLs get a sentence and are never taken for a web address', () => {
    for (const text of [
      'javascript:alert(1)',
      ' JavaScript:fetch("//evil")',
      'data:text/html,<script>x</script>',
      'file:///etc/passwd',
    ]) {
      const r = recognise(text);
      expect(r.kind, text).toBe('unknown');
      expect(r.kind === 'unknown' && r.reason).toMatch(/not a web address.*never opens it/);
    }
  });

  it('HTML, an opaque token, a JWKS, a discovery document and garbage each get their sentence', () => {
    const reason = (t: string) => {
      const r = recognise(t);
      return r.kind === 'unknown' ? r.reason : r.kind;
    };
    expect(reason('<img src=x onerror=alert(1)>')).toMatch(/HTML or markup/);
    expect(reason('mock-rt-0a1b2c3d4e5f6a7b8c9d')).toMatch(/opaque token/);
    expect(reason('{"keys":[]}')).toMatch(/discovery explorer/);
    expect(reason('{"issuer":"x","authorization_endpoint":"y"}')).toMatch(/discovery document/);
    expect(reason('hello world')).toMatch(/not a JWT/);
    expect(reason('{"a":1')).toMatch(/cut off/);
    expect(reason('[1,2]')).toMatch(/not an object/);
  });
});

describe('a pasted JWT', () => {
  it('explains each TelenorID+ claim from the catalogue and shows times as dates', async () => {
    const { privateKey } = await keyPair('k1');
    const j = ok(inspectJwt(await sign(idClaims, privateKey), now, { timeZone: 'UTC' }));
    expect(j.kind).toBe('id_token');
    const row = (n: string) => j.claimRows.find((r) => r.name === n)!;
    expect(row('acr').valueNote).toMatch(/^AAL2: Two independent factors/);
    expect(row('amr').valueNote).toBe('Telenor ID (Telenor Digital), method otp');
    expect(row('ial').valueNote).toMatch(/^IAL2/);
    expect(row('iss').valueNote).toBe('TelenorID+ staging');
    expect(row('aud').valueNote).toBe('the mock’s Public client');
    expect(row('ibis.sid').meaning).toMatch(/internal session id/);
    expect(row('idp').source?.kind).toBe('portal-choice');
    expect(row('sid').source?.kind).toBe('standard');
    expect(row('exp').time).toBe('1 Dec 2026, 20:04:00 UTC (in 4 min)');
    expect(j.findings.some((f) => f.severity === 'ok' && /expires in 4 min/.test(f.message))).toBe(true);
  });

  it('an expired token says how long ago', async () => {
    const { privateKey } = await keyPair('k1');
    const j = ok(inspectJwt(await sign({ ...idClaims, exp: nowS - 3 * 3600 }, privateKey), now));
    expect(j.findings.find((f) => f.severity === 'error')?.message).toMatch(/expired 3 h ago/);
  });

  it('a truncated token, base64 garbage and a JWE each get a sentence', async () => {
    const { privateKey } = await keyPair('k1');
    const token = await sign(idClaims, privateKey);
    const [h, p] = token.split('.');
    expect(inspectJwt(`${h}.${p}`, now)).toMatchObject({ ok: false, cutOff: true });
    expect(inspectJwt(`${h}.${p!.slice(0, 40)}.x`, now)).toMatchObject({ ok: false });
    const cut = ok(inspectJwt(token.slice(0, -100), now));
    expect(cut.findings.some((f) => /cut off/.test(f.message))).toBe(true);
    expect(inspectJwt('eyJ!!!.eyJ.x', now)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/base64url/),
    });
    expect(inspectJwt('a.b.c.d.e', now)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/encrypted/),
    });
    expect(recognise('eyJhbGciOi.')).toMatchObject({ kind: 'jwt' });
    expect(inspect('eyJhbGciOi.', now)).toMatchObject({ kind: 'jwt', jwt: { ok: false } });
  });

  it('alg none and HS256 are named, and refused before any key is tried', async () => {
    const none = new UnsecuredJWT(idClaims).encode();
    const n = ok(inspectJwt(none, now));
    expect(n.findings[0]!.message).toMatch(/alg is none: the token is not signed/);
    const v = await verifyInspectedJwt(
      n,
      { keys: [] },
      { issuer: idClaims.iss, environmentLabel: 'Staging', nowMs: now },
    );
    expect(v.verified).toBe(false);
    expect(v.findings[0]!.message).toMatch(/refused before any key is tried/);
    const hs = await new SignJWT(idClaims).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32));
    expect(ok(inspectJwt(hs, now)).findings[0]!.message).toMatch(/HS256, an HMAC/);
  });

  it('HTML and script in every field stay text', async () => {
    const { privateKey } = await keyPair('<script>alert(1)</script>');
    const evil = '<img src=x onerror=alert(1)>';
    const token = await sign({ ...idClaims, [evil]: evil, iss: evil, acr: evil }, privateKey, {
      kid: evil,
      typ: evil,
    });
    const j = ok(inspectJwt(token, now));
    // The model holds strings only; the widget renders them as React text. Nothing is interpreted.
    expect(j.claimRows.find((r) => r.name === evil)?.value).toBe(evil);
    expect(j.kid).toBe(evil);
  });
});

describe('verification against an environment’s JWKS', () => {
  it('verifies a token by kid, and names unknown kid, wrong issuer, wrong audience, expired and a changed claim', async () => {
    const { privateKey, jwk } = await keyPair('k1');
    const jwks = { keys: [jwk] };
    const expected = { issuer: idClaims.iss, environmentLabel: 'TelenorID+ staging', nowMs: now };
    const good = ok(inspectJwt(await sign(idClaims, privateKey), now));
    const v = await verifyInspectedJwt(good, jwks, { ...expected, clientId: 'mock-public' });
    expect(v.verified).toBe(true);

    const unknownKid = ok(inspectJwt(await sign(idClaims, privateKey, { kid: 'rotated' }), now));
    expect((await verifyInspectedJwt(unknownKid, jwks, expected)).findings[0]!.message).toMatch(
      /Unknown kid: no key in TelenorID\+ staging’s JWKS has kid rotated \(it has k1\)/,
    );

    const other = await verifyInspectedJwt(good, jwks, {
      ...expected,
      issuer: 'https://id.telenor.no',
      environmentLabel: 'TelenorID+ production',
    });
    expect(other.verified).toBe(false);
    expect(other.findings.map((f) => f.message).join(' ')).toMatch(
      /Wrong issuer: iss is https:\/\/id-test.telenor.no \(TelenorID\+ staging\)/,
    );

    const aud = await verifyInspectedJwt(good, jwks, { ...expected, clientId: 'my-app' });
    expect(aud.findings.map((f) => f.message).join(' ')).toMatch(
      /Wrong audience: aud is mock-public, not your client_id my-app/,
    );

    const noClient = await verifyInspectedJwt(good, jwks, expected);
    expect(noClient.findings.map((f) => f.message).join(' ')).toMatch(/Type your client_id to check it/);

    const old = ok(inspectJwt(await sign({ ...idClaims, exp: nowS - 7200 }, privateKey), now));
    expect((await verifyInspectedJwt(old, jwks, expected)).findings.map((f) => f.message).join(' ')).toMatch(
      /signature is genuine, but the token expired 2 h ago/,
    );

    const [h, , s] = (await sign(idClaims, privateKey)).split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...idClaims, sub: 'someone-else' })).toString(
      'base64url',
    );
    const tampered = ok(inspectJwt(`${h}.${forgedPayload}.${s}`, now));
    const t = await verifyInspectedJwt(tampered, jwks, expected);
    expect(t.verified).toBe(false);
    expect(t.findings[0]!.message).toMatch(/does not verify/);
  });

  it('a real mock run: the ID token verifies against the mock’s JWKS, fetched as the inspector fetches it', async () => {
    const d = await fetchDiscovery(mockIssuer);
    if (!d.ok) throw new Error(d.failure.code);
    const settings: ClientSettings = {
      discovery: d.document,
      issuer: mockIssuer,
      clientId: testClient('mock', 'Public').clientId,
    };
    const built = await buildAuthorizationRequest(settings, {
      redirectUri: 'https://portal.test/callback/',
      scope: 'openid profile',
    });
    if (!built.ok) throw new Error(built.failure.code);
    // Without an SSO session the mock shows its login screen: pick the guide's test user there.
    const asked = await mockAuthorize(new URL(built.request.url).searchParams);
    const answer = asked.kind === 'login' ? await completeMockLogin(asked.request, testUsers[0]!.id) : asked;
    if (answer.kind !== 'redirect') throw new Error(answer.kind === 'login' ? 'login screen' : answer.error);
    const exchanged = await exchangeCode(settings, answer.redirectTo, built.request.secrets);
    if (!exchanged.ok) throw new Error(exchanged.failure.code);
    const idToken = exchanged.view.tokens.idToken!;

    const keys = await fetchEnvironmentKeys(mockIssuer, 'the mock', { corsLikely: false, isLocal: false });
    if (!keys.ok) throw new Error(keys.sentence);
    const j = ok(inspectJwt(idToken, Date.now()));
    const v = await verifyInspectedJwt(j, keys.jwks, {
      issuer: mockIssuer,
      environmentLabel: 'the mock',
      clientId: 'mock-public',
      nowMs: Date.now(),
    });
    expect(v.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(v.verified).toBe(true);
  });

  it('an unreachable environment gives the curl that fetches its keys', async () => {
    const keys = await fetchEnvironmentKeys('https://unreachable.invalid', 'TelenorID+ staging', {
      corsLikely: true,
      isLocal: false,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      pageOrigin: 'https://portal.test',
    });
    expect(keys).toMatchObject({ ok: false, code: 'network_error' });
    expect(!keys.ok && keys.sentence).toMatch(/CORS/);
    expect(!keys.ok && keys.curl).toBe(
      "curl -s 'https://unreachable.invalid/.well-known/openid-configuration' | jq -r .jwks_uri | xargs curl -s",
    );
  });
});

describe('a pasted authorization URL', () => {
  const base = 'https://id-test.telenor.no/connect/authorize';

  it('flags a missing PKCE challenge, plain, missing state and nonce, and misspelt scopes', () => {
    const r = inspect(
      `${base}?client_id=my-app&redirect_uri=https://app.example/cb&response_type=code&scope=openid%20profle%20tnn.ids`,
      now,
    );
    if (r.kind !== 'authorization-url') throw new Error(r.kind);
    const all = [...r.request.findings, ...r.request.parameters.flatMap((p) => p.findings)]
      .map((f) => f.message)
      .join('\n');
    expect(all).toMatch(/No code_challenge: this request has no PKCE/);
    expect(all).toMatch(/No state/);
    expect(all).toMatch(/No nonce/);
    expect(all).toMatch(/profle is not a TelenorID\+ scope — did you mean profile\?/);
    expect(r.request.endpointNote).toBe('TelenorID+ staging');
    const plain = inspect(
      `${base}?client_id=a&redirect_uri=https://a.example/cb&scope=openid&code_challenge=abc&code_challenge_method=plain`,
      now,
    );
    if (plain.kind !== 'authorization-url') throw new Error(plain.kind);
    expect(
      plain.request.parameters.find((p) => p.name === 'code_challenge_method')!.findings[0]!.message,
    ).toMatch(/plain sends the verifier/);
  });

  it('offline_access is explained for the client type; prompt, ui_locales, acr_values and login_hint are checked', () => {
    const r = inspect(
      `${base}?client_id=mock-public&redirect_uri=https://a.example/cb&response_type=code&scope=openid%20offline_access&prompt=consent&ui_locales=no_NO&acr_values=urn:telenor.identity.aal.9&login_hint=me@example.com`,
      now,
    );
    if (r.kind !== 'authorization-url') throw new Error(r.kind);
    const f = (n: string) =>
      r.request.parameters
        .find((p) => p.name === n)!
        .findings.map((x) => x.message)
        .join(' ');
    expect(f('scope')).toMatch(/A Public client gets no refresh token, even with offline_access/);
    expect(f('prompt')).toMatch(/prompt=consent is not a value the guide allows/);
    expect(f('ui_locales')).toMatch(/not a language tag/);
    expect(f('acr_values')).toMatch(/neither an AAL/);
    expect(f('login_hint')).toMatch(/phone number/);
  });

  it('a javascript: redirect_uri and secrets in the URL are flagged', () => {
    const r = inspect(
      `${base}?client_id=a&redirect_uri=javascript:alert(document.cookie)&scope=openid&code_verifier=abc&client_secret=s`,
      now,
    );
    if (r.kind !== 'authorization-url') throw new Error(r.kind);
    const f = (n: string) =>
      r.request.parameters
        .find((p) => p.name === n)!
        .findings.map((x) => x.message)
        .join(' ');
    expect(f('redirect_uri')).toMatch(/javascript: redirect_uri would run code/);
    expect(f('code_verifier')).toMatch(/must never be in an authorization URL/);
    expect(f('client_secret')).toMatch(/must never be in an authorization URL/);
  });

  it('opens in the scope builder with its share-link format, never carrying state, nonce, a challenge or a verifier', () => {
    const r = inspect(
      `${base}?client_id=mock-public&redirect_uri=https://portal.test/callback/&response_type=code&scope=openid%20profile&state=s3cr3t-state-value&nonce=n0nce-value-long&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&code_verifier=leak&prompt=login`,
      now,
    );
    if (r.kind !== 'authorization-url') throw new Error(r.kind);
    const link = scopeBuilderLink('https://portal.test/tools/scope-builder', r.request);
    expect(link).not.toMatch(/state=|nonce=|code_challenge|code_verifier|leak|s3cr3t/);
    const back = parseSharedSelection(new URL(link).search);
    expect(back.problems).toEqual([]);
    expect(back.selection).toMatchObject({
      env: 'staging',
      scopes: ['openid', 'profile'],
      clientId: 'mock-public',
      clientType: 'Public',
      redirectUri: 'https://portal.test/callback/',
      prompt: 'login',
    });
    expect(r.request.leftOut).toEqual(
      expect.arrayContaining(['state', 'nonce', 'code_challenge', 'code_challenge_method', 'code_verifier']),
    );
  });
});

describe('a pasted callback URL and token response', () => {
  it('an error on the redirect is explained and linked; a code is shortened', () => {
    const e = inspect(
      'https://app.example/cb?error=login_required&error_description=%3Cb%3Eno%3C%2Fb%3E&state=s',
      now,
    );
    if (e.kind !== 'callback-url') throw new Error(e.kind);
    expect(e.callback.error).toMatchObject({
      error: 'login_required',
      code: 'login_required',
      description: '<b>no</b>',
    });
    const c = inspect(
      'https://app.example/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=s&iss=https%3A%2F%2Fid.telenor.no',
      now,
    );
    if (c.kind !== 'callback-url') throw new Error(c.kind);
    expect(c.callback.code!.redacted).not.toContain('SplxlOBeZQQYbYS6WxSbIA');
    expect(c.callback.iss).toEqual({ value: 'https://id.telenor.no', note: 'TelenorID+ production' });
    const unknown = inspect('https://app.example/cb#error=%3Cscript%3E', now);
    if (unknown.kind !== 'callback-url') throw new Error(unknown.kind);
    expect(unknown.callback.error?.code).toBeUndefined();
    expect(unknown.callback.error?.explanation.meaning).toMatch(/does not document/);
  });

  it('a token response: tokens decoded, expires_in as a time, the refresh token expected per client type', async () => {
    const { privateKey } = await keyPair('k1');
    const id = await sign({ ...idClaims, aud: 'mock-public-with-refresh' }, privateKey);
    const r = inspect(
      JSON.stringify({
        access_token: 'opaque-access',
        token_type: 'Bearer',
        expires_in: 3600,
        id_token: id,
        scope: 'openid offline_access',
      }),
      now,
      {
        timeZone: 'UTC',
      },
    );
    if (r.kind !== 'token-response') throw new Error(r.kind);
    expect(r.response.expiresIn).toBe('expires_in 3600: the access token expires at 21:00:00 UTC (in 1 h)');
    expect(r.response.idToken?.ok).toBe(true);
    expect(r.response.accessToken).toEqual({ opaque: true, length: 13 });
    expect(r.response.findings.map((f) => f.message).join(' ')).toMatch(
      /a PublicWithRefresh client .*with offline_access it gets a refresh token, yet none came/,
    );
    const err = inspect('{"error":"invalid_grant","error_description":"refresh token expired"}', now);
    expect(err.kind === 'token-response' && err.response.error).toMatchObject({ code: 'invalid_grant' });
  });
});

describe('a redirect URI comparison', () => {
  it('names a trailing slash, case, scheme, port and percent-encoding, and marks the differing span', () => {
    const d = (a: string, b: string) => compareRedirectUris(a, b).differences.join(' ');
    expect(d('https://app.example/cb', 'https://app.example/cb/')).toMatch(/trailing slash/);
    expect(d('https://app.example/Callback', 'https://app.example/callback')).toMatch(/upper and lower case/);
    expect(d('https://app.example/cb', 'http://app.example/cb')).toMatch(
      /scheme differs: https registered, http sent/,
    );
    expect(d('https://app.example/cb', 'https://app.example:443/cb')).toMatch(/port differs/);
    expect(d('https://app.example/a~b', 'https://app.example/a%7Eb')).toMatch(/percent-encoded/);
    const several = d('https://app.example/callback', 'https://App.example:443/callback/');
    expect(several).toMatch(/host is written in another case/);
    expect(several).toMatch(/port differs: \(none: the default\) registered, 443 sent/);
    expect(several).toMatch(/A trailing slash: the registered path has none, the sent one has one/);
    expect(several).not.toMatch(/The path differs\./);
    const same = compareRedirectUris('https://app.example/cb', 'https://app.example/cb');
    expect(same.same).toBe(true);
    const marked = compareRedirectUris('https://app.example/cb', 'https://app.example/cb/');
    expect(marked.sent).toEqual([
      { text: 'https://app.example/cb', same: true },
      { text: '/', same: false },
    ]);
  });
});

describe('the portal’s test clients', () => {
  it('fixtureClient knows every mock and local tenant client by id, and nothing else', () => {
    for (const c of mockClients) expect(fixtureClient(c.clientId)?.clientType).toBe(c.clientType);
    for (const c of localClients) expect(fixtureClient(c.clientId)?.clientType).toBe(c.clientType);
    expect(fixtureClient('my-app')).toBeUndefined();
    expect(fixtureClient('mock-public-short')).toBeUndefined();
  });
});
