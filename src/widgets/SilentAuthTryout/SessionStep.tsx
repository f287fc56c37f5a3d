import { inactiveWhen } from '../shared/busyButton';
import type { SilentTryoutForm } from '@site/src/oidc';
import styles from './styles.module.css';

/**
 * Step 1, “Make a session, or not”: at the mock its two switches (an SSO session, a consent not
 * given yet); elsewhere a real login and logout in a popup. The note under it says what happened.
 */
export default function SessionStep({
  headingId,
  atMock,
  form,
  busy,
  supported,
  note,
  onMockSwitch,
  onLogin,
  onLogout,
}: {
  headingId: string;
  atMock: boolean;
  form: Pick<SilentTryoutForm, 'mockLoaded' | 'mockSession' | 'mockConsent'>;
  busy: boolean;
  supported: boolean;
  note: string | undefined;
  onMockSwitch: (key: 'session' | 'consent', on: boolean) => void;
  onLogin: () => void;
  onLogout: () => void;
}): React.JSX.Element {
  const switchInactive = !form.mockLoaded || busy;
  const value = { session: form.mockSession, consent: form.mockConsent };
  const mockSwitch = (key: 'session' | 'consent', label: string) => (
    <label className={styles.switch}>
      <input
        type="checkbox"
        role="switch"
        checked={value[key]}
        // Not disabled while the mock switches: that would drop focus at each Space.
        aria-disabled={switchInactive || undefined}
        onChange={(e) => {
          if (!switchInactive) onMockSwitch(key, e.target.checked);
        }}
      />{' '}
      {label}: <strong>{value[key] ? 'on' : 'off'}</strong>
    </label>
  );
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        1. Make a session, or not
      </h3>
      {atMock ? (
        <div className={styles.switches}>
          {mockSwitch('session', 'SSO session')}
          {mockSwitch('consent', 'Consent required')}
          <p className={styles.muted}>
            The mock’s switches play what a real browser would have: a TelenorID+ session cookie (from a login
            at any Telenor service), and a consent not given yet.
          </p>
        </div>
      ) : (
        <div className={styles.row}>
          <button
            type="button"
            className="button button--secondary"
            {...inactiveWhen(!supported || busy, onLogin)}
          >
            Log in at the tenant
          </button>
          <button
            type="button"
            className="button button--secondary"
            {...inactiveWhen(!supported || busy, onLogout)}
          >
            Log out (end_session_endpoint)
          </button>
          <span className={styles.muted}>
            A real login (pick a test user) and a real logout, in a popup window.
          </span>
        </div>
      )}
      {/* Present from the start, so "Logged in…" is announced when it appears. */}
      <p className={styles.note} aria-live="polite">
        {note ?? ''}
      </p>
    </section>
  );
}
