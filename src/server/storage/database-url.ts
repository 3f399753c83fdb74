/** The cloud function's database setting, read the same way by the function and by `npm run doctor`. */

/**
 * The database, from the function's environment variables:
 * - MINQING_DATABASE_URL: `mysql://user:password@host:port/database`, e.g. the environment's
 *   CloudBase MySQL at its 内网连接地址 (`mysql://root:<password>@<内网地址>:3306/tcb`; the function
 *   needs the environment's private network (VPC) enabled) or any MySQL 8 protocol server;
 * - otherwise the separate settings CloudBase's cloud-function MySQL guide configures: DB_HOST,
 *   DB_PORT (3306), DB_USER (root), DB_PASSWORD, DB_NAME (tcb).
 * A SQLite path in MINQING_DATABASE_URL is for tests only: an SQLite file in a cloud function is per
 * instance and temporary (and the bundle does not carry the SQLite binding).
 */
export const databaseUrl = (env: NodeJS.ProcessEnv = process.env): string | null => {
  if (env.MINQING_DATABASE_URL) return env.MINQING_DATABASE_URL
  if (!env.DB_HOST) return null
  const part = (value: string | undefined, fallback: string) => encodeURIComponent(value || fallback)
  const password = env.DB_PASSWORD ? `:${encodeURIComponent(env.DB_PASSWORD)}` : ''
  const host = env.DB_HOST.includes(':') ? `[${env.DB_HOST}]` : env.DB_HOST
  return `mysql://${part(env.DB_USER, 'root')}${password}@${host}:${Number(env.DB_PORT) || 3306}/${part(env.DB_NAME, 'tcb')}`
}
