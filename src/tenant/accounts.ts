/**
 * The local tenant's test users: the portal's one fixture model (src/oidc/catalogue/fixtures.ts),
 * the same users, claim values and claims-per-scope rule as the mock. The account id is the fixture
 * user's id; what a client sees as `sub` is the pairwise id both engines derive (`pairwiseSub`).
 */
import { createHash } from 'node:crypto';
import { authenticatorAssuranceLevels } from '../oidc/catalogue';
import {
  claimsFor,
  findTestUser,
  findTestUserByHint,
  testUsers,
  type TestUser,
} from '../oidc/catalogue/fixtures';

export { claimsFor, findTestUser, findTestUserByHint, testUsers, type TestUser };

/** The AAL URN as oidc-provider keeps it on the session (a string); the tokens carry it as a one-element array. */
export function acrOf(user: TestUser): string {
  return authenticatorAssuranceLevels.find((a) => a.level === user.aal)!.acr;
}

/** A UUID-shaped id for an oidc-provider session uid: the `ibis.sid` the tokens carry (and `sid`, from it). */
export function sessionIdOf(sessionUid: string | undefined): string {
  const hex = createHash('sha256')
    .update(sessionUid ?? '')
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
