import clsx from 'clsx';
import ErrorPageLink from '@site/src/components/ErrorPageLink';
import GuideLink from '@site/src/components/GuideLink';
import { classifyRefreshFailure, explain } from '@site/src/oidc';
import type { RefreshVerdict } from '@site/src/oidc/runners/refresh-causes';
import { inactiveWhen } from '../shared/busyButton';
import verdictStyles from '../shared/verdict.module.css';

/**
 * The verdict line (the widget's status region, present and empty from the start), and for a failure
 * what happened, what the reader's client should do, and where the code is explained.
 */
export default function VerdictPanel({
  verdict,
  busy,
  lineRef,
  onLoginAgain,
}: {
  verdict: RefreshVerdict | undefined;
  busy: boolean;
  lineRef: React.Ref<HTMLParagraphElement>;
  onLoginAgain: () => void;
}): React.JSX.Element {
  const f = verdict?.failure;
  const reaction = f ? classifyRefreshFailure(f) : undefined;
  const explanation = f ? explain(f.code) : undefined;
  return (
    <>
      <p
        role="status"
        ref={lineRef}
        className={clsx(verdictStyles.box, verdict && (verdict.ok ? verdictStyles.ok : verdictStyles.bad))}
      >
        {verdict?.line ?? ''}
        {verdict?.guide && (
          <>
            {' '}
            <GuideLink topic={verdict.guide}>What this means</GuideLink>
          </>
        )}
      </p>
      {f && explanation && reaction && (
        <div
          className={clsx('alert', reaction.kind === 'login_required' ? 'alert--danger' : 'alert--warning')}
        >
          <p>
            <strong>What happened:</strong> {explanation.meaning}
          </p>
          <p>
            <strong>What your client should do:</strong> {reaction.advice}{' '}
            {reaction.kind === 'login_required' &&
              'This simulator has dropped the tokens and will not refresh again by itself.'}
          </p>
          {explanation.guide && (
            <p className="margin-bottom--none">
              <GuideLink topic={explanation.guide}>Why, and what else returns {f.code}</GuideLink> ·{' '}
              <ErrorPageLink code={f.code} />
            </p>
          )}
          {reaction.kind === 'login_required' && (
            <p className="margin-top--sm margin-bottom--none">
              <button
                type="button"
                className="button button--sm button--primary"
                {...inactiveWhen(busy, onLoginAgain)}
              >
                Log in again
              </button>
            </p>
          )}
        </div>
      )}
    </>
  );
}
