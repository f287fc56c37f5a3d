/**
 * The discovery explorer's core: fetch an issuer's `/.well-known/openid-configuration` and its
 * JWKS, and say — field by field, with the reason and the spec — what is wrong, what is missing,
 * and what is TelenorID+-specific. Fetching (I/O) and validating (pure) are separate functions.
 */
import { endpointSources, spec, signingAlgorithm, type FactSource, type GuideTopic } from './catalogue';
import { isLoopbackHost } from './environments';
import { failure, type OidcFailure } from './failures';
import { fetchJsonObject, type JsonFetchOptions } from './http';
import { checkProviderMetadata, compareIssuer } from './issuer';

export type FindingSeverity = 'error' | 'warning' | 'info';

export type DiscoveryFindingCode =
  | 'not_object'
  | 'missing_required'
  | 'missing_recommended'
  | 'wrong_type'
  | 'not_string_element'
  | 'empty_array'
  | 'too_many_elements'
  | 'issuer_mismatch'
  | 'issuer_trailing_slash'
  | 'issuer_template'
  | 'invalid_url'
  | 'dangerous_url'
  | 'insecure_url'
  | 'url_has_fragment'
  | 'rs256_missing'
  | 'alg_none'
  | 'code_supported'
  | 'code_not_supported'
  | 'pkce_s256'
  | 'pkce_not_advertised'
  | 'pkce_plain'
  | 'openid_not_listed'
  | 'api_scopes_not_listed'
  | 'api_scope_listed'
  | 'no_registration_endpoint'
  | 'custom_logout_endpoint'
  | 'unreadable';

export type DiscoveryFinding = {
  code: DiscoveryFindingCode;
  severity: FindingSeverity;
  /** The metadata field it is about (`''` for the document as a whole). */
  field: string;
  message: string;
  whyItMatters: string;
  /** The specification section that states the rule. */
  spec: string;
  guide?: GuideTopic;
};

export type Verdict = 'Valid' | 'Valid with warnings' | 'Invalid' | 'Unreachable';

export type DiscoveryDocument = Record<string, unknown>;

export type DiscoveryResult =
  | {
      ok: true;
      url: string;
      document: DiscoveryDocument;
      findings: DiscoveryFinding[];
      verdict: Verdict;
      summary: string;
      curl: string;
    }
  | { ok: false; url?: string; failure: OidcFailure; verdict: Verdict; summary: string };

export type FieldGroup =
  'endpoints' | 'flows & capabilities' | 'signing & keys' | 'session & logout' | 'TelenorID+ extras';

export type DiscoveryFieldInfo = {
  group: FieldGroup;
  meaning: string;
  guide?: GuideTopic;
  spec: string;
  /** Set when TelenorID+ does not document the field: the explorer marks it as assumed. */
  assumed?: FactSource;
};

const dSpec = spec.discovery;
const rpLogout = spec.rpInitiatedLogout;

/**
 * What each known metadata field means, grouped for the explorer. Fields not listed here are
 * shown raw by the widget.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
 */
