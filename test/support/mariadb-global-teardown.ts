/** globalTeardown of the integration-mysql jest project: stops the MariaDB its globalSetup started. */
export default async function teardown(): Promise<void> {
  const server = globalThis.minqingMariadb
  globalThis.minqingMariadb = undefined
  delete process.env.MINQING_TEST_MARIADB
  if (server) await server.stop()
}
