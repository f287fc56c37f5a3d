import { useState } from 'react';
import { redactToken, refreshPolicyOf, type ClientTypeName } from '@site/src/oidc';
import { wasRotated } from '@site/src/oidc/runners/refresh-causes';
import { inactiveWhen } from '../shared/busyButton';
import type { SimulatorState } from '@site/src/oidc/refresh-simulator-state';
import styles from './styles.module.css';

/** Log in, refresh, drop: the buttons, the client in use, and the tokens held in memory (shortened until revealed). */
export default function TokensPanel({
  state,
  busy,
  canLogIn,
  clientType,
  clientId,
  envLabel,
  onLogin,
  onRefresh,
  onForget,
}: {
  state: SimulatorState;
  busy: boolean;
  canLogIn: boolean;
  clientType: ClientTypeName;
  clientId: string | undefined;
  envLabel: string;
  onLogin: () => void;
  onRefresh: () => void;
  onForget: () => void;
}): React.JSX.Element {
  const [revealed, setRevealed] = useState(false);
  const { held, rotation, countdown } = state;
  const shown = (t: string | undefined) => (t ? (revealed ? t : redactToken(t)) : '—');
  return (
    <section aria-label="Tokens">
      <div className={styles.row}>
        <button
          type="button"
          className="button button--primary"
          {...inactiveWhen(!canLogIn || busy, onLogin)}
        >
          Log in with offline_access
        </button>
        <button
          type="button"
          className="button button--secondary"
          {...inactiveWhen(!held?.tokens.refreshToken || busy, onRefresh)}
        >
          Refresh
        </button>
        <button type="button" className="button button--link" {...inactiveWhen(!held, onForget)}>
          Drop the tokens
        </button>
        {/* Always present, so "Logging in…" is announced (the per-second countdown is a timer: not read out). */}
        <span className={styles.muted} aria-live="polite">
          {'status' in state.run ? `${state.run.status}…` : ''}
        </span>
        {busy && countdown !== undefined && (
          <span className={styles.muted} role="timer">
            refreshing in {countdown} s
          </span>
        )}
      </div>
      <p className={styles.muted}>
        Client <code>{clientId ?? '—'}</code> at {envLabel}.
        {clientType === 'Confidential' &&
          ' A Confidential client’s secret belongs on its server; here your browser plays that server, with a published test secret.'}{' '}
        The login opens in a popup window; the tokens stay in this page’s memory and are gone when you leave
        it.
      </p>
      {countdown !== undefined && (
        <p className={styles.countdown} role="timer">
          Waiting for the refresh token to expire: {countdown} s
        </p>
      )}
      {held && (
        <dl className={styles.tokens} aria-label="Tokens in memory">
          <dt>Client</dt>
          <dd>
            <code>{held.clientId}</code> ({held.clientType})
          </dd>
          <dt>Access token</dt>
          <dd>
            <code>{shown(held.tokens.accessToken)}</code>
          </dd>
          <dt>Refresh token</dt>
          <dd>
            <code data-testid="refresh-token">
              {held.tokens.refreshToken ? shown(held.tokens.refreshToken) : 'none issued'}
            </code>
          </dd>
          {rotation && (
            <>
              <dt>Rotation</dt>
              <dd>
                {wasRotated(rotation) ? (
                  <>
                    <code>{shown(rotation.before)}</code> → <code>{shown(rotation.after)}</code> — the old
                    refresh token is used up.
                  </>
                ) : (
                  <>
                    <code>{shown(rotation.before)}</code> kept: not rotated (
                    {refreshPolicyOf(held.clientType).name} policy, fixed lifetime).
                  </>
                )}
              </dd>
            </>
          )}
          <dt>Shown</dt>
          <dd>
            <button
              type="button"
              className="button button--sm button--outline button--secondary"
              onClick={() => setRevealed((r) => !r)}
            >
              {revealed ? 'Hide the tokens' : 'Reveal the tokens'}
            </button>
          </dd>
        </dl>
      )}
    </section>
  );
}