export const discoveryFields: Record<string, DiscoveryFieldInfo> = {
  issuer: {
    group: 'endpoints',
    meaning: 'The provider’s identifier; every token’s iss must equal it exactly.',
    guide: 'discovery',
    spec: dSpec,
  },
  authorization_endpoint: {
    group: 'endpoints',
    meaning: 'Where the browser is sent to log in (/authorize).',
    guide: 'authorize',
    spec: dSpec,
  },
  token_endpoint: {
    group: 'endpoints',
    meaning: 'Where the client exchanges a code or refresh token for tokens.',
    guide: 'token',
    spec: dSpec,
  },
  userinfo_endpoint: {
    group: 'endpoints',
    meaning: 'Returns the user’s claims for an access token.',
    guide: 'userinfo',
    spec: dSpec,
  },
  registration_endpoint: {
    group: 'endpoints',
    meaning: 'Dynamic client registration; TelenorID+ registers clients by request to its team instead.',
    guide: 'clientTypes',
    spec: dSpec,
  },
  revocation_endpoint: {
    group: 'endpoints',
    meaning:
      'Revokes a refresh token (RFC 7009). The TelenorID+ guide lists it only as “todo”; the portal’s mock and test tenant publish it.',
    guide: 'refreshTokens',
    spec: spec.rfc7009,
    assumed: endpointSources.revocation_endpoint,
  },
  introspection_endpoint: {
    group: 'endpoints',
    meaning:
      'Lets an API ask whether a token is active (RFC 7662). The TelenorID+ guide lists it only as “todo”.',
    spec: 'https://www.rfc-editor.org/rfc/rfc7662',
    assumed: endpointSources.introspection_endpoint,
  },
  device_authorization_endpoint: {
    group: 'endpoints',
    meaning: 'Starts the device flow for TVs and set-top boxes (RFC 8628).',
    guide: 'deviceFlow',
    spec: spec.rfc8628,
  },
  backchannel_authentication_endpoint: {
    group: 'endpoints',
    meaning: 'Starts a CIBA request (Vipps or BankID on the user’s phone).',
    guide: 'ciba',
    spec: spec.ciba,
  },
  pushed_authorization_request_endpoint: {
    group: 'endpoints',
    meaning: 'Pushed authorization requests (RFC 9126).',
    spec: 'https://www.rfc-editor.org/rfc/rfc9126',
  },
  mtls_endpoint_aliases: {
    group: 'endpoints',
    meaning: 'Endpoint addresses for mutual-TLS clients (RFC 8705).',
    spec: 'https://www.rfc-editor.org/rfc/rfc8705',
  },
  scopes_supported: {
    group: 'flows & capabilities',
    meaning: 'The scopes the provider publishes. TelenorID+ never lists api: scopes here.',
    guide: 'scopes',
    spec: dSpec,
  },
  claims_supported: {
    group: 'flows & capabilities',
    meaning: 'The claims the provider can return.',
    guide: 'scopes',
    spec: dSpec,
  },
  response_types_supported: {
    group: 'flows & capabilities',
    meaning: 'The response_type values; TelenorID+ recommends code.',
    guide: 'authorize',
    spec: dSpec,
  },
  response_modes_supported: {
    group: 'flows & capabilities',
    meaning: 'How the answer comes back: query, fragment, form_post.',
    guide: 'authorize',
    spec: dSpec,
  },
  grant_types_supported: {
    group: 'flows & capabilities',
    meaning: 'The grant types the token endpoint accepts.',
    guide: 'token',
    spec: dSpec,
  },
  subject_types_supported: {
    group: 'flows & capabilities',
    meaning: 'public or pairwise sub; TelenorID+ gives each client its own (pairwise) sub.',
    guide: 'idToken',
    spec: dSpec,
  },
  code_challenge_methods_supported: {
    group: 'flows & capabilities',
    meaning: 'PKCE methods; use S256.',
    guide: 'authorize',
    spec: spec.rfc7636,
  },
  token_endpoint_auth_methods_supported: {
    group: 'flows & capabilities',
    meaning: 'How confidential clients authenticate: secret in the body, Basic header, JWT, mTLS.',
    guide: 'token',
    spec: dSpec,
  },
  token_endpoint_auth_signing_alg_values_supported: {
    group: 'signing & keys',
    meaning: 'Algorithms for JWT client authentication.',
    spec: dSpec,
  },
  claims_parameter_supported: {
    group: 'flows & capabilities',
    meaning: 'Whether the claims request parameter is supported.',
    spec: dSpec,
  },
  request_parameter_supported: {
    group: 'flows & capabilities',
    meaning: 'Whether signed request objects are accepted.',
    spec: dSpec,
  },
  request_uri_parameter_supported: {
    group: 'flows & capabilities',
    meaning: 'Whether request objects by reference are accepted.',
    spec: dSpec,
  },
  request_object_signing_alg_values_supported: {
    group: 'signing & keys',
    meaning: 'Algorithms for request objects.',
    spec: dSpec,
  },
  acr_values_supported: {
    group: 'flows & capabilities',
    meaning: 'acr values a client can ask for (an AAL or an idp: provider).',
    guide: 'assurance',
    spec: dSpec,
  },
  ui_locales_supported: {
    group: 'flows & capabilities',
    meaning: 'Languages of the login pages.',
    guide: 'authorize',
    spec: dSpec,
  },
  prompt_values_supported: {
    group: 'flows & capabilities',
    meaning: 'prompt values (none, login, …).',
    guide: 'authorize',
    spec: 'https://openid.net/specs/openid-connect-prompt-create-1_0.html',
  },
  dpop_signing_alg_values_supported: {
    group: 'signing & keys',
    meaning: 'Algorithms for DPoP proofs (RFC 9449).',
    spec: 'https://www.rfc-editor.org/rfc/rfc9449',
  },
  authorization_response_iss_parameter_supported: {
    group: 'flows & capabilities',
    meaning: 'Whether the redirect back carries iss (RFC 9207), a defence against mix-up attacks.',
    spec: 'https://www.rfc-editor.org/rfc/rfc9207',
  },
  require_pushed_authorization_requests: {
    group: 'flows & capabilities',
    meaning: 'Whether every authorization request must be pushed first.',
    spec: 'https://www.rfc-editor.org/rfc/rfc9126',
  },
  backchannel_token_delivery_modes_supported: {
    group: 'flows & capabilities',
    meaning: 'CIBA delivery modes (poll, ping, push).',
    guide: 'ciba',
    spec: spec.ciba,
  },
  backchannel_user_code_parameter_supported: {
    group: 'flows & capabilities',
    meaning: 'Whether CIBA accepts a user code.',
    guide: 'ciba',
    spec: spec.ciba,
  },
  jwks_uri: {
    group: 'signing & keys',
    meaning: 'The provider’s public signing keys; verify token signatures with them.',
    guide: 'idToken',
    spec: dSpec,
  },
  id_token_signing_alg_values_supported: {
    group: 'signing & keys',
    meaning: 'Algorithms for ID tokens; TelenorID+ uses RS256.',
    guide: 'idToken',
    spec: dSpec,
  },
  userinfo_signing_alg_values_supported: {
    group: 'signing & keys',
    meaning: 'Algorithms for signed userinfo answers.',
    spec: dSpec,
  },
  end_session_endpoint: {
    group: 'session & logout',
    meaning: 'Browser-based logout (RP-Initiated Logout).',
    guide: 'logout',
    spec: rpLogout,
  },
  check_session_iframe: {
    group: 'session & logout',
    meaning:
      'An iframe to watch the session (Session Management); blocked by third-party-cookie rules today.',
    guide: 'sso',
    spec: 'https://openid.net/specs/openid-connect-session-1_0.html',
  },
  frontchannel_logout_supported: {
    group: 'session & logout',
    meaning: 'Front-channel logout notifications to clients.',
    guide: 'logout',
    spec: 'https://openid.net/specs/openid-connect-frontchannel-1_0.html',
  },
  frontchannel_logout_session_supported: {
    group: 'session & logout',
    meaning: 'Front-channel logout with iss and sid.',
    guide: 'logout',
    spec: 'https://openid.net/specs/openid-connect-frontchannel-1_0.html',
  },
  backchannel_logout_supported: {
    group: 'session & logout',
    meaning: 'Back-channel logout tokens sent to clients’ servers.',
    guide: 'logout',
    spec: 'https://openid.net/specs/openid-connect-backchannel-1_0.html',
  },
  backchannel_logout_session_supported: {
    group: 'session & logout',
    meaning: 'Back-channel logout with sid.',
    guide: 'logout',
    spec: 'https://openid.net/specs/openid-connect-backchannel-1_0.html',
  },
  // The rest of OpenID Connect Discovery 1.0 §3 (each is standard, not an extension) …
  claim_types_supported: {
    group: 'flows & capabilities',
    meaning: 'How claims can be delivered: normal (the default), aggregated or distributed.',
    guide: 'scopes',
    spec: dSpec,
  },
  claims_locales_supported: {
    group: 'flows & capabilities',
    meaning: 'Languages the provider can return claim values in (claims_locales).',
    spec: dSpec,
  },
  display_values_supported: {
    group: 'flows & capabilities',
    meaning: 'display values for the login pages (page, popup, touch, wap).',
    guide: 'authorize',
    spec: dSpec,
  },
  require_request_uri_registration: {
    group: 'flows & capabilities',
    meaning: 'Whether a request_uri must be registered for the client in advance.',
    spec: dSpec,
  },
  id_token_encryption_alg_values_supported: {
    group: 'signing & keys',
    meaning: 'Key management algorithms the provider can encrypt ID tokens with (JWE alg).',
    spec: dSpec,
  },
  id_token_encryption_enc_values_supported: {
    group: 'signing & keys',
    meaning: 'Content encryption algorithms for encrypted ID tokens (JWE enc).',
    spec: dSpec,
  },
  userinfo_encryption_alg_values_supported: {
    group: 'signing & keys',
    meaning: 'Key management algorithms for encrypted /userinfo answers (JWE alg).',
    spec: dSpec,
  },
  userinfo_encryption_enc_values_supported: {
    group: 'signing & keys',
    meaning: 'Content encryption algorithms for encrypted /userinfo answers (JWE enc).',
    spec: dSpec,
  },
  request_object_encryption_alg_values_supported: {
    group: 'signing & keys',
    meaning: 'Key management algorithms the provider accepts for encrypted request objects (JWE alg).',
    spec: dSpec,
  },
  request_object_encryption_enc_values_supported: {
    group: 'signing & keys',
    meaning: 'Content encryption algorithms for encrypted request objects (JWE enc).',
    spec: dSpec,
  },
  service_documentation: {
    group: 'endpoints',
    meaning: 'A page for developers about using this provider.',
    spec: dSpec,
  },
  op_policy_uri: {
    group: 'endpoints',
    meaning: 'The provider’s policy on how a client may use the data it gets.',
    spec: dSpec,
  },
  op_tos_uri: {
    group: 'endpoints',
    meaning: 'The provider’s terms of service.',
    spec: dSpec,
  },
  // … and the authentication methods of RFC 8414 §2 for revocation and introspection.
  revocation_endpoint_auth_methods_supported: {
    group: 'flows & capabilities',
    meaning: 'How a client authenticates at the revocation endpoint.',
    guide: 'refreshTokens',
    spec: spec.rfc8414,
  },
  revocation_endpoint_auth_signing_alg_values_supported: {
    group: 'signing & keys',
    meaning: 'Algorithms for JWT client authentication at the revocation endpoint.',
    spec: spec.rfc8414,
  },
  introspection_endpoint_auth_methods_supported: {
    group: 'flows & capabilities',
    meaning: 'How a client (or API) authenticates at the introspection endpoint.',
    spec: spec.rfc8414,
  },
  introspection_endpoint_auth_signing_alg_values_supported: {
    group: 'signing & keys',
    meaning: 'Algorithms for JWT client authentication at the introspection endpoint.',
    spec: spec.rfc8414,
  },
  custom_logout_endpoint: {
    group: 'TelenorID+ extras',
    meaning: 'TelenorID+’s own logout for native apps without a browser: POST JSON {id_token_hint, state}.',
    guide: 'logout',
    spec: rpLogout,
  },
};

