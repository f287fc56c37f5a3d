import { lazy, Suspense, type ComponentType } from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import WidgetErrorBoundary from '@site/src/components/WidgetErrorBoundary';
import styles from './styles.module.css';

/**
 * Wraps a widget so that it renders only in the browser and its code (with openid-client, jose,
 * MSW…) is a separate chunk, fetched when a page that embeds it is shown. Pages without widgets
 * ship none of it; static HTML shows a placeholder of the same height, so nothing jumps.
 */
export function lazyWidget<P extends object>(
  name: string,
  load: () => Promise<{ default: ComponentType<P> }>,
): ComponentType<P> {
  const Widget = lazy(load);
  function Placeholder() {
    return (
      <div className={styles.placeholder} aria-busy="true">
        Loading the {name}…
      </div>
    );
  }
  function LazyWidget(props: P) {
    return (
      <div className={styles.frame} data-widget={name}>
        <BrowserOnly fallback={<Placeholder />}>
          {() => (
            <WidgetErrorBoundary name={name}>
              <Suspense fallback={<Placeholder />}>
                <Widget {...props} />
              </Suspense>
            </WidgetErrorBoundary>
          )}
        </BrowserOnly>
      </div>
    );
  }
  LazyWidget.displayName = `Lazy(${name})`;
  return LazyWidget;
}
