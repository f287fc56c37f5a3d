import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import styles from './styles.module.css';

type Audience = {
  who: string;
  title: string;
  text: string;
  to: string;
  cta: string;
};

// The three readers the portal is built for, each sent straight to their part of it.
const audiences: Audience[] = [
  {
    who: 'Integrators',
    title: 'Read the guide',
    text: 'How TelenorID+ logs users in: flows, scopes and claims, tokens, refresh, logout and every endpoint.',
    to: '/concepts',
    cta: 'Open the guide',
  },
  {
    who: 'Developers',
    title: 'Try it live',
    text: 'Explore discovery, build scopes, test prompt=none and cause every refresh error — offline on a mock, or against a real tenant.',
    to: '/tools',
    cta: 'Open the tools',
  },
  {
    who: 'Support',
    title: 'Link an answer',
    text: 'One short, stable link per answer, for the questions integrators ask most.',
    to: '/faq',
    cta: 'Open the FAQ',
  },
];

export default function AudienceCards(): React.JSX.Element {
  return (
    <div className={styles.grid}>
      {audiences.map((a) => (
        <section key={a.who} className={`card ${styles.card}`} aria-labelledby={`audience-${a.who}`}>
          <div className="card__header">
            <p className={styles.who}>{a.who}</p>
            <Heading as="h2" id={`audience-${a.who}`}>
              {a.title}
            </Heading>
          </div>
          <div className="card__body">
            <p>{a.text}</p>
          </div>
          <div className="card__footer">
            <Link className="button button--primary button--block" to={a.to}>
              {a.cta}
            </Link>
          </div>
        </section>
      ))}
    </div>
  );
}
