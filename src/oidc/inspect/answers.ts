/**
 * Pasted answers: the URL a browser was sent back to (code or error, in the query or the fragment), a
 * token endpoint JSON body (tokens or an error), and a redirect_uri comparison marked byte by byte.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 * @see https://openid.net/specs/openid-connect-core-1_0.html#TokenResponse
 */
import { clientTypes, explain, findClientType, refreshPolicies, type ErrorExplanation } from '../catalogue';
import { hasErrorPage, type ErrorCode } from '../catalogue/error-links';
import { describeExpiresIn, type TimeFormatOptions } from '../times';
import { redactToken } from '../refresh';
import { shownValue } from './bounds';
import { describeIssuer, fixtureClient } from './claims';
import { inspectJwt, type Finding, type JwtInspection } from './jwt';

export type ExplainedError = {
  error: string;
  description?: string;
  explanation: ErrorExplanation;
  /** Set when the code has a page under /errors. */
  code?: ErrorCode;
};

function explainError(error: string, description?: string): ExplainedError {
  const shown = shownValue(error, 80);
  return {
    error: shown,
    explanation: explain(shown),
    ...(description !== undefined ? { description: shownValue(description, 1000) } : {}),
    ...(hasErrorPage(error) ? { code: error } : {}),
  };
}

export type CallbackInspection = {
  where: 'query' | 'fragment';
  landedOn: string;
  error?: ExplainedError;
  /** The code, shortened; the whole code stays with the caller to reveal on request. */
  code?: { redacted: string; length: number };
  state?: string;
  iss?: { value: string; note?: string };
  scope?: string;
  sessionState?: string;
  findings: Finding[];
};

/** Read a callback URL whose query or fragment holds code or error. */
export function inspectCallbackUrl(url: URL, options: { localIssuer?: string } = {}): CallbackInspection {
  const inQuery = url.searchParams.has('code') || url.searchParams.has('error');
  const params = inQuery ? url.searchParams : new URLSearchParams(url.hash.slice(1));
  const get = (n: string) => params.get(n) ?? undefined;
  const findings: Finding[] = [];
  const result: CallbackInspection = {
    where: inQuery ? 'query' : 'fragment',
    landedOn: shownValue(`${url.origin}${url.pathname}`, 300),
    findings,
  };
  const error = get('error');
  const code = get('code');
  if (error !== undefined) result.error = explainError(error, get('error_description'));
  if (code !== undefined) {
    result.code = { redacted: redactToken(code), length: code.length };
    findings.push({
      severity: 'info',
      guide: 'token',
      message:
        'An authorization code works once, for a few minutes, and only with the code_verifier of the login that asked for it: exchange it at /connect/token from the client that started that login. It is shown shortened; this inspector never sends it anywhere.',
    });
    if (!inQuery)
      findings.push({
        severity: 'warning',
        message:
          'The code came in the fragment (#…): TelenorID+ sends it in the query with response_mode=query, the default. A fragment answer means an implicit or hybrid response_type.',
      });
  }
  const state = get('state');
  if (state !== undefined) result.state = shownValue(state, 300);
  else
    findings.push({
      severity: 'warning',
      message:
        'No state came back: if the request sent one, this answer is not its answer; if it sent none, the client cannot detect a forged answer (CSRF).',
    });
  const iss = get('iss');
  if (iss !== undefined) {
    const note = describeIssuer(iss, options.localIssuer);
    result.iss = { value: shownValue(iss, 300), ...(note ? { note } : {}) };
    findings.push({
      severity: 'info',
      message:
        'iss (RFC 9207) names who answered: a client checks it is the issuer it sent the user to, against mix-up attacks.',
    });
  }
  const scope = get('scope');
  if (scope !== undefined) result.scope = shownValue(scope, 1000);
  const session = get('session_state');
  if (session !== undefined) result.sessionState = shownValue(session, 300);
  return result;
}

export type TokenResponseInspection = {
  error?: ExplainedError;
  tokenType?: string;
  expiresIn?: string;
  /** expires_in itself and when the inspector read it, so a widget can count down (describeExpiresInCountdown). */
  expiry?: { expiresIn: number; receivedAtMs: number };
  scope?: string;
  idToken?: JwtInspection;
  accessToken?: JwtInspection | { opaque: true; length: number };
  refreshToken?: { redacted: string; length: number };
  findings: Finding[];
};

