import { safeHref } from '@site/src/oidc/links';

/**
 * Shows a URL from untrusted input. It is a link only when `safeHref` allows it (https:, or http: on
 * loopback); otherwise plain text, so a `javascript:` or `data:` URL can be read but never followed.
 */
export default function SafeLink({ url }: { url: unknown }): React.JSX.Element {
  const text = typeof url === 'string' ? url : (JSON.stringify(url) ?? String(url));
  const href = safeHref(url);
  if (!href) return <code>{text}</code>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      <code>{text}</code>
    </a>
  );
}
