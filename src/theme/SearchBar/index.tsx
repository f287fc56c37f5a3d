// Replaces the search plugin's bar (@easyops-cn/docusaurus-search-local keeps building the index, the
// worker that searches it and the /search page). Its bar was in every page's main.js and failed the
// keyboard and screen-reader bar (issue #23): Tab opened the highlighted result, Escape dropped focus
// to <body>, the clear button was an unnamed "✕", the listbox held links, and focus jumped back into
// the box when the index finished loading. This shell is the one <input> a reader ever types into: it
// stays mounted, and the results (./Results, with the plugin's worker client) load on the first focus,
// pointer-over or Ctrl/⌘ K, so no focus moves and no typed letter is lost when they arrive.
import React, { useCallback, useEffect, useId, useRef, useState, type ComponentType } from 'react';
import clsx from 'clsx';
import { useLocation } from '@docusaurus/router';
import type { ResultsHandle, ResultsProps, ResultsView } from './Results';
import styles from './styles.module.css';

let results: Promise<ComponentType<ResultsProps>> | undefined;
const loadResults = () => (results ??= import('./Results').then((m) => m.default));

/** The page a result opens marks the searched words (`?_highlight=`); mark.js loads only then. */
function useHighlightedTerms(): void {
  const { pathname, search } = useLocation();
  const marked = useRef(false);
  useEffect(() => {
    const words = new URLSearchParams(search).getAll('_highlight');
    if (words.length === 0 && !marked.current) return;
    marked.current = words.length > 0;
    // After a macro task: code blocks render again after this effect (as the plugin did, its issue 92).
    const timer = setTimeout(() => void import('./highlight').then((m) => m.highlight(words)), 0);
    return () => clearTimeout(timer);
  }, [pathname, search]);
}

export default function SearchBar(): React.JSX.Element {
  const id = useId();
  const listboxId = `${id}-results`;
  const input = useRef<HTMLInputElement>(null);
  const handle = useRef<ResultsHandle | null>(null);
  const [Results, setResults] = useState<ComponentType<ResultsProps>>();
  const [query, setQuery] = useState('');
  const [focused, setFocused] = useState(false);
  const [view, setView] = useState<ResultsView>({ expanded: false });
  const [mac, setMac] = useState(false);
  useHighlightedTerms();

  const start = useCallback(() => {
    void loadResults().then(
      (R) => setResults(() => R),
      () => undefined, // offline after the page loaded: the box stays a box; the /search page still works
    );
  }, []);

  // The plugin's shortcut (searchBarShortcutKeymap "mod+k"): ⌘ K on a Mac, Ctrl K elsewhere.
  useEffect(() => {
    const isMac = /mac|iphone|ipad/i.test(navigator.platform);
    setMac(isMac);
    const onKey = (e: KeyboardEvent) => {
      const mod = isMac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
      if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        input.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const clear = () => {
    setQuery('');
    input.current?.focus();
  };

  return (
    <div
      role="search"
      className={clsx('navbar__search', styles.bar, focused && styles.focused)}
      dir="ltr"
      onPointerEnter={start}
      // Focus anywhere in the bar (the box, the clear button, "See all results") keeps the list open.
      onFocus={() => {
        setFocused(true);
        start();
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setFocused(false);
      }}
      onKeyDown={(e) => {
        // Escape from "See all results" or the clear button: back to the box, list closed.
        if (e.key === 'Escape' && e.target !== input.current) {
          e.preventDefault();
          input.current?.focus();
          handle.current?.dismiss();
        }
      }}
    >
      <svg aria-hidden="true" className={styles.icon} focusable="false" viewBox="0 0 16 16">
        <path
          fill="currentColor"
          d="M6.02945 10.20327a4.17382 4.17382 0 1 1 4.17382-4.17382 4.15609 4.15609 0 0 1-4.17382 4.17382Zm9.69195 4.2199-4.8225-4.82338A5.88021 5.88021 0 0 0 12.058 6.02856 6.00467 6.00467 0 1 0 9.59979 10.8989l4.82338 4.82338a.89729.89729 0 0 0 1.29912 0 .89749.89749 0 0 0-.00087-1.29909Z"
        />
      </svg>
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Search"
        aria-autocomplete="list"
        aria-expanded={view.expanded}
        aria-controls={listboxId}
        aria-activedescendant={view.active}
        aria-keyshortcuts={mac ? 'Meta+K' : 'Control+K'}
        placeholder="Search"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        className={clsx('navbar__search-input', styles.input)}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => handle.current?.onKeyDown(e)}
      />
      {query !== '' ? (
        <button type="button" className={styles.clear} aria-label="Clear search" onClick={clear}>
          <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="12" height="12">
            <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </button>
      ) : (
        <span className={styles.hint} aria-hidden="true">
          <kbd>{mac ? '⌘' : 'ctrl'}</kbd>
          <kbd>K</kbd>
        </span>
      )}
      {Results ? (
        <Results
          query={query}
          focused={focused}
          listboxId={listboxId}
          handle={handle}
          onView={setView}
          onClear={clear}
        />
      ) : (
        <>
          {/* Present (and empty) from the first render, so the first count is announced; not role=status,
              which would make every page hold a status region that is not the page's own. */}
          <span aria-live="polite" aria-atomic="true" className={styles.srOnly} />
          <ul id={listboxId} role="listbox" aria-label="Search results" hidden />
        </>
      )}
    </div>
  );
}
