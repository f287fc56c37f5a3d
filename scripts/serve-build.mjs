// Serves a production build for the e2e suite on the static host of scripts/static-server.mjs:
// `node scripts/serve-build.mjs <dir> <baseUrl> <port>`.
// Builds first when <dir> holds no build, so the e2e suite can be run on its own.
import { existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';

const [dir = 'build', baseUrl = '/', port = '3100'] = process.argv.slice(2);
const env = { ...process.env, BASE_URL: baseUrl };
const bin = 'node_modules/.bin/docusaurus';

if (!existsSync(`${dir}/index.html`)) {
  console.error(`[serve-build] ${dir}/ has no build yet: building it with BASE_URL=${baseUrl} ...`);
  const built = spawnSync(bin, ['build', '--out-dir', dir], { env, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const server = spawn('node', ['scripts/static-server.mjs', '--dir', dir, '--base', baseUrl, '--port', port], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
