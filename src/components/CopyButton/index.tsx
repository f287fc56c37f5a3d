import { useEffect, useRef, useState } from 'react';
import clsx from 'clsx';

type Props = {
  /** What to copy; a function is called at click time (e.g. to build a share URL from the current state). */
  value: string | (() => string);
  /** The button's visible text, e.g. "Copy as curl" or "Share". */
  label: string;
  /** Announced (and shown briefly) after a successful copy. */
  done?: string;
  className?: string;
};

/**
 * A visible button that copies text to the clipboard and confirms it in a polite live region.
 * If the browser refuses clipboard access, it says so and shows the text to copy by hand.
 */
export default function CopyButton({ value, label, done = 'Copied', className }: Props): React.JSX.Element {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [fallback, setFallback] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    const text = typeof value === 'function' ? value() : value;
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
      setFallback('');
    } catch {
      setState('failed');
      setFallback(text);
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 2500);
  }

  return (
    <>
      <button type="button" className={clsx('button button--secondary button--sm', className)} onClick={copy}>
        {label}
      </button>
      <span aria-live="polite" className="margin-left--sm">
        {state === 'copied'
          ? done
          : state === 'failed'
            ? 'Your browser did not allow copying; select the text below.'
            : ''}
      </span>
      {fallback && (
        <textarea
          readOnly
          value={fallback}
          aria-label={`${label}: text to copy`}
          rows={2}
          style={{ width: '100%' }}
        />
      )}
    </>
  );
}
