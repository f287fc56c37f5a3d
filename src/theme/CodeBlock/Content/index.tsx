/**
 * A code block's content. A block of the docs carries its highlighting from the build
 * (plugins/code-highlight.ts, given by ../Static.tsx through `StaticHighlight`): it renders as plain
 * markup, with no highlighter in the page. Any other block (a widget's samples, a `<CodeBlock>` in
 * MDX) is highlighted in the browser by ./Highlighted.tsx, whose chunk (Prism) loads when such a block
 * is first shown; until it arrives, and while the page hydrates, the block shows its text unhighlighted
 * in the same frame, so the server's HTML and the first render agree.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import { useCodeBlockContext } from '@docusaurus/theme-common/internal';
import type ContentType from '@theme/CodeBlock/Content';
import type { WrapperProps } from '@docusaurus/types';
import type { PaletteEntry, StaticLine } from '../highlightData';
import { loadedHighlighter, loadHighlighter } from './highlighter';
import Lines from './Lines';

type Props = WrapperProps<typeof ContentType>;

/** The build's highlighting of the block being rendered, if it has one. */
export const StaticHighlight = createContext<{ lines: StaticLine[]; palette: PaletteEntry[] } | undefined>(
  undefined,
);

function BrowserHighlighted(props: Props): React.JSX.Element {
  const { metadata } = useCodeBlockContext();
  const isBrowser = useIsBrowser();
  const [Highlighted, setHighlighted] = useState(() => loadedHighlighter());
  useEffect(() => {
    if (Highlighted) return;
    let live = true;
    loadHighlighter().then(
      (component) => {
        if (live) setHighlighted(() => component);
      },
      () => undefined, // the text stays readable unhighlighted; the next block retries
    );
    return () => {
      live = false;
    };
  }, [Highlighted]);
  // Before hydration is over, render what the server rendered: the text unhighlighted.
  if (Highlighted && isBrowser) return <Highlighted {...props} />;
  return (
    <Lines
      className={props.className}
      lines={metadata.code.split('\n').map((text) => (text ? [{ text, style: -1 }] : []))}
    />
  );
}

export default function CodeBlockContent(props: Props): React.JSX.Element {
  const highlight = useContext(StaticHighlight);
  if (highlight)
    return <Lines className={props.className} lines={highlight.lines} palette={highlight.palette} />;
  return <BrowserHighlighted {...props} />;
}
