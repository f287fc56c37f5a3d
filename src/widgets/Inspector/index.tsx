import { lazyWidget } from '@site/src/components/LazyWidget';

/** The token and request inspector, loaded in the browser only, as its own chunk. Embed with `<Inspector />`. */
export default lazyWidget('inspector', () => import('./Inspector'));
