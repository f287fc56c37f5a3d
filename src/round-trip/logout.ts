/**
 * The mock TelenorID+'s end_session_endpoint (`<baseUrl>mock/logout/`, a static page built by
 * plugins/round-trip-pages.ts): ends the mock's SSO session and follows post_logout_redirect_uri
 * when the mock allows it (src/mocks/README.md). When it stays, the page says why in a sentence.
 */
import { answerMockLogoutPage } from '../mocks/browser';
import { applyColourMode, baseUrl, h, place, setStatus } from './dom';

applyColourMode();
answerMockLogoutPage({ baseUrl: baseUrl() }).then(
  (result) => {
    setStatus(result.redirectTo ? `${result.message}. Returning to the application…` : result.message);
    if (result.detail) place(h('p', { id: 'logout-detail' }, result.detail));
    if (result.redirectTo) window.location.replace(result.redirectTo);
  },
  () => setStatus('The mock could not end the session: reload this page, or go back and log out again.'),
);
