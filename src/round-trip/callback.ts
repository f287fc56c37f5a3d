/**
 * The callback page's script (`<baseUrl>callback/`, plugins/round-trip-pages.ts): hands the
 * provider's answer to the widget that started the login, by the protocol of
 * src/widgets/shared/loginRoundTrip.ts. Only an answer no login waits for (opened by hand) loads the
 * larger ./arrival script, which explains it.
 */
import { handleCallbackPage } from '../widgets/shared/loginRoundTrip';
import { applyColourMode, setStatus } from './dom';

applyColourMode();
const outcome = handleCallbackPage();
setStatus(
  outcome.kind === 'posted'
    ? outcome.to === 'parent'
      ? 'Done: the answer was handed to the page around this frame.'
      : 'Done. This window closes itself; if it does not, close it.'
    : outcome.kind === 'resuming'
      ? 'Going back to the tool…'
      : outcome.reason,
);
if (outcome.kind === 'orphan' && outcome.callbackUrl) {
  const callbackUrl = outcome.callbackUrl;
  import('./arrival')
    .then(({ showArrival }) => showArrival(callbackUrl))
    .catch(() => setStatus(`${outcome.reason} (The explanation of the answer could not load.)`));
}
