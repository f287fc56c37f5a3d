// The local search plugin highlights the searched words on the page a result opens (`?_highlight=`)
// with mark.js, which it imports statically, so every page carried ~5 kB (gzip) of mark.js that only
// a click on a search result needs. This plugin swaps that import for LazyMark.ts, which loads mark.js
// the first time something is to be marked. Same feature, paid for only when used (issue #9).
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';

export default function lazySearchHighlight(): Plugin {
  return {
    name: 'lazy-search-highlight',
    configureWebpack(_config, isServer, { currentBundler }) {
      if (isServer) return {};
      const { NormalModuleReplacementPlugin } = currentBundler.instance;
      return {
        plugins: [
          // Only the plugin's generated `export { default as Mark } from '…/mark.js/dist/mark.js'`
          // names that file; LazyMark loads `mark.js/dist/mark.es6.js`, which the pattern leaves alone.
          new NormalModuleReplacementPlugin(
            /mark\.js[\\/]dist[\\/]mark\.js$/,
            path.join(__dirname, 'LazyMark.js'),
          ),
        ],
      };
    },
  };
}
