/**
 * The logout tryout's way through the whole tab, when the browser blocks its popups: what it keeps in
 * runLogin's redirect record while the tab is at the provider — the choices and the logout's URL with
 * its id_token_hint already replaced by a placeholder, never a token — and where the tab comes back to.
 */
import type { LogoutReturn } from '@site/src/oidc/runners/logout';
import type { LogoutForm } from './Parts';

export const logoutWidgetName = 'logout tryout';
/** The tryout's section: the tab comes back to it. */
export const logoutAnchorId = 'logout-tryout';

export type LogoutRoundTrip =
  | { purpose: 'login'; clientType: LogoutForm['clientType'] }
  | {
      purpose: 'logout';
      clientType: LogoutForm['clientType'];
      returnTo: LogoutReturn;
      /** The end-session URL as shown (redactUrlSecrets): the hint is a placeholder. Set once it is built. */
      shownUrl: string;
    };

/** runLogin's `redirect` option: come back to this page, at the tryout. */
export function logoutRedirect(context: LogoutRoundTrip) {
  return {
    widget: logoutWidgetName,
    context,
    returnTo: window.location.pathname + window.location.search + '#' + logoutAnchorId,
  };
}
