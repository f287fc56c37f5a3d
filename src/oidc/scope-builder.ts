/**
 * The scope builder's logic: the choices it offers (from the catalogue), the checks on what a
 * reader types, the share link (non-secret selection only), and the code flow run after the
 * redirect comes back — exchange, signature check against the JWKS, /userinfo, and which claim
 * came from which scope. Framework-free; the widget renders what these return.
 */
import {
  acrValues,
  apiScope,
  clientTypes,
  findClientType,
  identityScopes,
  refreshPolicies,
  responseModes,
  responseTypes,
  type ClaimLocation,
  type ClientTypeName,
} from './catalogue';
import { validateRedirectUri } from './authorize';
import type { AuthorizationSecrets } from './authorize';
import type { ClientSettings } from './client';
import type { EnvironmentId } from './environments';
import { buildShareLink, readShareLink } from './share-link';
import type { Result } from './failures';
import type { ClaimOrigin } from './jwt';
import { maxScopes, maxScopeStringLength, parseScopeString, scopeTokenProblem } from './scopes';
import { exchangeCode, fetchUserinfo, verifyTokenSet, type TokenView, type VerifiedTokens } from './tokens';

// ---------------------------------------------------------------------------------------------
// Scopes

/** What to tell the reader about the ial scopes (facts §4, §13). */
export const ialAdvice =
  'Ask for one ial scope: the lowest level your service can work with. TelenorID+ returns the user’s highest level in the ial claim anyway, so asking high only turns away users who have not reached it.';

export const apiScopeExplanation =
  'An api: scope names a Telenor API on Apigee. TelenorID+ does not define these scopes: it passes every scope starting with api: to Apigee, which decides. That is why discovery (scopes_supported) never lists them.';

export type ScopeInputCheck = { ok: true; scope: string; note?: string } | { ok: false; reason: string };

/**
 * Check an API scope typed by the reader: `api:<service>` or just the service name.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function checkApiScopeInput(input: string): ScopeInputCheck {
  const trimmed = typeof input === 'string' ? input.trim() : '';
  if (trimmed === '' || trimmed === apiScope.prefix)
    return {
      ok: false,
      reason: `An API scope needs the Apigee service after api:, for example ${apiScope.examples[0]}.`,
    };
  const scope = trimmed.startsWith(apiScope.prefix) ? trimmed : apiScope.prefix + trimmed;
  const problem = scopeTokenProblem(scope);
  if (problem) return { ok: false, reason: problem };
  const service = scope.slice(apiScope.prefix.length);
  if (!apiScope.servicePattern.test(service))
    return {
      ok: false,
      reason: `“${service}” is not an Apigee service name: use letters, digits, dots, hyphens and underscores, starting with a letter or digit (for example ${apiScope.examples[0]}).`,
    };
  return { ok: true, scope };
}

/**
 * Check an extra scope typed freely: RFC 6749 syntax, then what TelenorID+ (and the selected
 * environment's `scopes_supported`) would make of it.
 */
export function checkExtraScopeInput(
  input: string,
  options: { scopesSupported?: readonly unknown[] } = {},
): ScopeInputCheck {
  const scope = typeof input === 'string' ? input.trim() : '';
  const problem = scopeTokenProblem(scope);
  if (problem) return { ok: false, reason: problem };
  if (scope.startsWith(apiScope.prefix)) return checkApiScopeInput(scope);
  if (identityScopes.some((s) => s.name === scope))
    return { ok: true, scope, note: `${scope} is one of the identity scopes above; it was ticked there.` };
  const supported = Array.isArray(options.scopesSupported)
    ? options.scopesSupported.filter((s): s is string => typeof s === 'string')
    : undefined;
  if (supported && !supported.includes(scope))
    return {
      ok: true,
      scope,
      note: `${scope} is not in this environment’s scopes_supported: expect invalid_scope unless it is registered for your client.`,
    };
  return { ok: true, scope };
}

