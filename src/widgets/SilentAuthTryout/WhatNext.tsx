import { inactiveWhen } from '../shared/busyButton';
import CodeBlock from '@theme/CodeBlock';
import GuideLink from '@site/src/components/GuideLink';
import Assumed from '@site/src/components/Assumed';
import {
  isAssumed,
  whatNext,
  type ErrorExplanation,
  type SilentMode,
  type SilentOutcome,
} from '@site/src/oidc';
import { silentCheckSample } from './sample';
import styles from './styles.module.css';
import ErrorPageLink from '@site/src/components/ErrorPageLink';

const interactiveAnswers: readonly SilentOutcome[] = [
  'login_required',
  'consent_required',
  'interaction_required',
  'account_selection_required',
];

/** What a client should do after this outcome, with the library fallback and the openid-client sample. */
export default function WhatNext({
  outcome,
  mode,
  explanation,
  canLogIn,
  onLogIn,
}: {
  outcome: SilentOutcome;
  mode: SilentMode;
  explanation: ErrorExplanation | undefined;
  canLogIn: boolean;
  onLogIn: () => void;
}): React.JSX.Element {
  const next = whatNext(outcome);
  const needsLogin = interactiveAnswers.includes(outcome);
  return (
    <section
      aria-label="What next"
      className={`alert ${outcome === 'session' ? 'alert--success' : outcome === 'state_mismatch' ? 'alert--danger' : 'alert--info'}`}
    >
      <p>
        <strong>What next:</strong> {next.headline}
        {explanation?.source && isAssumed(explanation.source) && <Assumed source={explanation.source} />}
      </p>
      <ol>
        {next.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {outcome === 'login_required' && mode === 'iframe' && (
        <p>
          In a hidden iframe, <code>login_required</code> can also mean the browser did not send the
          provider’s cookie to the frame (see <em>Third-party cookies</em> below): a top-level check tells the
          two apart.
        </p>
      )}
      {needsLogin && (
        <p>
          <button
            type="button"
            className="button button--sm button--primary"
            {...inactiveWhen(!canLogIn, onLogIn)}
          >
            Log in (without prompt=none)
          </button>{' '}
          <span className={styles.muted}>what your “Log in” button should do, in a popup here</span>
        </p>
      )}
      <p>
        <strong>Automatic fallback in client libraries.</strong> Some libraries turn a failed silent check
        into an interactive login on their own: the page suddenly redirects to the login page, and a visitor
        who only looked gets asked to log in (or a redirect loop starts). keycloak-js does it with{' '}
        <code>onLoad: &apos;login-required&apos;</code> and only checks with{' '}
        <code>&apos;check-sso&apos;</code>; look for the equivalent switch in yours and choose the check.
        openid-client never falls back by itself: the error reaches your code, as in the sample.
      </p>
      <details>
        <summary>A silent check with openid-client v6 (TypeScript)</summary>
        <CodeBlock language="ts" title="silent-check.ts">
          {silentCheckSample}
        </CodeBlock>
      </details>
      <p className="margin-bottom--none">
        <GuideLink topic={next.guide}>Read more in the guide</GuideLink>
        {explanation?.guide && explanation.guide !== next.guide && (
          <>
            {' · '}
            <GuideLink topic={explanation.guide}>About {explanation.code}</GuideLink>
          </>
        )}
        {' · '}
        <GuideLink topic="checkSession">prompt=none at /authorize</GuideLink>
        {explanation && (
          <>
            {' · '}
            <ErrorPageLink code={explanation.code} />
          </>
        )}
      </p>
    </section>
  );
}

/** Why silent authentication in a frame fails when the provider's cookie is third-party, and the alternatives. */
export function ThirdPartyCookies(): React.JSX.Element {
  return (
    <details className={styles.cookies}>
      <summary>Third-party cookies: why a hidden iframe may say login_required</summary>
      <p>
        The check in a hidden iframe works only if the browser sends TelenorID+’s session cookie with the
        framed request. Inside a frame on your site, that cookie belongs to another site: it is a{' '}
        <em>third-party</em> cookie. Safari blocks third-party cookies by default (Intelligent Tracking
        Prevention), Firefox keeps them apart per site (Total Cookie Protection), Brave blocks them, and
        Chrome blocks them in Incognito windows and for users who turn them off. A cookie marked{' '}
        <code>SameSite=Lax</code> or <code>Strict</code> is never sent to a cross-site frame at all. The
        provider then sees no session and answers <code>login_required</code>, although the user is logged in.
      </p>
      <p>
        This tryout spots it when it can: when the iframe says <code>login_required</code> and a top-level
        check made soon after finds the session (run both modes without logging in or out in between). Against
        the local test tenant on <code>localhost</code> the frame works, because the portal and the tenant are
        the same site (the port does not count); serve the portal from <code>127.0.0.1</code> instead and they
        are different sites.
      </p>
      <p>The alternatives:</p>
      <ul>
        <li>
          <strong>A top-level redirect</strong> with <code>prompt=none</code>: the cookie is first-party
          there, so it is sent. It costs a page load, so do it once, when the visitor arrives.
        </li>
        <li>
          <strong>A backend for frontend</strong> keeps its own session cookie on your site and needs a silent
          check rarely: <GuideLink topic="bff">BFF</GuideLink>.
        </li>
        <li>
          <strong>Refresh tokens</strong> renew tokens without the browser’s help, for the client types that
          get them: <GuideLink topic="refreshTokens">refresh tokens</GuideLink>.
        </li>
      </ul>
      <p className="margin-bottom--none">
        <GuideLink topic="faqThirdPartyCookies">Third-party cookies and silent SSO (FAQ)</GuideLink>
      </p>
    </details>
  );
}
