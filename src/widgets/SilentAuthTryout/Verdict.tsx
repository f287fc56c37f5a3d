import { forwardRef } from 'react';
import clsx from 'clsx';
import GuideLink from '@site/src/components/GuideLink';
import ErrorPageLink from '@site/src/components/ErrorPageLink';
import type { FrameDiagnosis, SilentProblem, SilentVerdict } from '@site/src/oidc';
import styles from './styles.module.css';

/** A failure of the tryout itself (no client here, discovery, a refused request), as a sentence with its links. */
export function Problem({ problem }: { problem: SilentProblem | undefined }): React.JSX.Element | null {
  if (!problem) return null;
  return (
    <div className="alert alert--danger" role="alert">
      {problem.sentence}
      {problem.guide && (
        <>
          {' '}
          <GuideLink topic={problem.guide}>What this means</GuideLink>
        </>
      )}{' '}
      <ErrorPageLink code={problem.code} />
    </div>
  );
}

/**
 * The check's one line (a status region, rendered empty from the start so each verdict is
 * announced once) and who is logged in when a code was exchanged.
 */
export const VerdictLine = forwardRef<HTMLParagraphElement, { verdict: SilentVerdict | undefined }>(
  function VerdictLine({ verdict }, ref) {
    return (
      <>
        <p
          role="status"
          ref={ref}
          className={clsx(styles.verdict, verdict && (verdict.ok ? styles.ok : styles.bad))}
        >
          {verdict?.line ?? ''}
        </p>
        {verdict?.outcome === 'session' && verdict.user && (
          <dl className={styles.user} aria-label="Who is logged in">
            <dt>User</dt>
            <dd data-testid="silent-user">{verdict.user.name ?? '—'}</dd>
            <dt>sub</dt>
            <dd>
              <code>{verdict.user.sub ?? '—'}</code>
            </dd>
          </dl>
        )}
      </>
    );
  },
);

/** The framed check and a top-level one disagree: the browser withheld the cookie, or the frame was refused. */
export function FrameNote({ diagnosis }: { diagnosis: FrameDiagnosis }): React.JSX.Element | null {
  if (diagnosis === 'none') return null;
  const withheld = diagnosis === 'cookie_withheld_from_frame';
  return (
    <div className="alert alert--warning" role="note">
      <p>
        <strong>
          {withheld
            ? 'The hidden iframe said login_required, but a top-level check found the session.'
            : 'The hidden iframe never answered, but a top-level check did.'}
        </strong>{' '}
        {withheld
          ? 'This browser did not send the provider’s session cookie to the frame: it blocks third-party cookies here, or the page and the provider are different sites and the cookie is SameSite. Use the top-level redirect (or one of the alternatives below) instead of a frame.'
          : 'The provider (or the browser) refuses to show it in a frame. Use the top-level redirect instead.'}
      </p>
      <p className="margin-bottom--none">
        <GuideLink topic="faqThirdPartyCookies">Third-party cookies and silent SSO</GuideLink>
      </p>
    </div>
  );
}
