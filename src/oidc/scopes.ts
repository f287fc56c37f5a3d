/**
 * Read a scope string the way TelenorID+ would, and say what each scope does, which claims it
 * yields and where they arrive, and what is wrong with the request.
 */
import {
  apiScope,
  cibaScopes,
  claims as claimCatalogue,
  findClientType,
  findIdentityScope,
  isAssumed,
  refreshPolicies,
  spec,
  type ClaimLocation,
  type ClientTypeName,
  type FactSource,
  type GuideTopic,
} from './catalogue';

export type ScopeClassification = 'identity' | 'api' | 'ciba' | 'unknown' | 'invalid';

export type ScopeClaimInfo = {
  claim: string;
  meaning: string;
  arrives: ClaimLocation[];
  /** Set when TelenorID+ does not document that the scope yields the claim: shown as assumed. */
  assumed?: FactSource;
};

export type AnalysedScope = {
  scope: string;
  classification: ScopeClassification;
  purpose?: string;
  claims: ScopeClaimInfo[];
  /** For `api:` scopes: the Apigee service name, when well-formed. */
  apiService?: string;
  guide?: GuideTopic;
};

export type ScopeWarningCode =
  | 'empty'
  | 'invalid_syntax'
  | 'missing_openid'
  | 'several_ial'
  | 'offline_access_without_refresh'
  | 'malformed_api_scope'
  | 'duplicate'
  | 'unknown_scope'
  | 'ciba_scope'
  | 'not_in_scopes_supported'
  | 'too_many'
  | 'too_long';

export type ScopeWarning = {
  code: ScopeWarningCode;
  severity: 'error' | 'warning' | 'info';
  /** The scope the warning is about, when it is about one. */
  scope?: string;
  message: string;
  guide?: GuideTopic;
  spec?: string;
};

export type ScopeAnalysis = {
  scopes: AnalysedScope[];
  warnings: ScopeWarning[];
  /** Every claim the scopes yield, once, with where it arrives. */
  claims: ScopeClaimInfo[];
  /** The scope string to send (deduplicated, order kept, only valid tokens). */
  scopeString: string;
};

/** More scopes than this is almost certainly a mistake (and makes URLs long). */
export const maxScopes = 100;
/** Longer scope strings risk URL limits of browsers and proxies (~8 KB for the whole URL). */
export const maxScopeStringLength = 2000;

/**
 * RFC 6749 §3.3 scope-token: one or more of %x21 / %x23-5B / %x5D-7E — printable ASCII except
 * space, `"` and `\`.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function isValidScopeToken(token: string): boolean {
  return /^[\x21\x23-\x5B\x5D-\x7E]+$/.test(token);
}

/**
 * Why one typed scope is not a valid RFC 6749 scope-token, in a sentence; undefined when it is.
 * Used for a single field (an API service, an extra scope), where a space is a mistake rather
 * than a separator.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function scopeTokenProblem(token: string): string | undefined {
  if (typeof token !== 'string' || token === '') return 'Type a scope first.';
  if (token.length > maxScopeTokenLength)
    return `This scope is ${token.length} characters long; a scope longer than ${maxScopeTokenLength} is almost certainly pasted by mistake.`;
  if (/\s/u.test(token))
    return 'A scope cannot contain spaces: the scope parameter uses spaces to separate scopes. Add each scope on its own.';
  if (token.includes('"')) return 'A scope cannot contain a double quote (") — RFC 6749 §3.3 leaves it out.';
  if (token.includes('\\')) return 'A scope cannot contain a backslash (\\) — RFC 6749 §3.3 leaves it out.';
  if ([...token].some((ch) => ch.charCodeAt(0) > 0x7f))
    return 'A scope can contain only ASCII characters; letters like æ, ø, å or emoji are not allowed (RFC 6749 §3.3).';
  if (!isValidScopeToken(token)) return 'A scope cannot contain control characters (RFC 6749 §3.3).';
  return undefined;
}

/** One scope longer than this is refused by the builder's fields (the whole string has its own limit). */
export const maxScopeTokenLength = 200;

