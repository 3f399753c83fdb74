/** setupFiles of the integration-mysql jest project: this project's test files run on MariaDB. */
import { MYSQL_URL_ENV } from './test-database'

const server = process.env.MINQING_TEST_MARIADB
if (!server) throw new Error('the integration-mysql project started no MariaDB (its globalSetup sets MINQING_TEST_MARIADB)')
process.env[MYSQL_URL_ENV] = server
