// Lint, including the import boundaries of PATTERNS §3.2: the renderer sees only the contract and pure domain
// code; the domain and the contract do no I/O; only the Electron shell may import 'electron'.
import { builtinModules } from 'node:module'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]
const ioPackages = ['electron', 'better-sqlite3', 'pdfmake', 'exceljs', ...nodeBuiltins]
const msg = (why) => ({ message: why })

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/e2e/artifacts/**', '.test-results/**', '.electron-native/**', 'resources/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off'
    }
  },
  {
    files: ['tests/**/*.{ts,tsx,mjs}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: ioPackages.map((name) => ({ name, ...msg('The renderer talks to main only through the API client.') })),
        patterns: [{
          group: ['**/src-main/**', '!**/src-main/shared', '!**/src-main/shared/**', '!**/src-main/domain', '!**/src-main/domain/**'],
          message: 'The renderer may import only src-main/shared (the contract) and src-main/domain (pure rules).'
        }]
      }]
    }
  },
  {
    files: ['src-main/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ioPackages.map((name) => ({ name, ...msg('Domain rules are pure: pass data in, no I/O.') })),
        patterns: [{ group: ['../*', '!../shared', '!../shared/**'], message: 'Domain code may import only src-main/shared.' }]
      }]
    }
  },
  {
    files: ['src-main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ioPackages.map((name) => ({ name, ...msg('The contract is dependency-free (zod only).') })),
        patterns: [{ group: ['react', 'react-*', '@mantine/*'], message: 'The contract is dependency-free (zod only).' }]
      }]
    }
  },
  {
    files: ['src-main/shared/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ioPackages, patterns: [{ group: ['../*'], message: 'src-main/shared imports nothing outside itself.' }] }] }
  },
  {
    files: ['src-main/shared/*/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ioPackages, patterns: [{ group: ['../../*'], message: 'src-main/shared imports nothing outside itself.' }] }] }
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/index.ts', 'src-main/preload.ts', 'src-main/shell/**', 'src-main/transport/ipc.ts', 'src-main/domain/**', 'src-main/shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: "Only the Electron shell may import 'electron': the core must run under plain Node (browser mode, tests)." }],
        patterns: [{ group: ['**/src-renderer/**'], message: 'Main never imports the renderer.' }]
      }]
    }
  },
  {
    // Use cases know no transport: what they share with the handlers lives in services/ or shared/ (issue 15).
    // A later block replaces the rule's options, so the general core restrictions are repeated here.
    files: ['src-main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: "Only the Electron shell may import 'electron': the core must run under plain Node (browser mode, tests)." }],
        patterns: [
          { group: ['**/src-renderer/**'], message: 'Main never imports the renderer.' },
          { group: ['**/api', '**/api/**', '!**/shared/api', '!**/shared/api/**', '**/transport', '**/transport/**'], message: 'Services never import api/ or transport/: move what they share to services/ or shared/.' }
        ]
      }]
    }
  }
)
