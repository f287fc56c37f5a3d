import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain, guide, oauthErrors, portalFailures } from '../../src/oidc/catalogue';
import { errorCodes } from '../../src/oidc/catalogue/error-reference';
import {
  errorPageFiles,
  errorRedirects,
  errorReferenceFile,
  errorSectionSource,
  specLabel,
} from '../../src/error-pages/render';
import { docTitles } from '../../src/error-pages/titles';

const docs = join(__dirname, '..', '..', 'docs');
const titleOf = docTitles(docs);
const page = errorPageFiles(titleOf)[errorReferenceFile]!;
const section = (code: (typeof errorCodes)[number]) => errorSectionSource(code, titleOf);

describe('the error reference (/errors, generated from the catalogue)', () => {
  it('every OAuth error and portal failure of the catalogue has a reference entry', () => {
    const catalogue = [...Object.keys(oauthErrors), ...Object.keys(portalFailures)].sort();
    expect([...errorCodes].sort()).toEqual(catalogue);
  });

  it('covers the issue’s list of codes', () => {
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

  it('the file on disk is exactly what the catalogue generates (run npm run errors:pages)', () => {
    expect(readFileSync(join(docs, errorReferenceFile), 'utf8'), `${errorReferenceFile} is stale`).toBe(page);
  });

  it('has one section per code, with the code as its id, listed once in the index tables, and no other', () => {
    const ids = [...page.matchAll(/^### .* \{\/\* #([a-z_]+) \*\/\}$/gm)].map((m) => m[1]);
    expect(ids).toEqual(errorCodes);
    for (const code of errorCodes)
      expect(page.match(new RegExp(`\\]\\(#${code}\\)`, 'g')), code).toHaveLength(1);
  });

  it('/errors/<code> is a redirect to its section for every code', () => {
    expect(errorRedirects()).toHaveLength(errorCodes.length);
    expect(errorRedirects()).toContainEqual({ from: '/errors/invalid_grant', to: '/errors#invalid_grant' });
  });

  it('a section says what the code means and what to do, and links its FAQ answer and its tool', () => {
    const s = section('invalid_grant');
    expect(s).toContain(explain('invalid_grant').meaning);
    expect(s).toContain(explain('invalid_grant').reaction);
    expect(s).toContain(`](${guide.faqInvalidGrant})`);
    expect(s).toContain('](/tools/refresh-simulator?env=mock&client=PublicWithRefresh&cause=expired)');
  });

  it('a code TelenorID+ does not document is marked assumed; a portal check says it is one', () => {
    expect(section('invalid_client')).toContain('<Assumed standard="RFC 6749 §5.2');
    expect(section('login_required')).not.toContain('<Assumed');
    expect(section('network_error')).toContain('not an answer from TelenorID+');
  });

  it('catalogue text that MDX would read as syntax is escaped ({tenantid}, <issuer>)', () => {
    expect(section('issuer_mismatch')).toContain('\\{tenantid\\}');
    expect(section('not_json')).toContain('\\<issuer\\>');
  });

  it('specification links are named', () => {
    expect(specLabel('https://www.rfc-editor.org/rfc/rfc6749#section-5.2')).toBe('RFC 6749 §5.2');
    expect(specLabel('https://openid.net/specs/openid-connect-core-1_0.html#AuthError')).toBe(
      'OpenID Connect Core 1.0 (AuthError)',
    );
  });
});
