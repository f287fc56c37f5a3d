/**
 * A pasted JWT: its header and claims explained, its times as dates, what is wrong with it (cut off,
 * alg none, HMAC, expired), and its signature verified against an environment's JWKS by kid, each
 * outcome a sentence. Decoding is bounded (bounds.ts); verification uses jose, RS256 only.
 * @see https://www.rfc-editor.org/rfc/rfc7519
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
import { compactVerify, importJWK, type JWK } from 'jose';
import { signingAlgorithm, type FactSource, type GuideTopic } from '../catalogue';
import type { ErrorCode } from '../catalogue/error-links';
import { describeTimeClaim, formatRelative, timeClaimNames } from '../times';
import { base64UrlBytes, decodeBase64UrlText, parseBoundedJson, shownValue } from './bounds';
import {
  describeFixtureClient,
  describeIssuer,
  explainClaim,
  fixtureClient,
  fixtureClientIds,
} from './claims';

export type FindingSeverity = 'error' | 'warning' | 'info' | 'ok';

/** One thing the inspector says about a paste; `code` links the error reference page. */
export type Finding = { severity: FindingSeverity; message: string; code?: ErrorCode; guide?: GuideTopic };

export type ClaimRow = {
  name: string;
  /** The value as text (bounded), to render as text. */
  value: string;
  meaning?: string;
  source?: FactSource;
  /** What the value says (an AAL, a provider, a test client …). */
  valueNote?: string;
  /** For exp, iat, nbf, auth_time: the date and how far from now. */
  time?: string;
};

export type JwtKind = 'id_token' | 'access_token' | 'jwt';

export type JwtInspection =
  | {
      ok: true;
      kind: JwtKind;
      header: Record<string, unknown>;
      payload: Record<string, unknown>;
      headerRows: ClaimRow[];
      claimRows: ClaimRow[];
      findings: Finding[];
      alg?: string;
      kid?: string;
      /** The compact token, for verification (kept in memory only). */
      token: string;
    }
  | { ok: false; reason: string; cutOff: boolean };

export const jwtKindLabel: Record<JwtKind, string> = {
  id_token: 'an ID token',
  access_token: 'an access token',
  jwt: 'a JWT',
};

/** Seconds of clock difference the checks forgive (as the portal's own verification does). */
const skewSeconds = 30;

const headerMeanings: Record<string, string> = {
  alg: 'The signature algorithm. TelenorID+ signs with RS256 only.',
  kid: 'Which key of the provider’s JWKS signed the token.',
  typ: 'The token type: at+jwt for TelenorID+ access tokens, JWT for ID tokens.',
};

function record(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonPart(
  part: string,
  what: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string; cutOff: boolean } {
  const decoded = decodeBase64UrlText(part, what);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, cutOff: /cut off/.test(decoded.reason) };
  const parsed = parseBoundedJson(decoded.text, what);
  if (!parsed.ok) return parsed;
  if (!record(parsed.value))
    return { ok: false, reason: `${what} is JSON, but not an object: this is not a JWT.`, cutOff: false };
  return { ok: true, value: parsed.value };
}

function hmac(alg: string): boolean {
  return /^HS\d+$/i.test(alg);
}

