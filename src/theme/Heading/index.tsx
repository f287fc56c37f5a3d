// Wrap (not eject) of Heading: a doc page's title (its h1) gets "Copy page as Markdown" beside it.
// Heading is in main.js; a wrapper of a DocItem component would land in the docs route chunk and
// make the bundler split that chunk in two, which costs every doc page ~600 bytes of its byte budget.
import Heading from '@theme-original/Heading';
import type HeadingType from '@theme/Heading';
import type { WrapperProps } from '@docusaurus/types';
import useRouteContext from '@docusaurus/useRouteContext';
import CopyPageMarkdown from '@site/src/components/CopyPageMarkdown';

export default function HeadingWrapper(props: WrapperProps<typeof HeadingType>): React.JSX.Element {
  // Every doc has a Markdown twin (plugins/markdown-twins.ts); other pages choose for themselves.
  const isDoc = useRouteContext().plugin.name === 'docusaurus-plugin-content-docs';
  return (
    <>
      {isDoc && props.as === 'h1' && <CopyPageMarkdown />}
      <Heading {...props} />
    </>
  );
}
