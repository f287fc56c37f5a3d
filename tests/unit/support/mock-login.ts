/**
 * The mock's authorization endpoint as a reader uses it: when the login screen shows, pick a test user
 * (the one named, else the one login_hint preselects, else the guide's test user) and follow the
 * redirect. One call for tests that are about what comes after the login.
 */
import { defaultTestUserId } from '../../../src/oidc/catalogue/fixtures';
import { completeMockLogin, mockAuthorize, type MockAuthorizeResult } from '../../../src/mocks/tenant';

export async function mockAuthorizeAs(
  params: URLSearchParams | Record<string, string>,
  userId?: string,
): Promise<Exclude<MockAuthorizeResult, { kind: 'login' }>> {
  const answer = await mockAuthorize(params);
  if (answer.kind !== 'login') return answer;
  const next = await completeMockLogin(answer.request, userId ?? answer.preselected ?? defaultTestUserId);
  if (next.kind === 'login') throw new Error(`the mock's login screen again: ${next.error ?? ''}`);
  return next;
}
