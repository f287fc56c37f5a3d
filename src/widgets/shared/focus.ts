/**
 * Where keyboard focus goes after a widget acted (issue #23, WCAG 2.4.3). Browser-only.
 */

/**
 * Remember what has focus now (the button the reader pressed); the returned function puts focus
 * back there after a popup window closed, an iframe check ended or a result replaced part of the
 * widget — only if focus was lost meanwhile (to <body>, or with the element removed), never when the
 * reader has moved on by themselves.
 */
export function rememberFocus(): (fallback?: HTMLElement | null) => void {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return (fallback) => {
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected;
    if (!lost) return;
    if (opener?.isConnected && opener !== document.body) opener.focus({ preventScroll: true });
    else focusResult(fallback ?? null);
  };
}

/**
 * Move focus to a result the reader arrived for (the return of a full-page redirect login): the
 * element becomes programmatically focusable (`tabindex="-1"`) and takes focus without scrolling
 * (bringIntoView scrolls), so the next Tab continues from the result, not from "Skip to main content".
 */
export function focusResult(element: HTMLElement | null): void {
  if (!element) return;
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
}
