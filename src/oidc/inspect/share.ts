/**
 * The inspector's share link: the kind of paste, or an authorization URL with its non-secret
 * parameters only. Never a token, a code, a state, a nonce, a challenge or a verifier: what a reader
 * pasted stays in their tab.
 */
import { secretParameters } from '../curl';
import { buildShareLink, readShareLink } from '../share-link';
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
  if (share.authorizationUrl) {
    const { url } = share.authorizationUrl;
    const kept = new URL(`${url.origin}${url.pathname}`);
    for (const name of shareable) {
      const v = url.searchParams.get(name);
      if (v !== null) kept.searchParams.set(name, v);
    }
    return buildShareLink(pageUrl, [['url', kept.href]]);
  }
  return buildShareLink(pageUrl, [['kind', share.kind]]);
}

export type InspectorShare = { kind?: PasteKind; url?: string; problem?: string };

/**
 * Read the share link's query (`readShareLink`: a secret beside it is named and ignored); anything
 * but an http(s) URL of at most 4 000 characters, or one that carries a code, token or secret, is
 * left out with a sentence.
 */
export function parseInspectorShare(search: string): InspectorShare {
  const link = readShareLink(search, { who: 'the inspector' });
  const out: InspectorShare = {};
  const kind = parsePasteKindValue(link.get('kind') ?? null);
  if (kind) out.kind = kind;
  const url = link.get('url');
  if (url !== undefined) {
    let u: URL | undefined;
    try {
      u = /^https?:\/\//i.test(url) ? new URL(url) : undefined;
    } catch {
      u = undefined;
    }
    if (u) {
      const secret = secretParameters.find((n) => u.searchParams.has(n));
      if (secret)
        link.problem(
          `The link’s URL carries ${secret}, which a share link never should; it was not filled in.`,
        );
      else out.url = url;
    } else link.problem('The link’s url is not an http(s) URL (or is too long); it was left out.');
  }
  if (link.problems.length > 0) out.problem = link.problems.join(' ');
  return out;
}
