/**
 * The environments the site can point its widgets at, and the URL rules for a typed issuer.
 *
 * INTEGRATION NOTE: this mirrors `src/oidc/environments.ts` from the core branch (same names and
 * behaviour), written here because that file had not reached this branch. When both are merged, delete
 * this file and import from `@site/src/oidc/environments` instead — the names match on purpose.
 */
import { telenorIdPlusIssuers } from '../../oidc/catalogue/endpoints';

export type EnvironmentId = 'mock' | 'local' | 'staging' | 'production' | 'custom';

export const environmentIds: readonly EnvironmentId[] = ['mock', 'local', 'staging', 'production', 'custom'];

export const defaultEnvironmentId: EnvironmentId = 'mock';

/** `.invalid` (RFC 2606) never resolves: a request MSW does not intercept fails instead of reaching someone. */
export const mockIssuer = 'https://mock.telenorid.invalid';

/** Where `npm start` runs the local test tenant (src/tenant) unless TENANT_ISSUER says otherwise. */
export const defaultLocalIssuer = 'http://localhost:4400';

export type Environment = {
  id: EnvironmentId;
  label: string;
  issuer: string | undefined;
  answeredBy: string;
  /** Plain http is accepted only for loopback hosts. */
  allowsHttp: boolean;
  /** A browser request is likely to be refused by CORS (the provider does not list this site). */
  corsLikely: boolean;
};

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
        label: 'Custom issuer',
        issuer: options.customIssuer,
        answeredBy: 'The issuer you typed; treated as untrusted.',
        allowsHttp: false,
        corsLikely: true,
      };
  }
}

export function parseEnvironmentId(value: string | null | undefined): EnvironmentId | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return (environmentIds as readonly string[]).includes(v) ? (v as EnvironmentId) : undefined;
}

/** Loopback hosts: `localhost` (and `*.localhost`), `127.0.0.0/8`, `[::1]` (RFC 8252 §8.3, RFC 6761 §6.3). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '[::1]' || h === '::1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m.slice(1).every((part) => Number(part) <= 255);
}

export type UrlCheck =
  | { ok: true; url: URL; loopbackHttp: boolean }
  | { ok: false; code: 'invalid_url' | 'unsupported_scheme' | 'insecure_http' };

/** An issuer must be an absolute https URL, or http on loopback (RFC 9700 §2.6). */
export function checkProviderUrl(input: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, code: 'invalid_url' };
  }
  if (url.protocol === 'https:') return { ok: true, url, loopbackHttp: false };
  if (url.protocol !== 'http:') return { ok: false, code: 'unsupported_scheme' };
  if (!isLoopbackHost(url.hostname)) return { ok: false, code: 'insecure_http' };
  return { ok: true, url, loopbackHttp: true };
}
