// "Copy page as Markdown": fetches the page's Markdown twin (plugins/markdown-twins.ts) on click and
// puts it on the clipboard. It is on every doc page (src/theme/MDXComponents.tsx), so it stays tiny.
import { useState } from 'react';
import { useLocation } from '@docusaurus/router';
import styles from './styles.module.css';

/** `href`: the twin's path; by default the page's path + `.md` (a doc is never the site root). */
export default function CopyPageMarkdown(props: { href?: string }): React.JSX.Element {
  const { pathname } = useLocation();
  const href = props.href ?? `${pathname.replace(/\/+$/, '')}.md`;
  const [said, say] = useState('');
  const copy = () => {
    say('');
    fetch(href)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((text) => navigator.clipboard.writeText(text))
      .then(
        () => say('Copied as Markdown'),
        () => say('!'),
      );
  };
  return (
    <div className={styles.copy}>
      <span role="status">
        {said === '!' ? (
          <>
            Could not copy: <a href={href}>open the Markdown</a>
          </>
        ) : (
          said
        )}
      </span>
      <button type="button" className="button button--secondary button--sm" onClick={copy}>
        Copy page as Markdown
      </button>
    </div>
  );
}
