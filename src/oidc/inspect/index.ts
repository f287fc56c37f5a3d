/**
 * The inspector's core: `recognise(text)` tells what a reader pasted — a JWT, an authorization URL, a
 * callback URL, a token endpoint JSON answer, a pair of redirect URIs — with bounded work (size cap
 * first, JSON depth before parsing), and `inspect(text)` explains it. Anything else gets a sentence
 * saying what it is not and what to paste. Framework-free; the widget renders what these return.
 */
import { describeSize, maxPasteChars, parseBoundedJson } from './bounds';
import { inspectAuthorizationUrl, type AuthorizationUrlInspection } from './authorization-url';
import {
  compareRedirectUris,
  inspectCallbackUrl,
  inspectTokenResponse,
  type CallbackInspection,
  type RedirectPairInspection,
  type TokenResponseInspection,
} from './answers';
import { inspectJwt, type JwtInspection } from './jwt';

export * from './bounds';
export * from './claims';
export * from './jwt';
export * from './keys';
export * from './authorization-url';
export * from './answers';
export * from './kinds';
export * from './share';

export type Recognised =
  | { kind: 'jwt'; token: string }
  | { kind: 'authorization-url'; url: URL }
  | { kind: 'callback-url'; url: URL }
  | { kind: 'token-response'; json: Record<string, unknown> }
  | { kind: 'redirect-pair'; registered: string; sent: string }
  | { kind: 'empty' }
  | { kind: 'unknown'; reason: string };

const jwtShape = /^[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*){0,3}$/;

function asWebUrl(text: string): URL | { refused: string } | undefined {
  if (/^\s*(javascript|data|vbscript|file):/i.test(text))
    return {
      refused: `This is a ${/^\s*([a-z]+):/i.exec(text)![1]!.toLowerCase()}: URL, not a web address: opened, it would run or load something in your browser. The inspector never opens it; paste the http(s) URL you got.`,
    };
  if (!/^https?:\/\//i.test(text)) return undefined;
  try {
    return new URL(text);
  } catch {
    return { refused: 'This starts like a URL but is not a valid one: check that it was copied whole.' };
  }
}

/** What the text is. Bounded: the size is checked before anything else is done with it. Never throws. */
export function recognise(input: string): Recognised {
  if (typeof input !== 'string') return { kind: 'unknown', reason: 'Nothing readable was pasted.' };
  if (input.length > maxPasteChars)
    return {
      kind: 'unknown',
      reason: `The paste is ${describeSize(input.length)}; the inspector reads at most ${describeSize(maxPasteChars)} (a token is a few kilobytes). Paste only the token, URL or JSON answer.`,
    };
  let text = input.trim();
  if (text === '') return { kind: 'empty' };
  if (/^bearer\s+/i.test(text)) text = text.replace(/^bearer\s+/i, '');

  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 2 && lines.every((l) => /^[a-z][a-z0-9+.-]*:/i.test(l) && !/\s/.test(l))) {
    const [registered, sent] = lines as [string, string];
    if (!/[?&#](code|error|client_id|response_type)=/.test(registered + sent))
      return { kind: 'redirect-pair', registered, sent };
  }

  if (text.startsWith('{') || text.startsWith('[')) {
    const parsed = parseBoundedJson(text, 'The paste');
    if (!parsed.ok) return { kind: 'unknown', reason: parsed.reason };
    const v = parsed.value;
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return {
        kind: 'unknown',
        reason: 'This is JSON, but not an object: a token endpoint answers with a JSON object.',
      };
    const json = v as Record<string, unknown>;
    if (['access_token', 'id_token', 'refresh_token', 'error'].some((k) => k in json))
      return { kind: 'token-response', json };
    if ('keys' in json)
      return {
        kind: 'unknown',
        reason:
          'This is a key set (JWKS): the discovery explorer shows and checks those. The inspector reads tokens and answers.',
      };
    if ('issuer' in json && 'authorization_endpoint' in json)
      return {
        kind: 'unknown',
        reason:
          'This is a discovery document: the discovery explorer checks those. The inspector reads tokens and answers.',
      };
    if ('alg' in json || 'sub' in json || 'iss' in json)
      return {
        kind: 'unknown',
        reason:
          'This looks like a decoded token header or claims. Paste the encoded token itself (three parts separated by dots), so its signature can be checked.',
      };
    return {
      kind: 'unknown',
      reason:
        'This JSON object has no access_token, id_token or error, so it is not a token endpoint answer.',
    };
  }

  const url = asWebUrl(lines.length === 1 ? lines[0]! : text);
  if (url && 'refused' in url) return { kind: 'unknown', reason: url.refused };
  if (url) {
    const query = url.searchParams;
    const fragment = new URLSearchParams(url.hash.slice(1));
    if (
      query.has('response_type') ||
      (query.has('client_id') && (query.has('redirect_uri') || query.has('scope')))
    )
      return { kind: 'authorization-url', url };
    if (
      query.has('code') ||
      query.has('error') ||
      fragment.has('code') ||
      fragment.has('error') ||
      fragment.has('id_token') ||
      fragment.has('access_token')
    )
      return { kind: 'callback-url', url };
    if (/\/authorize$/.test(url.pathname)) return { kind: 'authorization-url', url };
    return {
      kind: 'unknown',
      reason:
        'This URL carries no authorization request (client_id, response_type …) and no answer (code or error). To compare a registered redirect URI with the one sent, paste both, one per line.',
    };
  }

  if (lines.length === 1 && jwtShape.test(text)) return { kind: 'jwt', token: text };
  if (lines.length === 1 && /^[A-Za-z0-9_~+/=.-]{16,}$/.test(text))
    return {
      kind: 'unknown',
      reason:
        'This looks like an opaque token (a refresh token, or a reference token): it carries nothing to read. Only the provider can tell what it stands for. A JWT has three parts separated by dots.',
    };
  if (/<[a-z!/]/i.test(text))
    return {
      kind: 'unknown',
      reason:
        'This looks like HTML or markup, not a token, URL or JSON answer. It is shown nowhere as HTML; paste what your app received.',
    };
  return {
    kind: 'unknown',
    reason:
      'This is not a JWT (three parts separated by dots), an http(s) URL or a JSON object. Paste a token, an authorization or callback URL, a token endpoint answer, or two redirect URIs on two lines.',
  };
}

export type Inspection =
  | { kind: 'jwt'; jwt: JwtInspection }
  | { kind: 'authorization-url'; request: AuthorizationUrlInspection }
  | { kind: 'callback-url'; callback: CallbackInspection }
  | { kind: 'token-response'; response: TokenResponseInspection }
  | { kind: 'redirect-pair'; pair: RedirectPairInspection }
  | { kind: 'empty' }
  | { kind: 'unknown'; reason: string };

/** Recognise and explain a paste. Pure: `nowMs` is passed in. Never throws. */
export function inspect(
  text: string,
  nowMs: number,
  options: { localIssuer?: string; timeZone?: string } = {},
): Inspection {
  const r = recognise(text);
  switch (r.kind) {
    case 'jwt':
      return { kind: 'jwt', jwt: inspectJwt(r.token, nowMs, options) };
    case 'authorization-url':
      return { kind: 'authorization-url', request: inspectAuthorizationUrl(r.url, options) };
    case 'callback-url':
      return { kind: 'callback-url', callback: inspectCallbackUrl(r.url, options) };
    case 'token-response':
      return { kind: 'token-response', response: inspectTokenResponse(r.json, nowMs, options) };
    case 'redirect-pair':
      return { kind: 'redirect-pair', pair: compareRedirectUris(r.registered, r.sent) };
    default:
      return r;
  }
}
