/**
 * The provider session: what every widget needs from one environment before its first request —
 * its discovery document (fetched once per issuer and shared by every widget on the page), the
 * client settings of a TelenorID+ client type (the registered test client at the mock and the
 * local tenant, the reader's own client elsewhere), and whether the mock is running. Framework-free:
 * the browser's part (starting the mock's worker) comes in as `start`, so Vitest runs it under Node
 * against the mock's node server or the tenant. Widgets get one from `useProviderSession()`
 * (src/widgets/shared/providerSession.ts).
 */
import type { ClientTypeName } from './catalogue';
import { testClient } from './catalogue/fixtures';
import type { ClientSettings } from './client';
import type { FetchLike } from './curl';
import { discoverProvider, type DiscoveryDocument, type ProviderDiscovery } from './discovery';
import type { EnvironmentId } from './environments';
import { failureSentence, type FailureContext, type RunStep } from './failure-sentence';
import type { OidcFailure } from './failures';
import { isProviderRefusal } from './issuer';
import { documentedDiscovery, mockDiscoveryFromCatalogue } from './mock-endpoints';

/** The part of the site's environment a session needs (the EnvironmentContext value fits). */
export type SessionEnvironment = {
  id: EnvironmentId;
  label: string;
  issuer: string | undefined;
  corsLikely: boolean;
  /** A custom issuer from a link the reader has not confirmed: nothing is sent to it. */
  unconfirmed?: boolean;
};

/** What went wrong, as the reader reads it: the sentence, and the failure behind it when there is one. */
export type SessionProblem = {
  sentence: string;
  failure?: OidcFailure;
  /** The request that failed, as redacted curl. */
  curl?: string;
};

export type SessionResult<T extends object> = ({ ok: true } & T) | { ok: false; problem: SessionProblem };

/** A registered test client (the secret is a published test value: the portal plays a Confidential client's back end). */
export type TestClientSettings = { clientId: string; clientSecret?: string };

/**
 * The registered test client of a type in the mock or the local tenant, from the fixtures
 * (`short`: at the local tenant, its twin whose refresh token lives seconds). Staging, production
 * and custom issuers have no clients the portal may use: undefined.
 */
export function testClientFor(
  env: EnvironmentId,
  type: ClientTypeName,
  options: { short?: boolean } = {},
): TestClientSettings | undefined {
  if (env !== 'mock' && env !== 'local') return undefined;
  const client = testClient(env, type, { short: env === 'local' && (options.short ?? false) });
  return { clientId: client.clientId, ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}) };
}

export type SessionDiscovery = SessionResult<{
  document: DiscoveryDocument;
  /** Set when the document is the documented stand-in (`documentedFallback`): why, in a sentence. */
  note?: string;
  curl?: string;
}>;

export type DiscoveryOptions = {
  /**
   * The mock's document from the catalogue (`mockDiscoveryFromCatalogue`) instead of asking the
   * running mock: shows a request before the mock starts. It holds what a code flow needs; a flow
   * that needs another endpoint (device, CIBA, custom logout) asks the mock itself (the default).
   */
  mockFromCatalogue?: boolean;
  /**
   * At staging and production, when the browser may not read the document (CORS), answer with the
   * documented endpoint paths (`documentedDiscovery`) and a note, so a URL can still be built and copied.
   */
  documentedFallback?: boolean;
};

export type ClientOptions = {
  /** At the local tenant, the short-lived twin of the type's test client. */
  short?: boolean;
  /**
   * The client_id to use instead of the test client's (the reader's own client elsewhere, or one the
   * reader typed). The test client's secret goes with it only when it is that client's id.
   */
  clientId?: string;
  discovery?: DiscoveryOptions;
};

export type ProviderSession = {
  readonly environment: SessionEnvironment;
  /** Whether the environment has the registered test clients (mock, local). */
  readonly hasTestClients: boolean;
  /** Why nothing can be sent to this environment now (no custom issuer yet, or not confirmed), or undefined. */
  blocked(): SessionProblem | undefined;
  /** Resolves when requests can be sent (at the mock: its worker is up). Once per page; safe to call often. */
  ready(): Promise<SessionResult<object>>;
  /** The discovery document, fetched once per issuer and page and shared; a failure is not kept, so a retry asks again. */
  discovery(options?: DiscoveryOptions): Promise<SessionDiscovery>;
  /** The registered test client of a type here, or undefined. */
  testClient(type: ClientTypeName, options?: { short?: boolean }): TestClientSettings | undefined;
  /** Client settings for a flow: discovery (and the mock started), the client of `type` or `options.clientId`. */
  clientSettings(
    type: ClientTypeName,
    options?: ClientOptions,
  ): Promise<SessionResult<{ settings: ClientSettings }>>;
  /** Client settings from a document already in hand (a widget that showed it): no request. */
  settingsWith(document: DiscoveryDocument, type: ClientTypeName, options?: ClientOptions): ClientSettings;
  /** The context `failureSentence` wants for a step here. */
  failureContext(step: RunStep, extra?: Partial<FailureContext>): FailureContext;
};

