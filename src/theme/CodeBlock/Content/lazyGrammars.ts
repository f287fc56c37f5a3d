// The Prism grammars loaded on demand (see index.tsx), by language name and alias.
import { Prism } from 'prism-react-renderer';

const grammars: Record<string, () => Promise<unknown>> = {
  bash: () => import('prismjs/components/prism-bash'),
  http: () => import('prismjs/components/prism-http'),
};
const aliases: Record<string, string> = { sh: 'bash', shell: 'bash' };

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
