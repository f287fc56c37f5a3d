/**
 * What each embedded component becomes in a page's Markdown twin. A widget only exists as
 * JavaScript, so its twin is a text account of what it shows that is true without running it,
 * generated from the catalogue and the same modules the widget uses, so it cannot drift.
 * Page chrome (the copy-link button, old-anchor mapping) becomes nothing.
 *
 * Imports are relative: the twins are written in Node by a Docusaurus plugin, where the `@site`
 * alias does not exist.
 */
import {
  assumedNote,
  apiScope,
  cibaScopes,
  clientTypes,
  guide,
  identityScopes,
  refreshPolicies,
  signingAlgorithm,
  telenorIdPlusIssuers,
  type ClaimLocation,
  type FactArea,
  type FactSource,
  type GuideTopic,
  type RefreshPolicy,
} from '../oidc/catalogue';
import { discoveryFields, discoveryUrlFor, validateDiscovery } from '../oidc/discovery';
import { classifyRefreshFailure } from '../oidc/refresh';
import { silentCheckTimeoutMs, whatNext, type SilentOutcome } from '../oidc/silent';
import { causes } from '../oidc/refresh-causes';
import { clockJumps } from '../oidc/test-clock';
import { localTenantTable, type FixtureTableName } from '../components/LocalTenantFixtures/rows';
import { pasteKindLabel, pasteKinds } from '../oidc/inspect/kinds';
import {
  loggedOutPage,
  logoutRules,
  manageMyTelenorUrl,
  nativeAppLogoutSteps,
} from '../oidc/catalogue/logout';
import type { ComponentTwins } from './transform';
import { cibaTwin, deviceFlowTwin } from './polling-twins';
import {
  allAssumedFacts as assumedFacts,
  allCatalogueFacts as catalogueFacts,
} from '../oidc/catalogue/all-facts';

/** Site-relative path (`/tools/scope-builder`, `/api/token#x`) → absolute URL with baseUrl. */
export type Absolute = (path: string) => string;

const where: Record<ClaimLocation, string> = {
  id_token: 'ID token',
  userinfo: '/userinfo',
  access_token: 'access token',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

function intro(name: string, toolPath: string, abs: Absolute, does: string): string {
  return (
    `**Interactive tool: ${name}.** On the web page this is a live widget; try it at ` +
    `[${name}](${abs(toolPath)}). ${does}`
  );
}

function guideLink(topic: GuideTopic, text: string, abs: Absolute): string {
  return `[${text}](${abs(guide[topic])})`;
}

function lifetime(policy: RefreshPolicy): string {
  const s = policy.lifetimeSeconds;
  if (s === undefined) return 'no refresh token';
  const days = s / 86_400;
  const length = Number.isInteger(days) ? `${days} days` : `${s / 60} minutes`;
  return `${length}, ${policy.sliding ? 'sliding (each refresh restarts it)' : 'fixed (ends that long after login)'}`;
}

/** The scope catalogue: scope, claims and where each lands. */
export function scopeBuilderTwin(abs: Absolute): string {
  const rows = identityScopes.map((s) => [
    `\`${s.name}\``,
    s.note ? `${s.purpose} ${s.note}` : s.purpose,
    s.claims.length === 0
      ? s.requestsRefreshToken
        ? 'none: it asks for a refresh token'
        : 'none'
      : s.claims.map((c) => `\`${c.claim}\` (${c.arrives.map((l) => where[l]).join(', ')})`).join('; '),
  ]);
  const refresh = clientTypes
    .map((t) => `\`${t.name}\`: ${lifetime(refreshPolicies[t.refreshPolicy])}`)
    .join('; ');
  return [
    intro(
      'scope builder',
      '/tools/scope-builder',
      abs,
      'It composes the `scope` parameter and the whole /authorize request (PKCE S256, `state`, `nonce`), runs the login against the chosen environment and marks every claim received with the scope that brought it. What it knows about each scope:',
    ),
    '',
    table(['Scope', 'What it asks for', 'Claims, and where each arrives'], rows),
    '',
    `- API scopes are written \`${apiScope.prefix}<service>\` (for example ${apiScope.examples.map((e) => `\`${e}\``).join(', ')}): TelenorID+ passes them to Apigee and never lists them in discovery (${guideLink(apiScope.guide, 'FAQ: API scopes', abs)}).`,
    `- ${cibaScopes.map((s) => `\`${s}\``).join(' and ')} are for CIBA clients only (${guideLink('ciba', 'CIBA', abs)}).`,
    `- \`offline_access\` brings a refresh token only if the client type's refresh policy has one — ${refresh} (${guideLink('refreshTokens', 'refresh tokens', abs)}).`,
  ].join('\n');
}

