// setupFilesAfterEnv of the integration projects: a busy 2-core machine starts servers, databases
// and migrations slowly, and jest's 5 s default is not a statement about our code (speed is
// measured by the benchmarks, never by a timed test). `testTimeout` is a run-wide option only,
// hence this file.
jest.setTimeout(120_000)
