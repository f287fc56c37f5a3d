import { lazyWidget } from '@site/src/components/LazyWidget';

/** The refresh-error simulator, loaded in the browser only, as its own chunk. Embed with `<RefreshSimulator />`. */
export default lazyWidget('refresh-error simulator', () => import('./RefreshSimulator'));
