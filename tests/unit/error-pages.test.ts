import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes, explain, guide, oauthErrors, portalFailures } from '../../src/oidc/catalogue';
import { errorIndexFile, errorPageFile, errorPageFiles, specLabel } from '../../src/error-pages/render';
import { docTitles } from '../../src/error-pages/titles';

const docs = join(__dirname, '..', '..', 'docs');
const files = errorPageFiles(docTitles(docs));

describe('the error reference pages (docs/errors, generated from the catalogue)', () => {
  it('every OAuth error and portal failure of the catalogue has a reference entry and a page', () => {
    const catalogue = [...Object.keys(oauthErrors), ...Object.keys(portalFailures)].sort();
    expect([...errorCodes].sort()).toEqual(catalogue);
    for (const code of errorCodes) expect(existsSync(join(docs, errorPageFile(code))), code).toBe(true);
  });

  it('the issue’s list of codes is covered', () => {
    for (const code of [
      'invalid_grant',
      'invalid_client',
      'invalid_request',
      'invalid_scope',
      'unauthorized_client',
      'access_denied',
      'login_required',
      'consent_required',
      'interaction_required',
      'authorization_pending',
      'slow_down',
      'expired_token',
      'invalid_token',
      'insufficient_scope',
    ])
      expect(errorCodes).toContain(code);
  });

  it('the files on disk are exactly what the catalogue generates (run npm run errors:pages)', () => {
    for (const [path, content] of Object.entries(files))
      expect(readFileSync(join(docs, path), 'utf8'), `${path} is stale`).toBe(content);
  });

  it('no page names a code the catalogue does not have', () => {
    for (const sub of ['oauth', 'portal']) {
      for (const name of readdirSync(join(docs, 'errors', sub))) {
        if (name.startsWith('_')) continue;
        expect(Object.keys(files), `docs/errors/${sub}/${name}`).toContain(`errors/${sub}/${name}`);
      }
    }
  });

  it('a page says what the code means, what to do, and links its FAQ answer and its tool', () => {
    const page = files[errorPageFile('invalid_grant')]!;
    expect(page).toContain('slug: /errors/invalid_grant');
    expect(page).toContain(explain('invalid_grant').reaction);
    expect(page).toContain(`](${guide.faqInvalidGrant})`);
    expect(page).toMatch(/\]\(\/tools\/refresh-simulator\?env=mock&client=PublicWithRefresh&cause=expired\)/);
  });

  it('a code TelenorID+ does not document is marked assumed; a portal check says it is one', () => {
    expect(files[errorPageFile('invalid_client')]).toContain('<Assumed standard="RFC 6749 §5.2');
    expect(files[errorPageFile('login_required')]).not.toContain('<Assumed');
    expect(files[errorPageFile('network_error')]).toContain('not an answer from TelenorID+');
  });

  it('catalogue text that MDX would read as syntax is escaped ({tenantid}, <issuer>)', () => {
    expect(files[errorPageFile('issuer_mismatch')]).toContain('\\{tenantid\\}');
    expect(files[errorPageFile('not_json')]).toContain('\\<issuer\\>');
  });

  it('the index lists every code once, linked', () => {
    const index = files[errorIndexFile]!;
    for (const code of errorCodes)
      expect(index.match(new RegExp(`\\]\\(/errors/${code}\\)`, 'g')), code).toHaveLength(1);
  });

  it('specification links are named', () => {
    expect(specLabel('https://www.rfc-editor.org/rfc/rfc6749#section-5.2')).toBe('RFC 6749 §5.2');
    expect(specLabel('https://openid.net/specs/openid-connect-core-1_0.html#AuthError')).toBe(
      'OpenID Connect Core 1.0 (AuthError)',
    );
  });
});
