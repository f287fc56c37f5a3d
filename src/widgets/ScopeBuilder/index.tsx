import { lazyWidget } from '@site/src/components/LazyWidget';

/** The scope builder and authorization request runner, loaded in the browser only, as its own chunk. Embed with `<ScopeBuilder />`. */
export default lazyWidget('scope builder', () => import('./ScopeBuilder'));
