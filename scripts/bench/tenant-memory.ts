// The local test tenant's memory after many logins and refreshes: starts `node --import tsx
// src/tenant/cli.ts` as its own process (as `npm run tenant` does), drives N code + PKCE logins
// through its login page, each in a fresh cookie jar (a new SSO session, as N readers would), each
// followed by a refresh, and reads the process's resident memory from /proc.
//
//   node --import tsx scripts/bench/tenant-memory.ts [--logins 1000] [--port 3460]
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as client from 'openid-client';
import { TenantBrowser } from '../../tests/unit/support/tenant-browser';
import { testUsers } from '../../src/tenant/accounts';

export type TenantMemory = {
  logins: number;
  refreshes: number;
  failures: number;
  seconds: number;
  rssStartMiB: number;
  rssEndMiB: number;
  rssPeakMiB: number;
};

/** Resident memory of a process in MiB (VmRSS), or NaN when it is gone. */
export function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5000) })).ok) return;
    } catch {
      // not up yet (a probe without a timeout can hang while the tenant starts listening)
    }
    if (Date.now() > until) throw new Error(`The tenant did not answer at ${url} within ${ms / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function measureTenantMemory(options: {
  logins: number;
  port: number;
  concurrency?: number;
}): Promise<TenantMemory> {
  const issuer = `http://localhost:${options.port}`;
  const tenant: ChildProcess = spawn('node', ['--import', 'tsx', 'src/tenant/cli.ts'], {
    env: { ...process.env, TENANT_PORT: String(options.port), TENANT_ISSUER: issuer },
    stdio: 'ignore',
  });
  const pid = tenant.pid!;
  let peak = 0;
  const poll = setInterval(() => {
    const now = rssMiB(pid);
    if (now > peak) peak = now;
  }, 100);
  try {
    await waitFor(`${issuer}/.well-known/openid-configuration`, 300_000);
    const config = await client.discovery(
      new URL(issuer),
      'local-public-with-refresh',
      undefined,
      client.None(),
      {
        execute: [client.allowInsecureRequests],
      },
    );
    const rssStart = rssMiB(pid);
    const redirectUri = 'http://localhost:3100/callback/';
    const user = testUsers[0]!;
    let logins = 0;
    let refreshes = 0;
    let failures = 0;
    const started = Date.now();

    async function one(): Promise<void> {
      const browser = new TenantBrowser(issuer);
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid profile offline_access',
        state,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      const { url: at } = await browser.authorizeAs(url.href, user.id);
      const tokens = await client.authorizationCodeGrant(config, new URL(at), {
        pkceCodeVerifier: verifier,
        expectedState: state,
      });
      logins += 1;
      await client.refreshTokenGrant(config, tokens.refresh_token!);
      refreshes += 1;
    }

    let next = 0;
    const workers = Array.from({ length: options.concurrency ?? 4 }, async () => {
      while (next < options.logins) {
        next += 1;
        await one().catch(() => {
          failures += 1;
        });
      }
    });
    await Promise.all(workers);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rssEnd = rssMiB(pid);
    return {
      logins,
      refreshes,
      failures,
      seconds: (Date.now() - started) / 1000,
      rssStartMiB: rssStart,
      rssEndMiB: rssEnd,
      rssPeakMiB: Math.max(peak, rssEnd),
    };
  } finally {
    clearInterval(poll);
    tenant.kill('SIGTERM');
  }
}

async function main() {
  const { values } = parseArgs({
    options: { logins: { type: 'string', default: '1000' }, port: { type: 'string', default: '3460' } },
  });
  const result = await measureTenantMemory({ logins: Number(values.logins), port: Number(values.port) });
  console.log(JSON.stringify(result, null, 2));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) void main();