const requiredArrays = [
  'response_types_supported',
  'subject_types_supported',
  'id_token_signing_alg_values_supported',
] as const;
const recommended = ['userinfo_endpoint', 'scopes_supported', 'claims_supported'] as const;
const urlFields = [
  'authorization_endpoint',
  'token_endpoint',
  'userinfo_endpoint',
  'jwks_uri',
  'registration_endpoint',
  'end_session_endpoint',
  'revocation_endpoint',
  'introspection_endpoint',
  'device_authorization_endpoint',
  'backchannel_authentication_endpoint',
  'pushed_authorization_request_endpoint',
  'check_session_iframe',
  'custom_logout_endpoint',
  'service_documentation',
  'op_policy_uri',
  'op_tos_uri',
] as const;
const booleanFields = [
  'claims_parameter_supported',
  'request_parameter_supported',
  'request_uri_parameter_supported',
  'require_request_uri_registration',
  'frontchannel_logout_supported',
  'frontchannel_logout_session_supported',
  'backchannel_logout_supported',
  'backchannel_logout_session_supported',
  'authorization_response_iss_parameter_supported',
  'require_pushed_authorization_requests',
  'backchannel_user_code_parameter_supported',
] as const;
/** Arrays checked element-wise; the rest of `*_supported` are found by suffix. */
const maxCheckedElements = 1000;

