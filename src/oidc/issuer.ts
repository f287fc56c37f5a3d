/**
 * The rules every flow applies to a provider's metadata before it sends anything: the document's
 * `issuer` must be exactly the issuer that was asked for (the defence against an issuer mix-up, where
 * a document at one URL claims another provider's identity), and each endpoint is checked on its own:
 * https, or plain http only when that endpoint itself is on loopback. The discovery explorer reports
 * the same rule as its `issuer_*` findings; the scope builder, the prompt=none tryout and the refresh
 * simulator refuse to run (`discoverProvider` in discovery.ts, and again in `prepareClient`).
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation
 * @see https://www.rfc-editor.org/rfc/rfc9207
 */
import { checkProviderUrl } from './environments';
import { failure, type OidcFailure } from './failures';
import type { DiscoveryDocument } from './discovery';

/** How a document's `issuer` compares with the issuer it was fetched for. */
export type IssuerComparison = 'match' | 'trailing_slash' | 'template' | 'mismatch' | 'not_string';

/**
 * The one issuer-match rule: exact string equality with the requested issuer (trimmed). A trailing
 * slash counts; a `{tenantid}` template never matches.
 */
export function compareIssuer(stated: unknown, requested: string): IssuerComparison {
  if (typeof stated !== 'string') return 'not_string';
  const wanted = requested.trim();
  if (/\{[^}]*\}/.test(stated)) return 'template';
  if (stated === wanted) return 'match';
  return stated.replace(/\/+$/, '') === wanted.replace(/\/+$/, '') ? 'trailing_slash' : 'mismatch';
}

/** Show an untrusted value in a sentence: quoted, short. */
function quoted(value: unknown): string {
  if (typeof value !== 'string') return value === undefined ? 'missing' : 'not a string';
  return `“${value.length > 100 ? value.slice(0, 99) + '…' : value}”`;
}

/** Metadata fields that are URLs a client sends requests or the browser to. */
export function endpointFields(document: DiscoveryDocument): string[] {
  return Object.keys(document).filter(
    (key) =>
      Object.prototype.hasOwnProperty.call(document, key) &&
      (key.endsWith('_endpoint') || key === 'jwks_uri') &&
      typeof document[key] === 'string',
  );
}

export type ProviderCheck = { ok: true; loopbackHttp: boolean } | { ok: false; failure: OidcFailure };

/**
 * May a flow use this provider document for the issuer the reader asked for? Refuses an issuer that
 * is not the one asked for, and any endpoint that is not https (or http on a loopback host: each
 * endpoint on its own, whatever the issuer is). `loopbackHttp` says whether some endpoint needs
 * plain http, so the caller may switch openid-client's `allowInsecureRequests` on.
 */
export function checkProviderMetadata(document: DiscoveryDocument, requestedIssuer: string): ProviderCheck {
  const stated = document['issuer'];
  const comparison = compareIssuer(stated, requestedIssuer);
  if (comparison !== 'match')
    return failure('issuer_mismatch', {
      detail: `The discovery document for ${quoted(requestedIssuer.trim())} says its issuer is ${quoted(stated)}${comparison === 'trailing_slash' ? ' (they differ by a trailing slash)' : ''}.`,
    });
  const issuerCheck = checkProviderUrl(stated as string);
  if (!issuerCheck.ok) return failure(issuerCheck.code, { detail: `The issuer is ${quoted(stated)}.` });
  let loopbackHttp = issuerCheck.loopbackHttp;
  for (const field of endpointFields(document)) {
    const value = document[field] as string;
    const check = checkProviderUrl(value);
    if (!check.ok) return failure(check.code, { detail: `Its ${field} is ${quoted(value)}.` });
    loopbackHttp ||= check.loopbackHttp;
  }
  return { ok: true, loopbackHttp };
}

/**
 * The failure codes of the provider checks above: the flow refused the provider (or its URL) before
 * sending it anything. No stand-in (the documented endpoint paths) may replace such a provider.
 */
const providerRefusalCodes: ReadonlySet<string> = new Set([
  'issuer_mismatch',
  'insecure_http',
  'unsupported_scheme',
  'credentials_in_url',
]);

/** True when a failure is the provider checks refusing the provider before any request to it. */
export function isProviderRefusal(code: string): boolean {
  return providerRefusalCodes.has(code);
}
