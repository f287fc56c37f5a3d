// The provider session (src/oidc/session.ts): one discovery per issuer shared by every widget, the test
// client of a type, and every way it cannot be used as a sentence, against the mock's node server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import {
  forgetDiscoveries,
  providerSession,
  testClientFor,
  type SessionEnvironment,
} from '../../src/oidc/session';
import { endpointPaths } from '../../src/oidc/catalogue';
import { mockIssuer } from '../../src/oidc/environments';
import { useMockServer } from './support/mock-server';

const server = useMockServer();
afterEach(() => forgetDiscoveries());

const portal = { origin: 'https://portal.test', baseUrl: '/' };
const mock: SessionEnvironment = { id: 'mock', label: 'Mock', issuer: mockIssuer, corsLikely: false };

function countingFetch() {
  const calls: string[] = [];
  const fetchImpl = (input: string | URL | Request, init?: RequestInit) => {
    calls.push(String(input instanceof Request ? input.url : input));
    return globalThis.fetch(input, init);
  };
  return { calls, fetchImpl };
}

describe('providerSession', () => {
  it('reads an issuer’s discovery once for every widget of the page, and asks again after a failure', async () => {
    const { calls, fetchImpl } = countingFetch();
    const a = providerSession(mock, { portal, fetch: fetchImpl });
    const b = providerSession(mock, { portal, fetch: fetchImpl });
    const [one, two] = await Promise.all([a.discovery(), b.discovery()]);
    expect(one.ok && two.ok).toBe(true);
    expect(calls.filter((c) => c.endsWith(endpointPaths.discovery.path))).toHaveLength(1);

    forgetDiscoveries();
    server.use(
      http.get(mockIssuer + endpointPaths.discovery.path, () => HttpResponse.text('down', { status: 503 })),
    );
    const failed = await a.discovery();
    expect(failed.ok).toBe(false);
    server.resetHandlers();
    expect((await a.discovery()).ok).toBe(true);
  });

  it('gives the test client of a type with its secret, and a typed client_id without it', async () => {
    const session = providerSession(mock, { portal });
    const confidential = await session.clientSettings('Confidential');
    expect(confidential.ok && confidential.settings.clientId).toBe(
      testClientFor('mock', 'Confidential')?.clientId,
    );
    expect(confidential.ok && confidential.settings.clientSecret).toBeTruthy();
    const typed = await session.clientSettings('Confidential', { clientId: 'my-own-client' });
    expect(typed.ok && typed.settings.clientSecret).toBeUndefined();
    expect(typed.ok && typed.settings.clientId).toBe('my-own-client');
  });

  it('takes the mock’s document from the catalogue without starting it, and starts it before a flow', async () => {
    const start = vi.fn(() => Promise.resolve());
    const { calls, fetchImpl } = countingFetch();
    const session = providerSession(mock, { portal, start, fetch: fetchImpl });
    const doc = await session.discovery({ mockFromCatalogue: true });
    expect(doc.ok && doc.document['authorization_endpoint']).toBe('https://portal.test/mock/authorize/');
    expect(start).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
    const settings = await session.clientSettings('Public', { discovery: { mockFromCatalogue: true } });
    expect(settings.ok).toBe(true);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('a mock that cannot start is a sentence that says what to do', async () => {
    const session = providerSession(mock, { portal, start: () => Promise.reject(new Error('no worker')) });
    const result = await session.clientSettings('Public');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.sentence).toMatch(/mock could not start.*Allow service workers/);
  });

  it('sends nothing to a custom issuer from a link before the reader confirms it, or without one', async () => {
    const { calls, fetchImpl } = countingFetch();
    const unconfirmed = providerSession(
      {
        id: 'custom',
        label: 'evil.example',
        issuer: 'https://evil.example',
        corsLikely: true,
        unconfirmed: true,
      },
      { portal, fetch: fetchImpl },
    );
    const result = await unconfirmed.clientSettings('Public', { clientId: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.sentence).toMatch(/^Confirm evil\.example/);
    expect(calls).toEqual([]);
    const none = providerSession(
      { id: 'custom', label: 'Custom', issuer: undefined, corsLikely: true },
      { portal },
    );
    expect(none.blocked()?.sentence).toBe('Type a custom issuer in the navigation bar first.');
  });

  it('has no test clients at staging: the reader’s own client_id, or a sentence', async () => {
    const staging = providerSession(
      { id: 'staging', label: 'TelenorID+ staging', issuer: 'https://id-test.telenor.no', corsLikely: true },
      { portal },
    );
    expect(staging.hasTestClients).toBe(false);
    expect(staging.testClient('Public')).toBeUndefined();
    const result = await staging.clientSettings('Public');
    expect(!result.ok && result.problem.sentence).toMatch(/has no test clients/);
  });

  it('at staging, a document the browser may not read becomes the documented paths with a note (documentedFallback)', async () => {
    const issuer = 'https://id-test.telenor.no';
    server.use(http.get(issuer + endpointPaths.discovery.path, () => HttpResponse.error()));
    const staging = providerSession(
      { id: 'staging', label: 'TelenorID+ staging', issuer, corsLikely: true },
      { portal },
    );
    const plain = await staging.discovery();
    expect(!plain.ok && plain.problem.sentence).toMatch(/TelenorID\+ staging could not be reached .*CORS/);
    const fallback = await staging.discovery({ documentedFallback: true });
    expect(fallback.ok && fallback.document['authorization_endpoint']).toBe(
      issuer + endpointPaths.authorization_endpoint.path,
    );
    expect(fallback.ok && fallback.note).toMatch(/documented endpoint paths instead\.$/);
  });

  it('a local tenant that does not answer: is it running?', async () => {
    const issuer = 'http://localhost:9';
    server.use(http.get(issuer + endpointPaths.discovery.path, () => HttpResponse.error()));
    const local = providerSession(
      { id: 'local', label: 'Local test tenant', issuer, corsLikely: false },
      { portal },
    );
    const result = await local.discovery();
    expect(!result.ok && result.problem.sentence).toMatch(
      /did not answer during reading the discovery document: is it running\?/,
    );
  });
});
