/**
 * The inspector's share link: the kind of paste, or an authorization URL with its non-secret
 * parameters only. Never a token, a code, a state, a nonce, a challenge or a verifier: what a reader
 * pasted stays in their tab.
 */
import type { AuthorizationUrlInspection } from './authorization-url';
import { parsePasteKindValue, type PasteKind } from './kinds';

/** Parameters of an authorization URL a share link may carry (the scope builder's share-link set). */
const shareable = [
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'prompt',
  'ui_locales',
  'acr_values',
];

export function shareInspectorUrl(
  pageUrl: string,
  share: { kind?: PasteKind; authorizationUrl?: { url: URL; inspection: AuthorizationUrlInspection } },
): string {
  const page = new URL(pageUrl);
  page.search = '';
  page.hash = '';
  if (share.authorizationUrl) {
    const { url } = share.authorizationUrl;
    const kept = new URL(`${url.origin}${url.pathname}`);
    for (const name of shareable) {
      const v = url.searchParams.get(name);
      if (v !== null) kept.searchParams.set(name, v);
    }
    page.searchParams.set('url', kept.href);
  } else if (share.kind) page.searchParams.set('kind', share.kind);
  return page.href;
}

export type InspectorShare = { kind?: PasteKind; url?: string; problem?: string };

/** Read the share link's query; anything but an http(s) URL of at most 4 000 characters is left out. */
export function parseInspectorShare(search: string): InspectorShare {
  const p = new URLSearchParams(search);
  const out: InspectorShare = {};
  const kind = parsePasteKindValue(p.get('kind'));
  if (kind) out.kind = kind;
  const url = p.get('url');
  if (url !== null) {
    let u: URL | undefined;
    try {
      u = url.length <= 4000 && /^https?:\/\//i.test(url) ? new URL(url) : undefined;
    } catch {
      u = undefined;
    }
    if (u) {
      const secret = [
        'code',
        'code_verifier',
        'client_secret',
        'access_token',
        'id_token',
        'refresh_token',
      ].find((n) => u.searchParams.has(n));
      if (secret)
        out.problem = `The link’s URL carries ${secret}, which a share link never should; it was not filled in.`;
      else out.url = url;
    } else out.problem = 'The link’s url is not an http(s) URL (or is too long); it was left out.';
  }
  return out;
}
