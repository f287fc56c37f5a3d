/**
 * Wraps the code block's highlighted content: the guide's bash and http grammars, which
 * prism-react-renderer lacks, load the first time a block in one of them is shown instead of with
 * every page's main.js (issue #19). Until then the block shows its text unhighlighted, on the
 * server and in the first client render alike (no hydration mismatch).
 */
import { useEffect, useState } from 'react';
import { useCodeBlockContext } from '@docusaurus/theme-common/internal';
import Content from '@theme-original/CodeBlock/Content';
import type ContentType from '@theme/CodeBlock/Content';
import type { WrapperProps } from '@docusaurus/types';
import { lazyGrammarFor, loadGrammar } from './lazyGrammars';

type Props = WrapperProps<typeof ContentType>;

export default function ContentWrapper(props: Props): React.JSX.Element {
  const { metadata } = useCodeBlockContext();
  const pending = lazyGrammarFor(metadata.language);
  const [, setLoaded] = useState(false);
  useEffect(() => {
    if (!pending) return;
    let live = true;
    void loadGrammar(pending).then(() => {
      if (live) setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [pending]);
  return <Content {...props} />;
}
