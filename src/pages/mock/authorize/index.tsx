/**
 * The mock TelenorID+'s authorization endpoint, `<baseUrl>mock/authorize`: a service worker never
 * sees a cross-origin navigation, so the mock's discovery document points here (src/mocks/README.md).
 * A thin renderer of src/mocks' decisions: redirect, the login screen (the fixture users), or an error.
 */
import { useEffect, useRef, useState } from 'react';
import Head from '@docusaurus/Head';
import Layout from '@theme/Layout';
import { useSiteBaseUrl } from '@site/src/widgets/shared/environment';
import type { MockAuthorizeResult } from '@site/src/mocks/tenant';

type LoginScreen = Extract<MockAuthorizeResult, { kind: 'login' }>;

type Shown =
  | { kind: 'working' }
  | { kind: 'redirecting'; what: string }
  | { kind: 'login'; screen: LoginScreen; busy: boolean }
  | { kind: 'error'; error: string; description: string };

const stepNames: Record<string, string> = { login: 'the login', consent: 'consent', sso: 'the SSO session' };

function follow(result: MockAuthorizeResult, setShown: (s: Shown) => void): void {
  if (result.kind === 'error_page') {
    // An unknown client or redirect_uri is never redirected to: the error stays here.
    setShown({ kind: 'error', error: result.error, description: result.error_description });
    return;
  }
  if (result.kind === 'login') {
    setShown({ kind: 'login', screen: result, busy: false });
    return;
  }
  setShown({
    kind: 'redirecting',
    what:
      result.outcome === 'code'
        ? `Logged in through ${result.shown.map((s) => stepNames[s] ?? s).join(' and ')}. Returning to the application…`
        : 'Returning to the application with an error…',
  });
  window.location.replace(result.redirectTo);
}

const failed: Shown = {
  kind: 'error',
  error: 'server_error',
  description: 'The mock could not answer this request. Reload the page, or start the login again.',
};

export default function MockAuthorize(): React.JSX.Element {
  const baseUrl = useSiteBaseUrl();
  const [shown, setShown] = useState<Shown>({ kind: 'working' });
  const handled = useRef(false);
  useEffect(() => {
    if (handled.current) return;
    handled.current = true;
    void (async () => {
      try {
        const { answerMockAuthorizePage } = await import('@site/src/mocks/browser');
        follow(await answerMockAuthorizePage({ baseUrl }), setShown);
      } catch {
        setShown(failed);
      }
    })();
  }, [baseUrl]);

  async function pick(screen: LoginScreen, userId: string) {
    setShown({ kind: 'login', screen, busy: true });
    try {
      const { answerMockLogin } = await import('@site/src/mocks/browser');
      follow(await answerMockLogin({ baseUrl, request: screen.request, userId }), setShown);
    } catch {
      setShown(failed);
    }
  }

  return (
    <Layout
      title="Mock TelenorID+ login"
      description="The mock TelenorID+ authorization endpoint of the portal's tools."
    >
      <Head>
        <meta name="robots" content="noindex, nofollow" />
      </Head>
      <main className="container margin-vert--lg">
        <h1>Mock TelenorID+ login</h1>
        <p>
          This page plays TelenorID+’s authorization endpoint for the portal’s mock environment. No real
          account is used.
        </p>
        {shown.kind === 'error' ? (
          <div className="alert alert--danger" role="alert">
            <strong>{shown.error}</strong>: {shown.description}
          </div>
        ) : shown.kind === 'login' ? (
          <LoginForm screen={shown.screen} busy={shown.busy} onPick={(id) => void pick(shown.screen, id)} />
        ) : (
          <p role="status">{shown.kind === 'working' ? 'Reading the login request…' : shown.what}</p>
        )}
      </main>
    </Layout>
  );
}

function LoginForm({
  screen,
  busy,
  onPick,
}: {
  screen: LoginScreen;
  busy: boolean;
  onPick: (userId: string) => void;
}): React.JSX.Element {
  return (
    <section aria-labelledby="mock-login-heading">
      <h2 id="mock-login-heading">Choose a test user</h2>
      <p>
        Client <code>{screen.clientId}</code> asks for <code>{screen.scope}</code>. No password is asked: pick
        who logs in.
      </p>
      {screen.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      {screen.error ? (
        <div className="alert alert--danger margin-bottom--md" role="alert">
          {screen.error}
        </div>
      ) : null}
      <ul aria-label="Test users" className="clean-list">
        {screen.users.map((user) => {
          const hinted = user.id === screen.preselected;
          return (
            <li key={user.id} className="margin-bottom--sm">
              <button
                type="button"
                className={`button button--block ${hinted ? 'button--primary' : 'button--secondary'}`}
                style={{ textAlign: 'left', whiteSpace: 'normal' }}
                disabled={busy}
                // The hinted user has the focus, as a login form with a prefilled number would.
                autoFocus={hinted}
                aria-describedby={hinted ? 'mock-login-hint' : undefined}
                onClick={() => onPick(user.id)}
              >
                <strong>
                  {user.name} · {user.msisdn}
                </strong>
                <br />
                <span>{user.label}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {screen.preselected ? (
        <p id="mock-login-hint">The login_hint names this user: it is selected first.</p>
      ) : null}
      {busy ? <p role="status">Logging in…</p> : null}
    </section>
  );
}
