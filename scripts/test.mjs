// `npm test`: every check the project has, in the order a failure is cheapest to find.
// typecheck → lint → format → unit tests (Vitest) → production builds (at / and at /portal/) → e2e (Playwright).
// The e2e step includes the byte budget (tests/e2e/bytes.spec.ts, budgets in scripts/bench/budgets.ts).
// Ends with one line that sums up all runners: `N passed, N failed`.
// Static steps (typecheck, lint, format, each build) count as one check each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const reports = 'reports/test';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  return { ok, seconds };
}

function step(label, cmd, args, env) {
  const { ok, seconds } = run(label, cmd, args, env);
  if (ok) passed += 1;
  else failed += 1;
  lines.push(`${ok ? '✔' : '✘'} ${label} (${seconds} s)`);
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

step('typecheck', bin('tsc'), ['--noEmit']);
step('lint', bin('eslint'), ['.', '--max-warnings', '0']);
step('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);

{
  const out = `${reports}/unit.json`;
  const { ok, seconds } = run('unit tests', bin('vitest'), [
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
const builtRoot = step('build at /', bin('docusaurus'), ['build', '--out-dir', 'build'], {
  BASE_URL: '/',
  TENANT_ISSUER: tenantIssuer,
});
const builtPortal = step('build at /portal/', bin('docusaurus'), ['build', '--out-dir', 'build-portal'], {
  BASE_URL: '/portal/',
  TENANT_ISSUER: tenantIssuer,
});

if (builtRoot && builtPortal) {
  const out = `${reports}/e2e.json`;
  const { ok, seconds } = run('e2e tests', bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_FILE: out });
  const stats = readJson(out)?.stats;
  if (stats) {
    const good = stats.expected + (stats.flaky ?? 0);
    passed += good;
    failed += stats.unexpected;
    if (!ok && stats.unexpected === 0) failed += 1; // e.g. a web server that did not start
    lines.push(
      `${ok ? '✔' : '✘'} e2e tests: ${good} passed, ${stats.unexpected} failed, ${stats.skipped} skipped (${seconds} s)`,
    );
  } else {
    failed += 1;
    lines.push(`✘ e2e tests: no report (${seconds} s)`);
  }
} else {
  failed += 1;
  lines.push('✘ e2e tests: not run, a build failed');
}

console.log('\nSummary');
for (const line of lines) console.log(`  ${line}`);
if (!existsSync('build/sitemap.xml')) console.log('  (no build/sitemap.xml)');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