/**
 * Split a scope string into tokens. Any run of whitespace separates (readers paste tabs and
 * newlines); RFC 6749 allows single spaces only, `buildScopeString` sends that. Never throws.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function parseScopeString(input: unknown): string[] {
  if (typeof input !== 'string') return [];
  return input.split(/\s+/u).filter((t) => t.length > 0);
}

/** Join scopes for the `scope` parameter: single spaces, duplicates and empties dropped, order kept. */
export function buildScopeString(scopes: readonly string[]): string {
  const seen = new Set<string>();
  for (const s of scopes) if (typeof s === 'string' && s.trim() !== '') seen.add(s.trim());
  return [...seen].join(' ');
}

function describeClaims(scope: string): ScopeClaimInfo[] {
  const known = findIdentityScope(scope);
  if (!known) return [];
  return known.claims.map((c) => ({
    claim: c.claim,
    meaning: Object.prototype.hasOwnProperty.call(claimCatalogue, c.claim)
      ? (claimCatalogue[c.claim]?.meaning ?? '')
      : '',
    arrives: [...c.arrives],
    ...(c.source && isAssumed(c.source) ? { assumed: c.source } : {}),
  }));
}

/** Classify one scope token against the catalogue. */
export function classifyScope(scope: string): AnalysedScope {
  if (!isValidScopeToken(scope)) return { scope, classification: 'invalid', claims: [] };
  const identity = findIdentityScope(scope);
  if (identity) {
    return {
      scope,
      classification: 'identity',
      purpose: identity.purpose,
      claims: describeClaims(scope),
      guide: identity.guide,
    };
  }
  if (scope.startsWith(apiScope.prefix)) {
    const service = scope.slice(apiScope.prefix.length);
    return {
      scope,
      classification: 'api',
      purpose: 'Access to a Telenor API on Apigee; the access token carries it to the API.',
      claims: [],
      ...(apiScope.servicePattern.test(service) ? { apiService: service } : {}),
      guide: apiScope.guide,
    };
  }
  if ((cibaScopes as readonly string[]).includes(scope)) {
    return {
      scope,
      classification: 'ciba',
      purpose: 'Chooses the CIBA variant (Vipps or BankID) for a CIBA client.',
      claims: [],
      guide: 'ciba',
    };
  }
  return { scope, classification: 'unknown', claims: [] };
}

export type AnalyseScopeOptions = {
  /** `scopes_supported` from the provider's discovery document, if known. */
  scopesSupported?: readonly unknown[];
  /** The TelenorID+ client type the request is for, if known. */
  clientType?: ClientTypeName;
};

/**
 * Analyse the scopes of an authorization request: classification, claims and warnings with
 * stable codes. Accepts a scope string or a list of tokens. Never throws, whatever the input.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims
 */
