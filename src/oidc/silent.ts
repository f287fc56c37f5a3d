/**
 * Silent authentication (`prompt=none`): build the check, read its answer (state first), say what
 * a client should do next for each outcome, and spot a browser that withholds the provider's
 * cookie from a hidden frame by comparing a framed check with a top-level one.
 */
import type { GuideTopic } from './catalogue';
import {
  buildAuthorizationRequest,
  type AuthorizationRequest,
  type AuthorizationRequestInput,
} from './authorize';
import { parseCallback, type AuthorizationResponse } from './callback';
import type { ClientSettings } from './client';
import { failure, type OidcFailure, type Result } from './failures';
import type { DecodedJwt } from './jwt';

/** Where the check runs: a hidden iframe in this page, or a top-level redirect of this tab. */
export type SilentMode = 'iframe' | 'redirect';

/** Every way a silent check can end, as the reader sees it. */
export type SilentOutcome =
  | 'session'
  | 'login_required'
  | 'consent_required'
  | 'interaction_required'
  | 'account_selection_required'
  | 'timeout'
  | 'state_mismatch'
  | 'other';

/** A hidden frame that has not answered after this long is given up (the provider shows nothing, so it never will). */
export const silentCheckTimeoutMs = 10_000;

/**
 * The /authorize request of a silent check: the same request as a login (PKCE, state, nonce)
 * with `prompt=none`, so the provider answers at once and shows nothing.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
 */
export function buildSilentAuthRequest(
  settings: ClientSettings,
  input: Omit<AuthorizationRequestInput, 'prompt'>,
): Promise<Result<{ request: AuthorizationRequest }>> {
  return buildAuthorizationRequest(settings, { ...input, prompt: 'none' });
}

export type SilentAnswer =
  | { outcome: 'session'; response: AuthorizationResponse }
  | { outcome: Exclude<SilentOutcome, 'session'>; failure: OidcFailure };

const promptNoneErrors = new Set<SilentOutcome>([
  'login_required',
  'consent_required',
  'interaction_required',
  'account_selection_required',
]);

/** The outcome a failure stands for (an OAuth error of prompt=none, a timeout, a state mismatch, or other). */
export function silentOutcomeOf(f: Pick<OidcFailure, 'code'>): Exclude<SilentOutcome, 'session'> {
  if (promptNoneErrors.has(f.code as SilentOutcome)) return f.code as Exclude<SilentOutcome, 'session'>;
  if (f.code === 'timeout' || f.code === 'state_mismatch') return f.code;
  return 'other';
}

/**
 * Read the redirect back from a silent check. The state is checked before anything else: an
 * answer with a state this browser did not send is rejected, even when it carries a code.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthError
 */
export function readSilentAnswer(callbackUrl: string, expectedState: string): SilentAnswer {
  const parsed = parseCallback(callbackUrl, { state: expectedState });
  if (parsed.ok) return { outcome: 'session', response: parsed.response };
  return { outcome: silentOutcomeOf(parsed.failure), failure: parsed.failure };
}

/** The answer when a hidden frame stays silent: no redirect came back in time. */
export function silentTimeoutAnswer(timeoutMs: number): SilentAnswer {
  return {
    outcome: 'timeout',
    failure: failure('timeout', {
      detail: `The hidden frame sent nothing back within ${Math.round(timeoutMs / 1000)} s. The provider may refuse to be framed (X-Frame-Options or a CSP frame-ancestors rule), may have shown a page instead of redirecting, or may be unreachable.`,
    }).failure,
  };
}

/**
 * A copy of the callback URL whose state is not the one sent: what a forged or mixed-up redirect
 * looks like to the client. For the demonstration only; the check must reject it.
 */
export function tamperWithState(callbackUrl: string): string {
  const url = new URL(callbackUrl);
  const fromHash = !url.searchParams.has('state') && url.hash.length > 1;
  const params = fromHash ? new URLSearchParams(url.hash.slice(1)) : url.searchParams;
  const original = params.get('state') ?? '';
  params.set('state', `forged-${original.split('').reverse().join('') || 'state'}`);
  if (fromHash) url.hash = params.toString();
  return url.href;
}

export type NextStep = {
  /** One line: what it means. */
  headline: string;
  /** What the client should do, in order. */
  steps: string[];
  guide: GuideTopic;
};

/**
 * What a client should do after each outcome of a silent check. The common rule: prompt=none is
 * asked once per occasion, never in a loop, and an interactive login waits for the user.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthError
 */