function own(doc: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(doc, key) ? (doc as Record<string, unknown>)[key] : undefined;
}
function has(doc: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(doc, key);
}
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
/** Show an untrusted value in a message: short, never a live object. */
function show(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 120 ? value.slice(0, 117) + '…' : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return typeName(value);
}
function guideOf(field: string): GuideTopic | undefined {
  return has(discoveryFields, field) ? discoveryFields[field]?.guide : undefined;
}

/** The URL a client fetches for an issuer: a trailing slash is removed before appending the well-known path. */
export function discoveryUrlFor(issuer: string): string {
  return issuer.trim().replace(/\/+$/, '') + '/.well-known/openid-configuration';
}

function checkUrl(field: string, value: unknown, out: DiscoveryFinding[]): void {
  const fieldSpec = has(discoveryFields, field) ? (discoveryFields[field]?.spec ?? dSpec) : dSpec;
  const guide = guideOf(field);
  if (typeof value !== 'string') {
    out.push({
      code: 'wrong_type',
      severity: 'error',
      field,
      message: `${field} is ${typeName(value)}, not a URL string.`,
      whyItMatters: 'A client library reads it as a URL and will refuse the whole document.',
      spec: fieldSpec,
      ...(guide ? { guide } : {}),
    });
    return;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    out.push({
      code: 'invalid_url',
      severity: 'error',
      field,
      message: `${field} is not an absolute URL: ${show(value)}.`,
      whyItMatters: 'Endpoints must be absolute https URLs; a client cannot call this one.',
      spec: fieldSpec,
      ...(guide ? { guide } : {}),
    });
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    out.push({
      code: 'dangerous_url',
      severity: 'error',
      field,
      message: `${field} uses the ${url.protocol} scheme.`,
      whyItMatters:
        'Only https URLs can be endpoints; javascript:, data: and similar URLs could run code if a page made them clickable. The portal shows them as text only.',
      spec: fieldSpec,
      ...(guide ? { guide } : {}),
    });
    return;
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    out.push({
      code: 'insecure_url',
      severity: 'error',
      field,
      message: `${field} is plain http on a non-loopback host.`,
      whyItMatters: 'Codes, tokens and secrets would cross the network unencrypted.',
      spec: spec.rfc9700,
      ...(guide ? { guide } : {}),
    });
  }
  if (url.hash !== '' || value.includes('#')) {
    out.push({
      code: 'url_has_fragment',
      severity: 'warning',
      field,
      message: `${field} contains a fragment (#…).`,
      whyItMatters: 'Endpoint URLs must not have fragments; parameters appended after one are lost.',
      spec: spec.rfc8414,
      ...(guide ? { guide } : {}),
    });
  }
}

function checkStringArray(
  field: string,
  value: unknown,
  severity: FindingSeverity,
  out: DiscoveryFinding[],
): string[] | undefined {
  const guide = guideOf(field);
  const fieldSpec = has(discoveryFields, field) ? (discoveryFields[field]?.spec ?? dSpec) : dSpec;
  if (!Array.isArray(value)) {
    out.push({
      code: 'wrong_type',
      severity,
      field,
      message: `${field} is ${typeName(value)}, not an array of strings.`,
      whyItMatters: 'Client libraries expect a JSON array here and may refuse the document.',
      spec: fieldSpec,
      ...(guide ? { guide } : {}),
    });
    return undefined;
  }
  const strings: string[] = [];
  const limit = Math.min(value.length, maxCheckedElements);
  let bad = 0;
  let firstBad: unknown;
  for (let i = 0; i < limit; i++) {
    const el: unknown = value[i];
    if (typeof el === 'string') strings.push(el);
    else if (bad++ === 0) firstBad = el;
  }
  if (bad > 0) {
    out.push({
      code: 'not_string_element',
      severity,
      field,
      message: `${field} has ${bad} element(s) that are not strings (first: ${show(firstBad)}).`,
      whyItMatters: 'Every value must be a string; libraries may ignore or reject the field.',
      spec: fieldSpec,
      ...(guide ? { guide } : {}),
    });
  }
  if (value.length > maxCheckedElements) {
    out.push({
      code: 'too_many_elements',
      severity: 'warning',
      field,
      message: `${field} has ${value.length} elements; only the first ${maxCheckedElements} were checked.`,
      whyItMatters: 'A real provider lists a handful of values; this looks like a wrong document.',
      spec: fieldSpec,
    });
  }
  return strings;
}

