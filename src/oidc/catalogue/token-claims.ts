/**
 * The claims every TelenorID+ token carries by protocol, not by a scope (facts §12, §13), each with its
 * source: what the inspector says about a pasted token's claims. Scope claims are in scopes.ts.
 */
import { fromGuide, fromStandard, portalChoice, type FactSource } from './sources';

export type TokenClaim = { name: string; meaning: string; source: FactSource };

const core = (section: string, anchor: string): FactSource =>
  fromStandard(
    `OpenID Connect Core 1.0 ${section} (the guide shows the claim without describing it)`,
    `https://openid.net/specs/openid-connect-core-1_0.html#${anchor}`,
  );
const atTable = fromGuide('facts §12; old guide access token page, claims table');
const idTable = fromGuide('facts §13; old guide ID token page, claims table');

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
    source: core('§2', 'IDToken'),
  },
  nonce: {
    name: 'nonce',
    meaning: 'The nonce the client sent to /authorize; the client checks it to reject a replayed token.',
    source: core('§2', 'IDToken'),
  },
  at_hash: {
    name: 'at_hash',
    meaning:
      'Half of the SHA-256 of the access token: binds the ID token to the access token issued with it.',
    source: core('§3.1.3.6', 'CodeIDToken'),
  },
  c_hash: {
    name: 'c_hash',
    meaning: 'Half of the SHA-256 of the authorization code (hybrid flows).',
    source: core('§3.3.2.11', 'HybridIDToken'),
  },
  s_hash: {
    name: 's_hash',
    meaning: 'Half of the SHA-256 of the state: binds the ID token to the state of the request.',
    source: fromStandard(
      'Financial-grade API Security Profile 1.0 Part 2 §5.1, an OpenID Connect profile (the guide’s example token carries it; it is not in its table)',
      'https://openid.net/specs/openid-financial-api-part-2-1_0.html#id-token-as-detached-signature',
    ),
  },
  sid: {
    name: 'sid',
    meaning: 'The session id of the login at the provider, as logout messages name it.',
    source: fromStandard(
      'OpenID Connect Front-Channel Logout 1.0 §3 (the guide lists sid without describing it)',
      'https://openid.net/specs/openid-connect-frontchannel-1_0.html#ClaimsContents',
    ),
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
    source: portalChoice(
      'the guide lists idp without describing it; its example values (no.telenor.id.proxy.<client>) name the Telenor ID login TelenorID+ used, so the portal reads it that way.',
    ),
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
    source: core('§2', 'IDToken'),
  },
};
