/**
 * The portal's OAuth callback page, `<baseUrl>callback/`: the redirect_uri of every widget login.
 * It hands the provider's answer to the widget that started the login (popup, full-page redirect,
 * or a hidden iframe for silent checks) — the protocol is in src/widgets/shared/loginRoundTrip.ts.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import Head from '@docusaurus/Head';
import Layout from '@theme/Layout';
import type { CallbackPageOutcome } from '@site/src/widgets/shared/loginRoundTrip';

// Only for an answer no login here waits for (opened by hand): popups and frames never load it.
const Arrival = lazy(() => import('./_Arrival'));

export default function LoginCallback(): React.JSX.Element {
  const [outcome, setOutcome] = useState<
    CallbackPageOutcome | { kind: 'failed'; reason: string } | undefined
  >();
  const handled = useRef(false);
  useEffect(() => {
    if (handled.current) return;
    handled.current = true;
    import('@site/src/widgets/shared/loginRoundTrip')
      .then(({ handleCallbackPage }) => setOutcome(handleCallbackPage()))
      .catch(() =>
        setOutcome({ kind: 'failed', reason: 'The page could not load its script; close it and try again.' }),
      );
  }, []);

  const text =
    outcome === undefined
      ? 'Handing the answer back to the tool…'
      : outcome.kind === 'posted'
        ? outcome.to === 'parent'
          ? 'Done: the answer was handed to the page around this frame.'
          : 'Done. This window closes itself; if it does not, close it.'
        : outcome.kind === 'resuming'
          ? 'Going back to the tool…'
          : outcome.reason;
  return (
    <Layout title="Login callback" description="Where the portal's tools receive the answer of a login.">
      <Head>
        <meta name="robots" content="noindex, nofollow" />
      </Head>
      <main className="container margin-vert--lg">
        <h1>Login callback</h1>
        <p role="status">{text}</p>
        {outcome?.kind === 'orphan' && outcome.callbackUrl && (
          <Suspense fallback={null}>
            <Arrival callbackUrl={outcome.callbackUrl} />
          </Suspense>
        )}
      </main>
    </Layout>
  );
}
