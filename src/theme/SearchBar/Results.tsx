// The search results behind the navbar's search box (./index.tsx), loaded on the reader's first
// focus, pointer-over or shortcut. A WAI-ARIA 1.2 combobox with a listbox popup: the box keeps focus
// throughout, ↑/↓ move the active option (aria-activedescendant), Enter opens it, Escape closes the
// list (and, when it is closed, empties the box), Tab just moves on (to "See all results" while the
// list is open) — it never opens a page. Results
// come from the search plugin's worker (its index is built by @easyops-cn/docusaurus-search-local).
import React, { useEffect, useState, type KeyboardEvent, type MutableRefObject } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import { useHistory } from '@docusaurus/router';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {
  fetchIndexesByWorker,
  searchByWorker,
} from '@easyops-cn/docusaurus-search-local/dist/client/client/theme/searchByWorker';
import { searchResultLimits } from '@easyops-cn/docusaurus-search-local/dist/client/client/utils/proxiedGeneratedConstants';
import styles from './styles.module.css';

export type ResultsView = { expanded: boolean; active?: string };
export type ResultsHandle = { onKeyDown(event: KeyboardEvent<HTMLInputElement>): void; dismiss(): void };
export type ResultsProps = {
  query: string;
  focused: boolean;
  listboxId: string;
  handle: MutableRefObject<ResultsHandle | null>;
  onView(view: ResultsView): void;
  onClear(): void;
};

/** What the plugin's worker returns for one hit (its `SearchResult`, the fields read here). */
type Hit = {
  document: { i: number; t: string; u: string; h?: string; s?: string; b?: string[] };
  type: number;
  page?: { t: string; b?: string[] } | false;
  tokens: string[];
  isInterOfTree?: boolean;
  isLastOfTree?: boolean;
};
const Keywords = 3; // SearchDocumentType.Keywords in the plugin

type Index = 'loading' | 'ready' | 'failed';

function hitUrl(hit: Hit): string {
  const params = new URLSearchParams();
  for (const token of hit.tokens) params.append('_highlight', token);
  const query = params.toString();
  return `${hit.document.u}${query ? `?${query}` : ''}${hit.document.h ?? ''}`;
}

function hitTitle(hit: Hit): string {
  return (hit.type === Keywords ? hit.document.s : hit.document.t) ?? hit.document.t;
}

function hitPath(hit: Hit): string {
  if (hit.isInterOfTree || hit.isLastOfTree) return '';
  const { page, document } = hit;
  const items = page
    ? [...(page.b ?? []), page.t, ...(!document.s || document.s === page.t ? [] : [document.s])]
    : (document.b ?? []);
  return items.join(' › ');
}

/** The title as text, the searched words in <mark> (no HTML from the index is ever parsed). */
function Marked({ text, tokens }: { text: string; tokens: string[] }): React.JSX.Element {
  const words = tokens.filter((t) => t.length > 0).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return <>{text}</>;
  const parts = text.split(new RegExp(`(${words.join('|')})`, 'gi'));
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}</>;
}

export default function Results({
  query,
  focused,
  listboxId,
  handle,
  onView,
  onClear,
}: ResultsProps): React.JSX.Element {
  const { baseUrl } = useDocusaurusContext().siteConfig;
  const history = useHistory();
  const [index, setIndex] = useState<Index>('loading');
  const [found, setFound] = useState<{ query: string; hits: Hit[] }>();
  const [active, setActive] = useState(-1);
  const [dismissed, setDismissed] = useState(false);
  const term = query.trim();

  useEffect(() => {
    let live = true;
    fetchIndexesByWorker(baseUrl, '').then(
      () => live && setIndex('ready'),
      () => live && setIndex('failed'),
    );
    return () => {
      live = false;
    };
  }, [baseUrl]);

  useEffect(() => {
    setActive(-1);
    setDismissed(false);
    if (index !== 'ready' || term === '') return setFound(undefined);
    let live = true;
    searchByWorker(baseUrl, '', term, searchResultLimits).then(
      (hits) => live && setFound({ query: term, hits: hits as Hit[] }),
      () => live && setIndex('failed'),
    );
    return () => {
      live = false;
    };
  }, [baseUrl, index, term]);

  useEffect(() => setDismissed(false), [focused]);

  const hits = found?.query === term ? found.hits : [];
  const open = focused && !dismissed && term !== '' && (index !== 'ready' || found?.query === term);
  const optionId = (i: number) => `${listboxId}-${i}`;
  const activeId = open && active >= 0 && active < hits.length ? optionId(active) : undefined;

  useEffect(() => onView({ expanded: open, active: activeId }), [open, activeId, onView]);
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const choose = (hit: Hit) => {
    setDismissed(true);
    history.push(hitUrl(hit));
  };
  const searchPage = `${baseUrl}search?${new URLSearchParams({ q: term }).toString()}`;

  handle.current = {
    dismiss: () => setDismissed(true),
    onKeyDown(e) {
      const n = hits.length;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (!open) return setDismissed(false);
        if (n === 0) return;
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((a) => (a < 0 ? (step > 0 ? 0 : n - 1) : (a + step + n) % n));
      } else if (e.key === 'Enter') {
        if (term === '') return;
        e.preventDefault();
        const hit = open ? hits[active] : undefined;
        if (hit) choose(hit);
        else {
          setDismissed(true);
          history.push(searchPage);
        }
      } else if (e.key === 'Escape') {
        // Focus stays in the box: the first Escape closes the list, the next one empties the box.
        e.preventDefault();
        if (open) setDismissed(true);
        else if (query !== '') onClear();
      }
    },
  };

  const status =
    term === '' || !focused
      ? ''
      : index === 'failed'
        ? 'The search index could not be loaded. Check your connection, or open the search page.'
        : index === 'loading'
          ? 'Loading the search index…'
          : found?.query !== term
            ? ''
            : hits.length === 0
              ? `No results for “${term}”.`
              : `${hits.length} result${hits.length === 1 ? '' : 's'}. Use the up and down arrows to pick one, Enter to open it.`;

  return (
    <>
      <span aria-live="polite" aria-atomic="true" className={styles.srOnly}>
        {status}
      </span>
      <div className={styles.popup} hidden={!open}>
        <ul id={listboxId} role="listbox" aria-label="Search results" className={styles.listbox}>
          {hits.map((hit, i) => {
            const path = hitPath(hit);
            return (
              <li
                key={`${hit.document.i}-${i}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={clsx(
                  styles.option,
                  i === active && styles.active,
                  (hit.isInterOfTree || hit.isLastOfTree) && styles.child,
                )}
                // The box keeps focus when an option is clicked.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(hit)}
                onMouseMove={() => active !== i && setActive(i)}
              >
                <span className={styles.title}>
                  <Marked text={hitTitle(hit)} tokens={hit.tokens} />
                </span>
                {path && <span className={styles.path}>{path}</span>}
              </li>
            );
          })}
        </ul>
        <p className={styles.footer}>
          {index === 'ready' && found?.query === term && hits.length === 0 && (
            <span className={styles.none}>No results. </span>
          )}
          {index === 'loading' && <span className={styles.none}>Loading the search index… </span>}
          {index === 'failed' && <span className={styles.none}>The search index could not be loaded. </span>}
          {/* Tab from the box reaches it (and from it the arrow keys scroll a long list). */}
          <Link to={searchPage} onClick={() => setDismissed(true)}>
            See all results
          </Link>
        </p>
      </div>
    </>
  );
}
