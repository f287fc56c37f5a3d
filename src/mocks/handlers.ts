/**
 * The mock TelenorID+ tenant as MSW request handlers, for the browser (service worker) and Node
 * (Vitest). All logic lives in tenant.ts; this file only maps HTTP to it and adds CORS.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { endpointPaths } from '../oidc/catalogue/endpoints';
import { mockIssuer } from '../oidc/environments';
import { testClockPaths } from '../oidc/test-clock';
import {
  mockControlPath,
  mockDevicePath,
  mockLoginPath,
  mockPhonePath,
  type MockControlRequest,
} from './control';
import {
  advanceMockClock,
  completeMockLogin,
  endMockSession,
  getMockScenario,
  mockAuthorize,
  mockBackchannelAuthentication,
  mockCustomLogout,
  mockDeviceAuthorization,
  mockDeviceDecision,
  mockPhone,
  mockPhoneAnswer,
  mockDiscoveryDocument,
  mockEndSession,
  mockJwks,
  mockRevocation,
  mockTokenEndpoint,
  mockTestClock,
  mockUserinfo,
  moveMockTestClock,
  revokeMockRefreshTokens,
  setMockScenario,
  type MockAuthorizeResult,
  type MockHttpAnswer,
} from './tenant';

/** Path of the control endpoint a page uses to switch scenarios (POST JSON, see README). */

const cors: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, DPoP',
  'Access-Control-Expose-Headers': 'WWW-Authenticate',
  'Cache-Control': 'no-store',
};

