// The address "Copy link" hands to support staff: one a customer can open.

/**
 * The absolute URL of a page as a reader can open it. A configured site URL (`SITE_URL` at build
 * time) is the published address and wins. Without one, the build only knows a placeholder
 * (`http://localhost:3000`), so the page's own origin is used — known in the browser only, so
 * static rendering (no origin) gets the bare permalink and the effect fills in the origin.
 * `permalink` already carries the base URL.
 */
export function answerUrl(options: {
  siteUrl: string;
  siteUrlConfigured: boolean;
  origin: string | undefined;
  permalink: string;
}): string {
  const { siteUrl, siteUrlConfigured, origin, permalink } = options;
  const host = siteUrlConfigured ? siteUrl : origin;
  return host === undefined ? permalink : `${host.replace(/\/+$/, '')}${permalink}`;
}
