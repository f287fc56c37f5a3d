/**
 * Wraps theme-classic's CodeBlock. A fenced block of the docs arrives with its highlighting done by
 * the build (`data-hl`, plugins/code-highlight.ts): it is rendered from that, with theme-classic's own
 * layout, title, copy and word-wrap buttons, and no highlighter. Every other block (a widget's
 * samples and results, a block whose build data does not match its code, line numbers) goes to the
 * original, which highlights in the browser (./Content).
 */
import { useMemo } from 'react';
import { useThemeConfig } from '@docusaurus/theme-common';
import { createCodeBlockMetadata } from '@docusaurus/theme-common/internal';
import Original from '@theme-original/CodeBlock';
import type CodeBlockType from '@theme/CodeBlock';
import type { WrapperProps } from '@docusaurus/types';
import clsx from 'clsx';
import { readHighlight } from './highlightData';
import StaticCodeBlock from './Static';

type Props = WrapperProps<typeof CodeBlockType> & { 'data-hl'?: unknown };

/** The block's text when its children are text only (as MDX gives a fenced block). */
function textOf(children: React.ReactNode): string | undefined {
  if (typeof children === 'string') return children;
  if (Array.isArray(children) && children.every((c) => typeof c === 'string')) return children.join('');
  return undefined;
}

export default function CodeBlock({ 'data-hl': built, ...props }: Props): React.JSX.Element {
  const { prism } = useThemeConfig();
  const code = textOf(props.children);
  const block = useMemo(() => {
    if (built === undefined || code === undefined) return undefined;
    const metadata = createCodeBlockMetadata({
      code,
      className: clsx(props.className, 'code-hl'),
      metastring: props.metastring,
      magicComments: prism.magicComments,
      defaultLanguage: prism.defaultLanguage,
      language: props.language,
      title: props.title,
      showLineNumbers: props.showLineNumbers,
    });
    if (metadata.lineNumbersStart !== undefined) return undefined;
    const highlight = readHighlight(built, metadata.code);
    return highlight && { metadata, highlight };
  }, [
    built,
    code,
    props.className,
    props.metastring,
    props.language,
    props.title,
    props.showLineNumbers,
    prism,
  ]);
  if (!block) return <Original {...props} />;
  return (
    <StaticCodeBlock metadata={block.metadata} data={block.highlight.data} lines={block.highlight.lines} />
  );
}
