// ESLint flat config: typescript-eslint for all TypeScript, react-hooks for components.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

// ---------------------------------------------------------------------------------------------
// Widget boundaries (issue #16): a widget is a reducer and state machine over src/oidc and the shared
// layer in src/widgets/shared, rendered by small components. These rules hold that shape.

/** Every widget folder (src/widgets/<Name>), besides the shared layer. */
const widgetFolders = readdirSync(new URL('./src/widgets/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => entry.name);

/** The round trip's primitives: only runLogin.ts (and the callback page) use them; widgets call runLogin. */
const roundTripPrimitives = [
  'openLoginPopup',
  'navigatePopup',
  'awaitPopupCallback',
  'beginRedirectLogin',
  'takeReturnedLogin',
  'runInHiddenFrame',
];

/** A widget component file holds at most this many `useState`: the form is a reducer, a run a state machine. */
const maxUseState = 8;
const widgetShape = {
  rules: {
    'max-use-state': {
      meta: { type: 'suggestion', schema: [{ type: 'integer' }] },
      create(context) {
        const max = context.options[0] ?? maxUseState;
        let count = 0;
        return {
          "CallExpression[callee.name='useState']"(node) {
            count += 1;
            if (count === max + 1)
              context.report({
                node,
                message: `More than ${max} useState in one file: keep the form in one reducer (src/widgets/shared/form.ts) and Run in runReducer (src/oidc/run.ts).`,
              });
          },
        };
      },
    },
  },
};

function otherWidgetPatterns(own) {
  return widgetFolders
    .filter((name) => name !== own)
    .map((name) => ({
      group: [`**/widgets/${name}`, `**/widgets/${name}/**`, `../${name}`, `../${name}/**`],
      message: `A widget does not import another widget's folder (${name}): move what both need to src/oidc or src/widgets/shared.`,
    }));
}

function widgetBoundaries(name) {
  return {
    files: [`src/widgets/${name}/**/*.{ts,tsx}`],
    plugins: { 'widget-shape': widgetShape },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: otherWidgetPatterns(name),
          paths: [
            {
              name: '../shared/loginRoundTrip',
              importNames: roundTripPrimitives,
              message: 'Use runLogin / resumeLogin (src/widgets/shared/runLogin.ts).',
            },
            {
              name: '@site/src/widgets/shared/loginRoundTrip',
              importNames: roundTripPrimitives,
              message: 'Use runLogin / resumeLogin (src/widgets/shared/runLogin.ts).',
            },
            {
              name: '@site/src/mocks/control',
              importNames: ['controlMock', 'readMockControl'],
              message: 'Use useMockControl() (src/widgets/shared/providerSession.ts).',
            },
          ],
        },
      ],
      'max-lines': ['error', { max: 400 }],
      'widget-shape/max-use-state': ['error', maxUseState],
    },
  };
}

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
  ...widgetFolders.map(widgetBoundaries),
  {
    // Components render; requests go through src/oidc (and the mock's control client).
    files: ['src/widgets/**/*.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        {
          name: 'fetch',
          message: 'No fetch in a widget component: call src/oidc (or the mock control client).',
        },
        {
          name: 'open',
          message: 'window.open lives in src/widgets/shared/loginRoundTrip.ts only: use runLogin.',
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'fetch', message: 'No fetch in a widget component: call src/oidc.' },
        {
          object: 'globalThis',
          property: 'fetch',
          message: 'No fetch in a widget component: call src/oidc.',
        },
      ],
    },
  },
  {
    // Build-time code reads src/oidc, never a widget's folder (issue #16: the twins read the causes from src/oidc).
    files: [
      'plugins/**/*.{ts,mts}',
      'src/markdown-twins/**/*.ts',
      'src/round-trip/**/*.ts',
      'src/components/**/*.{ts,tsx}',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/widgets/*/**', '!**/widgets/shared/**'],
              message: 'Read it from src/oidc (or src/widgets/shared), not from a widget folder.',
            },
          ],
        },
      ],
    },
  },
  {
    // One file opens windows: the login popup of runLogin.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/widgets/shared/loginRoundTrip.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='open'][object.name=/^(window|globalThis|self)$/]",
          message: 'window.open lives in src/widgets/shared/loginRoundTrip.ts only: use runLogin.',
        },
      ],
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
