import Link from '@docusaurus/Link';
import { guide, type GuideTopic } from '@site/src/oidc/catalogue';

/** A link to the page (and section) of the guide that explains a topic, from the catalogue's map. */
export default function GuideLink({
  topic,
  children,
}: {
  topic: GuideTopic;
  children?: React.ReactNode;
}): React.JSX.Element {
  return <Link to={guide[topic]}>{children ?? 'Read more in the guide'}</Link>;
}
