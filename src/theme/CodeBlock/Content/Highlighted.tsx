/**
 * The browser's highlighter, for the code blocks the build did not highlight (a widget's samples and
 * results, a `<CodeBlock>` written in MDX): theme-classic's `CodeBlock/Content` with Prism, in a chunk of
 * its own that `./highlighter.ts` loads when such a block is first shown (docs blocks are highlighted
 * at build time: plugins/code-highlight.ts). The bash and http grammars, which prism-react-renderer
 * lacks, load when a block in one of them comes into view, and the block then re-renders highlighted
 * as a transition, which React renders in slices between other work rather than in one long task.
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
