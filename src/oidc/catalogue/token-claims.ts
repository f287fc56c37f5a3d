/**
 * The claims every TelenorID+ token carries by protocol, not by a scope (facts §12, §13), each with its
 * source: what the inspector says about a pasted token's claims. Scope claims are in scopes.ts.
 */
import type { FactSource } from './sources';

// Plain object literals, no calls at module level: a bundle that imports the catalogue but not these
// claims (every widget but the inspector) can leave this module out.

export type TokenClaim = { name: string; meaning: string; source: FactSource };

const atTable: FactSource = { kind: 'guide', ref: 'facts §12; old guide access token page, claims table' };
const idTable: FactSource = { kind: 'guide', ref: 'facts §13; old guide ID token page, claims table' };
const coreIdToken: FactSource = {
  kind: 'standard',
  ref: 'OpenID Connect Core 1.0 §2 (the guide shows the claim without describing it)',
  url: 'https://openid.net/specs/openid-connect-core-1_0.html#IDToken',
};

export const tokenClaims: Record<string, TokenClaim> = {
  iss: {
    name: 'iss',
    meaning: 'The issuer: which TelenorID+ environment made the token. Check it against discovery.',
    source: atTable,
  },
  aud: {
    name: 'aud',
    meaning: 'The audience. In an ID token: the client_id of the client that asked for the login.',
    source: idTable,
  },
  exp: { name: 'exp', meaning: 'When the token expires.', source: atTable },
  iat: { name: 'iat', meaning: 'When the token was issued.', source: atTable },
  nbf: { name: 'nbf', meaning: 'The token is not valid before this time.', source: atTable },
  auth_time: {
    name: 'auth_time',
    meaning:
      'When the user last authenticated (the old guide calls it the creation time; OpenID Connect defines it as the time of authentication).',
    source: coreIdToken,
  },
  nonce: {
    name: 'nonce',
    meaning: 'The nonce the client sent to /authorize; the client checks it to reject a replayed token.',
    source: coreIdToken,
  },
  at_hash: {
    name: 'at_hash',
    meaning:
      'Half of the SHA-256 of the access token: binds the ID token to the access token issued with it.',
    source: {
      kind: 'standard',
      ref: 'OpenID Connect Core 1.0 §3.1.3.6 (the guide’s example token carries it; it is not in its table)',
      url: 'https://openid.net/specs/openid-connect-core-1_0.html#CodeIDToken',
    },
  },
  c_hash: {
    name: 'c_hash',
    meaning: 'Half of the SHA-256 of the authorization code (hybrid flows).',
    source: {
      kind: 'standard',
      ref: 'OpenID Connect Core 1.0 §3.3.2.11 (hybrid flows, which TelenorID+ does not recommend)',
      url: 'https://openid.net/specs/openid-connect-core-1_0.html#HybridIDToken',
    },
  },
  s_hash: {
    name: 's_hash',
    meaning: 'Half of the SHA-256 of the state: binds the ID token to the state of the request.',
    source: {
      kind: 'standard',
      ref: 'Financial-grade API Security Profile 1.0 Part 2 §5.1, an OpenID Connect profile (the guide’s example token carries it; it is not in its table)',
      url: 'https://openid.net/specs/openid-financial-api-part-2-1_0.html#id-token-as-detached-signature',
    },
  },
  sid: {
    name: 'sid',
    meaning: 'The session id of the login at the provider, as logout messages name it.',
    source: {
      kind: 'standard',
      ref: 'OpenID Connect Front-Channel Logout 1.0 §3 (the guide lists sid without describing it)',
      url: 'https://openid.net/specs/openid-connect-frontchannel-1_0.html#ClaimsContents',
    },
  },
  'ibis.sid': {
    name: 'ibis.sid',
    meaning: 'TelenorID+’s internal session id (IBIS is TelenorID+’s internal name).',
    source: atTable,
  },
  jti: { name: 'jti', meaning: 'A unique id of this token.', source: atTable },
  acr: {
    name: 'acr',
    meaning: 'The authenticator assurance level (AAL) the login reached.',
    source: atTable,
  },
  amr: {
    name: 'amr',
    meaning: 'The authentication methods used in the session (RFC 8176), mostly passed on from the provider.',
    source: idTable,
  },
  idp: {
    name: 'idp',
    meaning: 'The upstream identity provider (login scheme) the user logged in through.',
    source: {
      kind: 'portal-choice',
      why: 'the guide lists idp without describing it; its example values (such as no.telenor.id.proxy.demo-client) name the Telenor ID login TelenorID+ used, so the portal reads it that way.',
    },
  },
  client_id: {
    name: 'client_id',
    meaning: 'The client that got the token. Do not use it for access control.',
    source: atTable,
  },
  scope: { name: 'scope', meaning: 'The scopes bound to the token.', source: atTable },
  azp: {
    name: 'azp',
    meaning: 'The authorized party: the client the ID token was issued to, when aud names others too.',
    source: coreIdToken,
  },
};
