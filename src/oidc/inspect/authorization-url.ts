/**
 * A pasted authorization URL: every parameter explained and checked against the TelenorID+ rules the
 * catalogue holds (PKCE S256, state, nonce, scopes, offline_access per client type, prompt, ui_locales,
 * acr_values, login_hint), and the scope builder link that opens the same request (never a secret).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.3
 */
import {
  acrValues,
  clientTypes,
  endpointPaths,
  identityScopes,
  prompts,
  responseModes,
  responseTypes,
  telenorIdPlusIssuers,
  apiScope,
  type ClientTypeName,
  type GuideTopic,
} from '../catalogue';
import { parameterInfo, validateRedirectUri } from '../authorize';
import { mockIssuer, type EnvironmentId } from '../environments';
import { offlineAccessOutcome, shareSelectionUrl, type ScopeBuilderSelection } from '../scope-builder';
import { scopeTokenProblem } from '../scopes';
import { shownValue } from './bounds';
import { describeFixtureClient, fixtureClient } from './claims';
import type { Finding } from './jwt';

export type InspectedParameter = {
  name: string;
  value: string;
  explanation: string;
  guide?: GuideTopic;
  findings: Finding[];
};

export type AuthorizationUrlInspection = {
  endpoint: string;
  /** Which environment's authorization endpoint this is, in words, if the portal knows it. */
  endpointNote?: string;
  environment?: EnvironmentId;
  parameters: InspectedParameter[];
  /** Findings about the request as a whole (missing parameters, secrets in the URL). */
  findings: Finding[];
  /** What the scope builder link carries, and what it leaves out. */
  selection: ScopeBuilderSelection;
  leftOut: string[];
};

/** Parameters that must never travel in an authorization URL: they are secrets or one-time credentials. */
const secretsInUrl = [
  'code_verifier',
  'client_secret',
  'code',
  'access_token',
  'id_token',
  'refresh_token',
  'password',
];

function endpointOf(url: URL, localIssuer?: string): { note?: string; environment?: EnvironmentId } {
  const origin = url.origin;
  const isAuthorizePath = url.pathname === endpointPaths.authorization_endpoint.path;
  if (origin === new URL(telenorIdPlusIssuers.staging).origin)
    return {
      note: `TelenorID+ staging${isAuthorizePath ? '' : ', but not its /connect/authorize path'}`,
      environment: 'staging',
    };
  if (origin === new URL(telenorIdPlusIssuers.production).origin)
    return {
      note: `TelenorID+ production${isAuthorizePath ? '' : ', but not its /connect/authorize path'}`,
      environment: 'production',
    };
  if (localIssuer && origin === new URL(localIssuer).origin)
    return { note: 'the local test tenant', environment: 'local' };
  if (url.pathname.endsWith('/mock/authorize'))
    return { note: 'the mock TelenorID+ (a page of this portal)', environment: 'mock' };
  if (origin === mockIssuer) return { note: 'the mock TelenorID+', environment: 'mock' };
  return { note: 'not an endpoint of TelenorID+ or of this portal' };
}

/** Distance between two short strings (for "did you mean"), bounded by the catalogue's short names. */
function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function closest(value: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const n of names) {
    const d = editDistance(value.toLowerCase(), n.toLowerCase());
    if (d < bestDistance) {
      best = n;
      bestDistance = d;
    }
  }
  return best;
}

const knownParameters = [
  ...Object.keys(parameterInfo),
  'claims',
  'max_age',
  'id_token_hint',
  'request',
  'request_uri',
];

