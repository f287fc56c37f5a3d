// `npm start`: the portal for development — the Docusaurus dev server and, beside it, the local
// test tenant (a real OpenID Provider on oidc-provider). The mock environment is the default in
// the browser, so the site works even if the tenant cannot start. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

// The site must know where the tenant listens: TENANT_PORT alone moves both (default 4400).
const env = { ...process.env };
if (env.TENANT_PORT && !env.TENANT_ISSUER) env.TENANT_ISSUER = `http://localhost:${env.TENANT_PORT}`;

const children = [];
function start(label, cmd, args) {
  const child = spawn(cmd, args, { stdio: 'inherit', env });
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM' && signal !== 'SIGINT')
      console.log(`[start] ${label} stopped (${signal ?? code}).`);
  });
  children.push(child);
  return child;
}

if (existsSync('src/tenant/cli.ts')) {
  start('local test tenant', 'node', ['--import', 'tsx', 'src/tenant/cli.ts']);
} else {
  console.log(
    '[start] The local test tenant is not built yet (src/tenant): only the mock environment will answer.',
  );
}
const site = start('site', 'node_modules/.bin/docusaurus', ['start', ...process.argv.slice(2)]);

function stopAll(signal) {
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));
site.on('exit', (code) => {
  stopAll('SIGTERM');
  process.exit(code ?? 0);
});
