import { inactiveWhen } from '../shared/busyButton';
import { silentCheckScope, type SilentMode } from '@site/src/oidc';
import styles from './styles.module.css';

/** Step 2, “Check for it silently”: the mode, the tamper demonstration, the button and its busy line. */
export default function CheckStep({
  headingId,
  radioName,
  mode,
  tamper,
  busy,
  busyLine,
  supported,
  clientId,
  environmentLabel,
  onMode,
  onTamper,
  onCheck,
}: {
  headingId: string;
  radioName: string;
  mode: SilentMode;
  tamper: boolean;
  busy: boolean;
  busyLine: string;
  supported: boolean;
  clientId: string | undefined;
  environmentLabel: string;
  onMode: (mode: SilentMode) => void;
  onTamper: (tamper: boolean) => void;
  onCheck: () => void;
}): React.JSX.Element {
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        2. Check for it silently
      </h3>
      <fieldset className={styles.modes}>
        <legend>Mode</legend>
        <label>
          <input
            type="radio"
            name={radioName}
            value="iframe"
            checked={mode === 'iframe'}
            disabled={busy}
            onChange={() => onMode('iframe')}
          />{' '}
          Hidden iframe{' '}
          <span className={styles.muted}>(this page stays; the answer comes back in a frame)</span>
        </label>
        <label>
          <input
            type="radio"
            name={radioName}
            value="redirect"
            checked={mode === 'redirect'}
            disabled={busy}
            onChange={() => onMode('redirect')}
          />{' '}
          Top-level redirect <span className={styles.muted}>(this tab goes to /authorize and back)</span>
        </label>
      </fieldset>
      <label className={styles.tamper}>
        <input
          type="checkbox"
          checked={tamper}
          disabled={busy}
          onChange={(e) => onTamper(e.target.checked)}
        />{' '}
        Tamper with the state of the answer{' '}
        <span className={styles.muted}>
          (a demonstration: a forged or mixed-up redirect must be rejected)
        </span>
      </label>
      <div className={styles.row}>
        <button
          type="button"
          className="button button--primary"
          {...inactiveWhen(!supported || busy, onCheck)}
        >
          Check session (prompt=none)
        </button>
        <span className={styles.muted} aria-live="polite">
          {busyLine}
        </span>
      </div>
      <p className={styles.muted}>
        Client <code>{clientId ?? '—'}</code> (a public web client with PKCE) at {environmentLabel}, scope{' '}
        <code>{silentCheckScope}</code>.
      </p>
    </section>
  );
}
