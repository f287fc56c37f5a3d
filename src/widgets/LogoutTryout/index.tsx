import { lazyWidget } from '@site/src/components/LazyWidget';

/** The logout tryout, loaded in the browser only, as its own chunk. Embed with `<LogoutTryout />`. */
export default lazyWidget('logout tryout', () => import('./LogoutTryout'));
