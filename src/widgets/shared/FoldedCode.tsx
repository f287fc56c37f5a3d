import { useState, type ReactNode } from 'react';
import { warmHighlighter } from '@site/src/theme/CodeBlock/Content/highlighter';

/**
 * A folded `<details>` whose highlighted code block is built the first time it opens (issue #19):
 * a closed fold adds no Prism tokens, no code-block DOM and no code block's layout read to the
 * widget's mount. Until then the fold holds the same code as plain text, so find-in-page still finds
 * (and opens) it. The block is built in the click on the summary, before the fold opens and before
 * the next frame; opening by other means (find-in-page, a script) builds it on the toggle. The
 * browser's highlighter is a chunk of its own (src/theme/CodeBlock/Content/highlighter.ts): it is
 * fetched as the pointer or the focus reaches the summary, so it is there by the click, and a block
 * opened faster than it arrives shows its text unhighlighted for that moment.
 */

export default function FoldedCode({
  summary,
  code,
  block,
  children,
  className,
}: {
  summary: ReactNode;
  /** The code as plain text: what the fold holds until it first opens. */
  code: string;
  /** The highlighted block (a `<CodeBlock>` of `code`), rendered from the first opening on. */
  block: () => ReactNode;
  /** Shown under the code, built at once (cheap text, links). */
  children?: ReactNode;
  className?: string;
}): React.JSX.Element {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary onClick={() => setOpened(true)} onPointerEnter={warmHighlighter} onFocus={warmHighlighter}>
        {summary}
      </summary>
      {opened ? block() : <pre data-folded-code="">{code}</pre>}
      {children}
    </details>
  );
}