function checkIssuer(value: unknown, requestedIssuer: string, out: DiscoveryFinding[]): void {
  const why =
    'A client compares the iss of every token with this value; any difference makes every login fail.';
  if (typeof value !== 'string') {
    out.push({
      code: 'wrong_type',
      severity: 'error',
      field: 'issuer',
      message: `issuer is ${typeName(value)}, not a string.`,
      whyItMatters: why,
      spec: spec.discoveryIssuer,
      guide: 'discovery',
    });
    return;
  }
  // The one issuer rule every flow applies (issuer.ts); the explorer reports it as a finding.
  const requested = requestedIssuer.trim();
  const comparison = compareIssuer(value, requested);
  if (comparison === 'template') {
    out.push({
      code: 'issuer_template',
      severity: 'error',
      field: 'issuer',
      message: `issuer is a template (${show(value)}), not a URL.`,
      whyItMatters:
        'Multi-tenant endpoints (Microsoft Entra ID’s /common or /organizations) publish {tenantid} as a placeholder: each token carries its own tenant’s issuer, so a strict OpenID client cannot match it. Use the tenant-specific issuer (…/<tenant-id>/v2.0) instead.',
      spec: spec.discoveryIssuer,
      guide: 'discovery',
    });
  } else if (comparison !== 'match') {
    const trailing = comparison === 'trailing_slash';
    out.push(
      trailing
        ? {
            code: 'issuer_trailing_slash',
            severity: 'error',
            field: 'issuer',
            message: `issuer is ${show(value)} but you asked for ${show(requested)}: they differ only by a trailing slash.`,
            whyItMatters:
              'Issuers are compared as exact strings, so a trailing slash counts. Configure your client with exactly the issuer the document states; tokens will carry that value in iss.',
            spec: spec.discoveryIssuer,
            guide: 'discovery',
          }
        : {
            code: 'issuer_mismatch',
            severity: 'error',
            field: 'issuer',
            message: `issuer is ${show(value)} but the document was fetched for ${show(requested)}.`,
            whyItMatters:
              'The issuer must be identical to the URL the document was fetched from (mix-up attack defence); clients must reject it, and the portal’s tools refuse to log in with it.',
            spec: spec.discoveryIssuer,
            guide: 'issuerMatch',
          },
    );
  }
  checkUrl('issuer', value.replace(/\{[^}]*\}/g, 'x'), out);
  try {
    const url = new URL(value);
    if (url.search !== '') {
      out.push({
        code: 'invalid_url',
        severity: 'error',
        field: 'issuer',
        message: 'issuer has a query component.',
        whyItMatters: 'An issuer is an https URL with no query or fragment.',
        spec: spec.discoveryIssuer,
        guide: 'discovery',
      });
    }
  } catch {
    // reported by checkUrl
  }
}

