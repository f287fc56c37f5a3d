/**
 * A code block's lines as plain markup, without Prism: the build's highlighting (a `palette` and lines
 * of styled pieces, see ../highlightData.ts) or, with no palette, the text alone. Same elements and
 * classes as theme-classic's `CodeBlock/Content` (a focusable `<pre class="prism-code language-…">`
 * whose `<code>` holds one `.token-line` per line), so the copy and word-wrap buttons and every style
 * of the theme keep working; a token's colours come from CSS variables that ../styles.css reads for
 * the light or the dark theme.
 */
import { useMemo, type CSSProperties } from 'react';
import clsx from 'clsx';
import { useCodeBlockContext } from '@docusaurus/theme-common/internal';
import styles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Content/styles.module.css';
import { lookVariables, type PaletteEntry, type StaticLine } from '../highlightData';

type Props = { className?: string; lines: StaticLine[]; palette?: PaletteEntry[] };

export default function Lines({ className, lines, palette = [] }: Props): React.JSX.Element {
  const { metadata, wordWrap } = useCodeBlockContext();
  const looks = useMemo(() => palette.map((entry) => lookVariables(entry) as CSSProperties), [palette]);
  return (
    <pre
      ref={wordWrap.codeBlockRef}
      // The block scrolls sideways: it must be reachable and scrollable by keyboard (as theme-classic's).
      tabIndex={0}
      className={clsx(
        className,
        'prism-code',
        `language-${metadata.language}`,
        styles.codeBlock,
        'thin-scrollbar',
      )}
    >
      <code className={styles.codeBlockLines}>
        {lines.map((line, i) => (
          <div key={i} className={clsx('token-line', metadata.lineClassNames[i])}>
            {line.map((piece, j) =>
              piece.style < 0 ? (
                piece.text
              ) : (
                <span key={j} className={palette[piece.style]![0]} style={looks[piece.style]}>
                  {piece.text}
                </span>
              ),
            )}
            <br />
          </div>
        ))}
      </code>
    </pre>
  );
}
