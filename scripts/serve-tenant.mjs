// Starts the local test tenant for the e2e suite and keeps Playwright's readiness wait honest.
// Twice, under heavy load on a 2-core machine, a tenant process never answered within Playwright's
// 5-minute wait although it normally starts in ~4 s. This wrapper starts `npm run tenant`'s command,
// polls discovery, and when a start takes longer than `attemptMs`, says so on stderr (which Playwright
// shows), kills that process and starts a fresh one — up to `attempts` times.
import { spawn } from 'node:child_process';

const port = Number(process.env.TENANT_PORT ?? 4400);
const probe = `http://127.0.0.1:${port}/.well-known/openid-configuration`;
const attemptMs = Number(process.env.TENANT_START_ATTEMPT_MS ?? 90_000);
const attempts = 3;
let child;
let stopping = false;

function start() {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/tenant/cli.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: process.env,
  });
  // Only the current tenant's exit ends the wrapper (with its code); a replaced one is expected to die.
  proc.on('exit', (code, signal) => {
    if (!stopping && proc === child) process.exit(code ?? (signal ? 1 : 0));
  });
  child = proc;
}

async function ready(deadline) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(probe, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    child?.kill(signal);
    setTimeout(() => process.exit(0), 2_000).unref();
  });
}

for (let attempt = 1; attempt <= attempts; attempt++) {
  const started = Date.now();
  start();
  if (await ready(started + attemptMs)) {
    if (attempt > 1) console.error(`[serve-tenant] the tenant answered on attempt ${attempt}.`);
    break;
  }
  console.error(
    `[serve-tenant] attempt ${attempt}: no answer at ${probe} within ${attemptMs / 1000} s (pid ${child.pid}); ${
      attempt < attempts ? 'restarting it' : 'giving up'
    }.`,
  );
  const stale = child;
  child = undefined;
  stale.kill('SIGKILL');
  if (attempt === attempts) process.exit(1);
}
