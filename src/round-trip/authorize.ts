/**
 * The mock TelenorID+'s authorization endpoint (`<baseUrl>mock/authorize/`, a static page built by
 * plugins/round-trip-pages.ts): a service worker never sees a cross-origin navigation, so the
 * mock's discovery document points here (src/mocks/README.md). It answers the request in its URL
 * with the mock's own decision (`answerMockAuthorizePage`) and redirects to the client's
 * redirect_uri, or shows the error — an unknown client or redirect_uri is never redirected to.
 */
import { answerMockAuthorizePage } from '../mocks/browser';
import { applyColourMode, baseUrl, setStatus, showAlert } from './dom';

applyColourMode();
answerMockAuthorizePage({ baseUrl: baseUrl() }).then(
  (result) => {
    if (result.kind === 'error_page') {
      showAlert(result.error, result.error_description);
      return;
    }
    setStatus(
      result.outcome === 'code'
        ? `The test user is logged in (TelenorID+ would have shown: ${result.shown.join(', ') || 'nothing'}). Returning to the application…`
        : 'Returning to the application with an error…',
    );
    window.location.replace(result.redirectTo);
  },
  () => showAlert('server_error', 'The mock could not answer this request.'),
);
