// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Package bans are anchored regexes, so a local file named like a package (src/persistence/idb.ts) is not caught.
const MAP_LIBS = '^(maplibre-gl|@deck\\.gl/|@luma\\.gl/)';
const UI_LIBS = '^(preact|@preact/)';
const STORAGE_LIBS = '^idb($|/)';

/** @param {string | string[]} what a regex (packages) or glob patterns (paths) @param {string} message */
const banned = (what, message) => (typeof what === 'string' ? { regex: what, message } : { group: what, message });
const NO_MAP_LIBS = banned(MAP_LIBS, 'Only src/map may import MapLibre or deck.gl.');
const NO_IDB = banned(STORAGE_LIBS, 'Storage goes through src/persistence.');
const NO_TURF = banned('^@turf/', 'No geometry math in UI/state: put it in src/core.');

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // `const { dropped, ...rest } = x` is how a field is left out of a copy
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'], location: 'anywhere' }],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  // ---- folder boundaries (DEVELOPERS.md) ----
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            banned(MAP_LIBS, 'src/core is pure: no map libraries.'),
            banned(UI_LIBS, 'src/core is pure: no Preact.'),
            banned(STORAGE_LIBS, 'src/core is pure: no idb.'),
            banned(
              ['**/state/**', '**/ui/**', '**/map/**', '**/persistence/**', '**/layers/**'],
              'src/core imports nothing outside src/core.',
            ),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'fetch'],
    },
  },
  {
    files: ['layers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            banned(MAP_LIBS, 'layers/ return plain descriptors; only src/map builds deck.gl/MapLibre objects.'),
            banned(UI_LIBS, 'layers/ are pure functions of state.'),
            banned(STORAGE_LIBS, 'layers/ do not persist.'),
            banned(
              ['**/src/state/**', '**/src/ui/**', '**/src/map/**', '**/src/persistence/**', '**/src/workers/**'],
              'layers/ depend only on src/core.',
            ),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'fetch'],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_MAP_LIBS,
            NO_IDB,
            NO_TURF,
            banned(['**/persistence/**'], 'src/ui writes only through the stores’ actions: no src/persistence.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/state/**/*.ts', 'src/workers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_MAP_LIBS,
            NO_IDB,
            NO_TURF,
            banned('^preact($|/)', 'State is signals, not components.'),
            banned(['**/ui/**', '**/map/**'], 'src/state knows no components and no map: they read the state.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_MAP_LIBS, NO_IDB, NO_TURF] }] },
  },
  {
    files: ['src/map/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [banned(['**/persistence/**'], 'src/map draws the state; storage is not its business.')] },
      ],
    },
  },
  {
    // the first map needs neither deck.gl nor Terra Draw: only their own modules import them, the rest
    // of src/map loads those modules with import() (types are free)
    files: ['src/map/**/*.{ts,tsx}'],
    ignores: ['src/map/analysisOverlay.ts', 'src/map/deckLayers.ts', 'src/map/editor.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@deck\\.gl/|@luma\\.gl/|terra-draw)|^\\./(analysisOverlay|deckLayers|editor)$',
              allowTypeImports: true,
              message: 'deck.gl and Terra Draw load on first use: import() them (analysisOverlay.ts, editor.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/persistence/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            banned(MAP_LIBS, 'Persistence knows no map.'),
            banned(UI_LIBS, 'Persistence knows no UI.'),
            banned(
              ['**/state/**', '**/ui/**', '**/map/**', '**/workers/**'],
              'src/persistence knows nothing above it.',
            ),
          ],
        },
      ],
    },
  },
);
