/**
 * The portal's OpenID Connect core: framework-free, runs in the browser and in Vitest alike.
 * Widgets call these functions and render their typed results; they never build URLs, parse
 * answers or classify errors themselves.
 */
export * from './catalogue';
export * from './environments';
export * from './failures';
export * from './failure-sentence';
export * from './share-link';
export * from './run';
export * from './curl';
export {
  fetchJsonObject,
  defaultMaxBytes,
  defaultTimeoutMs,
  type JsonFetchOptions,
  type JsonFetchResult,
} from './http';
export * from './discovery';
export * from './issuer';
export * from './scopes';
export {
  prepareClient,
  classifyError,
  classifyThrown,
  type ClientSettings,
  type PreparedClient,
} from './client';
export * from './authorize';
export * from './callback';
export * from './jwt';
export * from './tokens';
export * from './refresh-timeline';
export * from './refresh';
export * from './scope-builder';
export * from './mock-endpoints';
export * from './silent';
export * from './times';