/** The causes of a failed refresh, how the simulator causes each, and what a client should do. */
export function refreshSimulatorTwin(abs: Absolute): string {
  const dead = classifyRefreshFailure({ code: 'invalid_grant', status: 400 });
  const none = classifyRefreshFailure({ code: 'no_refresh_token' });
  const rows = causes.map((c) => {
    const noToken = c.id === 'no_refresh_token';
    return [
      c.title,
      c.how.mock,
      noToken ? 'no `refresh_token` in the token response' : 'HTTP 400 `invalid_grant`',
      (noToken ? none : dead).advice,
    ];
  });
  const policies = clientTypes.map((t) => {
    const policy = refreshPolicies[t.refreshPolicy];
    return [`\`${t.name}\``, t.usedBy, `\`${policy.name}\``, lifetime(policy)];
  });
  return [
    intro(
      'refresh-error simulator',
      '/tools/refresh-simulator',
      abs,
      'It logs in with a test client of each client type (against the mock TelenorID+ or the local test tenant), then causes each failure below with one click and shows the request, the answer and the reaction. The causes:',
    ),
    '',
    table(['Cause', 'How the simulator causes it (mock)', 'Answer', 'What your client should do'], rows),
    '',
    'Its timeline plots how long a refresh token lives under each client type’s refresh policy:',
    '',
    table(['Client type', 'Used by', 'Refresh policy', 'Refresh token lifetime'], policies),
    '',
    `Under the timeline, the test clock of the mock or the local tenant jumps (${clockJumps.map((j) => j.label).join(', ')}) so a lifetime runs out at once, and goes back to real time, the default.`,
  ].join('\n');
}

/** The fields the discovery explorer checks and explains. */
export function discoveryExplorerTwin(abs: Absolute): string {
  // The explorer's own validator says which fields are required and recommended: ask it about an empty document.
  const findings = validateDiscovery({}, telenorIdPlusIssuers.production);
  const fieldsOf = (code: string) =>
    [...new Set(findings.filter((f) => f.code === code).map((f) => f.field))]
      .map((f) => `\`${f}\``)
      .join(', ');
  const rows = Object.entries(discoveryFields).map(([field, info]) => [
    `\`${field}\``,
    info.group,
    info.guide ? `${info.meaning} (${guideLink(info.guide, 'guide', abs)})` : info.meaning,
  ]);
  return [
    intro(
      'discovery explorer',
      '/tools/discovery-explorer',
      abs,
      `It fetches an issuer's discovery document (TelenorID+ production: ${discoveryUrlFor(telenorIdPlusIssuers.production)}; staging: ${discoveryUrlFor(telenorIdPlusIssuers.staging)}) and its JWKS, and says field by field what is wrong, missing or TelenorID+-specific.`,
    ),
    '',
    `- Required (an error when missing): ${fieldsOf('missing_required')}.`,
    `- Recommended (a warning when missing): ${fieldsOf('missing_recommended')}.`,
    '- The `issuer` must equal the requested issuer exactly; endpoints must be absolute `https` URLs (`http` only for loopback), without a fragment; `RS256` must be among the signing algorithms and `none` must not; `code` and PKCE `S256` should be advertised; the JWKS must hold public keys only.',
    '',
    'The fields it explains:',
    '',
    table(['Field', 'Group', 'Meaning'], rows),
  ].join('\n');
}

