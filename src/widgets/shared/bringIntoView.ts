/**
 * Bring a widget into view when the reader arrived for it: a widget share link, or the return of
 * a full-page redirect login. Browser-only; call it from an effect once the widget has rendered.
 *
 * One scroll is not enough on a long guide page: what sits above the widget still changes height
 * after hydration (Mermaid diagrams render, other lazy widgets replace their placeholders), and
 * each change would push the widget out of view again. So the widget is scrolled to now and again
 * whenever the page's height changes, for `settleMs`, and never after the reader scrolls, clicks,
 * touches or types themselves: their own choice of position wins.
 */
export function bringIntoView(element: HTMLElement | null, options: { settleMs?: number } = {}): () => void {
  // The lazy widget's frame (src/components/LazyWidget) carries the scroll margin below the navbar.
  const target = element?.closest<HTMLElement>('[data-widget]') ?? element;
  if (!target) return () => undefined;
  const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  let stopped = false;
  const scroll = () => {
    if (!stopped) target.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'instant' });
  };
  const userEvents = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    observer?.disconnect();
    clearTimeout(timer);
    for (const type of userEvents) window.removeEventListener(type, stop, true);
  };
  for (const type of userEvents) window.addEventListener(type, stop, { capture: true, passive: true });
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => scroll()) : undefined;
  observer?.observe(document.body);
  const timer = setTimeout(stop, options.settleMs ?? 3000);
  scroll();
  return stop;
}
