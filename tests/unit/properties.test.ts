import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyseScopes,
  describeJwks,
  parseScopeString,
  validateDiscovery,
  verdictOf,
  type DiscoveryFinding,
} from '../../src/oidc';

const runs = { numRuns: 1000 };
const anyIssuer = fc.oneof(fc.constant('https://op.test'), fc.string({ unit: 'grapheme' }));

/** Documents that look like discovery documents, with arbitrary values in the known fields. */
const discoveryLike = fc.dictionary(
  fc.constantFrom(
    'issuer',
    'authorization_endpoint',
    'token_endpoint',
    'jwks_uri',
    'userinfo_endpoint',
    'response_types_supported',
    'subject_types_supported',
    'id_token_signing_alg_values_supported',
    'scopes_supported',
    'code_challenge_methods_supported',
    'custom_logout_endpoint',
    'claims_parameter_supported',
    '__proto__',
    'constructor',
    'toString',
  ),
  fc.oneof(fc.jsonValue(), fc.webUrl(), fc.array(fc.string({ unit: 'grapheme' }))),
);

function wellFormed(findings: DiscoveryFinding[]) {
  for (const f of findings) {
    expect(['error', 'warning', 'info']).toContain(f.severity);
    expect(typeof f.message).toBe('string');
    expect(f.spec).toMatch(/^https:\/\//);
  }
  expect(['Valid', 'Valid with warnings', 'Invalid']).toContain(verdictOf(findings).verdict);
}

describe('never throws on arbitrary input', () => {
  it('validateDiscovery on fc.anything()', () => {
    fc.assert(
      fc.property(fc.anything(), anyIssuer, (doc, issuer) => wellFormed(validateDiscovery(doc, issuer))),
      runs,
    );
  });

  it('validateDiscovery on JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), anyIssuer, (doc, issuer) => wellFormed(validateDiscovery(doc, issuer))),
      runs,
    );
  });

  it('validateDiscovery on discovery-like documents, including prototype keys parsed from JSON', () => {
    fc.assert(
      fc.property(discoveryLike, anyIssuer, (doc, issuer) => {
        const parsed = JSON.parse(JSON.stringify(doc)) as unknown;
        wellFormed(validateDiscovery(parsed, issuer));
      }),
      runs,
    );
  });

  it('describeJwks on JSON values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ keys: fc.array(fc.jsonValue()) })), (jwks) => {
        const d = describeJwks(jwks);
        expect(Array.isArray(d.keys)).toBe(true);
      }),
      runs,
    );
  });

  it('parseScopeString on unicode strings and anything', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.anything()),
        (input) => {
          const tokens = parseScopeString(input);
          for (const t of tokens) {
            expect(t.length).toBeGreaterThan(0);
            expect(t).not.toMatch(/\s/u);
          }
        },
      ),
      runs,
    );
  });

  it('analyseScopes on unicode strings, arrays and anything, with any options', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme' }), fc.array(fc.string({ unit: 'binary' })), fc.anything()),
        fc.record(
          {
            scopesSupported: fc.array(fc.anything()),
            clientType: fc.constantFrom(
              'Public',
              'PublicWithRefresh',
              'Confidential',
              'MobileApp',
            ) as fc.Arbitrary<'Public' | 'PublicWithRefresh' | 'Confidential' | 'MobileApp'>,
          },
          { requiredKeys: [] },
        ),
        (input, options) => {
          const a = analyseScopes(input, options);
          // Only valid scope tokens are ever sent.
          for (const t of parseScopeString(a.scopeString)) expect(t).toMatch(/^[\x21\x23-\x5B\x5D-\x7E]+$/);
        },
      ),
      runs,
    );
  });
});
