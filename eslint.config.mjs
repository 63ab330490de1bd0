// Flat config: TypeScript + Vue rules, plus the import boundaries the architecture depends on.
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
// Turns off the stylistic rules that Prettier owns (it formats; ESLint checks meaning).
import prettierConfig from 'eslint-config-prettier'
import globals from 'globals'
import { builtinModules } from 'node:module'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

// The only main-process files allowed to import electron (or electron-store, which imports it): the
// entry point and shell/, literally (test/scripts/import-boundaries.test.ts checks it stays so).
const SHELL_FILES = ['src/main/index.ts', 'src/main/shell/**/*.ts']

const noElectron = [
  { name: 'electron', message: 'Only the Electron shell files may import electron.' },
  { name: 'electron-store', message: 'electron-store imports electron: shell files only.' }
]

export default tseslint.config(
  {
    ignores: ['out/**', 'node_modules/**', 'test-results/**', '.ci-out/**', 'dist/**']
  },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  prettierConfig,
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' }
    }
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      // Never render user- or server-supplied HTML.
      'vue/no-v-html': 'error',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off'
    }
  },
  {
    // shared: types and pure code for every process; no electron, Node built-ins or DOM.
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'src/shared runs everywhere: no Node built-ins.' }))] }
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require']
    }
  },
  {
    // main outside the shell: protocol client, engine, store, headless. Plain Node only.
    files: ['src/main/**/*.ts'],
    ignores: SHELL_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noElectron,
          patterns: [{ group: ['**/simulator', '**/simulator/**'], message: 'The client must not use simulator code: it is the oracle.' }]
        }
      ]
    }
  },
  {
    files: SHELL_FILES,
    ignores: ['src/main/shell/demo-server.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/simulator', '**/simulator/**'], message: 'The client must not use simulator code: it is the oracle.' }] }
      ]
    }
  },
  {
    // The simulator writes its own protocol logic from the spec; it must not borrow the client's.
    files: ['src/simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noElectron,
          patterns: [
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'The simulator may share data (src/shared) but not client code.' }
          ]
        }
      ]
    }
  },
  {
    // preload: named functions from the contract, nothing else.
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The sandboxed preload cannot use Node built-ins.' })),
          patterns: [{ group: ['**/main/**', '**/renderer/**', '**/simulator/**'], message: 'The preload depends on src/shared only.' }]
        }
      ]
    }
  },
  {
    // renderer: talks to main only through window.api.
    files: ['src/renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' }))],
          patterns: [{ group: ['**/main/**', '**/simulator/**'], message: 'The renderer reaches main only through window.api.' }]
        }
      ]
    }
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.mjs', 'test/**/*.mjs'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' }
  }
)
