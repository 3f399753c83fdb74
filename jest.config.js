// Three suites, one command each: unit (pure core and contracts), integration (server through
// HTTP and a real SQLite file), e2e (Debian's chromium against the H5 build).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }]
const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  testEnvironment: 'node',
  // jose ships ESM only; let swc turn it into CommonJS like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
}
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/core/**/*.test.ts', '<rootDir>/test/contracts/**/*.test.ts'] },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/test/server/**/*.test.ts', '<rootDir>/test/cloud/**/*.test.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
}
