// The mock's service worker (static/mock-worker.js) lets only requests to the mock issuer reach
// MSW's worker; the portal's own pages and scripts (the login window's round-trip pages above all)
// go to the network as if no worker were there (issue #19). Run here in a fake worker scope.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { mockIssuer } from '../../src/oidc/environments';

const staticDir = path.join(__dirname, '..', '..', 'static');
const source = readFileSync(path.join(staticDir, 'mock-worker.js'), 'utf8');

type Listener = (event: Record<string, unknown>) => void;

/** Evaluates the worker in a scope with (or without) static routing; returns its listeners and imports. */
function loadWorker({ routing }: { routing: boolean }) {
  const listeners: Record<string, Listener[]> = {};
  const imported: string[] = [];
  class URLPattern {
    constructor(readonly input: unknown) {}
  }
  const self = {
    addEventListener: (type: string, listener: Listener) => (listeners[type] ??= []).push(listener),
    importScripts: (url: string) => imported.push(url),
  };
  runInNewContext(source, { self, URL, ...(routing ? { URLPattern } : {}) });
  return { listeners, imported };
}

function fetchEvent(url: string) {
  let stopped = false;
  const event = { request: { url }, stopImmediatePropagation: () => void (stopped = true) };
  return { event, stopped: () => stopped };
}

describe('the mock’s service worker', () => {
  it('imports MSW’s own worker, unedited, after its own listeners', () => {
    const { imported } = loadWorker({ routing: false });
    expect(imported).toEqual(['./mockServiceWorker.js']);
    expect(existsSync(path.join(staticDir, 'mockServiceWorker.js'))).toBe(true);
  });

  it('stops every request but the mock issuer’s before MSW sees it (and answers none itself)', () => {
    const { listeners } = loadWorker({ routing: false });
    const [onFetch] = listeners['fetch']!;
    for (const url of [
      'http://localhost:3000/assets/round-trip/authorize.abc.js',
      'http://localhost:3000/callback/?code=x&state=y',
      'https://mock.telenorid.invalid.evil.example/connect/token',
    ]) {
      const f = fetchEvent(url);
      onFetch!(f.event);
      expect(f.stopped(), url).toBe(true);
    }
    const token = fetchEvent(`${mockIssuer}/connect/token`);
    onFetch!(token.event);
    expect(token.stopped()).toBe(false);
  });

  it('with static routing, sends the mock issuer to the fetch handler and everything else to the network', async () => {
    const { listeners } = loadWorker({ routing: true });
    let routes: { condition: { urlPattern: { input: unknown } }; source: string }[] = [];
    let waited: Promise<unknown> | undefined;
    listeners['install']![0]!({
      addRoutes: async (r: typeof routes) => void (routes = r),
      waitUntil: (p: Promise<unknown>) => void (waited = p),
    });
    await waited;
    expect(routes.map((r) => [r.condition.urlPattern.input, r.source])).toEqual([
      [{ protocol: 'https', hostname: new URL(mockIssuer).hostname }, 'fetch-event'],
      [{}, 'network'],
    ]);
  });

  it('installs all the same where routing rules are refused', async () => {
    const { listeners } = loadWorker({ routing: true });
    let waited: Promise<unknown> | undefined;
    listeners['install']![0]!({
      addRoutes: () => Promise.reject(new TypeError('unknown condition')),
      waitUntil: (p: Promise<unknown>) => void (waited = p),
    });
    await expect(waited).resolves.toBeUndefined();
  });
});
