import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  describeJwks,
  discoveryFields,
  discoveryUrlFor,
  fetchDiscovery,
  fetchJwks,
  isIssuerInputFailure,
  mockIssuer,
  validateDiscovery,
  verdictOf,
  type DiscoveryFinding,
} from '../../src/oidc';
import { mockDiscoveryDocument } from '../../src/mocks/tenant';
import { useMockServer } from './support/mock-server';

const server = useMockServer();
const op = 'https://op.test';
const wellKnown = `${op}/.well-known/openid-configuration`;

/** A discovery document shaped like TelenorID+ staging's, for issuer https://op.test. */
function telenorLike(): Record<string, unknown> {
  return {
    issuer: op,
    jwks_uri: `${op}/.well-known/openid-configuration/jwks`,
    authorization_endpoint: `${op}/connect/authorize`,
    token_endpoint: `${op}/connect/token`,
    userinfo_endpoint: `${op}/connect/userinfo`,
    end_session_endpoint: `${op}/connect/endsession`,
    custom_logout_endpoint: `${op}/connect/customlogout`,
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    claims_supported: ['sub', 'given_name'],
    response_types_supported: ['code', 'id_token', 'code id_token'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    frontchannel_logout_supported: true,
  };
}

function codes(findings: DiscoveryFinding[], field?: string): string[] {
  return findings.filter((f) => field === undefined || f.field === field).map((f) => f.code);
}
function serve(body: unknown, init?: ResponseInit) {
  server.use(http.get(wellKnown, () => HttpResponse.json(body as Record<string, unknown>, init)));
}

describe('validateDiscovery: what the explorer tells the reader', () => {
  it('finds no errors or warnings in a TelenorID+-shaped document', () => {
    const findings = validateDiscovery(telenorLike(), op);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(verdictOf(findings).verdict).toBe('Valid');
  });

  it('notes the TelenorID+ specifics as info: custom logout, code, S256, no api: scopes, no registration', () => {
    const c = codes(validateDiscovery(telenorLike(), op));
    for (const code of [
      'custom_logout_endpoint',
      'code_supported',
      'pkce_s256',
      'api_scopes_not_listed',
      'no_registration_endpoint',
    ])
      expect(c).toContain(code);
    const api = validateDiscovery(telenorLike(), op).find((f) => f.code === 'api_scopes_not_listed');
    expect(api?.guide).toBe('faqApiScopes');
    expect(
      validateDiscovery(telenorLike(), op).find((f) => f.field === 'registration_endpoint')?.severity,
    ).toBe('info');
  });

  it.each([
    'issuer',
    'authorization_endpoint',
    'token_endpoint',
    'jwks_uri',
    'response_types_supported',
    'subject_types_supported',
    'id_token_signing_alg_values_supported',
  ])('calls a document without %s invalid', (field) => {
    const doc = telenorLike();
    delete doc[field];
    const findings = validateDiscovery(doc, op);
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'missing_required', field, severity: 'error' }),
    );
    expect(verdictOf(findings).verdict).toBe('Invalid');
  });

  it('does not require token_endpoint when only implicit response types are offered', () => {
    const doc = { ...telenorLike(), response_types_supported: ['id_token', 'id_token token'] };
    delete (doc as Record<string, unknown>)['token_endpoint'];
    expect(codes(validateDiscovery(doc, op), 'token_endpoint')).toEqual([]);
    expect(codes(validateDiscovery(doc, op))).toContain('code_not_supported');
  });

  it.each(['userinfo_endpoint', 'scopes_supported', 'claims_supported'])(
    'warns when the recommended %s is missing',
    (field) => {
      const doc = telenorLike();
      delete doc[field];
      const findings = validateDiscovery(doc, op);
      expect(findings).toContainEqual(
        expect.objectContaining({ code: 'missing_recommended', field, severity: 'warning' }),
      );
      expect(verdictOf(findings).verdict).toBe('Valid with warnings');
    },
  );

  it('reports wrong types: a string where an array belongs, a number where a URL belongs', () => {
    const doc = {
      ...telenorLike(),
      response_types_supported: 'code',
      token_endpoint: 42,
      claims_parameter_supported: 'yes',
    };
    const findings = validateDiscovery(doc, op);
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'wrong_type', field: 'response_types_supported' }),
    );
    expect(findings).toContainEqual(expect.objectContaining({ code: 'wrong_type', field: 'token_endpoint' }));
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'wrong_type', field: 'claims_parameter_supported' }),
    );
  });

  it('checks arrays element by element', () => {
    const doc = {
      ...telenorLike(),
      subject_types_supported: ['pairwise', 7, null],
      scopes_supported: ['openid', {}],
    };
    const findings = validateDiscovery(doc, op);
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'not_string_element',
        field: 'subject_types_supported',
        severity: 'error',
      }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'not_string_element', field: 'scopes_supported', severity: 'warning' }),
    );
  });

  it('explains an issuer that differs only by a trailing slash', () => {
    const f = validateDiscovery({ ...telenorLike(), issuer: `${op}/` }, op).find((x) => x.field === 'issuer');
    expect(f?.code).toBe('issuer_trailing_slash');
    expect(f?.whyItMatters).toMatch(/trailing slash/);
    expect(validateDiscovery(telenorLike(), `${op}/`).map((x) => x.code)).toContain('issuer_trailing_slash');
  });

  it('explains a templated {tenantid} issuer (Entra ID multi-tenant)', () => {
    const issuer = 'https://login.microsoftonline.com/{tenantid}/v2.0';
    const f = validateDiscovery(
      { ...telenorLike(), issuer },
      'https://login.microsoftonline.com/common/v2.0',
    ).find((x) => x.field === 'issuer');
    expect(f?.code).toBe('issuer_template');
    expect(f?.whyItMatters).toMatch(/tenant-specific issuer/);
  });

  it('rejects an issuer that is another host altogether', () => {
    expect(
      codes(validateDiscovery({ ...telenorLike(), issuer: 'https://evil.test' }, op), 'issuer'),
    ).toContain('issuer_mismatch');
  });

  it('flags http endpoints except on loopback', () => {
    const doc = { ...telenorLike(), token_endpoint: 'http://op.test/connect/token' };
    expect(validateDiscovery(doc, op)).toContainEqual(
      expect.objectContaining({ code: 'insecure_url', field: 'token_endpoint', severity: 'error' }),
    );
    const local = 'http://localhost:4400';
    const localDoc = Object.fromEntries(
      Object.entries(telenorLike()).map(([k, v]) => [k, typeof v === 'string' ? v.replace(op, local) : v]),
    );
    expect(codes(validateDiscovery(localDoc, local)).filter((c) => c === 'insecure_url')).toEqual([]);
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd'])(
    'flags %s as a dangerous endpoint URL',
    (url) => {
      expect(validateDiscovery({ ...telenorLike(), authorization_endpoint: url }, op)).toContainEqual(
        expect.objectContaining({
          code: 'dangerous_url',
          field: 'authorization_endpoint',
          severity: 'error',
        }),
      );
    },
  );

  it('reports a relative endpoint and an endpoint with a fragment', () => {
    const findings = validateDiscovery(
      { ...telenorLike(), userinfo_endpoint: '/connect/userinfo', token_endpoint: `${op}/token#x` },
      op,
    );
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'invalid_url', field: 'userinfo_endpoint' }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'url_has_fragment', field: 'token_endpoint' }),
    );
  });

  it('requires RS256 and warns about alg none', () => {
    const findings = validateDiscovery(
      { ...telenorLike(), id_token_signing_alg_values_supported: ['HS256', 'none'] },
      op,
    );
    expect(codes(findings)).toEqual(expect.arrayContaining(['rs256_missing', 'alg_none']));
  });

  it('warns when PKCE support is not advertised, and notes plain', () => {
    const doc = telenorLike();
    delete doc['code_challenge_methods_supported'];
    expect(codes(validateDiscovery(doc, op))).toContain('pkce_not_advertised');
    expect(
      codes(validateDiscovery({ ...telenorLike(), code_challenge_methods_supported: ['plain', 'S256'] }, op)),
    ).toContain('pkce_plain');
  });

  it('notices api: scopes in scopes_supported and a missing openid', () => {
    const c = codes(validateDiscovery({ ...telenorLike(), scopes_supported: ['profile', 'api:x'] }, op));
    expect(c).toEqual(expect.arrayContaining(['api_scope_listed', 'openid_not_listed']));
  });

  it('keeps <script> text as text in its messages (the widget renders them as text)', () => {
    const f = validateDiscovery({ ...telenorLike(), issuer: '<script>alert(1)</script>' }, op);
    expect(f.find((x) => x.code === 'issuer_mismatch')?.message).toContain('"<script>alert(1)</script>"');
  });

  it('checks at most 1000 elements of a huge array and says so', () => {
    const findings = validateDiscovery({ ...telenorLike(), claims_supported: Array(100_000).fill('x') }, op);
    expect(codes(findings)).toContain('too_many_elements');
  });

  it('treats __proto__ and other prototype keys as data', () => {
    const doc = JSON.parse(`{"__proto__": {"issuer": "${op}"}, "constructor": 1}`) as unknown;
    const findings = validateDiscovery(doc, op);
    expect(findings).toContainEqual(expect.objectContaining({ code: 'missing_required', field: 'issuer' }));
  });

  it('calls a non-object document invalid', () => {
    expect(codes(validateDiscovery([1, 2], op))).toEqual(['not_object']);
    expect(codes(validateDiscovery(null, op))).toEqual(['not_object']);
  });

  it('accepts the mock tenant’s own document', () => {
    const findings = validateDiscovery(mockDiscoveryDocument(), mockIssuer);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('verdictOf', () => {
  it('gives a one-sentence summary with counts', () => {
    const v = verdictOf(validateDiscovery({ issuer: op }, op));
    expect(v.verdict).toBe('Invalid');
    expect(v.summary).toMatch(/^\d+ errors/);
  });
});

describe('fetchDiscovery: every way fetching can fail becomes a sentence', () => {
  it('fetches <issuer>/.well-known/openid-configuration, trailing slash removed', async () => {
    expect(discoveryUrlFor(`${op}/`)).toBe(wellKnown);
    serve(telenorLike());
    const r = await fetchDiscovery(op);
    expect(r.ok && r.verdict).toBe('Valid');
    expect(r.ok && r.curl).toContain(`'${wellKnown}'`);
  });

  it('fetches the mock tenant with no network at all', async () => {
    const r = await fetchDiscovery(mockIssuer);
    expect(r.ok).toBe(true);
  });

  it.each([
    ['not a url', 'invalid_url'],
    ['ftp://op.test', 'unsupported_scheme'],
    ['http://op.test', 'insecure_http'],
  ])('refuses %s before sending anything (%s)', async (issuer, code) => {
    const r = await fetchDiscovery(issuer);
    expect(r.ok ? 'ok' : r.failure.code).toBe(code);
    expect(r.verdict).toBe('Invalid');
  });

  it('marks a refused issuer as the field’s error, but not a provider that failed', async () => {
    for (const issuer of ['', 'not a url', 'ftp://op.test', 'http://op.test', 'https://u:p@op.test']) {
      const r = await fetchDiscovery(issuer);
      expect(!r.ok && isIssuerInputFailure(r.failure.code), issuer).toBe(true);
    }
    server.use(http.get(wellKnown, () => new HttpResponse('nope', { status: 500 })));
    const failed = await fetchDiscovery(op);
    expect(!failed.ok && isIssuerInputFailure(failed.failure.code)).toBe(false);
  });

  it('allows plain http on loopback', async () => {
    server.use(
      http.get('http://127.0.0.1:4400/.well-known/openid-configuration', () =>
        HttpResponse.json({ ...telenorLike(), issuer: 'http://127.0.0.1:4400' }),
      ),
    );
    const r = await fetchDiscovery('http://127.0.0.1:4400');
    expect(r.ok).toBe(true);
  });

  it.each([404, 500])('reports HTTP %i as unreachable', async (status) => {
    server.use(http.get(wellKnown, () => new HttpResponse('nope', { status })));
    const r = await fetchDiscovery(op);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.failure).toMatchObject({ code: 'http_error', status });
      expect(r.failure.curl).toContain('curl');
    }
    expect(r.verdict).toBe('Unreachable');
  });

  it('carries an OAuth error body of an HTTP error', async () => {
    serve({ error: 'invalid_request', error_description: 'bad' }, { status: 400 });
    const r = await fetchDiscovery(op);
    expect(!r.ok && r.failure).toMatchObject({
      code: 'http_error',
      error: 'invalid_request',
      error_description: 'bad',
    });
  });

  it('calls an HTML page with 200 not JSON', async () => {
    server.use(http.get(wellKnown, () => HttpResponse.html('<html><body>Log in</body></html>')));
    const r = await fetchDiscovery(op);
    expect(r.ok ? 'ok' : r.failure.code).toBe('not_json');
    expect(r.verdict).toBe('Invalid');
  });

  it('calls plain text that is not JSON not JSON', async () => {
    server.use(http.get(wellKnown, () => HttpResponse.text('hello')));
    expect(((await fetchDiscovery(op)) as { failure?: { code: string } }).failure?.code).toBe('not_json');
  });

  it.each(['application/json; charset=utf-8', 'text/plain', 'application/jwk-set+json'])(
    'tolerates JSON served as %s',
    async (type) => {
      server.use(
        http.get(
          wellKnown,
          () => new HttpResponse(JSON.stringify(telenorLike()), { headers: { 'Content-Type': type } }),
        ),
      );
      expect((await fetchDiscovery(op)).ok).toBe(true);
    },
  );

  it('calls a JSON array not an object', async () => {
    server.use(http.get(wellKnown, () => HttpResponse.json([1, 2, 3])));
    expect(((await fetchDiscovery(op)) as { failure?: { code: string } }).failure?.code).toBe('not_object');
  });

  it('treats a redirect as a finding instead of following it', async () => {
    server.use(
      http.get(
        wellKnown,
        () => new HttpResponse(null, { status: 302, headers: { Location: 'https://elsewhere.test/' } }),
      ),
    );
    const r = await fetchDiscovery(op);
    expect(r.ok ? 'ok' : r.failure.code).toBe('redirected');
    expect(!r.ok && r.failure.detail).toContain('https://elsewhere.test/');
  });

  it('gives up on a slow answer after timeoutMs', async () => {
    server.use(
      http.get(wellKnown, async () => {
        await delay(5000);
        return HttpResponse.json(telenorLike());
      }),
    );
    const started = Date.now();
    const r = await fetchDiscovery(op, { timeoutMs: 100 });
    expect(r.ok ? 'ok' : r.failure.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.verdict).toBe('Unreachable');
  });

  it('stops when the caller aborts', async () => {
    server.use(
      http.get(wellKnown, async () => {
        await delay(5000);
        return HttpResponse.json(telenorLike());
      }),
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const r = await fetchDiscovery(op, { signal: controller.signal });
    expect(r.ok ? 'ok' : r.failure.code).toBe('aborted');
  });

  it('a network error from another origin names all four causes (a browser cannot tell DNS from CORS), and the curl to tell them apart', async () => {
    server.use(http.get(wellKnown, () => HttpResponse.error()));
    const r = await fetchDiscovery(op, { pageOrigin: 'https://portal.test' });
    expect(r.ok ? 'ok' : r.failure.code).toBe('network_error');
    const said = !r.ok ? `${r.failure.explanation.meaning} ${r.failure.detail ?? ''}` : '';
    for (const cause of [/unreachable/, /DNS/, /TLS/, /CORS/]) expect(said).toMatch(cause);
    expect(said).not.toMatch(/most (likely|often)/i);
    expect(!r.ok && r.failure.explanation.reaction).toMatch(/Could not resolve host/);
    expect(!r.ok && r.failure.curl).toContain(wellKnown);
  });

  it('says how to start the local tenant when nothing answers on loopback', async () => {
    server.use(
      http.get('http://localhost:4499/.well-known/openid-configuration', () => HttpResponse.error()),
    );
    const r = await fetchDiscovery('http://localhost:4499', { pageOrigin: 'https://portal.test' });
    expect(r.ok ? 'ok' : r.failure.code).toBe('network_error');
    expect(!r.ok && r.failure.detail).toMatch(/npm run tenant/);
  });

  it('refuses a 5 MB answer, naming the limit', async () => {
    const big = JSON.stringify({ ...telenorLike(), padding: 'x'.repeat(5 * 1024 * 1024) });
    server.use(
      http.get(wellKnown, () => new HttpResponse(big, { headers: { 'Content-Type': 'application/json' } })),
    );
    const r = await fetchDiscovery(op);
    expect(r.ok ? 'ok' : r.failure.code).toBe('too_large');
    expect(!r.ok && r.failure.detail).toContain('1 MiB');
  });

  it('stops reading a streamed answer once it passes the cap', async () => {
    let pulled = 0;
    server.use(
      http.get(wellKnown, () => {
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled++;
            controller.enqueue(new Uint8Array(64 * 1024).fill(32));
          },
        });
        return new HttpResponse(stream, { headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const r = await fetchDiscovery(op, { maxBytes: 256 * 1024 });
    expect(r.ok ? 'ok' : r.failure.code).toBe('too_large');
    expect(pulled).toBeLessThan(50);
  });

  it('survives deeply nested JSON', async () => {
    const nested = '['.repeat(5000) + ']'.repeat(5000);
    server.use(
      http.get(
        wellKnown,
        () =>
          new HttpResponse(`{"issuer":"${op}","x":${nested}}`, {
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    );
    const r = await fetchDiscovery(op);
    expect(r.ok && r.verdict).toBe('Invalid');
  });
});

describe('JWKS', () => {
  it('describes the mock’s RSA key: kid, RS256, 2048 bits', async () => {
    const r = await fetchJwks(`${mockIssuer}/.well-known/openid-configuration/jwks`);
    if (!r.ok) throw new Error(r.failure.code);
    expect(r.keys).toHaveLength(1);
    expect(r.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', sizeBits: 2048 });
    expect(r.findings).toEqual([]);
  });

  it('reports no keys, duplicate and missing kid, private material and weak keys', () => {
    expect(describeJwks({ keys: [] }).findings.map((f) => f.code)).toEqual(['no_keys']);
    expect(describeJwks({}).findings.map((f) => f.code)).toEqual(['no_keys']);
    expect(describeJwks([]).findings.map((f) => f.code)).toEqual(['not_object']);
    const n2048 = 'w' + 'A'.repeat(340) + 'Q';
    const d = describeJwks({
      keys: [
        { kty: 'RSA', kid: 'a', n: n2048, e: 'AQAB' },
        { kty: 'RSA', kid: 'a', n: n2048, e: 'AQAB', d: 'secret' },
        { kty: 'RSA', n: 'AQAB', e: 'AQAB' },
        { kty: 'EC', kid: 'ec', crv: 'P-256', alg: 'ES256', x: 'x', y: 'y' },
        { kty: 'oct', kid: 'sym', k: 'c2VjcmV0' },
      ],
    });
    const c = d.findings.map((f) => f.code);
    expect(c).toEqual(
      expect.arrayContaining([
        'duplicate_kid',
        'private_key_material',
        'missing_kid',
        'weak_rsa_key',
        'not_rs256',
        'symmetric_key',
      ]),
    );
    expect(d.findings.find((f) => f.code === 'private_key_material')?.severity).toBe('error');
    expect(d.keys[0]?.sizeBits).toBe(2048);
    expect(d.keys[3]).toMatchObject({ kid: 'ec', sizeBits: 256, crv: 'P-256' });
  });

  it('fetches a JWKS served as application/jwk-set+json', async () => {
    server.use(
      http.get(
        `${op}/jwks`,
        () =>
          new HttpResponse(JSON.stringify({ keys: [] }), {
            headers: { 'Content-Type': 'application/jwk-set+json' },
          }),
      ),
    );
    const r = await fetchJwks(`${op}/jwks`);
    expect(r.ok && r.findings.map((f) => f.code)).toEqual(['no_keys']);
  });
});

describe('discoveryFields: which fields the explorer explains', () => {
  // OpenID Connect Discovery 1.0 §3, every Provider Metadata field, in the spec's order.
  const discovery10 = [
    'issuer',
    'authorization_endpoint',
    'token_endpoint',
    'userinfo_endpoint',
    'jwks_uri',
    'registration_endpoint',
    'scopes_supported',
    'response_types_supported',
    'response_modes_supported',
    'grant_types_supported',
    'acr_values_supported',
    'subject_types_supported',
    'id_token_signing_alg_values_supported',
    'id_token_encryption_alg_values_supported',
    'id_token_encryption_enc_values_supported',
    'userinfo_signing_alg_values_supported',
    'userinfo_encryption_alg_values_supported',
    'userinfo_encryption_enc_values_supported',
    'request_object_signing_alg_values_supported',
    'request_object_encryption_alg_values_supported',
    'request_object_encryption_enc_values_supported',
    'token_endpoint_auth_methods_supported',
    'token_endpoint_auth_signing_alg_values_supported',
    'display_values_supported',
    'claim_types_supported',
    'claims_supported',
    'service_documentation',
    'claims_locales_supported',
    'ui_locales_supported',
    'claims_parameter_supported',
    'request_parameter_supported',
    'request_uri_parameter_supported',
    'require_request_uri_registration',
    'op_policy_uri',
    'op_tos_uri',
  ];

  it('knows every field of OpenID Connect Discovery 1.0 §3, so none is listed as an extension (claim_types_supported is standard)', () => {
    expect(discovery10.filter((name) => !Object.hasOwn(discoveryFields, name))).toEqual([]);
  });

  it('knows every field the mock tenant publishes', () => {
    expect(
      Object.keys(mockDiscoveryDocument()).filter((name) => !Object.hasOwn(discoveryFields, name)),
    ).toEqual([]);
  });
});
