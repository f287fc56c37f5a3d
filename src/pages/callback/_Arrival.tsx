/**
 * What arrived at the callback page when no login in this tab waits for it: the reader opened an
 * authorization URL by hand (e.g. copied from the scope builder into a new tab). Loaded by the
 * callback page only then, so a popup's or frame's callback carries none of the catalogue.
 *
 * The code is shown redacted until the reader reveals it, as tokens are everywhere in the portal:
 * it was in their own address bar, but it is a live one-time credential and this page is the kind a
 * reader shares on a call with support. Copy takes the whole code without revealing it.
 */
import { useState } from 'react';
import CopyButton from '@site/src/components/CopyButton';
import GuideLink from '@site/src/components/GuideLink';
import SafeLink from '@site/src/components/SafeLink';
import { describeCallbackArrival } from '@site/src/oidc/callback';
import { redactToken } from '@site/src/oidc/refresh';
import ErrorPageLink from '@site/src/components/ErrorPageLink';

export default function Arrival({ callbackUrl }: { callbackUrl: string }): React.JSX.Element | null {
  const [arrival] = useState(() => describeCallbackArrival(callbackUrl));
  const [revealed, setRevealed] = useState(false);
  if (arrival.kind === 'nothing') return null;
  if (arrival.kind === 'unreadable') return <p>{arrival.reason}</p>;
  if (arrival.kind === 'error') {
    const { explanation } = arrival;
    return (
      <section aria-labelledby="arrived-heading">
        <h2 id="arrived-heading">
          The provider answered with an error: <code>{arrival.error}</code>
        </h2>
        {arrival.description !== undefined && (
          <p>
            Its description (as sent): <q>{arrival.description}</q>
          </p>
        )}
        <p>
          <strong>What it means:</strong> {explanation.meaning}
        </p>
        <p>
          <strong>What to do:</strong> {explanation.reaction}
          {explanation.guide && (
            <>
              {' '}
              <GuideLink topic={explanation.guide}>
                Read the answer for <code>{explanation.code}</code>
              </GuideLink>
            </>
          )}{' '}
          <ErrorPageLink code={explanation.code} />
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="arrived-heading">
      <h2 id="arrived-heading">An authorization code arrived</h2>
      <p>
        It is yours to use: you probably opened an authorization URL yourself (copied from the scope builder,
        or built by your own client). The code is single-use and short-lived: exchange it at the token
        endpoint now, with the <code>code_verifier</code> and <code>redirect_uri</code> of the request that
        produced it.
      </p>
      <dl>
        <dt>code</dt>
        <dd>
          <code data-testid="arrived-code">{revealed ? arrival.code : redactToken(arrival.code)}</code>{' '}
          <button
            type="button"
            className="button button--sm button--secondary"
            aria-pressed={revealed}
            onClick={() => setRevealed((r) => !r)}
          >
            {revealed ? 'Hide the code' : 'Reveal the code'}
          </button>{' '}
          <CopyButton label="Copy the code" done="Code copied" value={arrival.code} />
        </dd>
        {arrival.iss !== undefined && (
          <>
            <dt>iss (the issuer that sent it)</dt>
            <dd>
              <SafeLink url={arrival.iss} />
            </dd>
          </>
        )}
        {arrival.scope !== undefined && (
          <>
            <dt>scope (granted)</dt>
            <dd>
              <code>{arrival.scope}</code>
            </dd>
          </>
        )}
      </dl>
      <p>
        The code was removed from the address bar and the history of this tab.{' '}
        <GuideLink topic="token">How the code exchange works</GuideLink>
      </p>
    </section>
  );
}