const outcomeLabels: Record<SilentOutcome, string> = {
  session: 'A code comes back: the user has a session',
  login_required: '`login_required`',
  consent_required: '`consent_required`',
  interaction_required: '`interaction_required`',
  account_selection_required: '`account_selection_required`',
  timeout: 'No answer (the hidden frame stays silent)',
  state_mismatch: 'The answer carries the wrong `state`',
  other: 'Another error',
};

/** The outcomes of a prompt=none check and what to do after each. */
export function silentAuthTwin(abs: Absolute): string {
  const outcomes = (Object.keys(outcomeLabels) as SilentOutcome[]).map((outcome) => {
    const next = whatNext(outcome);
    return [
      `- **${outcomeLabels[outcome]}.** ${next.headline} (${guideLink(next.guide, 'guide', abs)})`,
      ...next.steps.map((step, n) => `  ${n + 1}. ${step}`),
    ].join('\n');
  });
  return [
    intro(
      'prompt=none tryout',
      '/tools/silent-auth',
      abs,
      `It sends a silent /authorize request with \`prompt=none\`, in a hidden iframe or as a top-level redirect, and gives up on a hidden frame after ${silentCheckTimeoutMs / 1000} seconds. The outcomes it can show, and what to do after each:`,
    ),
    '',
    ...outcomes,
  ].join('\n');
}

/** Every component a doc page may embed, and its Markdown twin. */
/** The assumed mark in prose: its note in parentheses, linked to the list of assumptions. */
function assumedTwin(attributes: Readonly<Record<string, string>>, abs: Absolute): string {
  const source: FactSource =
    attributes['standard'] !== undefined
      ? { kind: 'standard', ref: attributes['standard'], url: '' }
      : { kind: 'portal-choice', why: attributes['choice'] ?? '' };
  return ` ([assumed](${abs('/help/assumptions')}): ${assumedNote(source)})`;
}

/** The assumptions page's lists, from the same catalogue functions as the component. */
function assumptionsListTwin(attributes: Readonly<Record<string, string>>, abs: Absolute): string {
  const assumed = assumedFacts();
  const area = attributes['area'] as FactArea | undefined;
  if (!area) {
    const total = catalogueFacts().length;
    const standard = assumed.filter((f) => f.source.kind === 'standard').length;
    return (
      `Of the ${total} facts in the portal’s catalogue, ${total - assumed.length} come from the TelenorID+ ` +
      `guide and ${assumed.length} do not: ${standard} are standard behaviour the portal assumes, and ` +
      `${assumed.length - standard} are choices of the mock and the local test tenant.`
    );
  }
  const rows = assumed.filter((f) => f.area === area);
  if (rows.length === 0) return 'Nothing assumed here: every fact comes from the guide.';
  return table(
    ['About', 'What the portal assumes', 'Why (source)'],
    rows.map((f) => [
      f.area === 'Behaviour' ? f.subject : `\`${f.subject}\``,
      f.guide ? `${f.fact} [In the guide](${abs(guide[f.guide])})` : f.fact,
      f.source.kind === 'standard'
        ? `Standard behaviour assumed: ${f.source.url ? `[${f.source.ref}](${f.source.url})` : f.source.ref}`
        : `Choice of the portal’s mock and test tenant: ${f.source.kind === 'portal-choice' ? f.source.why : ''}`,
    ]),
  );
}

