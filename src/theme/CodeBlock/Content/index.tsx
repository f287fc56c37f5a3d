/**
 * Wraps the code block's highlighted content: the guide's bash and http grammars, which
 * prism-react-renderer lacks, load when a block in one of them first comes into view instead of with
 * every page's main.js (issue #19), and the block then re-renders highlighted as a transition, which
 * React renders in slices between other work rather than in one long task. Until then the block shows
 * its text unhighlighted, on the server and in the first client render alike (no hydration mismatch).
 * A block below the fold costs the page's load nothing (Lighthouse's blocking time on code pages).
 */
import { startTransition, useEffect, useState } from 'react';
import { useCodeBlockContext } from '@docusaurus/theme-common/internal';
import Content from '@theme-original/CodeBlock/Content';
import type ContentType from '@theme/CodeBlock/Content';
import type { WrapperProps } from '@docusaurus/types';
import { lazyGrammarFor, loadGrammar, whenInView } from './lazyGrammars';

type Props = WrapperProps<typeof ContentType>;

export default function ContentWrapper(props: Props): React.JSX.Element {
  const { metadata, wordWrap } = useCodeBlockContext();
  const pending = lazyGrammarFor(metadata.language);
  const [, setLoaded] = useState(false);
  const block = wordWrap.codeBlockRef;
  useEffect(() => {
    if (!pending) return;
    let live = true;
    const stop = whenInView(block.current, () => {
      void loadGrammar(pending).then(() => {
        if (live) startTransition(() => setLoaded(true));
      });
    });
    return () => {
      live = false;
      stop();
    };
  }, [pending, block]);
  return <Content {...props} />;
}
