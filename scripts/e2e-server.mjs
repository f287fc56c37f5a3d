// Starts one server the e2e suite needs and says plainly when it does not come up.
//
//   node scripts/e2e-server.mjs --name "local test tenant" --url http://127.0.0.1:4400/.well-known/openid-configuration \
//     --timeout 120 -- node --import tsx src/tenant/cli.ts
//
// Playwright's own webServer wait only knows "timed out"; this wrapper knows which server it is. It runs the
// command, keeps its last output lines, polls --url (each probe bounded), and prints one line when the server
// answers. When the command exits before answering, or --timeout seconds pass without an answer, it prints
// the server's name, the URL and port it was probed at and its last output lines, stops it and exits 1, so the
// run fails at once with the reason instead of a bare time-out. Signals are passed on; its exit is the server's.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

const dashes = process.argv.indexOf('--');
const { values } = parseArgs({
  args: process.argv.slice(2, dashes === -1 ? undefined : dashes),
  options: {
    name: { type: 'string' },
    url: { type: 'string' },
    timeout: { type: 'string', default: '120' },
  },
});
const command = dashes === -1 ? [] : process.argv.slice(dashes + 1);
if (!values.name || !values.url || command.length === 0) {
  console.error('usage: e2e-server.mjs --name NAME --url URL [--timeout SECONDS] -- COMMAND [ARGS...]');
  process.exit(2);
}
const { name, url } = values;
const limitMs = Number(values.timeout) * 1000;
const port = new URL(url).port;
const started = Date.now();

const tail = [];
function remember(chunk) {
  for (const line of String(chunk).split(/\r?\n/)) {
    if (line.trim() === '') continue;
    tail.push(line);
    if (tail.length > 20) tail.shift();
  }
}

const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
child.stdout.on('data', remember);
child.stderr.on('data', (chunk) => {
  remember(chunk);
  process.stderr.write(chunk);
});

let ready = false;
function fail(reason) {
  const lines = tail.length ? tail.map((l) => `    ${l}`).join('\n') : '    (it printed nothing)';
  console.error(
    `[e2e] The ${name} ${reason} (probed ${url}, port ${port}). Its last output lines:\n${lines}`,
  );
  if (child.exitCode === null) child.kill('SIGKILL');
  process.exit(1);
}

child.on('exit', (code, signal) => {
  if (!ready) fail(`exited (${signal ?? `code ${code}`}) before it answered`);
  process.exit(code ?? (signal ? 1 : 0));
});
child.on('error', (error) => fail(`could not be started: ${error.message}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

while (!ready) {
  if (Date.now() - started > limitMs) fail(`did not answer within ${limitMs / 1000} s`);
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000), redirect: 'manual' });
    ready = res.ok;
  } catch {
    // not answering yet
  }
  if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
}
console.error(`[e2e] ${name} answers at ${url} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
