/**
 * The one place in code that knows TelenorID+: scopes and claims, client types and refresh
 * policies, assurance levels, providers, amr values, endpoint paths, errors and where the guide
 * explains each. The MSW mock, the local tenant, the widgets and the tests all read it.
 */
export * from './guide';
export * from './scopes';
export * from './clients';
export * from './assurance';
export * from './errors';
export * from './endpoints';
export * from './sources';
export * from './behaviours';
export * from './assumptions';
export * from './endpoint-sources';
// Not re-exported here, so the widgets that import this index do not carry their sentences: import
// ./error-reference (the error reference's text), ./error-links (its codes and links) and ./token-claims
// by path; ./polling-flows (the device flow and CIBA) and ./all-facts (every fact, those included) too.
