/**
 * Starts the local test tenant on a port: `startTenant({ port }) → { issuer, close() }`.
 * Used by the CLI (`npm run tenant`, `npm start`) and by the tests (port 0 picks a free one).
 */
import { createServer, type Server } from 'node:http';
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
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const issuer = options.issuer ?? `http://localhost:${port}`;
  const provider = await createProvider({
    issuer,
    allowedOrigins: options.allowedOrigins ?? parseAllowedOrigins(process.env.ALLOWED_ORIGINS),
  });
  // oidc-provider logs server errors through Koa's 'error' event; keep them short and token-free.
  provider.on('server_error', (_ctx, error: Error) =>
    console.error(`[tenant] server error: ${error.message}`),
  );
  server.on('request', provider.callback());
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
