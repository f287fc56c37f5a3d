// "Copy page as Markdown": fetches the page's Markdown twin (plugins/markdown-twins.ts) on click and
// puts it on the clipboard. It is on every doc page (src/theme/Heading), so it stays tiny. It also
// puts the page's <link rel="alternate" type="text/markdown"> in the head, so the link follows
// client-side navigation (postBuild writes it only into pages without this component).
import { useState } from 'react';
import Head from '@docusaurus/Head';
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
      <Head>
        <link rel="alternate" type="text/markdown" href={href} />
      </Head>
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
