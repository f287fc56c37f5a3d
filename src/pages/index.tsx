import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import AudienceCards from '@site/src/components/AudienceCards';
import CopyPageMarkdown from '@site/src/components/CopyPageMarkdown';
import { twinPath } from '@site/src/markdown-twins/twin-path';
import styles from './index.module.css';

export default function Home(): React.JSX.Element {
  const { siteConfig } = useDocusaurusContext();
  return (
    <Layout
      title="Home"
      description="Guides, FAQ and live tools for integrating with TelenorID+, Telenor Norway’s OpenID Connect provider."
    >
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1">{siteConfig.title}</Heading>
          <p className={styles.tagline}>{siteConfig.tagline}</p>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <AudienceCards />
        <div className="margin-top--lg">
          <CopyPageMarkdown href={twinPath(siteConfig.baseUrl)} />
        </div>
      </main>
    </Layout>
  );
}