export function whatNext(outcome: SilentOutcome): NextStep {
  switch (outcome) {
    case 'session':
      return {
        headline: 'The user is logged in at TelenorID+: continue as after any login.',
        steps: [
          'Check the state (done above), then exchange the code at /token with the PKCE code_verifier.',
          'Validate the ID token (issuer, audience, expiry, nonce) and start your own session for the user in it.',
          'Nothing was shown to the user, so do not announce a “login”: just show the logged-in page.',
        ],
        guide: 'token',
      };
    case 'login_required':
      return {
        headline: 'No TelenorID+ session in this browser: that is an answer, not a failure.',
        steps: [
          'Show the page as for an anonymous visitor, with your own “Log in” button.',
          'When the user presses it, send a normal /authorize without prompt=none: TelenorID+ shows its login page.',
          'Do not send prompt=none again in a loop: without a new login it gives the same answer. Check again at the next natural moment (a new visit), not on a timer.',
        ],
        guide: 'faqLoginRequired',
      };
    case 'consent_required':
      return {
        headline:
          'The user is logged in, but the request needs a consent TelenorID+ may not ask for silently.',
        steps: [
          'Treat the user as not logged in to your service yet.',
          'When the user chooses to continue, send an interactive /authorize (without prompt=none) so the consent can be given.',
          'If it keeps happening, check the scopes you ask for: each must be registered for your client.',
        ],
        guide: 'checkSession',
      };
    case 'interaction_required':
      return {
        headline: 'The provider has to show the user something before it can answer.',
        steps: [
          'Send an interactive /authorize (without prompt=none) when the user chooses to log in.',
          'Native apps (the MobileApp client type) always get this from prompt=none at the local test tenant: an app logs in through the system browser with the user present, and keeps the session with its refresh token instead.',
        ],
        guide: 'checkSession',
      };
    case 'account_selection_required':
      return {
        headline: 'The user must choose an account first.',
        steps: ['Send an interactive /authorize so the user can choose, when they ask to log in.'],
        guide: 'checkSession',
      };
    case 'timeout':
      return {
        headline: 'The hidden frame never answered.',
        steps: [
          'Give up after a few seconds and treat the user as not logged in (show the “Log in” button); never wait forever.',
          'Check whether the provider may be framed at all: a frame refused by X-Frame-Options or CSP frame-ancestors stays silent.',
          'Try the check as a top-level redirect instead.',
        ],
        guide: 'faqThirdPartyCookies',
      };
    case 'state_mismatch':
      return {
        headline: 'The answer carries a state this browser did not send: rejected.',
        steps: [
          'Do not exchange the code, and do not act on an error in that answer either: it may be forged (CSRF) or belong to another request.',
          'Drop the request’s PKCE verifier and nonce, and start a new check if you still need one.',
        ],
        guide: 'authorize',
      };
    default:
      return {
        headline: 'The provider answered with another error.',
        steps: [
          'Read error_description; most of these are a configuration error (client_id, redirect_uri, scope).',
          'Treat the user as not logged in; do not retry in a loop.',
        ],
        guide: 'authorize',
      };
  }
}

/** A check's outcome and when it ran, kept to compare a framed check with a top-level one. */
export type CheckRecord = { mode: SilentMode; outcome: SilentOutcome; at: number };

export type FrameDiagnosis =
  /** The frame said no session, a top-level check found one: the browser withholds the cookie from the frame. */
  | 'cookie_withheld_from_frame'
  /** The frame never answered, a top-level check did: the provider (or the browser) refuses the frame. */
  | 'frame_refused'
  | 'none';

/** Two checks further apart than this may have seen different sessions, so they are not compared. */
export const comparableWithinMs = 10 * 60 * 1000;

/**
 * Compare the latest framed and top-level checks (made without a login or logout in between):
 * when only the top-level one found the session, the frame did not get the provider's cookie —
 * blocked third-party cookies, or a SameSite rule for a cross-site frame.
 */
export function diagnoseFrame(checks: readonly CheckRecord[]): FrameDiagnosis {
  const latest = (mode: SilentMode) =>
    [...checks].filter((c) => c.mode === mode).sort((a, b) => b.at - a.at)[0];
  const framed = latest('iframe');
  const top = latest('redirect');
  if (!framed || !top || Math.abs(framed.at - top.at) > comparableWithinMs) return 'none';
  if (top.outcome !== 'session') return 'none';
  if (framed.outcome === 'login_required') return 'cookie_withheld_from_frame';
  if (framed.outcome === 'timeout') return 'frame_refused';
  return 'none';
}

/** Who the ID token says is logged in, for display (untrusted text: render it as text). */
export function describeUser(idToken: DecodedJwt | undefined): { name?: string; sub?: string } {
  const claims = idToken?.claims ?? {};
  const str = (k: string) => (typeof claims[k] === 'string' ? (claims[k] as string) : undefined);
  const joined = [str('given_name'), str('family_name')].filter(Boolean).join(' ');
  const name = str('name') ?? (joined || undefined);
  const sub = str('sub');
  return { ...(name ? { name } : {}), ...(sub ? { sub } : {}) };
}
