/**
 * The simulated phone of CIBA: neither test engine can reach a Vipps app, so the request the engine
 * holds for the user shows here, with Approve and Decline (the engines' phone endpoint, read and
 * answered through src/oidc/polling.ts). It never knows the auth_req_id, as a real phone would not.
 * Everything shown came from the engine: text only.
 */
import type { PhonePrompt } from '@site/src/oidc/polling';
import { inactiveWhen } from '../shared/busyButton';
import styles from '../shared/polling.module.css';

type Props = {
  prompts: PhonePrompt[] | undefined;
  answered: 'approve' | 'deny' | undefined;
  busy: boolean;
  onAnswer: (prompt: PhonePrompt, decision: 'approve' | 'deny') => void;
};

export default function SimulatedPhone({ prompts, answered, busy, onAnswer }: Props): React.JSX.Element {
  const prompt = prompts?.[0];
  return (
    <section className={styles.phone} aria-labelledby="ciba-phone-heading">
      <h4 id="ciba-phone-heading">Simulated phone (the user’s Vipps app)</h4>
      {answered ? (
        <p role="status">
          {answered === 'approve'
            ? 'You approved. The service gets the tokens at its next poll.'
            : 'You declined. The service is told at its next poll.'}
        </p>
      ) : prompts === undefined ? (
        <p className={styles.muted}>Waiting for the request to arrive…</p>
      ) : !prompt ? (
        <p className={styles.muted}>Nothing waits for approval on this phone (answered, or expired).</p>
      ) : (
        <>
          <p>
            <strong>Log in?</strong> {prompt.userName} ({prompt.msisdn}) is asked to approve a login with{' '}
            <code>{prompt.scope.join(' ')}</code>.
          </p>
          {prompt.bindingMessage ? (
            <p>
              Binding message: <strong>{prompt.bindingMessage}</strong> — check that the service shows the
              same.
            </p>
          ) : null}
          <p className={styles.muted}>Expires in {prompt.expiresInSeconds} s.</p>
          <p className={styles.row}>
            <button
              type="button"
              className="button button--primary"
              {...inactiveWhen(busy, () => onAnswer(prompt, 'approve'))}
            >
              Approve
            </button>
            <button
              type="button"
              className="button button--secondary"
              {...inactiveWhen(busy, () => onAnswer(prompt, 'deny'))}
            >
              Decline
            </button>
          </p>
        </>
      )}
    </section>
  );
}
