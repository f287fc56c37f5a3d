/**
 * The one question a widget asks before it talks to a custom issuer that arrived in a link: a link
 * can point the tools anywhere, so the reader sees the host and confirms it once for this visit
 * (the environment context remembers it in sessionStorage). Renders nothing otherwise.
 */
import { issuerHost } from '@site/src/oidc/environments';
import GuideLink from '@site/src/components/GuideLink';
import { useEnvironment } from './environment';

export default function IssuerConfirmation({ what }: { what: string }): React.JSX.Element | null {
  const env = useEnvironment();
  if (!env.unconfirmed || !env.issuer) return null;
  const host = issuerHost(env.issuer);
  return (
    <div className="alert alert--warning" role="alert" data-testid="issuer-confirmation">
      <p>
        The link that opened this page points the tools at a custom issuer, <strong>{host}</strong> (
        <code>{env.issuer}</code>). {what} only after you confirm that you trust it; a stranger’s issuer could
        collect your login. <GuideLink topic="issuerMatch">Why the portal asks</GuideLink>
      </p>
      <button type="button" className="button button--warning button--sm" onClick={env.confirmIssuer}>
        Use {host} for this visit
      </button>{' '}
      <button
        type="button"
        className="button button--secondary button--sm"
        onClick={() => env.setEnvironment('mock')}
      >
        Switch to the mock
      </button>
    </div>
  );
}
