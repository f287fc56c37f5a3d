/**
 * A code block highlighted by the build: theme-classic's layout (title, copy and word-wrap buttons)
 * around ./Content/Lines. Unlike theme-classic's CodeBlock it is not mounted a second time after
 * hydration: that re-mount exists to swap the light theme's inline colours (all the server knows) for
 * the dark ones, and here both are in the markup as CSS variables (./styles.css).
 */
import { useMemo, type CSSProperties } from 'react';
import {
  CodeBlockContextProvider,
  useCodeWordWrap,
  type CodeBlockMetadata,
} from '@docusaurus/theme-common/internal';
import Layout from '@theme/CodeBlock/Layout';
import { StaticHighlight } from './Content';
import type { HighlightData, StaticLine } from './highlightData';
import './styles.css';

type Props = { metadata: CodeBlockMetadata; data: HighlightData; lines: StaticLine[] };

export default function StaticCodeBlock({ metadata, data, lines }: Props): React.JSX.Element {
  const wordWrap = useCodeWordWrap();
  const highlight = useMemo(() => ({ lines, palette: data.p }), [lines, data]);
  const [fgLight, bgLight, fgDark, bgDark] = data.c;
  const colours = {
    '--hl-fg-l': fgLight,
    '--hl-bg-l': bgLight,
    '--hl-fg-d': fgDark,
    '--hl-bg-d': bgDark,
  } as CSSProperties;
  return (
    <div className="code-hl-colours" style={colours}>
      <CodeBlockContextProvider metadata={metadata} wordWrap={wordWrap}>
        <StaticHighlight.Provider value={highlight}>
          <Layout />
        </StaticHighlight.Provider>
      </CodeBlockContextProvider>
    </div>
  );
}
