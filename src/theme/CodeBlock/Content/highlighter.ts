// Loads the browser's highlighter (./Highlighted.tsx, with Prism) once, on demand: only code blocks
// that the build did not highlight need it, so pages of the docs never load it.
import type { ComponentType } from 'react';

type Highlighter = ComponentType<{ className?: string }>;

let loaded: Highlighter | undefined;
let loading: Promise<Highlighter> | undefined;

/** The highlighter if its chunk has already arrived. */
export const loadedHighlighter = (): Highlighter | undefined => loaded;

/** Fetches the highlighter's chunk (once); a failed fetch may be retried by the next block. */
export function loadHighlighter(): Promise<Highlighter> {
  loading ??= import('./Highlighted').then(
    (m) => (loaded = m.default as Highlighter),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Starts fetching the highlighter when a reader shows intent (a widget's pointer or focus); errors are left to the block. */
export function warmHighlighter(): void {
  loadHighlighter().catch(() => undefined);
}
