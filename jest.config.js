// Four suites, one command each: unit (pure core and contracts), integration (server through
// HTTP and a real SQLite file), integration-mysql (the same files on a real MariaDB that the run
// starts itself, but for those not about the database: `notAboutTheDatabase`), e2e (Debian's chromium against the H5 build).
// File names say where a file runs: `*.sqlite.test.ts` only on SQLite (e.g. reading the first
// version's SQLite files), `*.mariadb.test.ts` only on MariaDB (concurrency and fault tests).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }]
const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  testEnvironment: 'node',
  // Modules compiled through V8's cache (test/support/runtime.js): jest compiles them anew per test file.
  runtime: '<rootDir>/test/support/runtime.js',
  // jose ships ESM only; let swc turn it into CommonJS like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
}
const integrationFiles = ['<rootDir>/test/server/**/*.test.ts', '<rootDir>/test/cloud/**/*.test.ts']
// Integration files whose subject is not the database: who may call what (the policies and the
// attacks), the WeChat adapters and messages, uploads and media checks, compression, coordinates,
// fonts, codes instead of sentences, the seed generator. They run on SQLite only; every action's
// statements run on MariaDB all the same (scenario.mariadb.test.ts), with the store's conformance
// suite, the ticket and verdict loops, the close, facts, concurrency, faults, import and backup.
// A new file runs on both unless it is listed here.
const notAboutTheDatabase = [
  'server/policy-matrix',
  'server/action-matrix',
  'server/attack',
  'cloud/attack',
  'server/wechat-openapi',
  'server/wechat-notify',
  'cloud/media-check',
  'server/media-screening',
  'server/selfhost-media',
  'server/voice',
  'cloud/uploads',
  'server/compression',
  'server/datum',
  'cloud/font',
  'server/mongolian-codes',
  'server/doctor-selfhost',
  'server/identity-setup',
  'server/seed/generate',
].map((file) => `/test/${file.replace(/\//g, '\\/')}\\.test\\.ts$`)
module.exports = {
  // `--shard` in parts of about equal size (npm test runs the integration projects in halves).
  testSequencer: '<rootDir>/test/support/sequencer.js',
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/core/**/*.test.ts', '<rootDir>/test/contracts/**/*.test.ts', '<rootDir>/test/services/**/*.test.ts', '<rootDir>/test/components/**/*.test.ts', '<rootDir>/test/repo/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/timeouts.ts'],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: integrationFiles,
      testPathIgnorePatterns: ['/node_modules/', '\\.mariadb\\.test\\.ts$'],
      // The run's migrations once, into a SQLite file that the harness's databases copy (test/support/sqlite-global-setup.ts).
      globalSetup: '<rootDir>/test/support/sqlite-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/sqlite-global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/timeouts.ts'],
    },
    {
      ...base,
      displayName: 'integration-mysql',
      testMatch: integrationFiles,
      // bench.test.ts runs `npm run bench -- --quick` as a child process with databases of its own
      // (SQLite and a MariaDB it starts): it does not depend on the project's dialect, so once is enough.
      testPathIgnorePatterns: ['/node_modules/', '\\.sqlite\\.test\\.ts$', '/test/server/bench\\.test\\.ts$', ...notAboutTheDatabase],
      // One MariaDB for the whole run (test/support/mariadb.ts); each test file makes its own databases on it.
      globalSetup: '<rootDir>/test/support/mariadb-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/mariadb-global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/use-mariadb.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/timeouts.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      // One chromium for the whole run, which the files connect to, and the folder of the seeded
      // township that the files copy instead of seeding their own (test/support/e2e-*.ts).
      globalSetup: '<rootDir>/test/support/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/e2e-global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/timeouts.ts'],
    },
  ],
}
