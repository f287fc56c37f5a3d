/**
 * Starts the local test tenant on a port: `startTenant({ port }) → { issuer, close() }`.
 * Used by the CLI (`npm run tenant`, `npm start`) and by the tests (port 0 picks a free one).
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProvider } from './provider';
import { parseAllowedOrigins } from './origins';

export { localClients, confidentialClientSecret, shortRefreshLifetimeSeconds } from './clients';
export { testUsers } from './accounts';
export { loginPageTitle } from './pages';

export { defaultTenantPort, defaultTenantIssuer } from './defaults';

export type StartTenantOptions = {
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; default `localhost`. The issuer always names `localhost`. */
  host?: string;
  /** Extra browser origins (CORS, redirect URIs); default: `ALLOWED_ORIGINS` (comma list). */
  allowedOrigins?: readonly string[];
  /** Issuer to announce; default `http://localhost:<port>`. */
  issuer?: string;
};

export type RunningTenant = { issuer: string; port: number; close(): Promise<void> };

export async function startTenant(options: StartTenantOptions): Promise<RunningTenant> {
  const host = options.host ?? 'localhost';
  const allowedOrigins = options.allowedOrigins ?? parseAllowedOrigins(process.env.ALLOWED_ORIGINS);
  // A port must never be open before it can answer: a connection the kernel accepts while no request
  // handler is attached is kept open and never answered (a readiness probe then waits until its own limit).
  // With a known port the provider is built first and the port opened after. Port 0 needs the port before
  // the issuer exists, so there the handler is attached before `listen` and holds each request until the
  // provider is ready: every accepted connection still gets an HTTP answer.
  const knownIssuer = options.issuer ?? (options.port !== 0 ? `http://localhost:${options.port}` : undefined);
  const early = knownIssuer === undefined ? undefined : await requestHandler(knownIssuer, allowedOrigins);

  let later: Promise<RequestListener> | undefined;
  const server: Server = createServer(
    early ??
      ((req, res) => {
        void later?.then(
          (handle) => handle(req, res),
          () => res.writeHead(503).end('The local test tenant failed to start.'),
        );
      }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const issuer = knownIssuer ?? `http://localhost:${port}`;
  if (!early) {
    later = requestHandler(issuer, allowedOrigins);
    try {
      await later;
    } catch (error) {
      server.close();
      throw error;
    }
  }
  return {
    issuer,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Builds the provider for an issuer and returns its HTTP request handler. */
async function requestHandler(issuer: string, allowedOrigins: readonly string[]): Promise<RequestListener> {
  const provider = await createProvider({ issuer, allowedOrigins });
  // oidc-provider logs server errors through Koa's 'error' event; keep them short and token-free.
  provider.on('server_error', (_ctx, error: Error) =>
    console.error(`[tenant] server error: ${error.message}`),
  );
  return provider.callback();
}