/** Explain a token endpoint answer (a JSON object already parsed within bounds). */
export function inspectTokenResponse(
  json: Record<string, unknown>,
  nowMs: number,
  options: TimeFormatOptions & { localIssuer?: string } = {},
): TokenResponseInspection {
  const findings: Finding[] = [];
  const str = (k: string) => (typeof json[k] === 'string' ? (json[k] as string) : undefined);
  const result: TokenResponseInspection = { findings };
  const error = str('error');
  if (error !== undefined) {
    result.error = explainError(error, str('error_description'));
    return result;
  }
  const at = str('access_token');
  const id = str('id_token');
  const rt = str('refresh_token');
  const tokenType = str('token_type');
  if (tokenType !== undefined) result.tokenType = shownValue(tokenType, 40);
  if (tokenType !== undefined && tokenType.toLowerCase() !== 'bearer')
    findings.push({
      severity: 'warning',
      message: `token_type is ${shownValue(tokenType, 40)}; TelenorID+ answers Bearer.`,
    });
  if (at === undefined)
    findings.push({
      severity: 'error',
      code: 'invalid_response',
      message: 'There is no access_token: a successful token response always has one.',
    });
  else {
    const inspected = at.split('.').length === 3 ? inspectJwt(at, nowMs, options) : undefined;
    result.accessToken = inspected?.ok ? inspected : { opaque: true, length: at.length };
  }
  if (id !== undefined) result.idToken = inspectJwt(id, nowMs, options);
  const expires = describeExpiresIn(json['expires_in'], nowMs, nowMs, options);
  if (expires) {
    result.expiresIn = expires;
    result.expiry = { expiresIn: json['expires_in'] as number, receivedAtMs: nowMs };
    findings.push({
      severity: 'info',
      message:
        'expires_in counts from when the answer arrived; the inspector counts down from when you pasted it, as it cannot know when that was.',
    });
  }
  const scope = str('scope');
  if (scope !== undefined) result.scope = shownValue(scope, 1000);
  if (rt !== undefined) result.refreshToken = { redacted: redactToken(rt), length: rt.length };

  // Was a refresh token to be expected? By the client type, when the token names one of the test clients.
  const claims = result.idToken?.ok
    ? result.idToken.payload
    : result.accessToken && 'payload' in result.accessToken
      ? result.accessToken.payload
      : undefined;
  const clientId = claims ? (claims['aud'] ?? claims['client_id']) : undefined;
  const client = fixtureClient(Array.isArray(clientId) ? clientId[0] : clientId);
  const askedOffline = scope === undefined ? undefined : scope.split(' ').includes('offline_access');
  if (client) {
    const type = findClientType(client.clientType)!;
    const policy = refreshPolicies[type.refreshPolicy];
    const expected = policy.lifetimeSeconds !== undefined && askedOffline !== false;
    findings.push({
      severity: expected === (rt !== undefined) ? 'ok' : 'warning',
      code: rt === undefined ? 'no_refresh_token' : undefined,
      guide: 'refreshTokens',
      message: `The token is for ${client.clientId}, a ${type.name} client (refresh policy ${policy.name}): ${
        policy.lifetimeSeconds === undefined
          ? 'it never gets a refresh token'
          : askedOffline === false
            ? 'it gets a refresh token only with offline_access, which this login did not get'
            : 'with offline_access it gets a refresh token'
      }${expected === (rt !== undefined) ? ', as here.' : rt === undefined ? ', yet none came.' : ', yet one came.'}`,
    });
  } else if (rt === undefined) {
    findings.push({
      severity: 'info',
      code: 'no_refresh_token',
      guide: 'refreshTokens',
      message: `No refresh token. ${clientTypes
        .map(
          (t) =>
            `${t.name}: ${refreshPolicies[t.refreshPolicy].lifetimeSeconds === undefined ? 'never' : 'only with offline_access'}`,
        )
        .join('; ')}.${askedOffline === false ? ' The granted scopes have no offline_access.' : ''}`,
    });
  }
  return result;
}

