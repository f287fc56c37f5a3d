import { lazyWidget } from '@site/src/components/LazyWidget';

/** The discovery explorer, loaded in the browser only, as its own chunk. Embed with `<DiscoveryExplorer />`. */
export default lazyWidget('discovery explorer', () => import('./DiscoveryExplorer'));
