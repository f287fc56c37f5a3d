// Every fact the portal states about TelenorID+ carries where it comes from (issue 22): the guide,
// a standard the portal assumes, or a choice of the mock and the tenant. What is assumed is listed
// on /help/assumptions and marked wherever a widget shows it; what could only be invented is gone.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assumedFacts,
  assumedNote,
  behaviours,
  catalogueFacts,
  endpointSources,
  identityAssuranceLevels,
  identityScopes,
  isAssumed,
  oauthErrors,
  portalFailures,
  prompts,
  type FactSource,
} from '../../src/oidc/catalogue';
import { acrValueChoices, parseSharedSelection, promptChoices } from '../../src/oidc/scope-builder';

// The facts sheet lives in shared/ beside the checkout (../shared in a clone, ../../shared in a
// worktree under wt/). Without it, only the form of each reference is checked.
const factsSheetPath = ['../shared', '../../shared']
  .map((dir) => `${dir}/facts/telenorid-plus-facts.md`)
  .find((p) => existsSync(p));
const sections = factsSheetPath
  ? new Set([...readFileSync(factsSheetPath, 'utf8').matchAll(/^## (\d+)\./gm)].map((m) => m[1]))
  : undefined;

function checkSource(what: string, source: FactSource | undefined) {
  expect(source, `${what} has no source`).toBeDefined();
  if (!source) return;
  switch (source.kind) {
    case 'guide': {
      // A guide source names the facts-sheet sections it restates, and those sections exist.
      const cited = [...source.ref.matchAll(/§(\d+)(?:–§?(\d+))?/g)].flatMap((m) => [
        m[1]!,
        ...(m[2] ? [m[2]] : []),
      ]);
      expect(cited.length, `${what}: guide source "${source.ref}" cites no facts § section`).toBeGreaterThan(
        0,
      );
      if (sections)
        for (const n of cited) expect(sections.has(n), `${what}: facts §${n} does not exist`).toBe(true);
      break;
    }
    case 'standard':
      expect(source.ref, what).toMatch(/RFC \d+|OpenID Connect/);
      expect(source.url, what).toMatch(/^https:\/\/(www\.rfc-editor\.org|openid\.net)\//);
      break;
    case 'portal-choice':
      expect(source.why.length, `${what}: a portal choice says why`).toBeGreaterThan(20);
  }
}

describe('every catalogue fact has a source', () => {
  const facts = catalogueFacts();

  it('covers the whole catalogue (scopes, claims, levels, providers, amr, clients, endpoints, errors, behaviours)', () => {
    expect(facts.length).toBeGreaterThan(80);
    for (const area of [
      'Endpoints',
      'Scopes and claims',
      'Assurance',
      'Clients and refresh',
      'Errors',
      'Behaviour',
    ])
      expect(
        facts.some((f) => f.area === area),
        area,
      ).toBe(true);
  });

  it.each(facts.map((f) => [`${f.area}: ${f.subject}`, f] as const))('%s', (what, fact) => {
    checkSource(what, fact.source);
  });

  it('every OAuth error a provider returns has a source; the portal’s own failures are not TelenorID+ facts', () => {
    for (const e of Object.values(oauthErrors)) checkSource(e.code, e.source);
    for (const f of Object.values(portalFailures)) expect('source' in f, f.code).toBe(false);
  });

  it('fails on an entry without a source (the check can fail)', () => {
    expect(() => checkSource('a made-up entry', undefined)).toThrow();
    expect(() => checkSource('a bad ref', { kind: 'guide', ref: 'somewhere' })).toThrow();
  });
});

describe('assumed facts are the ones TelenorID+ does not document', () => {
  const assumed = assumedFacts();
  const subjects = assumed.map((f) => f.subject);

  it('lists the revocation endpoint, reuse detection, the tenant’s prompt=consent and the other assumptions', () => {
    expect(subjects).toEqual(
      expect.arrayContaining([
        'revocation_endpoint',
        'introspection_endpoint',
        'Refresh token revoked',
        'Refresh token reused after rotation',
        'prompt=consent (local tenant only)',
        'preferred_username from scope profile',
        'ial claim below or above IAL2',
        'aud value "tsl.capture"',
        'consent_required',
        'slow_down',
      ]),
    );
    expect(assumed.every((f) => isAssumed(f.source))).toBe(true);
  });

  it('keeps documented facts off the list', () => {
    for (const s of [
      'login_required',
      'invalid_grant',
      'expired_token',
      'authorization_endpoint',
      'scope openid',
    ])
      expect(subjects, s).not.toContain(s);
    expect(isAssumed(behaviours.refreshSessionEnded.source)).toBe(false);
  });

  it('says “not documented by TelenorID+” and which standard or why', () => {
    expect(assumedNote(endpointSources.revocation_endpoint)).toMatch(
      /^Not documented by TelenorID\+; standard behaviour per RFC 7009/,
    );
    expect(assumedNote({ kind: 'portal-choice', why: 'because.' })).toMatch(
      /^Not documented by TelenorID\+; a choice of this portal’s mock and test tenant: because\./,
    );
  });
});

describe('invented facts are gone (issue 22)', () => {
  it('offers only the prompt values the guide allows: none and login', () => {
    expect([...prompts]).toEqual(['none', 'login']);
    expect(promptChoices.map((c) => c.value).filter(Boolean)).toEqual(['none', 'login']);
  });

  it('an old share link with prompt=consent opens without it, and says so', () => {
    const shared = parseSharedSelection('?scope=openid&prompt=consent');
    expect(shared.selection.prompt).toBeUndefined();
    expect(shared.problems).toContain(
      'The link’s prompt “consent” is not one the builder offers; it was left out.',
    );
  });

  it('has no invalid_redirect_uri among the errors a provider returns', () => {
    expect(Object.keys(oauthErrors)).not.toContain('invalid_redirect_uri');
    expect(portalFailures.invalid_redirect_uri.meaning).toMatch(/error page/);
  });

  it('gives an ial claim value only for IAL2, the one the guide shows', () => {
    expect(identityAssuranceLevels.filter((l) => l.claimValue).map((l) => l.claimValue)).toEqual([
      'telenor.identity.ial2',
    ]);
  });

  it('ties no preferred_username to openid', () => {
    expect(identityScopes.find((s) => s.name === 'openid')!.claims.map((c) => c.claim)).toEqual(['sub']);
  });

  it('says expired_token is CIBA’s, and that the device flow answers invalid_grant', () => {
    expect(oauthErrors.expired_token.meaning).not.toMatch(/device code expired/i);
    expect(oauthErrors.expired_token.meaning).toMatch(/device flow .*invalid_grant/);
  });

  it('claims no “at least” semantics for acr_values', () => {
    for (const c of acrValueChoices) expect(c.explanation, c.value).not.toMatch(/or higher|at least/);
  });

  it('does not say TelenorID+ publishes a revocation endpoint', () => {
    expect(portalFailures.missing_endpoint.reaction).not.toMatch(/revocation/);
  });
});
