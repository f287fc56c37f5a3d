/**
 * Limits for what a reader pastes: the inspector reads untrusted text, so every step has a bound —
 * a size cap before anything else, a nesting-depth scan before JSON.parse, base64url checked before
 * decoding. Nothing here throws.
 */

/** The most the inspector reads: a token is a few kilobytes, a token response below 20 kB. */
export const maxPasteChars = 64 * 1024;

/** Deeper JSON than this is no token, token response or header; it is refused before parsing. */
export const maxJsonDepth = 32;

/** "5.0 MB", "70 kB", "120 characters". */
export function describeSize(chars: number): string {
  if (chars >= 1024 * 1024) return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
  if (chars >= 1024) return `${Math.round(chars / 1024)} kB`;
  return `${chars} characters`;
}

/** The deepest nesting of [ and { outside strings, scanning at most the whole text once; stops past `limit`. */
export function jsonNestingDepth(text: string, limit = maxJsonDepth): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

export type BoundedJson = { ok: true; value: unknown } | { ok: false; reason: string; cutOff: boolean };

/** JSON.parse within the limits, with a sentence when it fails. `what` names the text ("The header"). */
export function parseBoundedJson(text: string, what: string): BoundedJson {
  if (text.length > maxPasteChars)
    return {
      ok: false,
      cutOff: false,
      reason: `${what} is ${describeSize(text.length)}; the inspector reads at most ${describeSize(maxPasteChars)}.`,
    };
  const depth = jsonNestingDepth(text);
  if (depth > maxJsonDepth)
    return {
      ok: false,
      cutOff: false,
      reason: `${what} is JSON nested more than ${maxJsonDepth} levels deep, which no token or token response is; it was not parsed.`,
    };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    // Engines word it differently: "Unexpected end of JSON input", or an error at the last position.
    const position = /position (\d+)/.exec(message);
    const cutOff =
      /end of (JSON )?(data|input)|Unterminated/i.test(message) ||
      (position !== null && Number(position[1]) >= text.trimEnd().length);
    return {
      ok: false,
      cutOff,
      reason: cutOff
        ? `${what} is JSON that stops in the middle: it was cut off when it was copied.`
        : `${what} is not valid JSON.`,
    };
  }
}

export type Base64UrlText = { ok: true; text: string; bytes: number } | { ok: false; reason: string };

/** Decode one base64url part of a JWT to UTF-8 text; a sentence when it is not base64url or not UTF-8. */
export function decodeBase64UrlText(part: string, what: string): Base64UrlText {
  if (!/^[A-Za-z0-9_-]*$/.test(part))
    return {
      ok: false,
      reason: `${what} holds characters base64url does not use (only A–Z, a–z, 0–9, - and _): it is not part of a token, or it was changed.`,
    };
  if (part.length % 4 === 1)
    return {
      ok: false,
      reason: `${what} has a length no base64url text can have: it was cut off or changed.`,
    };
  let binary: string;
  try {
    binary = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
  } catch {
    return { ok: false, reason: `${what} is not base64url.` };
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bytes: bytes.length };
  } catch {
    return { ok: false, reason: `${what} decodes to bytes that are not text (UTF-8): it is not a JWT part.` };
  }
}

/** Bytes of a base64url part, without decoding it. */
export function base64UrlBytes(part: string): number {
  return Math.floor((part.length * 3) / 4);
}

/** A value as a reader sees it: strings as they are, anything else as bounded JSON; cut at `max`. */
export function shownValue(value: unknown, max = 400): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = '(this value cannot be shown)';
    }
  }
  return text.length > max ? `${text.slice(0, max)}… (${describeSize(text.length)} in all)` : text;
}
