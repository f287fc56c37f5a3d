// scripts/static-server.mjs's bench mode (--bench-dir, for scripts/bench/widget-latency.ts): the driver
// goes into portal pages only, never into the round-trip pages a login window loads, and never without
// the flag; the bench's files and report live in its folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(path.join(tmpdir(), 'static-bench-'));
const site = path.join(root, 'site');
const bench = path.join(root, 'bench');
const servers: ChildProcess[] = [];

async function serve(port: number, extra: string[] = []): Promise<string> {
  const server = spawn(
    'node',
    ['scripts/static-server.mjs', '--dir', site, '--port', String(port), ...extra],
    {
      stdio: 'ignore',
    },
  );
  servers.push(server);
  const origin = `http://localhost:${port}`;
  for (let i = 0; i < 100; i += 1) {
    try {
      await fetch(origin);
      return origin;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error('the static server did not start');
}

let withBench: string;
let plain: string;
beforeAll(async () => {
  mkdirSync(path.join(site, 'tools', 'x'), { recursive: true });
  mkdirSync(path.join(site, 'callback'), { recursive: true });
  mkdirSync(bench, { recursive: true });
  writeFileSync(
    path.join(site, 'tools', 'x', 'index.html'),
    '<html><body><div id=__docusaurus></div></body></html>',
  );
  writeFileSync(path.join(site, 'callback', 'index.html'), '<html><body><script>x()</script></body></html>');
  writeFileSync(path.join(bench, 'driver.js'), 'void 0;');
  [withBench, plain] = await Promise.all([serve(3471, ['--bench-dir', bench]), serve(3472)]);
});
afterAll(() => {
  for (const s of servers) s.kill();
  rmSync(root, { recursive: true, force: true });
});

describe('the static server’s bench mode', () => {
  it('adds the driver to a portal page, gzipped or not, and to nothing else', async () => {
    const tag = '<script src="/__bench/driver.js" defer></script></body>';
    expect(await (await fetch(`${withBench}/tools/x`)).text()).toContain(tag);
    const raw = await fetch(`${withBench}/tools/x`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(Number(raw.headers.get('content-length'))).toBe((await raw.text()).length);
    expect(await (await fetch(`${withBench}/callback/`)).text()).not.toContain('__bench');
    expect(await (await fetch(`${plain}/tools/x`)).text()).not.toContain('__bench');
  });

  it('serves the bench’s files and takes its report; without the flag there is no such path', async () => {
    const driver = await fetch(`${withBench}/__bench/driver.js`);
    expect([driver.status, await driver.text()]).toEqual([200, 'void 0;']);
    expect((await fetch(`${withBench}/__bench/..%2Fsite%2Ftools%2Fx%2Findex.html`)).status).toBe(404);
    const posted = await fetch(`${withBench}/__bench/report`, { method: 'POST', body: '{"times":[1]}' });
    expect(posted.status).toBe(204);
    expect(existsSync(path.join(bench, 'report.json'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(bench, 'report.json'), 'utf8'))).toEqual({ times: [1] });
    expect((await fetch(`${plain}/__bench/driver.js`)).status).toBe(404);
  });
});
