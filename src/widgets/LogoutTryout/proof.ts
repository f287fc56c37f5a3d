/**
 * The proof after a logout, whichever way it went: prompt=none in a hidden frame (runLogin) must answer
 * login_required, and the session's refresh token must be refused (src/oidc/runners/logout.ts judges
 * both). The two are independent, so the refresh goes out beside the frame's round trip rather than
 * after it. Browser-only; returns the report the tryout shows.
 */
import type { ClientSettings, RunReport } from '@site/src/oidc';
import { refreshTokens } from '@site/src/oidc/tokens';
import {
  buildSessionCheck,
  checkAfterLogout,
  type AfterLogout,
  type LogoutContext,
} from '@site/src/oidc/runners/logout';
import { runLogin } from '../shared/runLogin';

export async function proveLogout(
  settings: ClientSettings,
  redirectUri: string,
  /** The session's refresh token, or `leftBehind` when the tab itself went to the logout (popups blocked). */
  tokens: { refreshToken?: string; leftBehind?: boolean },
  first: RunReport<undefined>,
  ctx: LogoutContext,
  /** Called once the frame has answered: the app drops its tokens there, whatever the provider said. */
  dropTokens: () => void,
): Promise<RunReport<AfterLogout>> {
  let check: { url: string; state: string } | undefined;
  const refreshed = tokens.refreshToken ? refreshTokens(settings, tokens.refreshToken) : undefined;
  const silent = await runLogin(
    async () => {
      const built = await buildSessionCheck(settings, redirectUri);
      if (!built.ok) return built;
      check = { url: built.request.url, state: built.request.secrets.state };
      return {
        ok: true,
        request: { purpose: 'authorize', url: built.request.url, secrets: built.request.secrets },
      };
    },
    { mode: 'frame' },
  );
  dropTokens();
  if (!check) {
    await refreshed; // never left unanswered behind the report
    return { exchanges: first.exchanges, verdict: first.verdict };
  }
  const proof = await checkAfterLogout(
    settings,
    {
      checkUrl: check.url,
      checkState: check.state,
      callbackUrl: silent.kind === 'callback' ? silent.url : undefined,
      ...(tokens.refreshToken && refreshed ? { refreshToken: tokens.refreshToken, refreshed } : {}),
      ...(tokens.leftBehind ? { refreshLeftBehind: true } : {}),
    },
    ctx,
  );
  return {
    exchanges: [...first.exchanges, ...proof.exchanges],
    verdict: first.verdict.ok
      ? proof.verdict
      : { ...proof.verdict, ok: false, line: `${first.verdict.line} ${proof.verdict.line}` },
    ...(proof.result ? { result: proof.result } : {}),
  };
}
