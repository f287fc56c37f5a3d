// ESLint flat config: typescript-eslint for all TypeScript, react-hooks for components.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'build/**',
      'build-*/**',
      '.docusaurus/**',
      'node_modules/**',
      'static/mockServiceWorker.js',
      'test-results/**',
      'playwright-report/**',
      'reports/**',
      '.bench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,mjs,js}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The domain core must stay framework-free and fully typed.
    files: ['src/oidc/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', '@docusaurus/*', '@theme/*', '@site/*'],
              message: 'src/oidc is framework-free.',
            },
            {
              group: ['**/mocks/**', '**/widgets/**', '**/components/**', '**/tenant/**'],
              message: 'src/oidc must not depend on mocks, widgets, components or the tenant.',
            },
          ],
        },
      ],
    },
  },
);