function validateObject(doc: object, requestedIssuer: string): DiscoveryFinding[] {
  const out: DiscoveryFinding[] = [];
  const missing = (field: string, severity: FindingSeverity, whyItMatters: string) =>
    out.push({
      code: severity === 'error' ? 'missing_required' : 'missing_recommended',
      severity,
      field,
      message: `${field} is missing.`,
      whyItMatters,
      spec: has(discoveryFields, field) ? (discoveryFields[field]?.spec ?? dSpec) : dSpec,
      ...(guideOf(field) ? { guide: guideOf(field) } : {}),
    });

  if (!has(doc, 'issuer'))
    missing('issuer', 'error', 'Without issuer a client cannot check who issued a token.');
  else checkIssuer(own(doc, 'issuer'), requestedIssuer, out);

  if (!has(doc, 'authorization_endpoint'))
    missing('authorization_endpoint', 'error', 'A client does not know where to send the user to log in.');
  if (!has(doc, 'jwks_uri'))
    missing('jwks_uri', 'error', 'Without keys nobody can verify a token’s signature.');

  const responseTypes = has(doc, 'response_types_supported')
    ? checkStringArray('response_types_supported', own(doc, 'response_types_supported'), 'error', out)
    : undefined;
  const implicitOnly =
    responseTypes !== undefined &&
    responseTypes.length > 0 &&
    responseTypes.every((t) => !t.split(' ').includes('code'));
  if (!has(doc, 'token_endpoint') && !implicitOnly)
    missing('token_endpoint', 'error', 'A code cannot be exchanged for tokens without it.');

  for (const field of requiredArrays) {
    if (!has(doc, field)) {
      missing(field, 'error', 'The OpenID Connect Discovery specification requires it.');
      continue;
    }
    if (field === 'response_types_supported') continue;
    const values = checkStringArray(field, own(doc, field), 'error', out);
    if (field === 'id_token_signing_alg_values_supported' && values) {
      if (!values.includes('RS256'))
        out.push({
          code: 'rs256_missing',
          severity: 'error',
          field,
          message: 'RS256 is not listed.',
          whyItMatters:
            'OpenID Connect requires RS256 support; TelenorID+ signs every ID and access token with RS256.',
          spec: dSpec,
          guide: 'idToken',
        });
      if (values.includes('none'))
        out.push({
          code: 'alg_none',
          severity: 'warning',
          field,
          message: 'none is listed: unsigned ID tokens.',
          whyItMatters: 'An unsigned ID token proves nothing; never accept alg none.',
          spec: spec.oidcCoreIdToken,
          guide: 'idToken',
        });
    }
  }
  if (responseTypes && responseTypes.length === 0 && Array.isArray(own(doc, 'response_types_supported')))
    out.push({
      code: 'empty_array',
      severity: 'error',
      field: 'response_types_supported',
      message: 'response_types_supported is empty.',
      whyItMatters: 'No flow can be used.',
      spec: dSpec,
      guide: 'authorize',
    });

  for (const field of recommended) {
    if (!has(doc, field))
      missing(
        field,
        'warning',
        field === 'userinfo_endpoint'
          ? 'Clients cannot fetch fresh user data.'
          : 'The specification recommends it so clients know what they can ask for.',
      );
  }
  if (!has(doc, 'registration_endpoint'))
    out.push({
      code: 'no_registration_endpoint',
      severity: 'info',
      field: 'registration_endpoint',
      message: 'No dynamic client registration.',
      whyItMatters:
        'Normal for TelenorID+: clients are registered by the TelenorID+ team, one per application and environment.',
      spec: dSpec,
      guide: 'clientTypes',
    });

  for (const field of urlFields) if (has(doc, field)) checkUrl(field, own(doc, field), out);

  for (const field of booleanFields) {
    if (has(doc, field) && typeof own(doc, field) !== 'boolean')
      out.push({
        code: 'wrong_type',
        severity: 'warning',
        field,
        message: `${field} is ${typeName(own(doc, field))}, not true or false.`,
        whyItMatters: 'Libraries read a boolean here; other values may be misread.',
        spec: has(discoveryFields, field) ? (discoveryFields[field]?.spec ?? dSpec) : dSpec,
      });
  }
  const arrays: Record<string, string[] | undefined> = {};
  for (const field of Object.keys(doc)) {
    if (!field.endsWith('_supported') || field === 'response_types_supported') continue;
    if ((requiredArrays as readonly string[]).includes(field)) continue;
    if ((booleanFields as readonly string[]).includes(field)) continue;
    arrays[field] = checkStringArray(field, own(doc, field), 'warning', out);
  }

  // TelenorID+-specific notes.
  if (responseTypes) {
    out.push(
      responseTypes.includes('code')
        ? {
            code: 'code_supported',
            severity: 'info',
            field: 'response_types_supported',
            message: 'code is supported.',
            whyItMatters:
              'TelenorID+ recommends the authorization code flow (with PKCE or a secret) for every client.',
            spec: dSpec,
            guide: 'authorize',
          }
        : {
            code: 'code_not_supported',
            severity: 'warning',
            field: 'response_types_supported',
            message: 'code is not listed.',
            whyItMatters:
              'The authorization code flow is the one TelenorID+ recommends; without it the portal’s flows cannot run.',
            spec: dSpec,
            guide: 'authorize',
          },
    );
  }
  if (has(doc, 'code_challenge_methods_supported')) {
    const methods = arrays['code_challenge_methods_supported'];
    if (methods?.includes('S256'))
      out.push({
        code: 'pkce_s256',
        severity: 'info',
        field: 'code_challenge_methods_supported',
        message: 'PKCE with S256 is supported.',
        whyItMatters:
          'Public clients (SPAs, apps) prove the code is theirs with PKCE S256, the only method TelenorID+ accepts.',
        spec: spec.rfc7636,
        guide: 'authorize',
      });
    if (methods?.includes('plain'))
      out.push({
        code: 'pkce_plain',
        severity: 'info',
        field: 'code_challenge_methods_supported',
        message: 'plain is listed too.',
        whyItMatters: 'plain sends the verifier in the clear; always use S256.',
        spec: spec.rfc7636,
        guide: 'authorize',
      });
  } else {
    out.push({
      code: 'pkce_not_advertised',
      severity: 'warning',
      field: 'code_challenge_methods_supported',
      message: 'code_challenge_methods_supported is missing.',
      whyItMatters: 'Clients cannot tell whether PKCE is supported; RFC 9700 asks every client to use it.',
      spec: spec.rfc8414,
      guide: 'authorize',
    });
  }
  const scopes = arrays['scopes_supported'];
  if (scopes) {
    if (!scopes.includes('openid'))
      out.push({
        code: 'openid_not_listed',
        severity: 'warning',
        field: 'scopes_supported',
        message: 'openid is not listed.',
        whyItMatters: 'An OpenID Provider must support the openid scope and should list it.',
        spec: dSpec,
        guide: 'scopes',
      });
    out.push(
      scopes.some((s) => s.startsWith('api:'))
        ? {
            code: 'api_scope_listed',
            severity: 'info',
            field: 'scopes_supported',
            message: 'Some api: scopes are listed.',
            whyItMatters: 'TelenorID+ never lists api: scopes here; another provider may.',
            spec: dSpec,
            guide: 'faqApiScopes',
          }
        : {
            code: 'api_scopes_not_listed',
            severity: 'info',
            field: 'scopes_supported',
            message: 'No api: scopes are listed — as expected.',
            whyItMatters:
              'TelenorID+ forwards api:<service> scopes to Apigee, so they never appear in discovery; request the ones your client is allowed.',
            spec: dSpec,
            guide: 'faqApiScopes',
          },
    );
  }
  if (has(doc, 'custom_logout_endpoint'))
    out.push({
      code: 'custom_logout_endpoint',
      severity: 'info',
      field: 'custom_logout_endpoint',
      message: 'custom_logout_endpoint is present: this looks like TelenorID+.',
      whyItMatters:
        'Native apps without a browser session log out with POST JSON {id_token_hint, state} here; browsers use end_session_endpoint.',
      spec: rpLogout,
      guide: 'logout',
    });
  return out;
}

/**
 * Validate a discovery document against OpenID Connect Discovery 1.0 §3/§4.3 and RFC 8414, plus
 * TelenorID+ conventions. Pure; never throws and never hangs on any input (arrays are checked up to
 * 1000 elements; own properties only, so `__proto__` and friends are data).
 * @param requestedIssuer the issuer the reader asked for (compared exactly with `issuer`).
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation
 */
export function validateDiscovery(document: unknown, requestedIssuer: string): DiscoveryFinding[] {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return [
      {
        code: 'not_object',
        severity: 'error',
        field: '',
        message: `The document is ${typeName(document)}, not a JSON object.`,
        whyItMatters: 'Provider metadata is a JSON object.',
        spec: dSpec,
        guide: 'discovery',
      },
    ];
  }
  try {
    return validateObject(document, typeof requestedIssuer === 'string' ? requestedIssuer : '');
  } catch {
    // Defence in depth: exotic objects (proxies, throwing getters) cannot come from JSON.parse.
    return [
      {
        code: 'unreadable',
        severity: 'error',
        field: '',
        message: 'The document could not be read.',
        whyItMatters: 'It is not plain JSON.',
        spec: dSpec,
      },
    ];
  }
}

/**
 * The explorer's verdict and one-sentence summary.
 */
