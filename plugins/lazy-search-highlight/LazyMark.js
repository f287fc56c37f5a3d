// A stand-in for mark.js with the part of its API the search plugin uses (`new Mark(root)`,
// `.unmark()`, `.mark(words, options)`). mark.js itself is loaded on the first `.mark()`; `.unmark()`
// before that has nothing to remove, so pages opened without `?_highlight=` never load it.
// Plain JavaScript: the bundler's module replacement keeps the loaders of the file it replaces
// (mark.js, which is not transpiled), so this file must need none. It loads mark.js's ES2015 build,
// whose path the replacement (…/dist/mark.js) does not match, or it would load itself.

/** @type {Promise<any> | undefined} */
let loading;
const load = () => (loading ??= import('mark.js/dist/mark.es6.js').then((m) => m.default));

export default class LazyMark {
  /** @param {Element | Element[] | string} root */
  constructor(root) {
    this.root = root;
    this.queue = Promise.resolve();
  }

  /** @param {(mark: any) => void} run */
  after(run) {
    this.queue = this.queue
      .then(load)
      .then((Mark) => run(new Mark(this.root)))
      .catch(() => undefined); // a failed highlight leaves the page as it is
  }

  /** @param {string | string[]} words @param {object} [options] */
  mark(words, options) {
    this.after((m) => m.mark(words, options));
  }

  /** @param {object} [options] */
  unmark(options) {
    if (loading) this.after((m) => m.unmark(options));
  }
}