export type ProviderSessionOptions = {
  /** What must run before a request (the browser starts the mock's worker); a rejection is `mock_unavailable`. */
  start?: () => Promise<void>;
  /** The portal's origin and base URL: the mock's browser-facing endpoints are pages of the portal. */
  portal: { origin: string; baseUrl: string };
  /** For tests and proxies; default globalThis.fetch (which MSW intercepts). */
  fetch?: FetchLike;
};

/** Documents already read in this page, per issuer: every widget and every session share them. */
const discovered = new Map<string, Promise<ProviderDiscovery>>();

/** Forget the documents read so far (tests; a reader who restarted the local tenant on another config). */
export function forgetDiscoveries(): void {
  discovered.clear();
}

function discoverOnce(issuer: string, fetchImpl: FetchLike | undefined): Promise<ProviderDiscovery> {
  const known = discovered.get(issuer);
  if (known) return known;
  const pending = discoverProvider(issuer, fetchImpl ? { fetch: fetchImpl } : {}).then((result) => {
    if (!result.ok) discovered.delete(issuer);
    return result;
  });
  discovered.set(issuer, pending);
  return pending;
}

/** One environment's provider session (cheap: make one per render; the documents are shared anyway). */
export function providerSession(env: SessionEnvironment, options: ProviderSessionOptions): ProviderSession {
  const hasTestClients = env.id === 'mock' || env.id === 'local';
  const failureContext = (step: RunStep, extra: Partial<FailureContext> = {}): FailureContext => ({
    step,
    environment: env.label,
    corsLikely: env.corsLikely,
    isLocal: env.id === 'local',
    ...extra,
  });

  const blocked = (): SessionProblem | undefined => {
    if (!env.issuer) return { sentence: 'Type a custom issuer in the navigation bar first.' };
    if (env.unconfirmed)
      return {
        sentence: `Confirm ${env.label} above first: nothing is sent to an issuer that came in a link until you do.`,
      };
    return undefined;
  };

  let started: Promise<SessionResult<object>> | undefined;
  const ready = (): Promise<SessionResult<object>> => {
    if (!options.start) return Promise.resolve({ ok: true });
    started ??= options.start().then(
      () => ({ ok: true }) as const,
      () => {
        started = undefined;
        return {
          ok: false,
          problem: { sentence: failureSentence({ kind: 'mock_unavailable' }, failureContext('discovery')) },
        } as const;
      },
    );
    return started;
  };

  const discovery = async (opts: DiscoveryOptions = {}): Promise<SessionDiscovery> => {
    const stop = blocked();
    if (stop) return { ok: false, problem: stop };
    const issuer = env.issuer!;
    if (env.id === 'mock' && opts.mockFromCatalogue)
      return {
        ok: true,
        document: mockDiscoveryFromCatalogue(options.portal.origin, options.portal.baseUrl),
      };
    const up = await ready();
    if (!up.ok) return up;
    const result = await discoverOnce(issuer, options.fetch);
    if (result.ok) return { ok: true, document: result.document, curl: result.curl };
    const f = result.failure;
    const sentence = failureSentence(f, failureContext('discovery'));
    if (
      opts.documentedFallback &&
      (env.id === 'staging' || env.id === 'production') &&
      !isProviderRefusal(f.code)
    )
      return {
        ok: true,
        document: documentedDiscovery(issuer),
        note: `${sentence} The URL below uses the documented endpoint paths instead.`,
        ...(f.curl ? { curl: f.curl } : {}),
      };
    return { ok: false, problem: { sentence, failure: f, ...(f.curl ? { curl: f.curl } : {}) } };
  };

  const settingsWith = (
    document: DiscoveryDocument,
    type: ClientTypeName,
    opts: ClientOptions = {},
  ): ClientSettings => {
    const client = testClientFor(env.id, type, { short: opts.short ?? false });
    const clientId = opts.clientId ?? client?.clientId ?? '';
    return {
      discovery: document,
      issuer: env.issuer ?? '',
      clientId,
      ...(client?.clientSecret && client.clientId === clientId ? { clientSecret: client.clientSecret } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    };
  };

  return {
    environment: env,
    hasTestClients,
    blocked,
    ready,
    discovery,
    testClient: (type, opts = {}) => testClientFor(env.id, type, opts),
    async clientSettings(type, opts = {}) {
      if (!hasTestClients && !opts.clientId)
        return {
          ok: false,
          problem: {
            sentence: `${env.label} has no test clients the portal may use: type your own client’s client_id, or pick the mock or the local test tenant in the navigation bar.`,
          },
        };
      const found = await discovery(opts.discovery);
      if (!found.ok) return found;
      // A flow sends requests next: the mock must be up even when its document came from the catalogue.
      const up = await ready();
      if (!up.ok) return up;
      return { ok: true, settings: settingsWith(found.document, type, opts) };
    },
    settingsWith,
    failureContext,
  };
}