export function verdictOf(findings: readonly DiscoveryFinding[]): { verdict: Verdict; summary: string } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (errors > 0)
    return {
      verdict: 'Invalid',
      summary: `${errors} error${errors === 1 ? '' : 's'}${warnings ? ` and ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}: an OpenID client would refuse or misuse this provider.`,
    };
  if (warnings > 0)
    return {
      verdict: 'Valid with warnings',
      summary: `Usable, with ${warnings} warning${warnings === 1 ? '' : 's'} worth reading.`,
    };
  return { verdict: 'Valid', summary: 'A valid OpenID Provider configuration.' };
}

const unreachableCodes = new Set(['timeout', 'aborted', 'network_error', 'http_error']);

/** Verdict for a fetch that did not produce a document. */
export function verdictOfFailure(f: OidcFailure): { verdict: Verdict; summary: string } {
  return {
    verdict: unreachableCodes.has(f.code) ? 'Unreachable' : 'Invalid',
    summary: f.explanation.meaning,
  };
}

/** The issuer URL itself was refused before any request (empty, not a URL, credentials, scheme). */
const issuerInputCodes = new Set([
  'invalid_url',
  'credentials_in_url',
  'unsupported_scheme',
  'insecure_http',
]);

/**
 * Whether a discovery failure is the typed issuer's fault (so the widget marks that field invalid
 * and ties the sentence to it), not the provider's or the network's.
 */
export function isIssuerInputFailure(code: string): boolean {
  return issuerInputCodes.has(code);
}

/**
 * Fetch and validate an issuer's discovery document. Never throws.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationRequest
 */
export async function fetchDiscovery(
  issuer: string,
  options: JsonFetchOptions = {},
): Promise<DiscoveryResult> {
  if (typeof issuer !== 'string' || issuer.trim() === '') {
    const f = failure('invalid_url').failure;
    return { ok: false, failure: f, ...verdictOfFailure(f) };
  }
  const url = discoveryUrlFor(issuer);
  const fetched = await fetchJsonObject(url, options);
  if (!fetched.ok) return { ok: false, url, failure: fetched.failure, ...verdictOfFailure(fetched.failure) };
  const findings = validateDiscovery(fetched.json, issuer);
  return { ok: true, url, document: fetched.json, findings, ...verdictOf(findings), curl: fetched.curl };
}

export type JwkSummary = {
  kid?: string;
  kty?: string;
  alg?: string;
  use?: string;
  /** Key size in bits: the RSA modulus length, or the EC/OKP curve size. */
  sizeBits?: number;
  crv?: string;
};

export type JwksFindingCode =
  | 'not_object'
  | 'no_keys'
  | 'keys_not_array'
  | 'key_not_object'
  | 'missing_kid'
  | 'duplicate_kid'
  | 'missing_kty'
  | 'private_key_material'
  | 'symmetric_key'
  | 'weak_rsa_key'
  | 'not_rs256'
  | 'no_rs256_key'
  | 'not_for_signing';

export type JwksFinding = {
  code: JwksFindingCode;
  severity: FindingSeverity;
  kid?: string;
  message: string;
  whyItMatters: string;
  spec: string;
};

export type JwksDescription = { keys: JwkSummary[]; findings: JwksFinding[] };

const privateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const curveBits: Record<string, number> = {
  'P-256': 256,
  'P-384': 384,
  'P-521': 521,
  secp256k1: 256,
  Ed25519: 256,
  Ed448: 456,
  X25519: 256,
  X448: 448,
};

/** Bit length of a base64url-encoded unsigned big-endian integer (an RSA modulus). */
function base64UrlIntegerBits(value: string): number | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(value) || value.length > 4096) return undefined;
  try {
    const binary = atob(
      value
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(value.length / 4) * 4, '='),
    );
    let i = 0;
    while (i < binary.length && binary.charCodeAt(i) === 0) i++;
    if (i === binary.length) return 0;
    return (binary.length - i - 1) * 8 + Math.floor(Math.log2(binary.charCodeAt(i))) + 1;
  } catch {
    return undefined;
  }
}

/**
 * Describe a JWKS: one summary per key, and findings. Pure; never throws.
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-5
 */
export function describeJwks(json: unknown): JwksDescription {
  const findings: JwksFinding[] = [];
  const keys: JwkSummary[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    findings.push({
      code: 'not_object',
      severity: 'error',
      message: 'The JWKS is not a JSON object.',
      whyItMatters: 'A JWK Set is an object with a keys array.',
      spec: spec.rfc7517,
    });
    return { keys, findings };
  }
  const rawKeys = own(json, 'keys');
  if (!Array.isArray(rawKeys)) {
    findings.push({
      code: rawKeys === undefined ? 'no_keys' : 'keys_not_array',
      severity: 'error',
      message: rawKeys === undefined ? 'The JWKS has no keys member.' : 'keys is not an array.',
      whyItMatters: 'Without keys no token signature can be verified.',
      spec: spec.rfc7517,
    });
    return { keys, findings };
  }
  if (rawKeys.length === 0)
    findings.push({
      code: 'no_keys',
      severity: 'error',
      message: 'The JWKS has no keys.',
      whyItMatters: 'Without keys no token signature can be verified.',
      spec: spec.rfc7517,
    });
  const seen = new Set<string>();
  for (const raw of rawKeys.slice(0, 100) as unknown[]) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      findings.push({
        code: 'key_not_object',
        severity: 'error',
        message: 'A key is not a JSON object.',
        whyItMatters: 'Each JWK is an object.',
        spec: spec.rfc7517,
      });
      continue;
    }
    const str = (k: string) => (typeof own(raw, k) === 'string' ? (own(raw, k) as string) : undefined);
    const summary: JwkSummary = {};
    const kid = str('kid');
    const kty = str('kty');
    const alg = str('alg');
    const use = str('use');
    const crv = str('crv');
    if (kid !== undefined) summary.kid = kid;
    if (kty !== undefined) summary.kty = kty;
    if (alg !== undefined) summary.alg = alg;
    if (use !== undefined) summary.use = use;
    if (crv !== undefined) summary.crv = crv;
    if (kty === 'RSA' && str('n') !== undefined) {
      const bits = base64UrlIntegerBits(str('n')!);
      if (bits !== undefined) summary.sizeBits = bits;
    } else if (crv !== undefined && Object.prototype.hasOwnProperty.call(curveBits, crv)) {
      summary.sizeBits = curveBits[crv];
    }
    keys.push(summary);
    const base = kid !== undefined ? { kid } : {};
    if (kid === undefined)
      findings.push({
        code: 'missing_kid',
        severity: rawKeys.length > 1 ? 'error' : 'warning',
        message: 'A key has no kid.',
        whyItMatters:
          'Clients pick the key by the token header’s kid; with several keys and no kid they cannot choose.',
        spec: spec.rfc7517,
      });
    else if (seen.has(kid))
      findings.push({
        code: 'duplicate_kid',
        severity: 'error',
        ...base,
        message: `kid ${show(kid)} appears more than once.`,
        whyItMatters: 'Clients cannot tell which key signed a token; verification may fail at random.',
        spec: spec.rfc7517,
      });
    else seen.add(kid);
    if (kty === undefined)
      findings.push({
        code: 'missing_kty',
        severity: 'error',
        ...base,
        message: 'A key has no kty.',
        whyItMatters: 'kty is required; the key cannot be used.',
        spec: spec.rfc7517,
      });
    const leaked = privateMembers.filter((m) => has(raw, m));
    if (kty === 'oct')
      findings.push({
        code: 'symmetric_key',
        severity: 'error',
        ...base,
        message: 'A symmetric (oct) key is published.',
        whyItMatters: 'Publishing a shared secret lets anyone forge tokens.',
        spec: spec.rfc7517,
      });
    else if (leaked.length > 0)
      findings.push({
        code: 'private_key_material',
        severity: 'error',
        ...base,
        message: `The key contains private members (${leaked.join(', ')}).`,
        whyItMatters:
          'Anyone can forge tokens with a published private key; the provider must rotate it now.',
        spec: spec.rfc7517,
      });
    if (kty === 'RSA' && summary.sizeBits !== undefined && summary.sizeBits < 2048)
      findings.push({
        code: 'weak_rsa_key',
        severity: 'error',
        ...base,
        message: `RSA key of ${summary.sizeBits} bits.`,
        whyItMatters: 'RSA keys must be at least 2048 bits.',
        spec: 'https://www.rfc-editor.org/rfc/rfc7518#section-3.3',
      });
    if (alg !== undefined && alg !== signingAlgorithm)
      findings.push({
        code: 'not_rs256',
        severity: 'info',
        ...base,
        message: `Key for ${alg}.`,
        whyItMatters: 'TelenorID+ signs tokens with RS256 only; other keys will not verify its tokens.',
        spec: spec.rfc7517,
      });
    if (use !== undefined && use !== 'sig')
      findings.push({
        code: 'not_for_signing',
        severity: 'info',
        ...base,
        message: `Key use is ${show(use)}.`,
        whyItMatters: 'Only use "sig" keys verify token signatures.',
        spec: spec.rfc7517,
      });
  }
  if (keys.length > 0 && !keys.some((k) => k.kty === 'RSA' && (k.alg === undefined || k.alg === 'RS256')))
    findings.push({
      code: 'no_rs256_key',
      severity: 'warning',
      message: 'No RSA key usable for RS256.',
      whyItMatters: 'TelenorID+ tokens are RS256; they cannot be verified with these keys.',
      spec: spec.rfc7517,
    });
  return { keys, findings };
}

export type JwksResult =
  | ({ ok: true; url: string; jwks: Record<string, unknown>; curl: string } & JwksDescription)
  | { ok: false; url: string; failure: OidcFailure };

/**
 * Fetch a JWKS (`jwks_uri`) with the same safety rules as discovery, and describe it.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 */
export async function fetchJwks(uri: string, options: JsonFetchOptions = {}): Promise<JwksResult> {
  const fetched = await fetchJsonObject(uri, options);
  if (!fetched.ok) return { ok: false, url: uri, failure: fetched.failure };
  return { ok: true, url: uri, jwks: fetched.json, curl: fetched.curl, ...describeJwks(fetched.json) };
}

export type ProviderDiscovery =
  { ok: true; document: DiscoveryDocument; curl: string } | { ok: false; failure: OidcFailure };

/**
 * Discovery for a flow: fetch the document, then apply `checkProviderMetadata` (issuer.ts). Never throws.
 * The explorer uses `fetchDiscovery` instead, to show a document even when a client must refuse it.
 */
export async function discoverProvider(
  issuer: string,
  options: JsonFetchOptions = {},
): Promise<ProviderDiscovery> {
  const result = await fetchDiscovery(issuer, options);
  if (!result.ok) return { ok: false, failure: result.failure };
  const check = checkProviderMetadata(result.document, issuer);
  if (!check.ok) return { ok: false, failure: { ...check.failure, curl: result.curl } };
  return { ok: true, document: result.document, curl: result.curl };
}
