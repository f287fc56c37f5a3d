// Moves a reader who arrives with an old #fragment to where that content lives now.
import { useEffect } from 'react';
import { useHistory, useLocation } from '@docusaurus/router';
import { useBaseUrlUtils } from '@docusaurus/useBaseUrl';

type Props = {
  /** Old fragment (without '#') → a site path ('/faq/bff') or a same-page fragment ('#new-id'). */
  map: Record<string, string>;
};

export default function OldAnchors({ map }: Props): null {
  const { pathname, search, hash } = useLocation();
  const history = useHistory();
  const { withBaseUrl } = useBaseUrlUtils();

  useEffect(() => {
    const old = decodeURIComponent(hash.replace(/^#/, ''));
    const target = Object.hasOwn(map, old) ? map[old] : undefined;
    if (!target) return;
    if (target.startsWith('#')) {
      history.replace(`${pathname}${search}${target}`);
      document.getElementById(target.slice(1))?.scrollIntoView();
    } else {
      history.replace(withBaseUrl(target));
    }
  }, [pathname, search, hash, map, history, withBaseUrl]);

  return null;
}
