// setupFilesAfterEnv of every jest project (unit, integration, integration-mysql, e2e): a busy
// 2-core machine (seven builds and suites beside each other) starts servers, databases, migrations
// and browsers slowly, and jest's 5 s default is not a statement about our code (speed is measured
// by the benchmarks, never by a timed test). `testTimeout` is a run-wide option only, hence this
// file. A file may set a longer timeout of its own (the e2e files do: 120 s).
jest.setTimeout(120_000)