export type DiffSegment = { text: string; same: boolean };

export type RedirectPairInspection = {
  same: boolean;
  registered: DiffSegment[];
  sent: DiffSegment[];
  /** Each difference named: trailing slash, case, scheme, port, percent-encoding … */
  differences: string[];
};

function split(text: string, start: number, end: number): DiffSegment[] {
  return [
    { text: text.slice(0, start), same: true },
    { text: text.slice(start, text.length - end), same: false },
    { text: text.slice(text.length - end), same: true },
  ].filter((s) => s.text !== '');
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Compare a registered redirect URI with the one sent: TelenorID+ requires an exact match, so any
 * difference is the cause of a redirect_uri mismatch. The differing span is marked, and named.
 */
export function compareRedirectUris(registeredInput: string, sentInput: string): RedirectPairInspection {
  const registered = registeredInput.trim().slice(0, 2048);
  const sent = sentInput.trim().slice(0, 2048);
  if (registered === sent)
    return {
      same: true,
      registered: [{ text: registered, same: true }],
      sent: [{ text: sent, same: true }],
      differences: [],
    };
  let start = 0;
  while (start < registered.length && start < sent.length && registered[start] === sent[start]) start++;
  let end = 0;
  while (
    end < registered.length - start &&
    end < sent.length - start &&
    registered[registered.length - 1 - end] === sent[sent.length - 1 - end]
  )
    end++;
  const differences: string[] = [];
  const a = safeUrl(registered);
  const b = safeUrl(sent);
  if (a && b) {
    // Compare the strings as written: URL() lowercases hosts and drops default ports, TelenorID+ does not.
    const parts = (t: string) => {
      const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(t);
      const authority = m?.[2] ?? '';
      return {
        scheme: m?.[1] ?? '',
        host: authority.replace(/:\d*$/, ''),
        port: /:(\d*)$/.exec(authority)?.[1],
        path: m?.[3] ?? '',
        query: m?.[4] ?? '',
        fragment: m?.[5] ?? '',
      };
    };
    const x = parts(registered);
    const y = parts(sent);
    if (x.scheme.toLowerCase() !== y.scheme.toLowerCase())
      differences.push(`The scheme differs: ${x.scheme} registered, ${y.scheme} sent.`);
    if (x.host.toLowerCase() !== y.host.toLowerCase())
      differences.push(`The host differs: ${x.host} registered, ${y.host} sent.`);
    else if (x.host !== y.host)
      differences.push(
        'The host is written in another case: browsers treat hosts alike in any case, but an exact comparison does not.',
      );
    if (x.port !== y.port)
      differences.push(
        `The port differs: ${x.port ?? '(none: the default)'} registered, ${y.port ?? '(none: the default)'} sent. A default port written out (:443) is still a different string.`,
      );
    if (x.path !== y.path) {
      if (x.path.replace(/\/$/, '') === y.path.replace(/\/$/, ''))
        differences.push(
          `A trailing slash: the registered path ${x.path.endsWith('/') ? 'has one' : 'has none'}, the sent one ${y.path.endsWith('/') ? 'has one' : 'has none'}.`,
        );
      else if (x.path.toLowerCase() === y.path.toLowerCase())
        differences.push('The path differs in upper and lower case: paths are compared case by case.');
      else if (decoded(x.path) === decoded(y.path))
        differences.push(
          'The path is percent-encoded differently (for example %2F against /, or %7E against ~): the same path to a reader, a different string to TelenorID+.',
        );
      else differences.push('The path differs.');
    }
    if (x.query !== y.query)
      differences.push(
        decoded(x.query) === decoded(y.query)
          ? 'The query is percent-encoded differently.'
          : 'The query differs.',
      );
    if (x.fragment !== y.fragment)
      differences.push('One has a fragment (#…): a redirect URI must not have one.');
  }
  if (differences.length === 0)
    differences.push(
      registered.toLowerCase() === sent.toLowerCase()
        ? 'They differ in upper and lower case.'
        : 'They differ where marked.',
    );
  return {
    same: false,
    registered: split(registered, start, end),
    sent: split(sent, start, end),
    differences,
  };
}
