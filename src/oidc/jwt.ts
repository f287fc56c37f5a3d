/**
 * Decode and verify ID and access tokens with jose, and say which claim came from which scope.
 */
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type ProtectedHeaderParameters,
} from 'jose';
import { claims as claimCatalogue, signingAlgorithm, type ClaimLocation } from './catalogue';
import { scopeOfClaim } from './catalogue/fixtures';
import { failure, stringProp, type OidcFailure, type Result } from './failures';

export type DecodedJwt = { header: ProtectedHeaderParameters; claims: JWTPayload };

/** Decode without verifying (to show a token). Fails for opaque (non-JWT) tokens. */
export function decodeToken(token: string): Result<{ jwt: DecodedJwt }> {
  try {
    return { ok: true, jwt: { header: decodeProtectedHeader(token), claims: decodeJwt(token) } };
  } catch {
    return failure('invalid_response', { detail: 'The token is not a JWT (it may be opaque by design).' });
  }
}

export type VerifyOptions = {
  jwks: JSONWebKeySet;
  issuer: string;
  /** The current time; default now. */
  currentDate?: Date;
  /** Seconds of clock skew to tolerate. Default 30. */
  clockToleranceSeconds?: number;
};

function joseFailure(error: unknown, code: 'invalid_id_token' | 'invalid_access_token'): OidcFailure {
  const joseCode = stringProp(error, 'code');
  const claim = stringProp(error, 'claim');
  const details: Record<string, string> = {
    ERR_JWT_EXPIRED: 'The token has expired (exp is in the past).',
    ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'The signature does not verify with the provider’s keys.',
    ERR_JWKS_NO_MATCHING_KEY: 'No key in the JWKS matches the token’s kid.',
    ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'Several keys in the JWKS match the token’s kid.',
    ERR_JOSE_ALG_NOT_ALLOWED: `The token is not signed with ${signingAlgorithm}.`,
    ERR_JWS_INVALID: 'The token is not a well-formed JWS.',
    ERR_JWT_INVALID: 'The token is not a well-formed JWT.',
  };
  const detail =
    joseCode === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && claim
      ? `The ${claim} claim failed validation.`
      : joseCode !== undefined
        ? details[joseCode]
        : undefined;
  return failure(code, { ...(detail ? { detail } : {}), cause: joseCode ?? error }).failure;
}

/**
 * Verify an ID token: RS256 signature against the provider's JWKS, iss, aud, exp/iat, and nonce.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export async function verifyIdToken(
  idToken: string,
  options: VerifyOptions & { clientId: string; nonce?: string },
): Promise<Result<{ jwt: DecodedJwt }>> {
  try {
    const { payload, protectedHeader } = await jwtVerify(idToken, createLocalJWKSet(options.jwks), {
      issuer: options.issuer,
      audience: options.clientId,
      algorithms: [signingAlgorithm],
      clockTolerance: options.clockToleranceSeconds ?? 30,
      ...(options.currentDate ? { currentDate: options.currentDate } : {}),
      requiredClaims: ['sub', 'iat', 'exp'],
    });
    if (options.nonce !== undefined && payload['nonce'] !== options.nonce) return failure('nonce_mismatch');
    return { ok: true, jwt: { header: protectedHeader, claims: payload } };
  } catch (error) {
    return { ok: false, failure: joseFailure(error, 'invalid_id_token') };
  }
}

/**
 * Verify a JWT access token as an API would: RS256 signature, iss, `typ: at+jwt`, exp.
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4
 */
export async function verifyAccessToken(
  accessToken: string,
  options: VerifyOptions,
): Promise<Result<{ jwt: DecodedJwt }>> {
  try {
    const { payload, protectedHeader } = await jwtVerify(accessToken, createLocalJWKSet(options.jwks), {
      issuer: options.issuer,
      algorithms: [signingAlgorithm],
      typ: 'at+jwt',
      clockTolerance: options.clockToleranceSeconds ?? 30,
      ...(options.currentDate ? { currentDate: options.currentDate } : {}),
    });
    return { ok: true, jwt: { header: protectedHeader, claims: payload } };
  } catch (error) {
    return { ok: false, failure: joseFailure(error, 'invalid_access_token') };
  }
}

/** Claims every token has by protocol, not by a scope. */
const protocolClaims: Record<string, string> = {
  iss: 'Issuer: who made the token.',
  sub: 'The user, as this client knows them.',
  aud: 'Audience: who the token is for.',
  exp: 'Expiry time (seconds since 1970).',
  iat: 'Issued at.',
  nbf: 'Not valid before.',
  auth_time: 'When the user authenticated.',
  nonce: 'The nonce the client sent; proves the token answers this login.',
  at_hash: 'Hash of the access token, binding the two.',
  c_hash: 'Hash of the code.',
  s_hash: 'Hash of the state.',
  sid: 'Session id.',
  'ibis.sid': 'Internal TelenorID+ session id.',
  jti: 'Unique token id.',
  acr: 'Authenticator assurance level reached.',
  amr: 'Authentication methods used (RFC 8176).',
  azp: 'Authorized party.',
  idp: 'The identity provider the login went through.',
  client_id: 'The client that got the token (do not use for access control).',
  scope: 'The scopes bound to the token.',
  cnf: 'Confirmation (proof-of-possession) key.',
};

export type ClaimOrigin = {
  claim: string;
  value: unknown;
  meaning?: string;
  /** `scope`: requested through `scope`; `protocol`: part of every token; `unknown`: not in the catalogue. */
  source: 'scope' | 'protocol' | 'unknown';
  scope?: string;
};

/**
 * Mark which claim came from which scope (per the catalogue), for a token or a userinfo answer.
 * @param grantedScopes the scopes the token carries (or that were requested).
 * @param location where the claims were found.
 */
export function claimOrigins(
  claims: Record<string, unknown>,
  grantedScopes: readonly string[],
  location: ClaimLocation,
): ClaimOrigin[] {
  return Object.keys(claims).map((claim): ClaimOrigin => {
    const value = claims[claim];
    const meaning = Object.prototype.hasOwnProperty.call(claimCatalogue, claim)
      ? claimCatalogue[claim]?.meaning
      : undefined;
    // The one scope rule, per location (fixtures): a scope counts only where it puts the claim, so an
    // ID token's aud is the protocol's even when extsub (which adds aud to the access token) is granted.
    const fromScope = scopeOfClaim(claim, grantedScopes, location);
    if (fromScope)
      return { claim, value, source: 'scope', scope: fromScope, ...(meaning ? { meaning } : {}) };
    if (Object.prototype.hasOwnProperty.call(protocolClaims, claim))
      return { claim, value, source: 'protocol', meaning: protocolClaims[claim] };
    return { claim, value, source: 'unknown', ...(meaning ? { meaning } : {}) };
  });
}
