// @ts-check
import tseslint from 'typescript-eslint';

/** Writing markup from strings is how extensions get XSS: page and imported text is only ever text. */
const noHtmlSinks = {
  'no-restricted-properties': [
    'error',
    { property: 'innerHTML', message: 'Build DOM nodes; never parse strings as HTML.' },
    { property: 'outerHTML', message: 'Build DOM nodes; never parse strings as HTML.' },
    { property: 'insertAdjacentHTML', message: 'Build DOM nodes; never parse strings as HTML.' },
    { object: 'document', property: 'write', message: 'Never document.write.' },
    { object: 'document', property: 'writeln', message: 'Never document.write.' },
  ],
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'scratch/**', 'test-results/**'] },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      ...noHtmlSinks,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    rules: noHtmlSinks,
  },
  // Where code runs decides what it may import: the side panel and popup (ui) and the content script
  // never import each other; what both need lives in src/shared. The core imports neither.
  {
    files: ['src/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/content/**', '**/content'], message: 'ui and content share code through src/shared.' }] },
      ],
    },
  },
  {
    files: ['src/content/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/ui/**', '**/ui'], message: 'ui and content share code through src/shared.' }] },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/content/**', '**/ui/**', '**/background/**', '**/shared/**', '**/cli/**'],
              message: 'src/core is pure: it imports only src/core.',
            },
          ],
        },
      ],
    },
  },
);
