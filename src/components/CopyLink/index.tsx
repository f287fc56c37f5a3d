// "Copy link" button for FAQ answers: support staff paste one stable URL to a customer.
import { useCallback, useEffect, useRef, useState } from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import { answerUrl } from './answerUrl';
import styles from './styles.module.css';

type Status = 'idle' | 'copied' | 'failed';

async function writeToClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Older browsers and non-secure origins: fall back to a hidden textarea.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  document.body.removeChild(area);
  if (!ok) throw new Error('copy refused');
}

export default function CopyLink(): React.JSX.Element {
  const { siteConfig } = useDocusaurusContext();
  const { metadata } = useDoc();
  const siteUrlConfigured = siteConfig.customFields?.siteUrlConfigured === true;
  // The page's origin is read after hydration, so the static HTML and the first render agree.
  const [origin, setOrigin] = useState<string | undefined>();
  useEffect(() => setOrigin(window.location.origin), []);
  const url = answerUrl({
    siteUrl: siteConfig.url,
    siteUrlConfigured,
    origin,
    permalink: metadata.permalink,
  });
  const [status, setStatus] = useState<Status>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = useCallback(async () => {
    try {
      await writeToClipboard(url);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus('idle'), 4000);
  }, [url]);

  return (
    // Button text and URL are not the answer: kept out of the search index (docusaurus.config.ts).
    <div className={styles.copyLink} data-search-exclude="">
      <button
        type="button"
        className="button button--outline button--primary button--sm"
        onClick={copy}
        aria-label={`Copy link to this answer: ${url}`}
      >
        Copy link
      </button>
      <code className={styles.url}>{url}</code>
      <span role="status" aria-live="polite" className={styles.status}>
        {status === 'copied'
          ? 'Link copied'
          : status === 'failed'
            ? 'Could not copy: select the link and copy it by hand.'
            : ''}
      </span>
    </div>
  );
}
