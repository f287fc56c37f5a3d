/**
 * Every fact of the catalogue with its source, and the ones TelenorID+ does not document: the list
 * behind the guide page “What TelenorID+ documents and what this portal assumes”, and the unit test
 * that no entry is without a source.
 */
import { authenticationProviders, authenticatorAssuranceLevels, amrFamilies } from './assurance';
import { ialClaimForOtherLevels, identityAssuranceLevels } from './assurance';
import { behaviours } from './behaviours';
import { clientTypes, refreshPolicies } from './clients';
import {
  endpointSources,
  exampleLifetimesSource,
  issuersSource,
  promptsSource,
  responseModesSource,
  responseTypesSource,
  signingAlgorithmSource,
  tenantAddsPromptConsent,
} from './endpoint-sources';
import { endpointPaths } from './endpoints';
import { oauthErrors, type ProviderErrorExplanation } from './errors';
import type { GuideTopic } from './guide';
import { apiScope, cibaScopesSource, claims, identityScopes } from './scopes';
import { isAssumed, type FactSource } from './sources';
import { tokenClaims } from './token-claims';

export type FactArea =
  'Endpoints' | 'Scopes and claims' | 'Assurance' | 'Clients and refresh' | 'Errors' | 'Behaviour';

export type CatalogueFact = {
  area: FactArea;
  /** What the fact is about, as the reader would look it up (a scope, a claim, an error code …). */
  subject: string;
  /** The fact in one sentence. */
  fact: string;
  source: FactSource | undefined;
  guide?: GuideTopic;
};

/** Every fact in the catalogue, with its source (undefined only if an entry lacks one: a test fails). */
export function catalogueFacts(): CatalogueFact[] {
  const facts: CatalogueFact[] = [];
  const add = (f: CatalogueFact) => facts.push(f);

  add({
    area: 'Endpoints',
    subject: 'issuers',
    fact: 'Staging and production issuer URLs.',
    source: issuersSource,
    guide: 'discovery',
  });
  for (const [name, e] of Object.entries(endpointPaths))
    add({
      area: 'Endpoints',
      subject: name,
      fact: `Path ${e.path} under the issuer.`,
      source: endpointSources[name as keyof typeof endpointSources],
      guide: 'discovery',
    });
  add({
    area: 'Endpoints',
    subject: 'signing algorithm',
    fact: 'Tokens are signed with RS256 only.',
    source: signingAlgorithmSource,
    guide: 'idToken',
  });
  add({
    area: 'Endpoints',
    subject: 'response_type',
    fact: 'The six response_type values; code is the one to use.',
    source: responseTypesSource,
    guide: 'authorize',
  });
  add({
    area: 'Endpoints',
    subject: 'response_mode',
    fact: 'query (default) or form_post.',
    source: responseModesSource,
    guide: 'authorize',
  });
  add({
    area: 'Endpoints',
    subject: 'prompt',
    fact: 'prompt is none or login.',
    source: promptsSource,
    guide: 'authorize',
  });
  add({
    area: 'Endpoints',
    subject: 'prompt=consent (local tenant only)',
    fact: 'The local test tenant adds prompt=consent to interactive requests with offline_access.',
    source: tenantAddsPromptConsent,
    guide: 'refreshTokens',
  });
  add({
    area: 'Endpoints',
    subject: 'token lifetimes',
    fact: 'Access tokens live 3600 s and ID tokens 300 s in the examples.',
    source: exampleLifetimesSource,
    guide: 'token',
  });

  for (const scope of identityScopes) {
    add({
      area: 'Scopes and claims',
      subject: `scope ${scope.name}`,
      fact: scope.purpose,
      source: scope.source,
      guide: scope.guide,
    });
    for (const c of scope.claims)
      if (c.source)
        add({
          area: 'Scopes and claims',
          subject: `${c.claim} from scope ${scope.name}`,
          fact: `The ${scope.name} scope yields ${c.claim}, in the ${c.arrives.join(' and ').replace('id_token', 'ID token').replace('access_token', 'access token')}.`,
          source: c.source,
          guide: scope.guide,
        });
  }
  add({
    area: 'Scopes and claims',
    subject: 'scopes vipps, bankid',
    fact: 'CIBA-only scopes.',
    source: cibaScopesSource,
    guide: 'ciba',
  });
  add({
    area: 'Scopes and claims',
    subject: 'api: scopes',
    fact: 'api:<service> scopes, forwarded to Apigee, not in discovery.',
    source: apiScope.source,
    guide: 'faqApiScopes',
  });
  for (const c of Object.values(claims)) {
    add({
      area: 'Scopes and claims',
      subject: `claim ${c.name}`,
      fact: c.meaning,
      source: c.source,
      guide: 'scopes',
    });
    if (c.exampleSource)
      add({
        area: 'Scopes and claims',
        subject: `${c.name} value ${JSON.stringify(c.example)}`,
        fact: `The example value of ${c.name}.`,
        source: c.exampleSource,
        guide: 'scopes',
      });
  }

  for (const l of identityAssuranceLevels)
    add({
      area: 'Assurance',
      subject: `IAL${l.level}`,
      fact: l.meaning,
      source: l.source,
      guide: 'assurance',
    });
  add({
    area: 'Assurance',
    subject: 'ial claim below or above IAL2',
    fact: 'Test users at IAL0, IAL1 or IAL3 get no ial claim from the mock and the tenant.',
    source: ialClaimForOtherLevels,
    guide: 'assurance',
  });
  for (const a of authenticatorAssuranceLevels)
    add({
      area: 'Assurance',
      subject: `AAL${a.level} (${a.acr})`,
      fact: a.meaning,
      source: a.source,
      guide: 'assurance',
    });
  for (const p of authenticationProviders)
    add({
      area: 'Assurance',
      subject: `provider ${p.name}`,
      fact: p.purpose,
      source: p.source,
      guide: 'providers',
    });
  for (const f of amrFamilies)
    add({
      area: 'Assurance',
      subject: `amr ${f.prefix}`,
      fact: `amr values of ${f.provider}.`,
      source: f.source,
      guide: 'amr',
    });

  for (const p of Object.values(refreshPolicies))
    add({
      area: 'Clients and refresh',
      subject: `refresh policy ${p.name}`,
      fact: p.summary,
      source: p.source,
      guide: 'refreshTokens',
    });
  for (const c of clientTypes)
    add({
      area: 'Clients and refresh',
      subject: `client type ${c.name}`,
      fact: `${c.usedBy}; refresh policy ${c.refreshPolicy}.`,
      source: c.source,
      guide: 'clientTypes',
    });

  for (const e of Object.values(oauthErrors as Record<string, ProviderErrorExplanation>))
    add({
      area: 'Errors',
      subject: e.code,
      fact: e.meaning,
      source: e.source,
      guide: e.guide,
    });

  for (const c of Object.values(tokenClaims))
    add({
      area: 'Scopes and claims',
      subject: `token claim ${c.name}`,
      fact: c.meaning,
      source: c.source,
      guide: c.name === 'amr' ? 'amr' : 'idToken',
    });

  for (const b of Object.values(behaviours))
    add({ area: 'Behaviour', subject: b.label, fact: b.fact, source: b.source, guide: 'refreshTokens' });

  return facts;
}

/** The facts TelenorID+ does not document: what an integrator should confirm with the TelenorID+ team. */
export function assumedFacts(): (CatalogueFact & { source: FactSource })[] {
  return catalogueFacts().filter(
    (f): f is CatalogueFact & { source: FactSource } => !!f.source && isAssumed(f.source),
  );
}
