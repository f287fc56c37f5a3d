// Prism's language components register themselves on globalThis.Prism and export nothing.
declare module 'prismjs/components/*';