function checkParameter(name: string, value: string, all: URLSearchParams): Finding[] {
  const f: Finding[] = [];
  const scopes = (all.get('scope') ?? '').split(' ').filter(Boolean);
  switch (name) {
    case 'redirect_uri': {
      if (/^\s*javascript:/i.test(value))
        f.push({
          severity: 'error',
          code: 'invalid_redirect_uri',
          message:
            'A javascript: redirect_uri would run code in the browser instead of going back to an app. No provider may accept it; the inspector shows it as text and never opens it.',
        });
      else {
        const check = validateRedirectUri(value);
        if (!check.ok) f.push({ severity: 'warning', code: 'invalid_redirect_uri', message: check.reason });
        else
          f.push({
            severity: 'info',
            message:
              'TelenorID+ compares it exactly with the URIs registered for the client: scheme, host, port, path, trailing slash. Paste the registered one on a second line to compare them.',
            code: 'invalid_redirect_uri',
          });
      }
      break;
    }
    case 'response_type': {
      const known = responseTypes.find(
        (t) => t.value === value.split(' ').sort().join(' ') || t.value === value,
      );
      if (!known)
        f.push({
          severity: 'error',
          code: 'unsupported_response_type',
          message: `response_type ${shownValue(value, 60)} is not one of the six OpenID Connect values.`,
        });
      else if (known.advice !== 'use')
        f.push({
          severity: 'warning',
          message: `response_type ${value} returns ${known.returns} in the browser’s address bar; TelenorID+ recommends code for every client.`,
        });
      break;
    }
    case 'response_mode':
      if (!(responseModes as readonly string[]).includes(value))
        f.push({
          severity: 'error',
          code: 'invalid_request',
          message: `response_mode ${shownValue(value, 40)} is not one TelenorID+ names (query, the default, or form_post).`,
        });
      break;
    case 'scope': {
      if (!scopes.includes('openid'))
        f.push({
          severity: 'warning',
          guide: 'scopes',
          message:
            'No openid scope: this is plain OAuth, no ID token comes back and /userinfo refuses the token.',
        });
      const names = identityScopes.map((s) => s.name);
      for (const scope of scopes.slice(0, 100)) {
        const problem = scopeTokenProblem(scope);
        if (problem) {
          f.push({ severity: 'error', code: 'invalid_scope', message: problem });
          continue;
        }
        if (names.includes(scope)) continue;
        if (scope.startsWith(apiScope.prefix)) {
          if (!apiScope.servicePattern.test(scope.slice(apiScope.prefix.length)))
            f.push({
              severity: 'error',
              code: 'invalid_scope',
              message: `${shownValue(scope, 60)} is not an api: scope: the Apigee service name has characters it cannot have.`,
            });
          continue;
        }
        const guess = closest(scope, names);
        f.push({
          severity: 'warning',
          code: 'invalid_scope',
          message: guess
            ? `${shownValue(scope, 60)} is not a TelenorID+ scope — did you mean ${guess}? Expect invalid_scope.`
            : `${shownValue(scope, 60)} is not a scope TelenorID+ names: expect invalid_scope unless the team registered it for your client.`,
        });
      }
      const levels = scopes.filter((s) => /^ial\d$/.test(s));
      if (levels.length > 1)
        f.push({
          severity: 'warning',
          guide: 'assurance',
          message: `Several ial scopes (${levels.join(', ')}): ask for one, the lowest your service can work with.`,
        });
      if (scopes.includes('offline_access')) {
        const client = fixtureClient(all.get('client_id'));
        const types: ClientTypeName[] = client ? [client.clientType] : clientTypes.map((t) => t.name);
        for (const t of types)
          f.push({ severity: 'info', guide: 'refreshTokens', message: offlineAccessOutcome(t).sentence });
      }
      break;
    }
    case 'code_challenge':
      if (!/^[A-Za-z0-9_-]{43}$/.test(value))
        f.push({
          severity: 'warning',
          code: 'invalid_request',
          message: `An S256 code_challenge is 43 base64url characters (BASE64URL of a SHA-256); this one is ${value.length} characters.`,
        });
      break;
    case 'code_challenge_method':
      if (value !== 'S256')
        f.push({
          severity: 'error',
          code: 'invalid_request',
          message:
            value === 'plain'
              ? 'code_challenge_method=plain sends the verifier itself in the URL, so PKCE protects nothing. TelenorID+ accepts S256 only.'
              : `code_challenge_method ${shownValue(value, 40)} is not S256, the only method TelenorID+ accepts.`,
        });
      break;
    case 'state':
      if (value.length < 16)
        f.push({
          severity: 'warning',
          message: `The state is ${value.length} characters: use a fresh random value of at least 128 bits per request, or it protects little against forged answers (CSRF).`,
        });
      break;
    case 'nonce':
      if (value.length < 16)
        f.push({
          severity: 'warning',
          message: `The nonce is ${value.length} characters: use a fresh random value per login, so a replayed ID token is caught.`,
        });
      break;
    case 'prompt': {
      const values = value.split(' ').filter(Boolean);
      for (const v of values)
        if (!(prompts as readonly string[]).includes(v))
          f.push({
            severity: 'warning',
            guide: 'authorize',
            message: `prompt=${shownValue(v, 40)} is not a value the guide allows (none or login).`,
          });
      if (values.includes('none') && values.length > 1)
        f.push({
          severity: 'error',
          code: 'invalid_request',
          message: 'prompt=none cannot be combined with another prompt value.',
        });
      if (values.includes('none'))
        f.push({
          severity: 'info',
          code: 'login_required',
          guide: 'checkSession',
          message:
            'A silent check: without an SSO session the answer is login_required (or consent_required, interaction_required).',
        });
      break;
    }
    case 'ui_locales': {
      const bad = value
        .split(' ')
        .filter(Boolean)
        .find((tag) => !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag));
      if (bad !== undefined)
        f.push({
          severity: 'warning',
          message: `${shownValue(bad, 40)} is not a language tag: use tags like no, nb, en, separated by spaces.`,
        });
      break;
    }
    case 'acr_values':
      for (const v of value.split(' ').filter(Boolean))
        if (!acrValues.some((a) => a.value === v))
          f.push({
            severity: 'warning',
            guide: 'assurance',
            message: `acr_values ${shownValue(v, 80)} is neither an AAL (urn:telenor.identity.aal.N) nor a provider (idp:…) the guide names.`,
          });
      break;
    case 'login_hint':
      if (!/^\+?[\d ]{8,15}$/.test(value))
        f.push({
          severity: 'info',
          message:
            'TelenorID+ uses login_hint to pre-fill the phone number (MSISDN); this does not look like one.',
        });
      break;
    case 'client_id': {
      const client = fixtureClient(value);
      if (client) f.push({ severity: 'info', message: `${value} is ${describeFixtureClient(client)}.` });
      break;
    }
    default:
      if (secretsInUrl.includes(name))
        f.push({
          severity: 'error',
          message: `${name} must never be in an authorization URL: it is a secret or a one-time credential, and URLs end up in browser history, logs and referrers. Treat it as leaked.`,
        });
      else if (!knownParameters.includes(name))
        f.push({
          severity: 'info',
          message: `${shownValue(name, 40)} is not a parameter TelenorID+ documents; it is probably ignored.`,
        });
  }
  return f;
}