/** Decode and explain a JWT without verifying it. Never throws. */
export function inspectJwt(
  token: string,
  nowMs: number,
  options: { timeZone?: string; localIssuer?: string } = {},
): JwtInspection {
  const parts = token.trim().split('.');
  if (parts.length === 5)
    return {
      ok: false,
      cutOff: false,
      reason:
        'This is an encrypted token (JWE, five parts): only the holder of the decryption key can read it. TelenorID+ signs its tokens (three parts) and does not encrypt them.',
    };
  if (parts.length < 3)
    return {
      ok: false,
      cutOff: true,
      reason: `This has ${parts.length} part${parts.length === 1 ? '' : 's'} where a JWT has three, separated by dots: it was cut off when it was copied. Copy the whole token.`,
    };
  if (parts.length > 3)
    return {
      ok: false,
      cutOff: false,
      reason: `This has ${parts.length} parts separated by dots; a JWT has three.`,
    };
  const [h, p, s] = parts as [string, string, string];
  const header = jsonPart(h, 'The header (first part)');
  if (!header.ok) return header;
  const payload = jsonPart(p, 'The payload (second part)');
  if (!payload.ok) return payload;

  const alg = typeof header.value['alg'] === 'string' ? header.value['alg'] : undefined;
  const kid = typeof header.value['kid'] === 'string' ? header.value['kid'] : undefined;
  const typ = typeof header.value['typ'] === 'string' ? header.value['typ'] : undefined;
  const claims = payload.value;
  const kind: JwtKind =
    typ?.toLowerCase() === 'at+jwt' || (claims['client_id'] !== undefined && claims['nonce'] === undefined)
      ? 'access_token'
      : claims['aud'] !== undefined && claims['sub'] !== undefined
        ? 'id_token'
        : 'jwt';

  const findings: Finding[] = [];
  const code: ErrorCode = kind === 'access_token' ? 'invalid_access_token' : 'invalid_id_token';
  if (alg === undefined)
    findings.push({
      severity: 'error',
      code,
      message: 'The header has no alg: nobody can tell how it was signed.',
    });
  else if (alg.toLowerCase() === 'none')
    findings.push({
      severity: 'error',
      code,
      message:
        'alg is none: the token is not signed at all, so anyone could have written it. TelenorID+ signs every token with RS256; a client must reject this one.',
    });
  else if (hmac(alg))
    findings.push({
      severity: 'error',
      code,
      message: `alg is ${alg}, an HMAC with a shared secret. TelenorID+ signs with RS256 only; a client that accepted ${alg} could be fooled into checking a forged token with the provider’s public key as the secret. Reject it.`,
    });
  else if (alg !== signingAlgorithm)
    findings.push({
      severity: 'warning',
      code,
      message: `alg is ${shownValue(alg, 40)}; TelenorID+ signs with ${signingAlgorithm} only, so this token is not from TelenorID+.`,
    });
  if (alg !== undefined && alg.toLowerCase() !== 'none') {
    const bytes = base64UrlBytes(s);
    if (s === '')
      findings.push({
        severity: 'error',
        code,
        message:
          'The signature (third part) is empty: the token was cut off after the second dot, or its signature was removed.',
      });
    else if (alg === signingAlgorithm && ![256, 384, 512].includes(bytes))
      findings.push({
        severity: 'error',
        code,
        message: `The signature is ${bytes} bytes; an ${signingAlgorithm} signature with a 2048-bit key is 256. The token was probably cut off when it was copied.`,
      });
  }
  if (kid === undefined && alg !== undefined && alg.toLowerCase() !== 'none')
    findings.push({
      severity: 'warning',
      message: 'The header has no kid, so a client cannot pick the key from the JWKS by it.',
      guide: 'discovery',
    });

  const now = nowMs / 1000;
  const exp = claims['exp'];
  if (typeof exp === 'number') {
    if (exp + skewSeconds < now)
      findings.push({
        severity: 'error',
        code: kind === 'access_token' ? 'invalid_token' : 'invalid_id_token',
        message: `The token expired ${formatRelative(exp - now)}: no client or API may accept it now. ${kind === 'access_token' ? 'Refresh it, or log in again.' : 'Log in again for a new one.'}`,
      });
    else findings.push({ severity: 'ok', message: `The token expires ${formatRelative(exp - now)}.` });
  } else
    findings.push({
      severity: 'warning',
      message: 'The token has no exp: it never expires, which TelenorID+ tokens do.',
    });
  for (const name of ['nbf', 'iat'] as const) {
    const v = claims[name];
    if (typeof v === 'number' && v - skewSeconds > now)
      findings.push({
        severity: 'warning',
        message: `${name} is ${formatRelative(v - now)}: the token is ${name === 'nbf' ? 'not valid yet' : 'issued in the future'}. Check this computer’s clock, or the issuer’s.`,
      });
  }
  if (kind === 'id_token' && typ !== undefined && typ.toLowerCase() === 'at+jwt')
    findings.push({
      severity: 'warning',
      message: 'typ says access token (at+jwt), but the claims look like an ID token.',
    });

  const rows = (object: Record<string, unknown>, isHeader: boolean): ClaimRow[] =>
    Object.keys(object)
      .slice(0, 200)
      .map((name) => {
        const value = object[name];
        const row: ClaimRow = { name, value: shownValue(value) };
        if (isHeader) {
          if (Object.prototype.hasOwnProperty.call(headerMeanings, name)) row.meaning = headerMeanings[name];
          return row;
        }
        const explained = explainClaim(name, value, options);
        if (explained.meaning) row.meaning = explained.meaning;
        if (explained.source) row.source = explained.source;
        if (explained.value) row.valueNote = explained.value;
        const time = describeTimeClaim(
          name,
          value,
          nowMs,
          options.timeZone ? { timeZone: options.timeZone } : {},
        );
        if (time) row.time = time;
        return row;
      });

  return {
    ok: true,
    kind,
    header: header.value,
    payload: claims,
    headerRows: rows(header.value, true),
    claimRows: rows(claims, false),
    findings,
    token: token.trim(),
    ...(alg !== undefined ? { alg } : {}),
    ...(kid !== undefined ? { kid } : {}),
  };
}

