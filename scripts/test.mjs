// `npm test`: every check the project has, ending with one line that sums up all runners: `N passed, N failed`.
//
// Three lanes run side by side, each in the order a failure is cheapest to find:
//   static: typecheck → lint → format
//   unit:   unit tests (Vitest; much of it waits on the local tenant over HTTP)
//   builds: production build at / → production build at /portal/  (one after the other: both write .docusaurus/)
// then, when both builds exist, the end-to-end suite (Playwright), which includes the byte budget
// (tests/e2e/bytes.spec.ts, budgets in scripts/bench/budgets.ts). Each step's output is printed whole when the
// step ends, so the lanes never interleave mid-line; it is also kept in reports/test/<step>.log.
// Static steps (typecheck, lint, format, each build) count as one check each. The ten slowest end-to-end tests
// are listed with their times, so the next person sees where the time goes.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';

const bin = (name) => `node_modules/.bin/${name}`;
const reports = 'reports/test';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const startedAll = Date.now();

let passed = 0;
let failed = 0;
const lines = [];

/** Runs one command with its output captured; prints it whole when it ends. */
function run(label, cmd, args, env = {}, { live = false } = {}) {
  const log = `${reports}/${label.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.log`;
  const started = Date.now();
  if (live) console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    const chunks = [];
    if (!live) {
      const file = createWriteStream(log);
      for (const stream of [child.stdout, child.stderr]) {
        stream.on('data', (chunk) => {
          chunks.push(chunk);
          file.write(chunk);
        });
      }
      child.on('close', () => file.end());
    }
    const finish = (ok) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (!live) {
        console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}  (${ok ? 'passed' : 'FAILED'}, ${seconds} s)`);
        process.stdout.write(Buffer.concat(chunks));
      }
      resolve({ ok, seconds });
    };
    child.on('error', (error) => {
      chunks.push(Buffer.from(`${label}: could not start ${cmd}: ${error.message}\n`));
      finish(false);
    });
    child.on('close', (code) => finish(code === 0));
  });
}

async function step(label, cmd, args, env) {
  const { ok, seconds } = await run(label, cmd, args, env);
  if (ok) passed += 1;
  else failed += 1;
  lines.push(`${ok ? '✔' : '✘'} ${label} (${seconds} s)`);
  return ok;
}

/** Every test of a Playwright JSON report as { title, seconds }, its retries summed. */
function e2eDurations(report) {
  const out = [];
  const walk = (suite, path) => {
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const ms = (t.results ?? []).reduce((sum, r) => sum + (r.duration ?? 0), 0);
        const title = [...path.slice(1), spec.title].filter(Boolean).join(' › ');
        out.push({ title: `[${t.projectName}] ${spec.file}: ${title}`, seconds: ms / 1000 });
      }
    }
  };
  for (const suite of report?.suites ?? []) walk(suite, [suite.title]);
  return out;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

async function staticLane() {
  await step('typecheck', bin('tsc'), ['--noEmit']);
  await step('lint', bin('eslint'), ['.', '--max-warnings', '0']);
  await step('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
}

async function unitLane() {
  const out = `${reports}/unit.json`;
  const { ok, seconds } = await run('unit tests', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
  ]);
  const json = readJson(out);
  if (json) {
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    if (!ok && json.numFailedTests === 0) failed += 1; // e.g. a suite that failed to load
    lines.push(
      `${ok ? '✔' : '✘'} unit tests: ${json.numPassedTests} passed, ${json.numFailedTests} failed (${seconds} s)`,
    );
  } else {
    failed += 1;
    lines.push(`✘ unit tests: no report (${seconds} s)`);
  }
}

// The builds must know the issuer of the tenant the e2e suite starts (playwright.config.ts: E2E_TENANT_PORT).
const tenantIssuer = process.env.TENANT_ISSUER ?? `http://localhost:${process.env.E2E_TENANT_PORT ?? 4400}`;
async function buildsLane() {
  const env = { TENANT_ISSUER: tenantIssuer };
  const root = await step('build at /', bin('docusaurus'), ['build', '--out-dir', 'build'], {
    ...env,
    BASE_URL: '/',
  });
  const portal = await step('build at /portal/', bin('docusaurus'), ['build', '--out-dir', 'build-portal'], {
    ...env,
    BASE_URL: '/portal/',
  });
  return root && portal;
}

/** Ports of the e2e servers that something else already holds (in CI nothing may be reused). */
async function takenPorts() {
  const ports = [
    ['site at /', process.env.E2E_SITE_PORT ?? 3100],
    ['site at /portal/', process.env.E2E_PORTAL_PORT ?? 3101],
    ['local test tenant', process.env.E2E_TENANT_PORT ?? 4400],
  ];
  const taken = [];
  for (const [name, port] of ports) {
    const free = await new Promise((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(Number(port), () => probe.close(() => resolve(true)));
    });
    if (!free) taken.push(`${name} (port ${port})`);
  }
  return taken;
}

const [, , built] = await Promise.all([staticLane(), unitLane(), buildsLane()]);
const taken = process.env.CI && built ? await takenPorts() : [];

let slowest = [];
if (taken.length > 0) {
  failed += 1;
  console.log(
    `\n✘ e2e tests not run: another process holds the port of the ${taken.join(', ')}. Stop it and rerun.`,
  );
  lines.push(`✘ e2e tests: not run, port taken: ${taken.join(', ')}`);
} else if (built) {
  const out = `${reports}/e2e.json`;
  const { ok, seconds } = await run(
    'e2e tests',
    bin('playwright'),
    ['test'],
    { PLAYWRIGHT_JSON_OUTPUT_FILE: out },
    { live: true },
  );
  const report = readJson(out);
  const stats = report?.stats;
  slowest = e2eDurations(report)
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, 10);
  if (stats) {
    const good = stats.expected + (stats.flaky ?? 0);
    passed += good;
    failed += stats.unexpected;
    if (!ok && stats.unexpected === 0) failed += 1; // e.g. a web server that did not start
    lines.push(
      `${ok ? '✔' : '✘'} e2e tests: ${good} passed, ${stats.unexpected} failed, ${stats.skipped} skipped` +
        `${stats.flaky ? `, ${stats.flaky} flaky (passed only on the retry: look at them)` : ''} (${seconds} s)`,
    );
  } else {
    failed += 1;
    lines.push(`✘ e2e tests: no report (${seconds} s)`);
  }
} else {
  failed += 1;
  lines.push('✘ e2e tests: not run, a build failed');
}

if (slowest.length > 0) {
  console.log('\nThe ten slowest end-to-end tests');
  for (const { title, seconds } of slowest) console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${title}`);
}

console.log(`\nSummary (${((Date.now() - startedAll) / 1000).toFixed(0)} s in all)`);
for (const line of lines) console.log(`  ${line}`);
if (!existsSync('build/sitemap.xml')) console.log('  (no build/sitemap.xml)');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
