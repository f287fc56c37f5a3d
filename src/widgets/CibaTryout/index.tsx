import { lazyWidget } from '@site/src/components/LazyWidget';

/** The CIBA tryout, loaded in the browser only, as its own chunk. Embed with `<CibaTryout />`. */
export default lazyWidget('CIBA tryout', () => import('./CibaTryout'));
