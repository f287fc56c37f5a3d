// Marks the searched words on the page a search result opened (`?_highlight=`), as the search plugin
// did; loaded only on such a page, with mark.js.
type MarkInstance = { unmark(): void; mark(words: string[], options: object): void };

export async function highlight(words: string[]): Promise<void> {
  const root = document.querySelector('article');
  if (!root) return;
  const { default: Mark } = (await import('mark.js/dist/mark.es6.js')) as {
    default: new (root: Element) => MarkInstance;
  };
  const mark = new Mark(root);
  mark.unmark();
  if (words.length > 0) mark.mark(words, { exclude: ['.theme-doc-toc-mobile > button'] });
}
