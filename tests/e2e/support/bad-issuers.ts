// A small server of misbehaving "OpenID Providers" for the discovery explorer's bad-input tests and
// the hostile-issuer attacks (tests/e2e/hostile-issuers.spec.ts).
// Each case is an issuer at http://127.0.0.1:<port>/<case>; its metadata is served at
// /<case>/.well-known/openid-configuration. Loopback http is the one http the portal accepts.
// Every request it receives is listed in `requests` ("GET /mixup/.well-known/..."), so a test can
// prove that nothing (or no token request) reached it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type BadIssuers = {
  base: string;
  issuer(name: string): string;
  /** Every request received, as "METHOD /path". */
  requests: string[];
  close(): Promise<void>;
};

/** The one-time code the `code-cors` provider hands out: a test checks it never appears on screen. */
export const hostileCode = 'HOSTILE-CODE-5f3a9c';

export type BadIssuerOptions = {
  /** The real provider a mix-up document pretends to be (the local test tenant). */
  realIssuer?: string;
  /** A page to frame in the `frame` case (an attacker's page that frames the portal). */
  frameTarget?: string;
};

function validDocument(issuer: string): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: `${issuer}/connect/authorize`,
    token_endpoint: `${issuer}/connect/token`,
    userinfo_endpoint: `${issuer}/connect/userinfo`,
    jwks_uri: `${issuer}/jwks`,
    scopes_supported: ['openid', 'profile'],
    claims_supported: ['sub'],
    response_types_supported: ['code'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
  };
}

export async function startBadIssuers(options: BadIssuerOptions = {}): Promise<BadIssuers> {
  let base = '';
  const requests: string[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    requests.push(`${req.method} ${url.pathname}`);
    const [, name = ''] = url.pathname.split('/');
    const issuer = `${base}/${name}`;
    const cors = { 'Access-Control-Allow-Origin': '*' };
    const json = (status: number, body: unknown, headers: Record<string, string> = cors) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (url.pathname.endsWith('/jwks')) return json(200, { keys: [] });
    if (name === 'frame') {
      // An attacker's page that frames the portal (clickjacking).
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end(
        `<!doctype html><title>Win a prize</title><iframe id="victim" src="${options.frameTarget ?? ''}" width="900" height="700" onload="document.title='framed'"></iframe>`,
      );
    }
    if (name === 'code-cors' && url.pathname.endsWith('/authorize')) {
      // A provider that "logs in" at once and hands back a code (to the portal's callback).
      const back = new URL(url.searchParams.get('redirect_uri') ?? base);
      back.searchParams.set('code', hostileCode);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { Location: back.href });
      return res.end();
    }
    if (name === 'code-cors' && url.pathname.endsWith('/token')) {
      // No Access-Control-Allow-Origin: the browser may not read the answer (CORS).
      return json(400, { error: 'invalid_grant' }, {});
    }
    if (!url.pathname.endsWith('/.well-known/openid-configuration')) return json(404, { error: 'not found' });
    switch (name) {
      case 'valid':
        return json(200, validDocument(issuer));
      case 'not-found':
        return json(404, 'Not Found');
      case 'server-error':
        res.writeHead(500, { 'Content-Type': 'text/plain', ...cors });
        return res.end('Internal Server Error');
      case 'html':
        res.writeHead(200, { 'Content-Type': 'text/html', ...cors });
        return res.end('<!doctype html><html><body><h1>Sign in</h1></body></html>');
      case 'not-json':
        res.writeHead(200, { 'Content-Type': 'application/json', ...cors });
        return res.end('issuer = nope');
      case 'array':
        return json(200, [1, 2, 3]);
      case 'missing':
        return json(200, { issuer });
      case 'wrong-types':
        return json(200, {
          ...validDocument(issuer),
          authorization_endpoint: 42,
          response_types_supported: 'code',
          scopes_supported: [1, 2],
        });
      case 'mismatch':
        return json(200, validDocument('https://someone-else.example'));
      case 'mixup': {
        // Claims to be the real provider, with the real login page, but keeps the token endpoint.
        const real = options.realIssuer ?? 'https://id-test.telenor.no';
        return json(200, {
          ...validDocument(real),
          token_endpoint: `${issuer}/token`,
          userinfo_endpoint: `${issuer}/userinfo`,
        });
      }
      case 'plain-token':
        // A loopback issuer whose token endpoint is plain http on another host.
        return json(200, {
          ...validDocument(issuer),
          token_endpoint: 'http://tokens.attacker.example/token',
        });
      case 'code-cors':
        return json(200, { ...validDocument(issuer), authorization_endpoint: `${issuer}/authorize` });
      case 'trailing-slash':
        return json(200, validDocument(`${issuer}/`));
      case 'tenant':
        return json(200, validDocument('https://login.example.com/{tenantid}/v2.0'));
      case 'redirect':
        res.writeHead(302, { Location: `${base}/valid/.well-known/openid-configuration`, ...cors });
        return res.end();
      case 'slow':
        setTimeout(() => json(200, validDocument(issuer)), 15_000).unref();
        return;
      case 'cors':
        return json(200, validDocument(issuer), {});
      case 'huge':
        return json(200, { ...validDocument(issuer), padding: 'x'.repeat(5 * 1024 * 1024) });
      case 'deep':
        return json(
          200,
          `{"issuer": ${JSON.stringify(issuer)}, "nested": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
        );
      case 'hostile':
        return json(200, {
          ...validDocument(issuer),
          service_documentation: 'javascript:window.__xss=1',
          op_policy_uri: 'data:text/html,<script>window.__xss=1</script>',
          op_tos_uri: '<img src=x onerror="window.__xss=1">',
          '<script>window.__xss=1</script>': '<b onmouseover="window.__xss=1">bold?</b>',
        });
      default:
        return json(404, { error: 'unknown case' });
    }
  };
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    issuer: (name) => `${base}/${name}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