export function analyseScopes(input: unknown, options: AnalyseScopeOptions = {}): ScopeAnalysis {
  const rawLength = typeof input === 'string' ? input.length : 0;
  const tokens = Array.isArray(input)
    ? input.flatMap((t: unknown) => parseScopeString(t))
    : parseScopeString(input);
  const warnings: ScopeWarning[] = [];
  const scopes: AnalysedScope[] = [];
  const seen = new Set<string>();
  const supported = Array.isArray(options.scopesSupported)
    ? new Set(options.scopesSupported.filter((s): s is string => typeof s === 'string'))
    : undefined;

  if (tokens.length === 0) {
    warnings.push({
      code: 'empty',
      severity: 'error',
      message: 'No scope: the scope parameter is required; send at least openid.',
      guide: 'scopes',
      spec: spec.rfc6749Scope,
    });
  }
  if (tokens.length > maxScopes) {
    warnings.push({
      code: 'too_many',
      severity: 'warning',
      message: `${tokens.length} scopes: more than ${maxScopes} is almost certainly a mistake. Ask only for what you need.`,
      guide: 'scopes',
    });
  }
  const length = Math.max(
    rawLength,
    tokens.reduce((n, t) => n + t.length + 1, -1),
  );
  if (length > maxScopeStringLength) {
    warnings.push({
      code: 'too_long',
      severity: 'warning',
      message: `The scope string is ${length} characters; above ${maxScopeStringLength} the authorize URL may be cut by browsers or proxies.`,
      guide: 'scopes',
    });
  }

  // Report per-token problems for the first occurrences only, so a pasted wall of text stays readable.
  const perTokenLimit = 200;
  for (const token of tokens) {
    if (seen.has(token)) {
      if (warnings.length < perTokenLimit)
        warnings.push({
          code: 'duplicate',
          severity: 'info',
          scope: token,
          message: `“${token}” is requested twice; it is sent once.`,
          spec: spec.rfc6749Scope,
        });
      continue;
    }
    seen.add(token);
    const analysed = classifyScope(token);
    scopes.push(analysed);
    if (warnings.length >= perTokenLimit) continue;
    switch (analysed.classification) {
      case 'invalid':
        warnings.push({
          code: 'invalid_syntax',
          severity: 'error',
          scope: token,
          message:
            'A scope may contain only printable ASCII characters other than space, double quote and backslash.',
          spec: spec.rfc6749Scope,
        });
        break;
      case 'api':
        if (!analysed.apiService)
          warnings.push({
            code: 'malformed_api_scope',
            severity: 'error',
            scope: token,
            message:
              'An API scope is api: followed by the Apigee service name, for example api:mobile-product-v2.',
            guide: apiScope.guide,
          });
        break;
      case 'ciba':
        warnings.push({
          code: 'ciba_scope',
          severity: 'info',
          scope: token,
          message: `“${token}” is a CIBA scope: it works only for a CIBA-enabled confidential client, which cannot use the browser flows.`,
          guide: 'ciba',
        });
        break;
      case 'unknown':
        warnings.push({
          code: 'unknown_scope',
          severity: 'warning',
          scope: token,
          message: `“${token}” is not a TelenorID+ scope; TelenorID+ will answer invalid_scope unless it is registered for your client. API scopes start with api:.`,
          guide: 'scopes',
        });
        break;
      case 'identity':
        break;
    }
    if (
      supported &&
      analysed.classification !== 'api' &&
      analysed.classification !== 'invalid' &&
      !supported.has(token)
    ) {
      warnings.push({
        code: 'not_in_scopes_supported',
        severity: 'warning',
        scope: token,
        message: `“${token}” is not in the provider’s scopes_supported.`,
        spec: spec.discovery,
        guide: 'discovery',
      });
    }
  }

  if (tokens.length > 0 && !seen.has('openid')) {
    warnings.push({
      code: 'missing_openid',
      severity: 'warning',
      message: 'Without openid this is plain OAuth: no ID token, and no sub. Add openid to log the user in.',
      guide: 'scopes',
      spec: spec.oidcCoreAuthRequest,
    });
  }
  const ials = [...seen].filter((s) => /^ial[0-2]$/.test(s));
  if (ials.length > 1) {
    warnings.push({
      code: 'several_ial',
      severity: 'warning',
      message: `Several assurance levels requested (${ials.join(', ')}): ask for one, the lowest that works.`,
      guide: 'assurance',
    });
  }
  if (seen.has('offline_access') && options.clientType) {
    const type = findClientType(options.clientType);
    const policy = type ? refreshPolicies[type.refreshPolicy] : undefined;
    if (policy && policy.lifetimeSeconds === undefined) {
      warnings.push({
        code: 'offline_access_without_refresh',
        severity: 'warning',
        scope: 'offline_access',
        message: `A ${options.clientType} client gets no refresh token (policy ${policy.name}), even with offline_access.`,
        guide: 'refreshTokens',
        spec: spec.oidcCoreOfflineAccess,
      });
    }
  }

  const claimMap = new Map<string, ScopeClaimInfo>();
  for (const s of scopes) {
    for (const c of s.claims) {
      const existing = claimMap.get(c.claim);
      if (existing) existing.arrives = [...new Set([...existing.arrives, ...c.arrives])];
      else claimMap.set(c.claim, { ...c, arrives: [...c.arrives] });
    }
  }

  return {
    scopes,
    warnings,
    claims: [...claimMap.values()],
    scopeString: buildScopeString(scopes.filter((s) => s.classification !== 'invalid').map((s) => s.scope)),
  };
}
