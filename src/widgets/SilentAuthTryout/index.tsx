import { lazyWidget } from '@site/src/components/LazyWidget';

/** The prompt=none tryout, loaded in the browser only, as its own chunk. Embed with `<SilentAuthTryout />`. */
export default lazyWidget('prompt=none tryout', () => import('./SilentAuthTryout'));
