/** What the command-line scripts (setup, verify) share: their arguments and the local database. */
import path from 'node:path'

/** The value after `--name` in the arguments, if any. */
export const arg = (args: readonly string[], name: string): string | undefined => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

/** MINQING_DATABASE_URL, or the SQLite file in the data folder (MINQING_DATA_DIR, default .data/). */
export const localDatabaseUrl = (env: NodeJS.ProcessEnv = process.env): string =>
  env.MINQING_DATABASE_URL || path.join(path.resolve(env.MINQING_DATA_DIR ?? path.join(__dirname, '..', '.data')), 'minqing.db')
