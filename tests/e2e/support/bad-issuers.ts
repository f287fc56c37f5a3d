// A small server of misbehaving "OpenID Providers" for the discovery explorer's bad-input tests.
// Each case is an issuer at http://127.0.0.1:<port>/<case>; its metadata is served at
// /<case>/.well-known/openid-configuration. Loopback http is the one http the portal accepts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type BadIssuers = { base: string; issuer(name: string): string; close(): Promise<void> };

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

export async function startBadIssuers(): Promise<BadIssuers> {
  let base = '';
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    const [, name = ''] = url.pathname.split('/');
    const issuer = `${base}/${name}`;
    const cors = { 'Access-Control-Allow-Origin': '*' };
    const json = (status: number, body: unknown, headers: Record<string, string> = cors) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (url.pathname.endsWith('/jwks')) return json(200, { keys: [] });
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
