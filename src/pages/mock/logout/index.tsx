/**
 * The mock TelenorID+'s end_session_endpoint, `<baseUrl>mock/logout`: ends the mock's SSO session
 * and follows post_logout_redirect_uri when the mock allows it (src/mocks/README.md).
 */
import { useEffect, useRef, useState } from 'react';
import Head from '@docusaurus/Head';
import Layout from '@theme/Layout';
import { useSiteBaseUrl } from '@site/src/widgets/shared/environment';

export default function MockLogout(): React.JSX.Element {
  const baseUrl = useSiteBaseUrl();
  const [message, setMessage] = useState('Signing out…');
  const handled = useRef(false);
  useEffect(() => {
    if (handled.current) return;
    handled.current = true;
    void (async () => {
      try {
        const { answerMockLogoutPage } = await import('@site/src/mocks/browser');
        const result = await answerMockLogoutPage({ baseUrl });
        setMessage(result.redirectTo ? `${result.message} Returning to the application…` : result.message);
        if (result.redirectTo) window.location.replace(result.redirectTo);
      } catch {
        setMessage('The mock could not end the session.');
      }
    })();
  }, [baseUrl]);

  return (
    <Layout
      title="Mock TelenorID+ logout"
      description="The mock TelenorID+ end-session endpoint of the portal's tools."
    >
      <Head>
        <meta name="robots" content="noindex, nofollow" />
      </Head>
      <main className="container margin-vert--lg">
        <h1>Mock TelenorID+ logout</h1>
        <p role="status">{message}</p>
      </main>
    </Layout>
  );
}