export type VerifyExpectations = {
  /** The selected environment's issuer and its name for the reader. */
  issuer: string;
  environmentLabel: string;
  /** The client_id the reader expects, when they typed one. */
  clientId?: string;
  nowMs: number;
  localIssuer?: string;
};

export type JwtVerification = { verified: boolean; findings: Finding[] };

/** The kids of a JWKS, bounded, for sentences. */
function kidsOf(keys: readonly unknown[]): string[] {
  return keys
    .slice(0, 20)
    .map((k) => (record(k) && typeof k['kid'] === 'string' ? k['kid'] : undefined))
    .filter((k): k is string => k !== undefined)
    .map((k) => shownValue(k, 60));
}

/**
 * Verify an inspected JWT against an environment's JWKS: the key by kid, the RS256 signature, then iss,
 * aud (or the access token's client_id) and exp — every check a sentence, all of them reported.
 * Refuses alg none and HMAC without trying. Never throws.
 */
export async function verifyInspectedJwt(
  jwt: Extract<JwtInspection, { ok: true }>,
  jwks: unknown,
  expected: VerifyExpectations,
): Promise<JwtVerification> {
  const code: ErrorCode = jwt.kind === 'access_token' ? 'invalid_access_token' : 'invalid_id_token';
  const findings: Finding[] = [];
  const alg = jwt.alg ?? '';
  if (alg.toLowerCase() === 'none' || hmac(alg) || alg === '')
    return {
      verified: false,
      findings: [
        {
          severity: 'error',
          code,
          message: `Not verified: a token with alg ${alg || '(missing)'} is refused before any key is tried. TelenorID+ tokens are ${signingAlgorithm}.`,
        },
      ],
    };
  if (alg !== signingAlgorithm)
    return {
      verified: false,
      findings: [
        {
          severity: 'error',
          code,
          message: `Not verified: the inspector checks ${signingAlgorithm} signatures only, as TelenorID+ uses no other.`,
        },
      ],
    };
  const keys = record(jwks) && Array.isArray(jwks['keys']) ? (jwks['keys'] as unknown[]) : [];
  const candidates = keys
    .slice(0, 100)
    .filter((k): k is Record<string, unknown> => record(k) && k['kty'] === 'RSA')
    .filter((k) => (jwt.kid === undefined ? true : k['kid'] === jwt.kid));
  if (candidates.length === 0) {
    const have = kidsOf(keys);
    const mockHint =
      jwt.kid?.startsWith('mock-') && expected.issuer === jwt.payload['iss']
        ? ' The mock makes a new signing key each time a page of the portal is loaded, so a mock token verifies only until the page that made it is reloaded: run the login again and come here by the site’s links (not by reloading), or use the local test tenant, whose keys stay.'
        : '';
    findings.push({
      severity: 'error',
      code,
      message: `Unknown kid: no key in ${expected.environmentLabel}’s JWKS has kid ${shownValue(jwt.kid ?? '(none)', 80)}${have.length ? ` (it has ${have.join(', ')})` : ' (it has no keys with a kid)'}. The token was signed by another environment, or with a key that has since been rotated out.${mockHint}`,
    });
    return { verified: false, findings };
  }
  let signatureOk = false;
  for (const candidate of candidates.slice(0, 5)) {
    try {
      const key = await importJWK(candidate as JWK, signingAlgorithm);
      await compactVerify(jwt.token, key, { algorithms: [signingAlgorithm] });
      signatureOk = true;
      break;
    } catch {
      // Try the next key with that kid; none verifying is reported below.
    }
  }
  if (!signatureOk) {
    findings.push({
      severity: 'error',
      code,
      message: `The signature does not verify with ${expected.environmentLabel}’s key ${shownValue(jwt.kid ?? '', 80)}: the header or the claims were changed after signing, or the token was cut off. Nothing in it can be trusted.`,
    });
    return { verified: false, findings };
  }
  findings.push({
    severity: 'ok',
    message: `The ${signingAlgorithm} signature verifies with ${expected.environmentLabel}’s key ${shownValue(jwt.kid ?? '', 80)}.`,
  });

  let valid = true;
  const iss = jwt.payload['iss'];
  if (iss !== expected.issuer) {
    valid = false;
    const which = describeIssuer(iss, expected.localIssuer);
    findings.push({
      severity: 'error',
      code,
      message: `Wrong issuer: iss is ${shownValue(iss ?? '(missing)', 120)}${which ? ` (${which})` : ''}, not ${expected.issuer}. A client configured for ${expected.environmentLabel} rejects it.`,
    });
  } else
    findings.push({
      severity: 'ok',
      message: `iss is ${expected.issuer}, the issuer of ${expected.environmentLabel}.`,
    });

  const audClaim = jwt.kind === 'access_token' ? 'client_id' : 'aud';
  const audValue = jwt.payload[audClaim];
  const auds = (Array.isArray(audValue) ? audValue : [audValue]).filter(
    (a): a is string => typeof a === 'string',
  );
  if (expected.clientId !== undefined && expected.clientId !== '') {
    if (!auds.includes(expected.clientId)) {
      valid = false;
      findings.push({
        severity: 'error',
        code,
        message: `Wrong audience: ${audClaim} is ${shownValue(audValue ?? '(missing)', 120)}, not your client_id ${shownValue(expected.clientId, 80)}. The token was issued to another client; yours must reject it.`,
      });
    } else
      findings.push({
        severity: 'ok',
        message: `${audClaim} is your client_id ${shownValue(expected.clientId, 80)}.`,
      });
  } else {
    const known = auds.map(fixtureClient).filter((c) => c !== undefined);
    findings.push({
      severity: 'info',
      message: `${audClaim} is ${shownValue(audValue ?? '(missing)', 120)}${known.length ? ` — ${known.map(describeFixtureClient).join(', ')}` : ''}. Type your client_id to check it (the portal’s test clients are ${fixtureClientIds.join(', ')}).`,
    });
  }

  const exp = jwt.payload['exp'];
  if (typeof exp === 'number' && exp + skewSeconds < expected.nowMs / 1000) {
    valid = false;
    findings.push({
      severity: 'error',
      code: jwt.kind === 'access_token' ? 'invalid_token' : 'invalid_id_token',
      message: `Expired: the signature is genuine, but the token expired ${formatRelative(exp - expected.nowMs / 1000)}.`,
    });
  }
  return { verified: valid, findings };
}

/** The claims that hold times, for the renderer's order. */
export const timeClaims: readonly string[] = timeClaimNames;
