import Link from '@docusaurus/Link';
import { errorPagePath, hasErrorPage } from '@site/src/oidc/catalogue/error-links';

/**
 * The one link from a failure a widget shows to its section of the error reference (`/errors#<code>`).
 * Renders nothing for a code without a section (an unknown code a provider sent), so a widget can pass
 * any failure's code. Imports only the code list (errors.ts, in every widget already), not the reference's sentences.
 */
export default function ErrorPageLink({
  code,
  children,
}: {
  code: string | undefined;
  children?: React.ReactNode;
}): React.JSX.Element | null {
  if (code === undefined || !hasErrorPage(code)) return null;
  return (
    <Link to={errorPagePath(code)} data-error-page={code}>
      {children ?? (
        <>
          About <code>{code}</code> in the error reference
        </>
      )}
    </Link>
  );
}