/** What `offline_access` gives a client type, under its refresh policy (facts §7, §15). */
export function offlineAccessOutcome(type: ClientTypeName): { refreshToken: boolean; sentence: string } {
  const clientType = findClientType(type) ?? clientTypes[0]!;
  const policy = refreshPolicies[clientType.refreshPolicy];
  if (policy.lifetimeSeconds === undefined)
    return {
      refreshToken: false,
      sentence: `A ${clientType.name} client gets no refresh token, even with offline_access (refresh policy ${policy.name}). A single-page app cannot keep a long-lived token safe in the browser, so TelenorID+ gives it none: check the SSO session with prompt=none instead, or use the PublicWithRefresh type.`,
    };
  const days = policy.lifetimeSeconds / 86_400;
  const lifetime = days >= 1 ? `${days} days` : `${policy.lifetimeSeconds / 60} minutes`;
  return {
    refreshToken: true,
    sentence: `A ${clientType.name} client gets a refresh token with offline_access: policy ${policy.name}, ${lifetime}, ${policy.sliding ? 'sliding (each refresh gives a new one with the full lifetime)' : 'fixed (it ends that long after login, however often it is used)'}.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Request parameters

export type Choice = { value: string; label: string; explanation: string; runnable: boolean };

/** response_type values: only `code` is allowed in the builder's run (facts §10). */
export const responseTypeChoices: Choice[] = responseTypes.map((t) => ({
  value: t.value,
  label: t.value,
  explanation:
    t.advice === 'use'
      ? `Returns ${t.returns}: the authorization code flow, recommended by TelenorID+ for every client.`
      : `Returns ${t.returns} on the redirect. Not recommended at TelenorID+: tokens in the browser’s address bar leak, and the allowed flows use code only. Shown for completeness; Run refuses it.`,
  runnable: t.advice === 'use',
}));

export const responseModeChoices: Choice[] = [
  {
    value: '',
    label: '(default: query)',
    explanation: 'Not sent: the code comes back in the query string.',
    runnable: true,
  },
  ...responseModes.map((m) => ({
    value: m,
    label: m,
    explanation:
      m === 'query'
        ? 'The code comes back in the query string of the redirect_uri.'
        : 'The code comes back in an HTML form POSTed to the redirect_uri — for a server. This static portal cannot receive a POST, so Run refuses it.',
    runnable: m === 'query',
  })),
];

export const promptChoices: Choice[] = [
  {
    value: '',
    label: '(none sent)',
    explanation: 'TelenorID+ reuses the SSO session if there is one, else shows the login.',
    runnable: true,
  },
  {
    value: 'none',
    label: 'none',
    explanation:
      'Silent: no UI. A code if the user has an SSO session, else login_required (or consent_required).',
    runnable: true,
  },
  {
    value: 'login',
    label: 'login',
    explanation: 'Always ask the user to log in again, ignoring the SSO session.',
    runnable: true,
  },
];

export const acrValueChoices: Choice[] = [
  { value: '', label: '(none sent)', explanation: 'TelenorID+ picks the login.', runnable: true },
  ...acrValues.map((a) => ({
    value: a.value,
    label: a.kind === 'aal' ? `${a.label} — ${a.value}` : `${a.label} — ${a.value}`,
    explanation:
      a.kind === 'aal'
        ? `Ask for authenticator assurance level ${a.label.slice(3)} (the guide does not say whether a higher level also satisfies it).`
        : `Send the user straight to ${a.label}.`,
    runnable: true,
  })),
];

/** Longest value the builder accepts in one text field (a whole URL stays under ~8 KB). */
export const maxParameterLength = 512;
/** Above this an authorization URL risks being cut by browsers, proxies or servers. */
export const maxAuthorizationUrlLength = 8000;

export type RequestValues = {
  clientId: string;
  redirectUri: string;
  uiLocales: string;
  loginHint: string;
  state: string;
  nonce: string;
};

export type FieldProblem = { field: keyof RequestValues; message: string };

/** Check what the reader typed into the request's text fields; each problem is a sentence. */
export function checkRequestValues(values: RequestValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const tooLong = (field: keyof RequestValues, label: string) => {
    const v = values[field];
    if (v.length > maxParameterLength) {
      problems.push({
        field,
        message: `${label} is ${v.length} characters long; the builder accepts at most ${maxParameterLength}, as a longer value would make the URL too long to be reliable.`,
      });
      return true;
    }
    return false;
  };
  if (values.clientId.trim() === '') problems.push({ field: 'clientId', message: 'Type your client_id.' });
  else if (!tooLong('clientId', 'The client_id') && !/^[\x21-\x7E]+$/.test(values.clientId))
    problems.push({
      field: 'clientId',
      message: 'A client_id is printable ASCII without spaces; check for a pasted space or line break.',
    });
  if (values.redirectUri.trim() === '')
    problems.push({ field: 'redirectUri', message: 'Type the redirect_uri registered for your client.' });
  else if (!tooLong('redirectUri', 'The redirect_uri')) {
    const check = validateRedirectUri(values.redirectUri);
    if (!check.ok) problems.push({ field: 'redirectUri', message: check.reason });
    else if (check.url.search !== '')
      problems.push({
        field: 'redirectUri',
        message: 'Use a redirect_uri without a query (?…): the token request repeats it without one.',
      });
  }
  if (!tooLong('uiLocales', 'ui_locales') && values.uiLocales.trim() !== '') {
    const bad = values.uiLocales
      .trim()
      .split(/\s+/)
      .find((tag) => !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag));
    if (bad !== undefined)
      problems.push({
        field: 'uiLocales',
        message: `“${bad}” is not a language tag: use tags like no, nb, en or en-GB, separated by spaces.`,
      });
  }
  tooLong('loginHint', 'The login_hint');
  for (const [field, label] of [
    ['state', 'The state'],
    ['nonce', 'The nonce'],
  ] as const) {
    if (values[field] === '')
      problems.push({
        field,
        message: `${label} is empty: regenerate it, the answer cannot be checked without it.`,
      });
    else if (!tooLong(field, label) && !/^[\x21-\x7E]+$/.test(values[field]))
      problems.push({ field, message: `${label} must be printable ASCII without spaces.` });
  }
  return problems;
}

/** A warning for an authorization URL that is too long to travel safely, if it is. */
export function authorizationUrlWarning(url: string): string | undefined {
  return url.length > maxAuthorizationUrlLength
    ? `The authorization URL is ${url.length} characters long; above about ${maxAuthorizationUrlLength} browsers, proxies or TelenorID+ may cut or refuse it. Ask for fewer scopes.`
    : undefined;
}

/**
 * Why Run cannot perform this request from the portal, or undefined when it can. The portal
 * receives the answer only at its own callback page, in the query, for a code.
 */
export function runProblem(request: {
  responseType: string;
  responseMode: string;
  redirectUri: string;
  callbackUrl: string;
}): string | undefined {
  if (request.responseType !== 'code')
    return `Run performs the code flow only: response_type=${request.responseType} is not allowed or recommended at TelenorID+. Choose code.`;
  if (request.responseMode !== '' && request.responseMode !== 'query')
    return `Run needs response_mode=query: the portal is a static site and cannot receive ${request.responseMode}.`;
  if (request.redirectUri !== request.callbackUrl)
    return `Run needs the portal’s callback as redirect_uri (${request.callbackUrl}); with another one the browser would land somewhere the portal cannot read. Copy the URL to use it in your own app.`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Share link: the non-secret selection only

export type ScopeBuilderSelection = {
  env?: EnvironmentId;
  /** The custom issuer, when env is custom. */
  issuer?: string;
  scopes: string[];
  clientType?: ClientTypeName;
  clientId?: string;
  redirectUri?: string;
  responseType?: string;
  responseMode?: string;
  prompt?: string;
  uiLocales?: string;
  loginHint?: string;
  acrValues?: string;
};

/** Query names of the share link. Never state, nonce, code_challenge, a verifier, a code or a token. */
const shareKeys = {
  scopes: 'scope',
  clientType: 'client_type',
  clientId: 'client_id',
  redirectUri: 'redirect_uri',
  responseType: 'response_type',
  responseMode: 'response_mode',
  prompt: 'prompt',
  uiLocales: 'ui_locales',
  loginHint: 'login_hint',
  acrValues: 'acr_values',
} as const;

/** The page's URL with the selection in its query, and nothing else of the page's state. */
export function shareSelectionUrl(pageUrl: string, selection: ScopeBuilderSelection): string {
  return buildShareLink(pageUrl, [
    ['env', selection.env],
    ['issuer', selection.env === 'custom' ? selection.issuer : undefined],
    [shareKeys.scopes, selection.scopes.join(' ') || ' '],
    ...(Object.keys(shareKeys) as (keyof typeof shareKeys)[])
      .filter((key) => key !== 'scopes')
      .map((key) => [shareKeys[key], selection[key]] as const),
  ]);
}

export type SharedSelection = { selection: Partial<ScopeBuilderSelection>; problems: string[] };

function values(choices: readonly Choice[]): string[] {
  return choices.map((c) => c.value);
}

/**
 * Read a share link's query, trusting nothing: every value is checked as if typed, anything odd
 * is left out with a sentence saying so. Never throws.
 */
export function parseSharedSelection(search: string): SharedSelection {
  const link = readShareLink(search, { who: 'the builder' });
  const selection: Partial<ScopeBuilderSelection> = {};
  const problems = link.problems;

  const env = link.env();
  if (env) selection.env = env;

  const scopeText = link.get(shareKeys.scopes);
  if (scopeText !== undefined) {
    const tokens = parseScopeString(scopeText);
    const kept: string[] = [];
    let dropped = 0;
    for (const token of tokens) {
      if (kept.length >= maxScopes) {
        dropped += 1;
        continue;
      }
      const problem = scopeTokenProblem(token);
      if (problem) {
        problems.push(`The link’s scope “${token.slice(0, 40)}” was left out: ${problem}`);
        continue;
      }
      if (!kept.includes(token)) kept.push(token);
    }
    if (dropped > 0)
      problems.push(`The link asks for ${tokens.length} scopes; only the first ${maxScopes} were kept.`);
    if (kept.join(' ').length > maxScopeStringLength)
      problems.push('The link’s scope string is very long; the authorize URL may be cut.');
    selection.scopes = kept;
  }

  const clientType = link.get(shareKeys.clientType);
  if (clientType !== undefined) {
    if (findClientType(clientType)) selection.clientType = clientType as ClientTypeName;
    else
      problems.push(
        `The link’s client type “${clientType.slice(0, 40)}” is not a TelenorID+ client type; it was left out.`,
      );
  }

  const text = (key: 'clientId' | 'uiLocales' | 'loginHint', label: string) => {
    const v = link.text(shareKeys[key], maxParameterLength, label);
    if (v !== undefined) selection[key] = v;
  };
  text('clientId', 'client_id');
  text('uiLocales', 'ui_locales');
  text('loginHint', 'login_hint');

  const redirectUri = link.get(shareKeys.redirectUri);
  if (redirectUri !== undefined) {
    const check = validateRedirectUri(redirectUri);
    if (check.ok && redirectUri.length <= maxParameterLength) selection.redirectUri = redirectUri;
    else
      problems.push(`The link’s redirect_uri was left out: ${check.ok ? 'it is too long.' : check.reason}`);
  }

  const choice = (
    key: 'responseType' | 'responseMode' | 'prompt' | 'acrValues',
    choices: readonly Choice[],
    label: string,
  ) => {
    const v = link.oneOf(shareKeys[key], values(choices), label);
    if (v !== undefined) selection[key] = v;
  };
  choice('responseType', responseTypeChoices, 'response_type');
  choice('responseMode', responseModeChoices, 'response_mode');
  choice('prompt', promptChoices, 'prompt');
  choice('acrValues', acrValueChoices, 'acr_values');

  return { selection, problems };
}

// ---------------------------------------------------------------------------------------------
// Run: after the redirect comes back

export type ReceivedClaim = ClaimOrigin & { location: ClaimLocation };

export type CodeFlowRun = {
  view: TokenView;
  /** The token request as curl, secrets redacted. */
  curl: string;
  verification: Result<{ verified: VerifiedTokens }>;
  userinfo?: Result<{ claims: Record<string, unknown>; origins: ClaimOrigin[]; curl: string }>;
  /** Every claim received, where, and from which scope (or protocol). */
  received: ReceivedClaim[];
  /** Claims the catalogue promises for the granted scopes at a place, which did not arrive there. */
  missing: { claim: string; scope: string; location: ClaimLocation }[];
  /** Sentences the reader must see beside “Done”: the login succeeded but is not what was asked (acr). */
  warnings: string[];
};

const aalUrn = /^urn:telenor\.identity\.aal\.([1-3])$/;

/**
 * The sentence when a login reached a lower assurance level than `acr_values` asked for, or
 * undefined. `acr_values` is a voluntary request (OpenID Connect Core §3.1.2.1, §5.5.1.1): the
 * provider may log the user in at a lower level and says so in `acr`, which the client must check.
 * Only AAL values are compared; an `idp:` value cannot be read back from `acr`.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#acrSemantics
 */
export function unmetAcrWarning(requested: string | undefined, acr: unknown): string | undefined {
  const asked = (requested ?? '')
    .split(' ')
    .map((v) => aalUrn.exec(v)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number);
  if (asked.length === 0) return undefined;
  const wanted = Math.min(...asked);
  const values = (Array.isArray(acr) ? acr : [acr]).filter((v): v is string => typeof v === 'string');
  const reached = values
    .map((v) => aalUrn.exec(v)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number);
  const got = reached.length ? Math.max(...reached) : undefined;
  if (got !== undefined && got >= wanted) return undefined;
  const shown = values.length ? values.join(', ') : 'no acr at all';
  return `acr_values asked for AAL${wanted} (urn:telenor.identity.aal.${wanted}), but the login reached ${got !== undefined ? `AAL${got}` : 'an unknown level'} (acr: ${shown}). acr_values is a request, not a guarantee: check acr in the ID token, and refuse or step up (for example with a BankID login) when it is too low.`;
}

/**
 * Finish a code flow the reader started: check state (and, through openid-client, iss and the ID
 * token's nonce), exchange the code with the PKCE verifier, verify the ID and access tokens'
 * signatures against the JWKS, call /userinfo, and mark each claim with the scope it came from.
 * The exchange's failure ends the run; a failed verification or /userinfo is reported beside the tokens.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#CodeFlowSteps
 */
export async function completeCodeFlow(
  settings: ClientSettings,
  callbackUrl: string,
  secrets: AuthorizationSecrets,
  requestedScopes: readonly string[],
  options: { acrValues?: string } = {},
): Promise<Result<{ run: CodeFlowRun }>> {
  const exchanged = await exchangeCode(settings, callbackUrl, secrets, { requestedScopes });
  if (!exchanged.ok) return exchanged;
  const { view } = exchanged;
  const verification = await verifyTokenSet(settings, view.tokens, { nonce: secrets.nonce });
  const userinfo =
    view.tokens.accessToken && view.grantedScopes.includes('openid')
      ? await fetchUserinfo(
          settings,
          view.tokens.accessToken,
          typeof view.idToken?.claims.sub === 'string' ? view.idToken.claims.sub : undefined,
          view.grantedScopes,
        )
      : undefined;
  const received: ReceivedClaim[] = [
    ...(view.idTokenClaims ?? []).map((c) => ({ ...c, location: 'id_token' as const })),
    ...(view.accessTokenClaims ?? []).map((c) => ({ ...c, location: 'access_token' as const })),
    ...(userinfo?.ok ? userinfo.origins.map((c) => ({ ...c, location: 'userinfo' as const })) : []),
  ];
  const missing: CodeFlowRun['missing'] = [];
  for (const scope of identityScopes) {
    if (!view.grantedScopes.includes(scope.name)) continue;
    for (const c of scope.claims)
      for (const location of c.arrives) {
        if (location === 'userinfo' && !userinfo?.ok) continue;
        if (location === 'access_token' && !view.accessToken) continue;
        if (location === 'id_token' && !view.idToken) continue;
        if (!received.some((r) => r.claim === c.claim && r.location === location))
          missing.push({ claim: c.claim, scope: scope.name, location });
      }
  }
  return {
    ok: true,
    run: {
      view,
      curl: exchanged.curl,
      verification,
      ...(userinfo ? { userinfo } : {}),
      received,
      missing,
      warnings: [unmetAcrWarning(options.acrValues, view.idToken?.claims.acr)].filter(
        (w): w is string => w !== undefined,
      ),
    },
  };
}

/** The steps of Run, and their one sentence on failure: now in failure-sentence.ts, for every widget. */
export { failureSentence as describeRunFailure, type RunStep } from './failure-sentence';
