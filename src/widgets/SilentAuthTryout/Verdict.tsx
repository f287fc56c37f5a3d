import { forwardRef } from 'react';
import clsx from 'clsx';
import GuideLink from '@site/src/components/GuideLink';
import ErrorPageLink from '@site/src/components/ErrorPageLink';
import CopyButton from '@site/src/components/CopyButton';
import type { FrameDiagnosis, SilentCheckReport, SilentProblem } from '@site/src/oidc';
import styles from './styles.module.css';
import verdictStyles from '../shared/verdict.module.css';

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
export const VerdictLine = forwardRef<HTMLParagraphElement, { check: SilentCheckReport | undefined }>(
  function VerdictLine({ check }, ref) {
    const user = check?.result.exchanged ? check.result.user : undefined;
    return (
      <>
        <p
          role="status"
          ref={ref}
          className={clsx(
            verdictStyles.box,
            styles.verdict,
            check && (check.result.exchanged ? verdictStyles.ok : verdictStyles.bad),
          )}
        >
          {check?.verdict.line ?? ''}
        </p>
        {user && (
          <dl className={styles.user} aria-label="Who is logged in">
            <dt>User</dt>
            <dd data-testid="silent-user">{user.name ?? '—'}</dd>
            <dt>sub</dt>
            <dd>
              <code>{user.sub ?? '—'}</code>
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

/** What a share link held that the tryout left out (a value it does not offer, a code someone pasted in). */
export function LinkProblems({ problems }: { problems: readonly string[] }): React.JSX.Element | null {
  if (problems.length === 0) return null;
  return (
    <div className="alert alert--warning" role="note" aria-label="About the link">
      <ul className="margin-bottom--none">
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}

/** The environment has no registered test client: nothing can be checked here. */
export function NoTestClient({ environmentLabel }: { environmentLabel: string }): React.JSX.Element {
  return (
    <div className="alert alert--warning" role="alert">
      The tryout checks the session with a registered test client, which only the <strong>mock</strong> and
      the <strong>local test tenant</strong> have. Environment now: {environmentLabel}. Pick Mock or Local
      test tenant in the navigation bar.
    </div>
  );
}

/** “Share this scenario”: the link is built when pressed (environment, mode, the mock's switches). */
export function ShareScenario({ link }: { link: () => string }): React.JSX.Element {
  return (
    <div className={styles.row}>
      <CopyButton
        label="Share this scenario"
        done="Link copied (environment, mode and the mock’s switches; never a code or token)"
        value={link}
      />
    </div>
  );
}
