// Keeps the docs' descriptions out of the route props every doc page loads (see loader.js): a rule for
// the docs plugin's generated props files (.docusaurus/docusaurus-plugin-content-docs/<id>/p/*.json).
// A page that shows doc cards (DocCardList, a generated category index) would want them back: remove
// this plugin then, and the guide page's byte budget with it.
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';

/** The generated props files of the docs plugin, on any OS. */
export const docsPropsFile = /[\\/]docusaurus-plugin-content-docs[\\/][^\\/]+[\\/]p[\\/][^\\/]+\.json$/;

export default function docDescriptions(): Plugin {
  return {
    name: 'doc-descriptions',
    configureWebpack() {
      return {
        module: { rules: [{ test: docsPropsFile, use: [{ loader: path.join(__dirname, 'loader.js') }] }] },
      };
    },
  };
}
