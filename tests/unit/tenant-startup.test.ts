// The local test tenant answers every connection it accepts, even one made while it is still starting.
// A readiness probe (Playwright's webServer, a CI script) that connects during start-up must get an HTTP
// answer or a refused connection, never a socket that stays open unanswered (issue 13: 2–4 of 100 probes
// hung for good when the port opened before the provider was built).
import { createServer } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTenant } from '../../src/tenant';

type Probe = { connected: boolean; answered: boolean };

/** Connects, sends one GET and waits up to `limitMs` for the first byte of an answer. */
function probe(port: number, limitMs: number): Promise<Probe> {
  return new Promise((resolve) => {
    const result: Probe = { connected: false, answered: false };
    const socket = net.connect(port, '127.0.0.1');
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(done, limitMs);
    socket.on('connect', () => {
      result.connected = true;
      socket.write(
        `GET /.well-known/openid-configuration HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`,
      );
    });
    socket.once('data', () => {
      result.answered = true;
      done();
    });
    socket.on('error', done);
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('tenant start-up', () => {
  it('answers every connection accepted while it starts (probes fired from t=0)', async () => {
    const port = await freePort();
    const probes: Promise<Probe>[] = [];
    let starting = true;
    // Probe every 2 ms from before the start until shortly after it: connections land before, during and
    // after the provider is built.
    const firing = (async () => {
      while (starting) {
        probes.push(probe(port, 5_000));
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const tenant = await startTenant({ port, host: '127.0.0.1', allowedOrigins: [] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    starting = false;
    await firing;
    try {
      const results = await Promise.all(probes);
      const hung = results.filter((r) => r.connected && !r.answered).length;
      expect(
        results.some((r) => r.answered),
        'no probe reached the started tenant',
      ).toBe(true);
      expect(hung, `${hung} of ${results.length} probes connected and were never answered`).toBe(0);
    } finally {
      await tenant.close();
    }
  });

  it('refuses to start on a taken port, with EADDRINUSE, and leaves nothing listening', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      await expect(startTenant({ port, host: '127.0.0.1', allowedOrigins: [] })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
