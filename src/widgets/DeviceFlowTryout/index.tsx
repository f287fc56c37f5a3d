import { lazyWidget } from '@site/src/components/LazyWidget';

/** The device flow tryout, loaded in the browser only, as its own chunk. Embed with `<DeviceFlowTryout />`. */
export default lazyWidget('device flow tryout', () => import('./DeviceFlowTryout'));
