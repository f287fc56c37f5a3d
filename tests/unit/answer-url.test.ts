import { describe, expect, it } from 'vitest';
import { answerUrl } from '../../src/components/CopyLink/answerUrl';

describe('Copy link on an FAQ answer', () => {
  const permalink = '/portal/faq/invalid-grant';

  it('copies the configured site URL when the build was given SITE_URL', () => {
    expect(
      answerUrl({
        siteUrl: 'https://dev.example.no/',
        siteUrlConfigured: true,
        origin: 'http://127.0.0.1:8080',
        permalink,
      }),
    ).toBe('https://dev.example.no/portal/faq/invalid-grant');
  });

  it('copies the origin the page is served from when SITE_URL was not set (not the localhost:3000 placeholder)', () => {
    expect(
      answerUrl({
        siteUrl: 'http://localhost:3000',
        siteUrlConfigured: false,
        origin: 'http://10.0.0.5:8080',
        permalink,
      }),
    ).toBe('http://10.0.0.5:8080/portal/faq/invalid-grant');
  });

  it('renders only the path while the origin is unknown (static HTML, before hydration)', () => {
    expect(
      answerUrl({ siteUrl: 'http://localhost:3000', siteUrlConfigured: false, origin: undefined, permalink }),
    ).toBe('/portal/faq/invalid-grant');
  });
});
