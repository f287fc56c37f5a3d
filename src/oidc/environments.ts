/**
 * The environments a reader can point the widgets at, and the rules that keep an untrusted issuer
 * URL from being used unsafely (https everywhere, http only on loopback).
 */
// The endpoints module only: this file is in every page's bundle (the environment picker).
import { telenorIdPlusIssuers } from './catalogue/endpoints';

export type EnvironmentId = 'mock' | 'local' | 'staging' | 'production' | 'custom';

export const environmentIds: readonly EnvironmentId[] = ['mock', 'local', 'staging', 'production', 'custom'];

/** The environment a reader sees before choosing one: works offline, needs no account. */
export const defaultEnvironmentId: EnvironmentId = 'mock';

/**
 * The mock tenant's issuer. `.invalid` is reserved by RFC 2606 §2, so the name can never resolve
 * to a real host: a request that MSW does not intercept fails loudly instead of reaching someone.
 * MSW answers it in the browser (service worker) and in Vitest (node interceptor). Only the
 * authorization endpoint differs: a browser navigation cannot be intercepted, so the mock's
 * discovery document points it at a page of the portal itself (see src/mocks/README.md).
 * @see https://www.rfc-editor.org/rfc/rfc2606#section-2
 */
export const mockIssuer = 'https://mock.telenorid.invalid';

/** Where `npm start` runs the local test tenant (src/tenant) unless told otherwise. */
export const defaultLocalIssuer = 'http://localhost:4400';

export type Environment = {
  id: EnvironmentId;
  label: string;
  /** The issuer URL; for `custom` the caller supplies it. */
  issuer: string | undefined;
  /** Who answers the requests, in the reader's words. */
  answeredBy: string;
  /** Plain http is accepted only for loopback hosts. */
  allowsHttp: boolean;
  /** A browser request is likely to be refused by CORS (the provider does not list this site). */
  corsLikely: boolean;
};

/**
 * Describe an environment.
 * @param options.localIssuer overrides the local tenant's issuer (e.g. another port).
 * @param options.customIssuer the issuer the reader typed, for `custom`.
 */
export function environmentFor(
  id: EnvironmentId,
  options: { localIssuer?: string; customIssuer?: string } = {},
): Environment {
  switch (id) {
    case 'mock':
      return {
        id,
        label: 'Mock (in your browser)',
        issuer: mockIssuer,
        answeredBy: 'A mock TelenorID+ running in this page (MSW); no network needed.',
        allowsHttp: false,
        corsLikely: false,
      };
    case 'local':
      return {
        id,
        label: 'Local test tenant',
        issuer: options.localIssuer ?? defaultLocalIssuer,
        answeredBy: 'The local test tenant (oidc-provider) started by npm start.',
        allowsHttp: true,
        corsLikely: false,
      };
    case 'staging':
      return {
        id,
        label: 'TelenorID+ staging',
        issuer: telenorIdPlusIssuers.staging,
        answeredBy: 'TelenorID+ staging (id-test.telenor.no).',
        allowsHttp: false,
        corsLikely: true,
      };
    case 'production':
      return {
        id,
        label: 'TelenorID+ production',
        issuer: telenorIdPlusIssuers.production,
        answeredBy: 'TelenorID+ production (id.telenor.no).',
        allowsHttp: false,
        corsLikely: true,
      };
    case 'custom':
      return {
        id,
        // By its host, so a link cannot hide where it points the tools (issue #14).
        label: options.customIssuer ? `Custom issuer ${issuerHost(options.customIssuer)}` : 'Custom issuer',
        issuer: options.customIssuer,
        answeredBy: 'The issuer you typed; treated as untrusted.',
        allowsHttp: false,
        corsLikely: true,
      };
  }
}

/** The host (and port) of an issuer URL, as a reader should see it; the text itself if it is no URL. */
export function issuerHost(issuer: string): string {
  try {
    return new URL(issuer).host;
  } catch {
    return issuer;
  }
}

/** Read a `?env=` value. Unknown or missing values give `undefined` (the caller keeps its default). */
export function parseEnvironmentId(value: string | null | undefined): EnvironmentId | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return (environmentIds as readonly string[]).includes(v) ? (v as EnvironmentId) : undefined;
}

/**
 * True for loopback hosts: `localhost` (and `*.localhost`), `127.0.0.0/8`, `[::1]`.
 * Takes a URL `hostname` (IPv6 with or without brackets).
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-8.3
 * @see https://www.rfc-editor.org/rfc/rfc6761#section-6.3
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '[::1]' || h === '::1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m.slice(1).every((part) => Number(part) <= 255);
}

export type UrlCheck =
  | { ok: true; url: URL; loopbackHttp: boolean }
  | { ok: false; code: 'invalid_url' | 'unsupported_scheme' | 'insecure_http' | 'credentials_in_url' };

/**
 * Check that a URL may be used to talk to an OpenID Provider: absolute, https, or http on loopback.
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.6
 */
export function checkProviderUrl(input: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, code: 'invalid_url' };
  }
  // https://id.telenor.no@evil.example/ is evil.example: a user name or password only disguises the host.
  if (url.username || url.password) return { ok: false, code: 'credentials_in_url' };
  if (url.protocol === 'https:') return { ok: true, url, loopbackHttp: false };
  if (url.protocol !== 'http:') return { ok: false, code: 'unsupported_scheme' };
  if (!isLoopbackHost(url.hostname)) return { ok: false, code: 'insecure_http' };
  return { ok: true, url, loopbackHttp: true };
}