/** The inspector: what it recognises and checks, and where each error is explained. */
export function inspectorTwin(abs: Absolute): string {
  return [
    intro(
      'Inspector',
      '/tools/inspector',
      abs,
      'It reads what you paste in your browser only (nothing is sent, stored or put in a URL) and recognises:',
    ),
    '',
    table(
      ['You paste', 'It shows'],
      pasteKinds.map((k) => [
        pasteKindLabel[k],
        {
          jwt: `Header and claims explained from the catalogue, times as dates, the ${signingAlgorithm} signature verified by kid against the selected environment’s keys; alg none, HMAC, unknown kid, wrong issuer or audience and expiry each named.`,
          'authorization-url':
            'Every parameter explained and checked: PKCE S256 (plain or a missing challenge flagged), state, nonce, unknown or misspelt scopes, offline_access per client type, prompt, ui_locales, acr_values, login_hint; a link that opens it in the scope builder without secrets.',
          'callback-url':
            'The code (shortened), state and iss, or the error explained and linked to its page.',
          'token-response':
            'The tokens decoded as above, expires_in as a time, whether a refresh token was to be expected for the client type, or the error explained.',
          'redirect-pair':
            'The difference marked character by character: trailing slash, case, scheme, port, percent-encoding.',
        }[k],
      ]),
    ),
    '',
    `Every error it shows links to its page in the [error reference](${abs('/errors')}).`,
  ].join('\n');
}

/** The logout tryout: the two ways to log out, the proof it checks, and what a native app must do. */
export function logoutTryoutTwin(abs: Absolute): string {
  return [
    intro(
      'Logout tryout',
      '/tools/logout',
      abs,
      'Against the mock TelenorID+ or the local test tenant it logs a test user in (a `PublicWithRefresh` or `MobileApp` test client, scope `openid profile offline_access`), logs out, and then checks that the session ended:',
    ),
    '',
    table(
      ['Step', 'Request', 'What it shows'],
      [
        [
          'Browser logout',
          '`GET end_session_endpoint` with `id_token_hint`, `state` and, if chosen, `post_logout_redirect_uri`',
          `Back at the app with the state sent; without a post_logout_redirect_uri the user stays on “${loggedOutPage.text}”.`,
        ],
        [
          'Native app logout',
          '`POST custom_logout_endpoint`, JSON `{"id_token_hint", "state"}`',
          '`200` with the state, or `200 Already logged out`; `400`, `401`, `424`, `5xx` explained.',
        ],
        [
          'The proof',
          '`prompt=none` at /authorize (hidden frame), then `grant_type=refresh_token` at /token',
          '`login_required`, and `400 invalid_grant`: the session and its refresh tokens are gone.',
        ],
      ],
    ),
    '',
    ...Object.values(logoutRules).map((r) => `- ${r.fact}`),
    '',
    'What a native app must do:',
    '',
    ...nativeAppLogoutSteps.map((step, n) => `${n + 1}. ${step.fact}`),
    '',
    `Manage my Telenor ID: ${manageMyTelenorUrl}. Every request is shown as curl with the tokens replaced by placeholders; the share link carries only the choices (client type, method, return), never a token. More: ${guideLink('logout', 'logout in the guide', abs)}, ${guideLink('faqNativeAppLogout', 'logging out of a native app', abs)}.`,
  ].join('\n');
}

export function componentTwins(abs: Absolute): ComponentTwins {
  return {
    ScopeBuilder: scopeBuilderTwin(abs),
    RefreshSimulator: refreshSimulatorTwin(abs),
    DiscoveryExplorer: discoveryExplorerTwin(abs),
    SilentAuthTryout: silentAuthTwin(abs),
    Inspector: inspectorTwin(abs),
    LogoutTryout: logoutTryoutTwin(abs),
    DeviceFlowTryout: deviceFlowTwin(abs),
    CibaTryout: cibaTwin(abs),
    // Page chrome: the twin's own footer carries the page's URL; old anchors are a browser redirect.
    CopyLink: '',
    OldAnchors: '',
    Assumed: (attributes) => assumedTwin(attributes, abs),
    AssumptionsList: (attributes) => assumptionsListTwin(attributes, abs),
    LocalTenantFixtures: (attributes) => {
      const t = localTenantTable((attributes['show'] ?? 'users') as FixtureTableName);
      return table(t.head, t.rows);
    },
  };
}
