/**
 * What the round-trip pages share in the browser: their base URL, the reader's colour mode, and
 * building DOM from text only (untrusted values never become HTML).
 */

/** The site's base URL, written into the page by plugins/round-trip-pages.ts. */
export function baseUrl(): string {
  return document.documentElement.dataset['baseUrl'] ?? '/';
}

/** The colour mode the reader chose on the site (where Docusaurus keeps it is written into the page). */
export function applyColourMode(): void {
  const { themeStorage, themeKey } = document.documentElement.dataset;
  try {
    const storage = themeStorage === 'sessionStorage' ? sessionStorage : localStorage;
    const theme = storage.getItem(themeKey ?? 'theme');
    if (theme === 'dark' || theme === 'light') document.documentElement.dataset['theme'] = theme;
  } catch {
    // storage disabled: the system's preference applies (CSS prefers-color-scheme)
  }
}

type Child = Node | string | undefined | false;

/** An element with attributes and children; strings become text nodes, never markup. */
export function h(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) {
    if (child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** The page's status line (role="status"), set as text. */
export function setStatus(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

/** Adds a section to the page's main content, above its "back to the tools" link. */
export function place(node: Node): void {
  const back = document.getElementById('back');
  if (back) back.before(node);
  else document.querySelector('main')?.append(node);
}

/** Replaces the status line with an alert: what went wrong, as text. */
export function showAlert(error: string, description: string): void {
  const status = document.getElementById('status');
  const alert = h('div', { class: 'alert', role: 'alert' }, h('strong', {}, error), `: ${description}`);
  if (status) status.replaceWith(alert);
  else place(alert);
}
