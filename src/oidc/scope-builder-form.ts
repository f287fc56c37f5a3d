/**
 * The scope builder's form as one value and one reducer: the scopes, the client type and every
 * request parameter. A share link or a login back from a full-page redirect restores it with one
 * `restore`; the share link is `selectionOf(form)`. Pure: no React, no browser.
 */
import type { AuthorizationRequest } from './authorize';
import type { ClientTypeName } from './catalogue/clients';
import type { EnvironmentId } from './environments';
import { formReducer, type FormAction } from './form';
import { checkApiScopeInput, type ScopeBuilderSelection } from './scope-builder';
import { classifyScope } from './scopes';
import { testClientFor } from './session';

export type BuilderForm = {
  clientType: ClientTypeName;
  identity: ReadonlySet<string>;
  apiScopes: readonly string[];
  extraScopes: readonly string[];
  clientId: string;
  redirectUri: string;
  responseType: string;
  responseMode: string;
  prompt: string;
  uiLocales: string;
  loginHint: string;
  acrValues: string;
};

export const defaultForm: BuilderForm = {
  clientType: 'Public',
  identity: new Set(['openid', 'profile']),
  apiScopes: [],
  extraScopes: [],
  clientId: '',
  redirectUri: '',
  responseType: 'code',
  responseMode: '',
  prompt: '',
  uiLocales: '',
  loginHint: '',
  acrValues: '',
};

export type BuilderAction =
  | FormAction<BuilderForm>
  | { type: 'toggle'; scope: string; on: boolean }
  /** The reader picked a client type: at the mock and the local tenant, its test client comes with it. */
  | { type: 'clientType'; clientType: ClientTypeName; env: EnvironmentId }
  /** The environment changed (or a link set no client_id): the client of the type there. */
  | { type: 'environment'; env: EnvironmentId };

/** The client of the chosen type at the mock or the local tenant; elsewhere the reader's own (a test client's id goes). */
function clientIdFor(env: EnvironmentId, type: ClientTypeName, current: string): string {
  return testClientFor(env, type)?.clientId ?? (/^(mock|local)-/.test(current) ? '' : current);
}

export function builderReducer(state: BuilderForm, action: BuilderAction): BuilderForm {
  switch (action.type) {
    case 'toggle': {
      const identity = new Set(state.identity);
      if (action.on) identity.add(action.scope);
      else identity.delete(action.scope);
      return { ...state, identity };
    }
    case 'clientType':
      return {
        ...state,
        clientType: action.clientType,
        clientId: clientIdFor(action.env, action.clientType, state.clientId),
      };
    case 'environment': {
      const clientId = clientIdFor(action.env, state.clientType, state.clientId);
      return clientId === state.clientId ? state : { ...state, clientId };
    }
    default:
      return formReducer(state, action);
  }
}

const order = ['openid', 'profile', 'email', 'phone', 'offline_access', 'ial0', 'ial1', 'ial2'];
function identityOrder(a: string, b: string): number {
  const ia = order.indexOf(a);
  const ib = order.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
}

/** The scopes in the order the request sends them: identity scopes first (in the guide's order), then api: and extra ones. */
export function scopesOf(form: BuilderForm): string[] {
  return [...[...form.identity].sort(identityOrder), ...form.apiScopes, ...form.extraScopes];
}

/**
 * What a share link's (already checked) selection sets in the form, and a sentence for each of its
 * scopes that was left out. The client_id is applied after the client type's own (see ScopeBuilder).
 */
export function formFromSelection(s: Partial<ScopeBuilderSelection>): {
  values: Partial<BuilderForm>;
  problems: string[];
} {
  const problems: string[] = [];
  const values: Partial<BuilderForm> = {};
  if (s.scopes) {
    const identity = new Set<string>();
    const apiScopes: string[] = [];
    const extraScopes: string[] = [];
    for (const scope of s.scopes) {
      const c = classifyScope(scope);
      if (c.classification === 'identity') identity.add(scope);
      else if (c.classification === 'api') {
        const check = checkApiScopeInput(scope);
        if (check.ok) apiScopes.push(check.scope);
        else problems.push(`The link’s scope “${scope.slice(0, 40)}” was left out: ${check.reason}`);
      } else extraScopes.push(scope);
    }
    Object.assign(values, { identity, apiScopes, extraScopes });
  }
  const keys = [
    'clientType',
    'clientId',
    'redirectUri',
    'responseType',
    'responseMode',
    'prompt',
    'uiLocales',
    'loginHint',
    'acrValues',
  ] as const;
  for (const key of keys) if (s[key] !== undefined) Object.assign(values, { [key]: s[key] });
  return { values, problems };
}

/** The non-secret selection: what the share link and a full-page redirect keep. */
export function selectionOf(
  form: BuilderForm,
  env: { id: EnvironmentId; issuer: string | undefined },
  callbackUrl: string,
): ScopeBuilderSelection {
  return {
    env: env.id,
    ...(env.id === 'custom' && env.issuer ? { issuer: env.issuer } : {}),
    scopes: scopesOf(form),
    clientType: form.clientType,
    clientId: form.clientId,
    ...(form.redirectUri !== callbackUrl ? { redirectUri: form.redirectUri } : {}),
    responseType: form.responseType,
    responseMode: form.responseMode,
    prompt: form.prompt,
    uiLocales: form.uiLocales,
    loginHint: form.loginHint,
    acrValues: form.acrValues,
  };
}

/** The scopes a built request asks for (its scope parameter). */
export function requestedScopesOf(request: AuthorizationRequest): string[] {
  const scope = request.parameters.find((p) => p.name === 'scope')?.value ?? '';
  return scope.split(' ').filter(Boolean);
}
