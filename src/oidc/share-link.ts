/**
 * The one share-link helper: a widget's link is the page's URL with the widget's non-secret
 * settings in its query. `buildShareLink` writes it and refuses to carry anything secret;
 * `readShareLink` reads a link's query as hostile input (any length, any characters, secrets
 * someone pasted in) and says in a sentence what it left out. A widget describes its fields once
 * and parses them into its form state, which it restores with one dispatch.
 */
import { environmentIds, type EnvironmentId } from './environments';

/**
 * Query names a share link never carries, whatever a widget asks: codes, tokens, PKCE and the
 * round trip's single-use values, client secrets, logout hints.
 */
export const secretShareParameters: readonly string[] = [
  'code',
  'code_verifier',
  'code_challenge',
  'access_token',
  'id_token',
  'refresh_token',
  'id_token_hint',
  'logout_token',
  'device_code',
  'user_code',
  'auth_req_id',
  'client_secret',
  'state',
  'nonce',
  'session_state',
];

/** Longest query value a share link may carry into a widget. */
export const maxShareValueLength = 4000;

/** A compact JWS/JWE (three or five base64url parts): never written into a link under any name. */
const jwtLike = /^[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?$/;

export function looksLikeToken(value: string): boolean {
  return jwtLike.test(value.trim());
}

/**
 * The share link: `pageUrl` without its query and fragment, then `env` and each entry in order.
 * Entries without a value are skipped; a secret name or a token-shaped value is never written
 * (a widget bug must not put one into a link a reader sends to support).
 */
export function buildShareLink(
  pageUrl: string,
  entries: ReadonlyArray<readonly [name: string, value: string | undefined | null | false]>,
): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  for (const [name, value] of entries) {
    if (value === undefined || value === null || value === false || value === '') continue;
    if (secretShareParameters.includes(name) || looksLikeToken(value)) continue;
    url.searchParams.set(name, value);
  }
  return url.href;
}

/** A link's query, read defensively: each value once, with the sentences of what was left out. */
export type ShareLinkReader = {
  /** The value of `name`, or undefined when absent or too long (then a problem says so). */
  get(name: string): string | undefined;
  /** The value as one of `allowed`, or undefined (a problem names what was refused). */
  oneOf<T extends string>(name: string, allowed: readonly T[], label?: string): T | undefined;
  /** `on` / `off` as a boolean; anything else is ignored. */
  onOff(name: string): boolean | undefined;
  /** A short text a reader could have typed: no control characters, at most `maxLength`. */
  text(name: string, maxLength: number, label?: string): string | undefined;
  /** The link's environment (`env`), when it names one. */
  env(): EnvironmentId | undefined;
  /** Add a sentence of your own (a value the widget's own check refused). */
  problem(sentence: string): void;
  /** Sentences for the reader: what the link held that the widget did not use. */
  readonly problems: string[];
};

function hasControlCharacter(value: string): boolean {
  for (const ch of value) {
    const c = ch.charCodeAt(0);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** A value as shown in a sentence: short, and without control characters. */
export function quoted(value: string): string {
  let shown = '';
  for (const ch of value.slice(0, 40)) shown += hasControlCharacter(ch) ? '�' : ch;
  return `“${shown}${value.length > 40 ? '…' : ''}”`;
}

/**
 * Read `search` (a location's query, with or without `?`). Never throws. A secret parameter in the
 * link is ignored with a sentence saying a share link never should carry it.
 */
export function readShareLink(search: unknown, options: { who?: string } = {}): ShareLinkReader {
  const who = options.who ?? 'this widget';
  const problems: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(typeof search === 'string' ? search : '');
  } catch {
    params = new URLSearchParams();
    problems.push(`The link’s query could not be read; ${who} starts with its defaults.`);
  }
  for (const secret of secretShareParameters)
    if (params.has(secret))
      problems.push(`The link carries ${secret}, which a share link never should; it was ignored.`);

  const get = (name: string): string | undefined => {
    if (secretShareParameters.includes(name)) return undefined;
    const v = params.get(name);
    if (v === null) return undefined;
    if (v.length > maxShareValueLength) {
      problems.push(`The link’s ${name} is ${v.length} characters long and was left out.`);
      return undefined;
    }
    return v;
  };

  return {
    get,
    oneOf<T extends string>(name: string, allowed: readonly T[], label = name): T | undefined {
      const v = get(name);
      if (v === undefined) return undefined;
      if ((allowed as readonly string[]).includes(v)) return v as T;
      problems.push(`The link’s ${label} ${quoted(v)} is not one ${who} offers; it was left out.`);
      return undefined;
    },
    onOff(name: string): boolean | undefined {
      const v = get(name);
      return v === 'on' ? true : v === 'off' ? false : undefined;
    },
    text(name: string, maxLength: number, label = name): string | undefined {
      const v = get(name);
      if (v === undefined) return undefined;
      if (v.length > maxLength || hasControlCharacter(v)) {
        problems.push(`The link’s ${label} was left out: it is too long or holds control characters.`);
        return undefined;
      }
      return v;
    },
    env(): EnvironmentId | undefined {
      const v = params.get('env')?.trim().toLowerCase();
      return v && (environmentIds as readonly string[]).includes(v) ? (v as EnvironmentId) : undefined;
    },
    problem(sentence: string) {
      problems.push(sentence);
    },
    problems,
  };
}
