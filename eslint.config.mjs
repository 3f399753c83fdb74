// Lint: typescript-eslint's recommended rules plus the import boundaries that keep the architecture
// honest. Each boundary says why it exists; a new folder picks the boundary it belongs to.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const PLATFORM = ['@tarojs/*', 'taro-ui', 'taro-ui/*', 'react', 'react-dom', 'react/*']
const SERVER_ONLY = ['better-sqlite3', 'fastify', '@fastify/*', 'jose', 'wx-server-sdk', 'node:*', 'fs', 'path', 'crypto', 'http']

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-h5', 'dist-server', 'coverage', 'cloudfunctions/api/index.js', '.data', '.tmp', 'tools'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The domain core is the rules of DOMAIN.md and nothing else: no platform, no database, no
    // clock, no randomness, so every rule is a pure function tested with the seeds' numbers.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: [...PLATFORM, ...SERVER_ONLY], message: 'The core is pure: no platform, storage or Node APIs.' },
        { group: ['**/server/**', '**/services/**', '**/pages/**', '**/features/**', '**/components/**', '**/contracts/**'], message: 'The core depends on nothing of ours but itself.' },
      ] }],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The core takes time as an argument.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The core takes time as an argument.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The core takes ids and randomness as arguments.' },
        { selector: "CallExpression[callee.name='dayjs'][arguments.length=0]", message: 'dayjs() reads the clock: pass the time in.' },
      ],
    },
  },
  {
    // The contract is shared by client and server: it may know the core's types, never either side.
    files: ['src/contracts/**/*.ts', 'src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: [...PLATFORM, ...SERVER_ONLY], message: 'The contract runs on both sides.' },
        { group: ['**/server/**', '**/services/**', '**/pages/**', '**/features/**', '**/components/**'], message: 'The contract depends on the core only.' },
      ] }],
    },
  },
  {
    // Client code ships in the mini-program: server code would leak secrets and bloat the 2 MB
    // package, and wx/cloud calls belong to the one service module.
    files: ['src/pages/**', 'src/features/**', 'src/components/**', 'src/services/**', 'src/app.tsx', 'src/app.config.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: [...SERVER_ONLY], message: 'Server-only package in client code.' },
        { group: ['**/server/**', '**/server'], message: 'Client code reaches the backend through src/services only.' },
      ] }],
    },
  },
  {
    // Pages and features talk to the backend only through src/services (one door).
    files: ['src/pages/**', 'src/features/**', 'src/components/**'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "MemberExpression[object.name='wx'][property.name='cloud']", message: 'Call the backend through src/services.' },
        { selector: "CallExpression[callee.object.name='Taro'][callee.property.name='request']", message: 'Call the backend through src/services.' },
      ],
    },
  },
  {
    // The server never renders: no Taro, taro-ui or React in the backend bundle.
    files: ['src/server/**', 'cloudfunctions/api/src/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: PLATFORM, message: 'No client packages on the server.' }] }],
    },
  },
  {
    // The declared boundary: local declarations of untyped third-party components may use any.
    files: ['types/**/*.d.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
