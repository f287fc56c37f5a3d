// The Prism grammars loaded on demand (see index.tsx), by language name and alias.
import { Prism } from 'prism-react-renderer';

const grammars: Record<string, () => Promise<unknown>> = {
  bash: () => import('prismjs/components/prism-bash'),
  http: () => import('prismjs/components/prism-http'),
};
const aliases: Record<string, string> = { sh: 'bash', shell: 'bash' };

/** The grammars the guide needs beyond prism-react-renderer's own (the build loads them too). */
export const lazyGrammarNames = Object.keys(grammars);

const loading = new Map<string, Promise<void>>();

/** The grammar to load for `language`, or undefined when it is bundled or already loaded. */
export function lazyGrammarFor(language: string | undefined): string | undefined {
  if (!language) return undefined;
  const name = aliases[language] ?? language;
  if (!(name in grammars) || Prism.languages[language] !== undefined) return undefined;
  return name;
}

/** Loads a grammar once into prism-react-renderer's Prism (Prism components register on globalThis.Prism). */
export function loadGrammar(name: string): Promise<void> {
  let promise = loading.get(name);
  if (!promise) {
    (globalThis as { Prism?: unknown }).Prism = Prism;
    promise = grammars[name]!().then(
      () => undefined,
      () => {
        loading.delete(name); // the text stays readable unhighlighted; a later block retries
      },
    );
    loading.set(name, promise);
  }
  return promise;
}

/**
 * Calls `run` once `element` is in view (at once without an element or IntersectionObserver, e.g. in
 * an old browser); returns a function that stops watching.
 */
export function whenInView(element: Element | null, run: () => void): () => void {
  if (!element || typeof IntersectionObserver === 'undefined') {
    run();
    return () => {};
  }
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      observer.disconnect();
      run();
    }
  });
  observer.observe(element);
  return () => observer.disconnect();
}
