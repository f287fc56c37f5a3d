/**
 * `npm run tenant`: the local test tenant on http://localhost:4400 (TENANT_PORT to change it).
 * Started beside the site by `npm start`; the site works without it (the mock is the default).
 */
import { defaultTenantPort } from './defaults';

// Quiet by default: oidc-provider's start-up warnings (Node 20 runtime, in-memory adapter) are known and
// accepted for a test tenant. TENANT_DEBUG=1 shows them.
if (!process.env.TENANT_DEBUG) {
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING')) return;
    warn(...args);
  };
}

const port = Number(process.env.TENANT_PORT ?? defaultTenantPort);

async function main() {
  const { localClients, startTenant, testUsers } = await import('./index');
  try {
    const tenant = await startTenant({ port, issuer: process.env.TENANT_ISSUER });
    console.log(`[tenant] Local test tenant (test users only) at ${tenant.issuer}`);
    console.log(`[tenant] Discovery: ${tenant.issuer}/.well-known/openid-configuration`);
    console.log(`[tenant] Clients: ${localClients.map((c) => c.clientId).join(', ')}`);
    console.log(`[tenant] Users: ${testUsers.map((u) => u.msisdn).join(', ')}`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        void tenant.close().finally(() => process.exit(0));
      });
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      console.error(
        `[tenant] Port ${port} is taken, so the local test tenant did not start. Stop what uses it, or set TENANT_PORT (and build the site with TENANT_ISSUER=http://localhost:<port>). The site and the mock environment work without the tenant.`,
      );
    } else {
      console.error(`[tenant] The local test tenant did not start: ${(error as Error).message}`);
    }
    process.exit(1);
  }
}

void main();
