/**
 * The one function that turns a failure into the sentence a reader sees: what happened, where, and
 * what to do. Every widget calls it (the scope builder's Run, the refresh simulator, the prompt=none
 * tryout, logout, device flow, CIBA …), so one failure reads the same everywhere. It also words a
 * login round trip that never came back (closed, timed out, popup and storage blocked).
 */
import { isProviderRefusal } from './issuer';
import type { OidcFailure } from './failures';
import { refreshRefusalLine } from './refresh';

/** Where in a flow the failure happened; it names the request in the sentence. */
export type RunStep =
  | 'discovery'
  | 'authorize'
  | 'token'
  | 'userinfo'
  | 'jwks'
  | 'refresh'
  | 'revocation'
  | 'end_session'
  | 'device_authorization'
  | 'backchannel_authentication';

const stepWords: Record<RunStep, string> = {
  discovery: 'reading the discovery document',
  authorize: 'the redirect back from /authorize',
  token: 'the code exchange at /token',
  userinfo: 'the /userinfo request',
  jwks: 'fetching the JWKS to check the signatures',
  refresh: 'the refresh at /token',
  revocation: 'the revocation request',
  end_session: 'the logout at the end-session endpoint',
  device_authorization: 'the device authorization request',
  backchannel_authentication: 'the backchannel authentication request',
};

/** A login round trip that ended without an answer from the provider (`runLogin`'s outcomes). */
export type LoginInterruption = {
  kind: 'closed' | 'timeout' | 'popup_blocked' | 'storage_blocked' | 'aborted' | 'mock_unavailable';
};

export type FailureContext = {
  step: RunStep;
  /** The environment's label, e.g. “TelenorID+ staging”. */
  environment: string;
  /** The provider is on another origin that probably does not allow this site (staging, production, custom). */
  corsLikely: boolean;
  /** The local test tenant: an unanswered request most likely means it is not running. */
  isLocal?: boolean;
  /** A refresh simulator cause (`expired`, `reused` …): an invalid_grant gets that cause's headline. */
  cause?: string;
  /** What did not happen because of an interrupted login; default “Nothing was exchanged.” */
  unchanged?: string;
};

function isInterruption(input: OidcFailure | LoginInterruption): input is LoginInterruption {
  return 'kind' in input && !('code' in input);
}

function interruptionSentence(kind: LoginInterruption['kind'], context: FailureContext): string {
  const unchanged = context.unchanged ?? 'Nothing was exchanged.';
  switch (kind) {
    case 'closed':
      return `The login window was closed before the login finished. ${unchanged}`;
    case 'timeout':
      return `The login did not come back in time. ${unchanged}`;
    case 'popup_blocked':
      return `The popup was blocked and this browser does not allow session storage: allow popups for this site.`;
    case 'storage_blocked':
      return `This browser does not allow session storage, so the page could not resume after the redirect: allow popups for this site, or allow site data. ${unchanged}`;
    case 'aborted':
      return `The login was stopped before it finished. ${unchanged}`;
    case 'mock_unavailable':
      return `The mock could not start in this browser (service workers may be disabled), so nothing was sent. Allow service workers for this site, or pick the local test tenant.`;
  }
}

/**
 * The one sentence the reader gets when a step fails. A network error on another origin is most
 * likely CORS: TelenorID+ staging and production do not let this site call /token; the local
 * tenant that does not answer is most likely not running.
 */
export function failureSentence(f: OidcFailure | LoginInterruption, context: FailureContext): string {
  if (isInterruption(f)) return interruptionSentence(f.kind, context);
  const where = stepWords[context.step];
  if (f.code === 'network_error' || f.code === 'timeout') {
    if (context.isLocal)
      return `${context.environment} did not answer during ${where}: is it running? Start it with npm start or npm run tenant, then try again.`;
    if (context.corsLikely && context.step === 'token')
      return `Your browser was not allowed to read ${context.environment}’s answer at /token: it does not allow this site’s origin (CORS), so the exchange cannot finish in this portal. Your own client, on an origin registered with TelenorID+, or its back end can. The request is below as curl, with the code and verifier replaced by placeholders; a code works once, so start a new login for each try.`;
    if (context.corsLikely)
      return `${context.environment} could not be reached during ${where}, or did not allow this site to read the answer (CORS). A terminal or a back end may still reach it${f.curl ? ': the request is below as curl' : ''}.`;
    return `${context.environment} could not be reached during ${where}${f.code === 'timeout' ? ' (no answer in time)' : ''}. Check that it is up, then try again.`;
  }
  if (isProviderRefusal(f.code))
    return `Refused before sending anything: ${f.detail ? `${f.detail} ` : ''}${f.explanation.meaning} ${f.explanation.reaction}`;
  if (f.code === 'state_mismatch')
    return `The answer came back with a state this browser did not send, so it was rejected and no code was exchanged. ${f.explanation.reaction}`;
  if (f.code === 'access_denied')
    return `The user declined (access_denied${f.error_description ? `: ${f.error_description}` : ''}). Nothing was granted; ${f.explanation.reaction.charAt(0).toLowerCase()}${f.explanation.reaction.slice(1)}`;
  if (context.step === 'refresh') return refreshRefusalLine(f, context.cause);
  const head = [f.status, f.error ?? f.code].filter((x) => x !== undefined).join(' ');
  const text = f.error_description ?? f.detail ?? f.explanation.meaning;
  return `${head} during ${where} — ${text} ${f.explanation.reaction}`;
}