function reply(answer: MockHttpAnswer): Response {
  const headers = { ...cors, ...answer.headers };
  if (answer.json !== undefined)
    return HttpResponse.json(answer.json as Record<string, unknown>, { status: answer.status, headers });
  return new HttpResponse(answer.text ?? '', {
    status: answer.status,
    headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

async function formOf(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? '';
  const text = await request.text();
  if (type.includes('application/json')) {
    try {
      const json = JSON.parse(text) as Record<string, unknown>;
      return new URLSearchParams(Object.entries(json).map(([k, v]) => [k, String(v)]));
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(text);
}

const at = (path: string) => mockIssuer + path;

function authorizeReply(result: MockAuthorizeResult): Response {
  if (result.kind === 'error_page') return reply({ status: 400, json: result });
  if (result.kind === 'login') return reply({ status: 200, json: { login: result } });
  return new HttpResponse(null, { status: 302, headers: { ...cors, Location: result.redirectTo } });
}

/** The mock tenant's handlers. Creating them touches no browser API, so importing this file is safe anywhere. */
export const handlers: HttpHandler[] = [
  http.options(`${mockIssuer}/*`, () => new HttpResponse(null, { status: 204, headers: cors })),
  http.get(at(endpointPaths.discovery.path), () => reply({ status: 200, json: mockDiscoveryDocument() })),
  http.get(at(endpointPaths.jwks_uri.path), async () =>
    reply({ status: 200, json: await mockJwks(), headers: { 'Content-Type': 'application/jwk-set+json' } }),
  ),
  // In Node the authorize endpoint is answered here (tests follow the 302, or submit the login
  // screen, answered as JSON, to the login path); in the browser the discovery document points at a
  // portal page that calls mockAuthorize() and completeMockLogin() itself.
  http.get(at(endpointPaths.authorization_endpoint.path), async ({ request }) =>
    authorizeReply(await mockAuthorize(new URL(request.url).searchParams)),
  ),
  http.post(at(mockLoginPath), async ({ request }) => {
    const form = await formOf(request);
    return authorizeReply(await completeMockLogin(form.get('request') ?? '', form.get('user')));
  }),
  http.post(at(endpointPaths.token_endpoint.path), async ({ request }) =>
    reply(await mockTokenEndpoint(await formOf(request), request.headers.get('authorization'))),
  ),
  http.get(at(endpointPaths.userinfo_endpoint.path), async ({ request }) =>
    reply(await mockUserinfo(request.headers.get('authorization'))),
  ),
  http.post(at(endpointPaths.userinfo_endpoint.path), async ({ request }) =>
    reply(await mockUserinfo(request.headers.get('authorization'))),
  ),
  http.post(at(endpointPaths.revocation_endpoint.path), async ({ request }) =>
    reply(await mockRevocation(await formOf(request), request.headers.get('authorization'))),
  ),
  http.get(at(endpointPaths.end_session_endpoint.path), async ({ request }) => {
    const result = await mockEndSession(new URL(request.url).searchParams);
    return result.redirectTo
      ? new HttpResponse(null, { status: 302, headers: { ...cors, Location: result.redirectTo } })
      : reply({
          status: 200,
          text: result.detail ? `${result.message}\n\n${result.detail}` : result.message,
        });
  }),
  http.post(at(endpointPaths.custom_logout_endpoint.path), async ({ request }) => {
    if (!(request.headers.get('content-type') ?? '').includes('application/json'))
      return reply({ status: 400, text: 'Content-Type must be application/json' });
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return reply({ status: 400, text: 'id_token_hint is null' });
    }
    return reply(await mockCustomLogout(body));
  }),
  // The test clock (src/oidc/test-clock.ts): the contract the local tenant's /__tenant/clock shares.
  http.get(at(testClockPaths.mock), () => reply({ status: 200, json: mockTestClock() })),
  http.post(at(testClockPaths.mock), async ({ request }) => {
    if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json'))
      return reply({
        status: 415,
        json: { error: 'invalid_request', error_description: 'Send Content-Type: application/json.' },
      });
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      body = undefined;
    }
    return reply(moveMockTestClock(body));
  }),
  http.post(at(endpointPaths.device_authorization_endpoint.path), async ({ request }) =>
    reply(await mockDeviceAuthorization(await formOf(request), request.headers.get('authorization'))),
  ),
  http.post(at(endpointPaths.backchannel_authentication_endpoint.path), async ({ request }) =>
    reply(await mockBackchannelAuthentication(await formOf(request), request.headers.get('authorization'))),
  ),
  http.post(at(mockDevicePath), async ({ request }) => {
    const form = await formOf(request);
    const decision = form.get('decision') === 'deny' ? 'deny' : 'approve';
    const result = await mockDeviceDecision(form.get('user_code') ?? '', form.get('user') ?? '', decision);
    return reply({ status: result.ok ? 200 : 400, json: result });
  }),
  http.get(at(mockPhonePath), async () => reply({ status: 200, json: { prompts: await mockPhone() } })),
  http.post(at(mockPhonePath), async ({ request }) => {
    const body = (await request.json().catch(() => ({}))) as { prompt?: unknown; decision?: unknown };
    const done =
      typeof body.prompt === 'string' &&
      (await mockPhoneAnswer(body.prompt, body.decision === 'deny' ? 'deny' : 'approve'));
    return reply({ status: done ? 200 : 404, json: { answered: done } });
  }),
  http.get(at(mockControlPath), () => reply({ status: 200, json: getMockScenario() })),
  http.post(at(mockControlPath), async ({ request }) => {
    let body: MockControlRequest;
    try {
      body = (await request.json()) as MockControlRequest;
    } catch {
      return reply({
        status: 400,
        json: { error: 'invalid_request', error_description: 'Send a JSON object.' },
      });
    }
    if (body.set && typeof body.set === 'object') setMockScenario(body.set);
    if (typeof body.advanceClockSeconds === 'number') advanceMockClock(body.advanceClockSeconds);
    const revoked = body.revokeRefreshTokens === true ? revokeMockRefreshTokens() : 0;
    if (body.endSession === true) endMockSession();
    return reply({ status: 200, json: { scenario: getMockScenario(), revokedRefreshTokens: revoked } });
  }),
];
