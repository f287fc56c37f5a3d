/**
 * The mock TelenorID+'s authorization endpoint, `<baseUrl>mock/authorize`: a service worker never
 * sees a cross-origin navigation, so the mock's discovery document points here (src/mocks/README.md).
 * It answers the request in its URL and redirects to the client's redirect_uri, or shows the error.
 */
import { useEffect, useRef, useState } from 'react';
import Head from '@docusaurus/Head';
import Layout from '@theme/Layout';
import { useSiteBaseUrl } from '@site/src/widgets/shared/environment';

type Shown =
  | { kind: 'working' }
  | { kind: 'redirecting'; what: string }
  | { kind: 'error'; error: string; description: string };

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
        const result = await answerMockAuthorizePage({ baseUrl });
        if (result.kind === 'error_page') {
          // An unknown client or redirect_uri is never redirected to: the error stays here.
          setShown({ kind: 'error', error: result.error, description: result.error_description });
          return;
        }
        setShown({
          kind: 'redirecting',
          what:
            result.outcome === 'code'
              ? `The test user is logged in (TelenorID+ would have shown: ${result.shown.join(', ') || 'nothing'}). Returning to the application…`
              : 'Returning to the application with an error…',
        });
        window.location.replace(result.redirectTo);
      } catch {
        setShown({
          kind: 'error',
          error: 'server_error',
          description: 'The mock could not answer this request.',
        });
      }
    })();
  }, [baseUrl]);

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
        ) : (
          <p role="status">{shown.kind === 'working' ? 'Signing in the test user…' : shown.what}</p>
        )}
      </main>
    </Layout>
  );
}