/**
 * Explain and check an authorization URL. The URL must already be an http(s) URL (recognise() refuses
 * the rest). Pure; nothing is fetched or opened.
 */
export function inspectAuthorizationUrl(
  url: URL,
  options: { localIssuer?: string; scopeBuilderUrl?: string } = {},
): AuthorizationUrlInspection {
  const params = url.searchParams;
  const names = [...new Set([...params.keys()])].slice(0, 100);
  const findings: Finding[] = [];
  for (const name of names)
    if (params.getAll(name).length > 1)
      findings.push({
        severity: 'error',
        code: 'invalid_request',
        message: `${shownValue(name, 40)} appears ${params.getAll(name).length} times; each parameter may be sent once.`,
      });
  const required: [string, string][] = [
    ['client_id', 'Without client_id TelenorID+ cannot tell which client asks.'],
    ['redirect_uri', 'Without redirect_uri TelenorID+ does not know where to send the answer.'],
    ['scope', 'scope is required: send at least openid.'],
  ];
  for (const [name, message] of required)
    if (!params.has(name)) findings.push({ severity: 'error', code: 'invalid_request', message });
  if (!params.has('response_type'))
    findings.push({
      severity: 'warning',
      message: 'No response_type: send response_type=code, the flow TelenorID+ recommends for every client.',
    });
  if (!params.has('code_challenge'))
    findings.push({
      severity: 'error',
      code: 'invalid_request',
      guide: 'authorize',
      message:
        'No code_challenge: this request has no PKCE. TelenorID+ allows only the code flow with PKCE (S256) or with a client secret on a back end — and PKCE is recommended for every client.',
    });
  else if (!params.has('code_challenge_method'))
    findings.push({
      severity: 'error',
      code: 'invalid_request',
      message:
        'A code_challenge without code_challenge_method means plain (RFC 7636 §4.3): add code_challenge_method=S256, the only method TelenorID+ accepts.',
    });
  if (!params.has('state'))
    findings.push({
      severity: 'warning',
      guide: 'authorize',
      message:
        'No state: the client cannot tell its own answer from a forged one (CSRF). Send a fresh random state and check it on the way back.',
    });
  if (!params.has('nonce') && (params.get('scope') ?? '').split(' ').includes('openid'))
    findings.push({
      severity: 'warning',
      guide: 'idToken',
      message:
        'No nonce: the ID token cannot be tied to this login, so a replayed one would pass. Send a fresh random nonce.',
    });

  const parameters: InspectedParameter[] = names.map((name) => {
    const value = params.get(name) ?? '';
    const info = Object.prototype.hasOwnProperty.call(parameterInfo, name) ? parameterInfo[name] : undefined;
    return {
      name: shownValue(name, 80),
      value: shownValue(value, 1000),
      explanation:
        info?.explanation ??
        (secretsInUrl.includes(name)
          ? 'A secret: it does not belong here.'
          : 'Not a parameter TelenorID+ documents.'),
      ...(info?.guide ? { guide: info.guide } : {}),
      findings: checkParameter(name, value, params),
    };
  });

  const { note, environment } = endpointOf(url, options.localIssuer);
  // The scope builder link: the request's non-secret choices only, as the builder's share link has them.
  const client = fixtureClient(params.get('client_id'));
  const pick = (name: string) => {
    const v = params.get(name);
    return v !== null && v !== '' ? v : undefined;
  };
  const selection: ScopeBuilderSelection = {
    ...(environment && environment !== 'custom' ? { env: environment } : {}),
    scopes: (params.get('scope') ?? '').split(' ').filter(Boolean).slice(0, 100),
    ...(client ? { clientType: client.clientType } : {}),
    ...(pick('client_id') ? { clientId: pick('client_id')! } : {}),
    ...(pick('redirect_uri') && validateRedirectUri(pick('redirect_uri')!).ok
      ? { redirectUri: pick('redirect_uri')! }
      : {}),
    ...(pick('response_type') ? { responseType: pick('response_type')! } : {}),
    ...(pick('response_mode') ? { responseMode: pick('response_mode')! } : {}),
    ...(pick('prompt') ? { prompt: pick('prompt')! } : {}),
    ...(pick('ui_locales') ? { uiLocales: pick('ui_locales')! } : {}),
    ...(pick('login_hint') ? { loginHint: pick('login_hint')! } : {}),
    ...(pick('acr_values') ? { acrValues: pick('acr_values')! } : {}),
  };
  const carried = [
    'scope',
    'client_id',
    'redirect_uri',
    'response_type',
    'response_mode',
    'prompt',
    'ui_locales',
    'login_hint',
    'acr_values',
  ];
  const leftOut = names.filter(
    (n) => !carried.includes(n) || (n === 'redirect_uri' && selection.redirectUri === undefined),
  );
  return {
    endpoint: shownValue(`${url.origin}${url.pathname}`, 300),
    ...(note ? { endpointNote: note } : {}),
    ...(environment ? { environment } : {}),
    parameters,
    findings,
    selection,
    leftOut,
  };
}

/** The scope builder page's URL with the request's non-secret choices (its own share-link format). */
export function scopeBuilderLink(
  scopeBuilderPageUrl: string,
  inspection: AuthorizationUrlInspection,
): string {
  return shareSelectionUrl(scopeBuilderPageUrl, inspection.selection);
}
