/**
 * The selected environment's signing keys for the inspector: discovery (with the issuer rules of
 * issuer.ts), then its jwks_uri. The only requests the inspector makes. A failure is a sentence, with
 * the curl that fetches the keys from a terminal when the browser was refused (CORS) or could not connect.
 */
import { discoverProvider, discoveryUrlFor, fetchJwks } from '../discovery';
import type { JsonFetchOptions } from '../http';
import { shellQuote } from '../curl';
import type { ErrorCode } from '../catalogue/error-links';

export type EnvironmentKeys =
  | { ok: true; jwks: Record<string, unknown>; jwksUri: string }
  | { ok: false; sentence: string; code: ErrorCode; curl: string };

/** One shell line that fetches an issuer's keys the way a client finds them (needs jq). */
export function jwksCurl(issuer: string, jwksUri?: string): string {
  return jwksUri
    ? `curl -s ${shellQuote(jwksUri)}`
    : `curl -s ${shellQuote(discoveryUrlFor(issuer))} | jq -r .jwks_uri | xargs curl -s`;
}

export async function fetchEnvironmentKeys(
  issuer: string,
  environmentLabel: string,
  options: JsonFetchOptions & { corsLikely: boolean; isLocal: boolean },
): Promise<EnvironmentKeys> {
  const discovered = await discoverProvider(issuer, options);
  const unreachable = (code: string, where: string, jwksUri?: string): EnvironmentKeys => ({
    ok: false,
    code: code === 'timeout' ? 'timeout' : 'network_error',
    curl: jwksCurl(issuer, jwksUri),
    sentence: options.isLocal
      ? `${environmentLabel} did not answer while fetching ${where}: is it running? Start it with npm start or npm run tenant, then paste again.`
      : options.corsLikely
        ? `Your browser could not read ${environmentLabel}’s ${where}: it does not allow this site’s origin (CORS), or could not be reached. The token was decoded, but its signature could not be checked here. Fetch the keys from a terminal with the command below, or verify the token in your back end.`
        : `${environmentLabel} could not be reached while fetching ${where}${code === 'timeout' ? ' (no answer in time)' : ''}. Check that it is up, then paste again.`,
  });
  if (!discovered.ok) {
    const f = discovered.failure;
    if (f.code === 'network_error' || f.code === 'timeout') return unreachable(f.code, 'discovery document');
    return {
      ok: false,
      code: (f.code as ErrorCode) ?? 'invalid_response',
      curl: jwksCurl(issuer),
      sentence: `${environmentLabel}’s discovery document could not be used: ${f.detail ? `${f.detail} ` : ''}${f.explanation.meaning}`,
    };
  }
  const jwksUri = discovered.document['jwks_uri'];
  if (typeof jwksUri !== 'string')
    return {
      ok: false,
      code: 'missing_endpoint',
      curl: jwksCurl(issuer),
      sentence: `${environmentLabel}’s discovery document has no jwks_uri, so there are no keys to check the signature with.`,
    };
  const fetched = await fetchJwks(jwksUri, options);
  if (!fetched.ok) {
    const f = fetched.failure;
    if (f.code === 'network_error' || f.code === 'timeout')
      return unreachable(f.code, 'keys (JWKS)', jwksUri);
    return {
      ok: false,
      code: (f.code as ErrorCode) ?? 'invalid_response',
      curl: jwksCurl(issuer, jwksUri),
      sentence: `${environmentLabel}’s keys at ${jwksUri} could not be read: ${f.explanation.meaning}`,
    };
  }
  return { ok: true, jwks: fetched.jwks, jwksUri };
}
