import { lazy, Suspense, type ComponentType } from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import WidgetErrorBoundary from '@site/src/components/WidgetErrorBoundary';
import { warmHighlighter } from '@site/src/theme/CodeBlock/Content/highlighter';
import styles from './styles.module.css';

/**
 * Wraps a widget so that it renders only in the browser and its code (with openid-client, jose,
 * MSW…) is a separate chunk, fetched when a page that embeds it is shown. Pages without widgets
 * ship none of it; static HTML shows a placeholder of the same height, so nothing jumps.
 *
 * Widgets show their requests and answers as highlighted code, and the browser's highlighter (Prism)
 * is a chunk of its own (src/theme/CodeBlock/Content): the pointer's or the focus's first visit to a
 * widget fetches it, so it is there when the first answer is drawn, and a page nobody uses never loads it.
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
      <div
        className={styles.frame}
        data-widget={name}
        onPointerOverCapture={warmHighlighter}
        onFocusCapture={warmHighlighter}
      >
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
