// One list of scenarios (scenarios.ts), run against the mock and against the local tenant: what a
// client sees must be the same value for value, except where the list names an intended difference.
import * as jose from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { endpointPaths, type ClientTypeName } from '../../../src/oidc/catalogue';
import { testClient, type Engine } from '../../../src/oidc/catalogue/fixtures';
import { server } from '../../../src/mocks/node';
import { resetMockTenant } from '../../../src/mocks/tenant';
import { startTenant, type RunningTenant } from '../../../src/tenant';
import { mockDriver, redirectUri, tenantDriver, type EngineDriver } from './engines';
import { intendedDifferences, scenarios, type Scenario, type Step, type StepExpectation } from './scenarios';

let tenant: RunningTenant;
const realNow = Date.now.bind(Date);
let offsetMs = 0;

beforeAll(async () => {
  // The mock answers its issuer in-process; requests to the tenant on loopback pass through.
  server.listen({ onUnhandledRequest: 'bypass' });
  tenant = await startTenant({ port: 0, allowedOrigins: [] });
  // Both engines read the clock through Date.now (jose, oidc-provider, the mock): moving it makes
  // tokens expire on both without waiting.
  Date.now = () => realNow() + offsetMs;
});
afterEach(() => {
  offsetMs = 0;
});
afterAll(async () => {
  Date.now = realNow;
  server.close();
  resetMockTenant();
  await tenant?.close();
});

type Observation = Record<string, unknown>;

type RunState = {
  clientType: ClientTypeName;
  refreshTokens: string[];
  accessToken?: string;
  idToken?: string;
};

const volatile = {
  time: '<time>',
  id: '<id>',
  hash: '<hash>',
};

/** Claims with what differs by nature (times, ids, the issuer's and client's names) replaced by markers. */
function normalise(
  claims: Record<string, unknown>,
  ctx: { issuer: string; clientId: string; nonce?: string },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const iat = typeof claims.iat === 'number' ? claims.iat : undefined;
  for (const [k, v] of Object.entries(claims)) {
    switch (k) {
      case 'iss':
        out[k] = v === ctx.issuer ? '<issuer>' : v;
        break;
      case 'aud':
      case 'client_id':
      case 'azp':
        out[k] =
          v === ctx.clientId || (Array.isArray(v) && v.length === 1 && v[0] === ctx.clientId)
            ? '<client>'
            : v;
        break;
      case 'exp':
        out[k] = typeof v === 'number' && iat !== undefined ? `<iat + ${v - iat} s>` : v;
        break;
      case 'iat':
      case 'nbf':
        out[k] = typeof v === 'number' ? volatile.time : v;
        break;
      case 'auth_time':
        // How long before iat the login happened, to the minute (a test-clock jump ages the login).
        out[k] = typeof v === 'number' && iat !== undefined ? `<iat - ${Math.round((iat - v) / 60)} min>` : v;
        break;
      case 'nonce':
        out[k] = v === ctx.nonce ? '<nonce>' : v;
        break;
      case 'jti':
        out[k] = volatile.id;
        break;
      case 'at_hash':
      case 'c_hash':
      case 's_hash':
        out[k] = volatile.hash;
        break;
      case 'sid':
        out[k] = typeof v === 'string' && /^[0-9A-F]{32}$/.test(v) ? '<32 hex digits>' : v;
        break;
      case 'ibis.sid':
        out[k] = typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v) ? '<uuid>' : v;
        break;
      case 'scope':
        out[k] = (Array.isArray(v) ? [...(v as string[])] : String(v).split(' ')).sort();
        break;
      default:
        out[k] = v;
    }
  }
  return out;
}

