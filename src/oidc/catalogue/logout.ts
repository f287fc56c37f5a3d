/**
 * What TelenorID+ says about logout (facts §17, §31 Q7, §32 diagrams 6–7), for the logout tryout, its
 * Markdown twin and the mock. Imported by path, not through the catalogue index.
 */
import { fromGuide, fromStandard, type FactSource } from './sources';

export type LogoutFact = { fact: string; source: FactSource };

/** The white page a client without a registered logout URI leaves its user on (FAQ Q7). */
export const loggedOutPage: LogoutFact & { text: string } = {
  text: 'You are now logged out',
  fact: 'Without a registered post_logout_redirect_uri the user is left on a plain white TelenorID+ page that reads “You are now logged out”, and must find the way back to the app alone.',
  source: /* @__PURE__ */ fromGuide(
    'facts §31 Q7; old guide Q&A, “Is logout URI mandatory … for iOS and Android apps?”',
  ),
};

/** Where a user revokes tokens and logs out everywhere (the logout diagrams). */
export const manageMyTelenorUrl = 'https://manage.telenorid.com/';

export const logoutRules = {
  sessionEnds: {
    fact: 'A logout ends the TelenorID+ session and invalidates every refresh token of it; access tokens cannot be revoked and run until they expire, so the client drops them.',
    source: /* @__PURE__ */ fromGuide(
      'facts §17, §32 diagram 6 (“invalidate all refresh tokens of the session”)',
    ),
  },
  afterLogoutSilent: {
    fact: 'After a logout, prompt=none answers login_required: the browser has no SSO session any more.',
    source: /* @__PURE__ */ fromGuide('facts §10 (prompt=none without a session → login_required), §17'),
  },
  postLogoutRedirect: {
    fact: 'post_logout_redirect_uri must match the value configured on the client; state comes back on it as a query parameter.',
    source: /* @__PURE__ */ fromGuide('facts §17 (end_session_endpoint parameters)'),
  },
  expiredHint: {
    fact: 'An expired ID token is still a valid id_token_hint (an ID token lives 300 s; a logout comes later).',
    source: /* @__PURE__ */ fromStandard(
      'OpenID Connect RP-Initiated Logout 1.0 §4 (the OP should accept an expired ID token as hint); the guide is silent',
      'https://openid.net/specs/openid-connect-rpinitiated-1_0.html#ValidationAndErrorHandling',
    ),
  },
} satisfies Record<string, LogoutFact>;

/** What a native app must do to log a user out, in order (facts §17 recommendations, §19, FAQ Q7). */
export const nativeAppLogoutSteps: readonly LogoutFact[] = [
  {
    fact: 'Log out locally first: delete the access, refresh and ID tokens (keep the ID token in memory for the next step); the landing page must not log the user in again by itself.',
    source: /* @__PURE__ */ fromGuide('facts §17 recommendations'),
  },
  {
    fact: 'End the TelenorID+ session: POST JSON {"id_token_hint": …, "state": …} to custom_logout_endpoint (from discovery). 200 with the state, or 200 “Already logged out”, means done.',
    source: /* @__PURE__ */ fromGuide('facts §17 (custom_logout_endpoint)'),
  },
  {
    fact: 'If the app logged in through the browser (Custom Tabs, ASWebAuthenticationSession), end the browser session too: open end_session_endpoint with id_token_hint, a registered post_logout_redirect_uri (an App Link or Universal Link back to the app) and state.',
    source: /* @__PURE__ */ fromGuide('facts §17, §19, §31 Q7'),
  },
  {
    fact: `On 400, 401, 424, 5xx or no answer within a few seconds, tell the user the TelenorID+ session may still exist and that Manage my Telenor ID (${manageMyTelenorUrl}) logs them out everywhere.`,
    source: /* @__PURE__ */ fromGuide('facts §17 recommendations, §32 diagram 7'),
  },
];
