// "Copy link" button for FAQ answers: support staff paste one stable URL to a customer.
import { useCallback, useEffect, useRef, useState } from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import styles from './styles.module.css';

type Status = 'idle' | 'copied' | 'failed';

/** The canonical absolute URL of a page: site URL + permalink (which already carries baseUrl). */
export function canonicalUrl(siteUrl: string, permalink: string): string {
  return `${siteUrl.replace(/\/$/, '')}${permalink}`;
}

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
  const url = canonicalUrl(siteConfig.url, metadata.permalink);
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
    <div className={styles.copyLink}>
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