async function tokenCall(
  driver: EngineDriver,
  clientType: ClientTypeName,
  path: string,
  form: Record<string, string>,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const client = testClient(driver.engine, clientType);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const body = new URLSearchParams(form);
  if (client.clientSecret)
    headers.authorization = `Basic ${btoa(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`)}`;
  else body.set('client_id', client.clientId);
  const response = await fetch(driver.issuer + path, { method: 'POST', headers, body });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    json = { text };
  }
  return { status: response.status, json };
}

function decode(token: unknown): Record<string, unknown> | undefined {
  if (typeof token !== 'string' || token.split('.').length !== 3) return undefined;
  return jose.decodeJwt(token) as Record<string, unknown>;
}

async function loginStep(
  driver: EngineDriver,
  state: RunState,
  step: Extract<Step, { do: 'login' | 'silent' }>,
): Promise<Observation> {
  const clientType = step.client ?? state.clientType;
  const scope = step.scope ?? 'openid';
  const outcome = await driver.authorize(
    step.do === 'silent'
      ? { clientType, scope, prompt: 'none', ...(step.maxAge !== undefined ? { maxAge: step.maxAge } : {}) }
      : {
          clientType,
          scope,
          ...(step.prompt ? { prompt: step.prompt } : {}),
          ...(step.loginHint ? { loginHint: step.loginHint } : {}),
          ...(step.acrValues ? { acrValues: step.acrValues } : {}),
          ...(step.maxAge !== undefined ? { maxAge: step.maxAge } : {}),
          ...(step.user ? { user: step.user } : {}),
        },
  );
  const obs: Observation = {
    screen: outcome.screen.shown,
    ...(outcome.screen.shown
      ? { screenUsers: outcome.screen.users, preselected: outcome.screen.preselected }
      : {}),
  };
  if (outcome.errorPage) return { ...obs, errorPage: outcome.errorPage.status };
  const callback = outcome.callback!;
  obs.callbackError = callback.searchParams.get('error') ?? undefined;
  obs.callbackState =
    callback.searchParams.get('state') === outcome.state ? '<state>' : callback.searchParams.get('state');
  const code = callback.searchParams.get('code');
  if (!code) return obs;
  const client = testClient(driver.engine, clientType);
  const answer = await tokenCall(driver, clientType, endpointPaths.token_endpoint.path, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: outcome.verifier,
  });
  obs.status = answer.status;
  obs.error = answer.json.error;
  if (answer.status !== 200) return obs;
  state.clientType = clientType;
  state.accessToken = String(answer.json.access_token);
  state.idToken = typeof answer.json.id_token === 'string' ? answer.json.id_token : undefined;
  const refresh = answer.json.refresh_token;
  state.refreshTokens = typeof refresh === 'string' ? [refresh] : [];
  const ctx = { issuer: driver.issuer, clientId: client.clientId, nonce: outcome.nonce };
  obs.scope = typeof answer.json.scope === 'string' ? answer.json.scope.split(' ').sort() : answer.json.scope;
  obs.tokenType = answer.json.token_type;
  obs.expiresIn = answer.json.expires_in;
  obs.refresh = typeof refresh === 'string' ? 'issued' : 'none';
  obs.idToken = state.idToken ? normalise(decode(state.idToken)!, ctx) : undefined;
  obs.accessToken = normalise(decode(state.accessToken) ?? {}, ctx);
  return obs;
}

async function runStep(driver: EngineDriver, state: RunState, step: Step): Promise<Observation> {
  switch (step.do) {
    case 'login':
    case 'silent':
      return loginStep(driver, state, step);
    case 'refresh': {
      const token = step.token === 'first' ? state.refreshTokens[0] : state.refreshTokens.at(-1);
      if (!token) return { note: 'no refresh token to present' };
      const answer = await tokenCall(driver, step.as ?? state.clientType, endpointPaths.token_endpoint.path, {
        grant_type: 'refresh_token',
        refresh_token: token,
      });
      const next = answer.json.refresh_token;
      if (answer.status === 200 && typeof next === 'string' && next !== state.refreshTokens.at(-1))
        state.refreshTokens.push(next);
      return {
        status: answer.status,
        error: answer.json.error,
        refresh: typeof next !== 'string' ? 'none' : next === token ? 'same' : 'rotated',
        ...(answer.status === 200
          ? {
              scope:
                typeof answer.json.scope === 'string'
                  ? answer.json.scope.split(' ').sort()
                  : answer.json.scope,
              idToken: answer.json.id_token
                ? Object.keys(decode(answer.json.id_token) ?? {}).sort()
                : undefined,
            }
          : {}),
      };
    }
    case 'revoke': {
      const answer = await tokenCall(driver, state.clientType, endpointPaths.revocation_endpoint.path, {
        token: state.refreshTokens.at(-1) ?? '',
        token_type_hint: 'refresh_token',
      });
      return { status: answer.status };
    }
    case 'logout': {
      const endsAt = await driver.logout(state.idToken ?? '');
      return { endsAt: endsAt.replace(/^http:\/\/localhost:3000\/callback\//, '<callback>') };
    }
    case 'userinfo': {
      const response = await fetch(driver.issuer + endpointPaths.userinfo_endpoint.path, {
        headers: { authorization: `Bearer ${state.accessToken ?? ''}` },
      });
      const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      return { status: response.status, userinfo: normalise(json, { issuer: driver.issuer, clientId: '' }) };
    }
    case 'wait':
      offsetMs += step.seconds * 1000;
      return {};
    case 'clock':
      await driver.moveClock({ advanceSeconds: step.advance });
      return {};
    case 'customLogout': {
      const answer = await driver.customLogout(state.idToken ?? '', step.state);
      return { status: answer.status, text: answer.text };
    }
    case 'consent':
      await driver.setConsentRequired(step.required);
      return {};
  }
}

async function run(driver: EngineDriver, scenario: Scenario): Promise<Observation[]> {
  offsetMs = 0;
  await driver.reset();
  const state: RunState = { clientType: 'Public', refreshTokens: [] };
  const out: Observation[] = [];
  try {
    for (const step of scenario.steps) out.push(await runStep(driver, state, step));
  } finally {
    await driver.setConsentRequired(false).catch(() => undefined);
    await driver.moveClock({ reset: true }).catch(() => undefined);
  }
  return out;
}

function checkExpectation(engine: Engine, i: number, obs: Observation, want: StepExpectation | undefined) {
  if (!want) return;
  const where = `${engine}, step ${i + 1}`;
  for (const [key, value] of Object.entries(want)) {
    if (key === 'idToken' || key === 'accessToken' || key === 'userinfo')
      expect(obs[key], `${where}: ${key}`).toMatchObject(value as Record<string, unknown>);
    else if (key === 'screen') expect(obs.screen, `${where}: login screen shown`).toBe(value);
    else expect(obs[key], `${where}: ${key}`).toEqual(value);
  }
}

/** Observations with the intended differences of this scenario masked on both sides. */
function masked(scenario: Scenario, observations: Observation[]): Observation[] {
  const rules = intendedDifferences.filter((d) => d.scenario.test(scenario.name));
  const walk = (value: unknown, path: string): unknown => {
    if (rules.some((r) => r.path.test(path))) return '<intended difference>';
    if (value && typeof value === 'object' && !Array.isArray(value))
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, walk(v, `${path}.${k}`)]),
      );
    return value;
  };
  return observations.map((o, i) => walk(o, String(i + 1)) as Observation);
}

describe('the mock and the local tenant behave as one TelenorID+', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const mock = await run(mockDriver(), scenario);
    const local = await run(tenantDriver(tenant.issuer), scenario);
    if (process.env.CONFORMANCE_DEBUG) console.log(JSON.stringify({ mock, local }, null, 1));
    scenario.steps.forEach((step, i) => {
      checkExpectation('mock', i, mock[i]!, step.expect);
      checkExpectation('local', i, local[i]!, step.expect);
    });
    expect(masked(scenario, local), 'the tenant (left: mock)').toEqual(masked(scenario, mock));
  });
});
