// Stands in for theme-classic's startup module `prism-include-languages` (see
// plugins/code-highlight.ts): docs code blocks are highlighted at build time, and the browser's
// highlighter (./Content/Highlighted.tsx) loads the grammars it needs itself, so nothing is started
// when a page loads.
export {};
