/**
 * Replaces theme-classic's prism-include-languages, which runs at startup in every page's main.js
 * and `require`s each `additionalLanguages` grammar there. The portal lists none: bash and http load
 * when a code block first needs them (src/theme/CodeBlock/Content). With an empty list the original
 * would still bundle Prism's whole component index (its require context matches index.js).
 */
export default function prismIncludeLanguages(): void {}
