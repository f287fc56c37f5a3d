/**
 * The mock TelenorID+ tenant. Import it only from browser-only code, with a dynamic import
 * (`await import('@site/src/mocks')`), so static pages never ship MSW.
 */
export * from './tenant';
export * from './users';
export { handlers } from './handlers';
export * from './control';
