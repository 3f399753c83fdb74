/**
 * A throw-away MariaDB server for tests and benchmarks: Debian's mariadb-server binaries, a data
 * folder in a temp dir, its own socket and a free port on 127.0.0.1, stopped (and the folder
 * removed) by `stop()`. Nothing of the machine's own MariaDB installation is touched.
 * One rule: every caller gets its own server or its own database; nothing is shared by accident.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { createConnection } from 'mysql2/promise'

export interface MariaDb {
  /** `mysql://root@127.0.0.1:PORT` (no database): add `/<name>` for a database. */
  url: string
  port: number
  /** The running daemon's process id. */
  readonly pid: number
  /** Stops the server as a crash or an administrator would (clients lose their connections); keeps its data. */
  halt(): Promise<void>
  /** Starts the halted server again on the same data folder, port and socket. */
  resume(): Promise<void>
  /** Creates an empty database and answers its URL. */
  createDatabase(prefix?: string): Promise<string>
  dropDatabase(url: string): Promise<void>
  /** Stops the server (SIGTERM, then SIGKILL) and removes its folder. */
  stop(): Promise<void>
}

const which = (name: string): string | null => {
  for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/bin', '/usr/local/sbin', ...(process.env.PATH ?? '').split(':')]) {
    const file = path.join(dir, name)
    if (fs.existsSync(file)) return file
  }
  return null
}

export const mariadbAvailable = (): boolean => which('mariadbd') !== null && which('mariadb-install-db') !== null

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })

const canConnect = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

/** Runs one SQL statement as root over the server's socket (no driver needed). */
const runSql = (socket: string, statement: string): void => {
  const client = which('mariadb') ?? which('mysql')
  if (!client) throw new Error('the mariadb client is missing: apt-get install mariadb-server')
  const r = spawnSync(client, ['--no-defaults', '-S', socket, '-uroot', '-e', statement], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`mariadb: ${statement}: ${r.stderr}`)
}

/**
 * Where the server keeps its files: in memory (/dev/shm) when there is room, because on a busy
 * machine the disk's fsyncs, not the SQL, make DDL slow (the migrations of an empty database: about
 * 0.1 s in memory, 0.5 to 8 s on a disk that other processes use); the system's temp folder
 * otherwise; MINQING_TEST_MARIADB_DIR chooses another folder. The data is thrown away at the end anyway.
 */
const scratchFolder = (): string => {
  if (process.env.MINQING_TEST_MARIADB_DIR) return process.env.MINQING_TEST_MARIADB_DIR
  const shm = '/dev/shm'
  try {
    const stats = fs.statfsSync(shm)
    if (stats.bavail * stats.bsize >= 1024 ** 3) {
      fs.accessSync(shm, fs.constants.W_OK)
      return shm
    }
  } catch {
    // No /dev/shm (or not writable): the temp folder.
  }
  return os.tmpdir()
}

/** Starts a fresh server; fails with a clear message when Debian's mariadb-server is not installed. */
export const startMariadb = async (options: { timeoutMs?: number } = {}): Promise<MariaDb> => {
  const installDb = which('mariadb-install-db')
  const daemon = which('mariadbd')
  if (!installDb || !daemon) throw new Error('MariaDB is not installed: apt-get install -y mariadb-server (.ci/run does this)')
  const dir = fs.mkdtempSync(path.join(scratchFolder(), 'minqing-mariadb-'))
  const datadir = path.join(dir, 'data')
  const socket = path.join(dir, 'sock')
  // Its own temp folder: internal temp tables in the shared /tmp were deleted under it by other
  // processes' clean-ups on a busy machine ("Error on delete of '/tmp/#sql-temptable-...'").
  const tmpdir = path.join(dir, 'tmp')
  fs.mkdirSync(tmpdir, { recursive: true })
  const init = spawnSync(installDb, ['--no-defaults', `--datadir=${datadir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], {
    encoding: 'utf8',
  })
  if (init.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true })
    throw new Error(`mariadb-install-db failed: ${init.stderr || init.stdout}`)
  }
  const port = await freePort()
  const args = [
    '--no-defaults',
    `--datadir=${datadir}`,
    `--socket=${socket}`,
    `--tmpdir=${tmpdir}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    '--user=root',
    `--pid-file=${path.join(dir, 'pid')}`,
    // Its own temp folder: a shared /tmp cleaned by something else must not take its temp tables.
    `--tmpdir=${tmpdir}`,
    '--skip-log-bin',
    '--innodb-buffer-pool-size=256M',
    // Tests want speed, not durability against a power cut (nosync also suits a tmpfs, which
    // has no O_DIRECT).
    '--innodb-flush-log-at-trx-commit=2',
    '--innodb-doublewrite=0',
    '--innodb-flush-method=nosync',
    '--max-connections=500',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_bin',
  ]
  /** Starts the daemon on the data folder and waits until it answers. */
  let watchdog: ChildProcess | null = null
  const launch = async (): Promise<ChildProcess> => {
    const started: ChildProcess = spawn(daemon, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: false })
    // If this process dies without stop() (a killed test run), nobody would stop the daemon, and
    // a server in /dev/shm holds memory until the machine restarts. A watchdog shell reads a pipe
    // from us: at its end (our death) it stops the daemon and removes the folder. stop() and
    // halt() kill the watchdog first, so it acts only when we are gone.
    watchdog = spawn(
      '/bin/sh',
      ['-c', 'trap "" INT TERM HUP; read _; kill -TERM "$1" 2>/dev/null; i=0; while kill -0 "$1" 2>/dev/null && [ $i -lt 60 ]; do sleep 0.5; i=$((i+1)); done; kill -KILL "$1" 2>/dev/null; rm -rf "$2"', 'watchdog', String(started.pid), dir],
      { stdio: ['pipe', 'ignore', 'ignore'], detached: false },
    )
    let log = ''
    started.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000)
    })
    const deadline = Date.now() + (options.timeoutMs ?? 120_000)
    while (!(await canConnect(port)) || !fs.existsSync(socket)) {
      if (started.exitCode !== null || Date.now() > deadline) {
        watchdog?.kill('SIGKILL')
        watchdog = null
        started.kill('SIGKILL')
        throw new Error(`mariadbd did not start: ${log}`)
      }
      await new Promise((r) => setTimeout(r, 100))
    }
    return started
  }
  /** Stops the daemon (SIGTERM: a clean shutdown; SIGKILL after 15 s), keeping its data. */
  const shutdown = async (running: ChildProcess): Promise<void> => {
    watchdog?.kill('SIGKILL')
    watchdog = null
    if (running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()))
    running.kill('SIGTERM')
    const timer = setTimeout(() => running.kill('SIGKILL'), 15_000)
    await exited
    clearTimeout(timer)
  }
  let child: ChildProcess
  try {
    child = await launch()
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true })
    throw e
  }
  let halted = false
  const url = `mysql://root@127.0.0.1:${port}`
  const stop = async () => {
    await shutdown(child)
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return {
    url,
    port,
    get pid() {
      return child.pid ?? 0
    },
    halt: async () => {
      halted = true
      await shutdown(child)
    },
    resume: async () => {
      if (!halted) throw new Error('resume() after halt() only')
      child = await launch()
      halted = false
    },
    createDatabase: async (prefix = 't') => {
      const name = `${prefix}_${randomBytes(6).toString('hex')}`
      runSql(socket, `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`)
      return `${url}/${name}`
    },
    dropDatabase: async (dbUrl: string) => {
      const name = dbUrl.slice(dbUrl.lastIndexOf('/') + 1)
      runSql(socket, `DROP DATABASE IF EXISTS \`${name}\``)
    },
    stop,
  }
}

// ------------------------------------------------------------------ databases by URL

/** The database name at the end of a `mysql://.../<name>` URL. */
const databaseName = (url: string): string => {
  const name = new URL(url).pathname.replace(/^\//, '')
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`not a database URL: ${url}`)
  return name
}

const asRoot = async (rootUrl: string, statement: string): Promise<void> => {
  const connection = await createConnection({ uri: rootUrl })
  try {
    await connection.query(statement)
  } finally {
    await connection.end()
  }
}

/**
 * Creates an empty database on the server at `rootUrl` (e.g. a server started by the jest
 * globalSetup, known to the workers by its URL only) and answers its URL.
 */
export const createDatabaseAt = async (rootUrl: string, prefix = 't'): Promise<string> => {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  await asRoot(rootUrl, `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`)
  const url = new URL(rootUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** Drops the database a `createDatabaseAt` URL names. */
export const dropDatabaseAt = async (dbUrl: string): Promise<void> => {
  const root = new URL(dbUrl)
  const name = databaseName(dbUrl)
  root.pathname = ''
  await asRoot(root.toString(), `DROP DATABASE IF EXISTS \`${name}\``)
}

/**
 * A new database that is a copy of `template` on the same server (its tables, as `SHOW CREATE
 * TABLE` gives them, and their rows): what the migrations' ~280 DDL statements would build, in
 * ~50 statements. The integration-mysql project's global setup migrates one template per run
 * (test/support/test-database.ts); a test that needs a migrated database starts from a copy.
 */
export const cloneDatabaseAt = async (rootUrl: string, template: string, prefix = 't'): Promise<string> => {
  if (!/^[A-Za-z0-9_]+$/.test(template)) throw new Error(`not a database name: ${template}`)
  const url = await createDatabaseAt(rootUrl, prefix)
  const name = databaseName(url)
  const connection = await createConnection({ uri: rootUrl, multipleStatements: true })
  try {
    const [tables] = (await connection.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name', [template])) as unknown as [
      { name: string }[],
    ]
    if (tables.length === 0) throw new Error(`the template database ${template} has no tables`)
    const creates: string[] = []
    for (const { name: table } of tables) {
      const [rows] = (await connection.query(`SHOW CREATE TABLE \`${template}\`.\`${table}\``)) as unknown as [Record<string, string>[]]
      creates.push(rows[0]['Create Table'])
    }
    await connection.query(`USE \`${name}\``)
    await connection.query(creates.join(';\n'))
    await connection.query(tables.map(({ name: table }) => `INSERT INTO \`${name}\`.\`${table}\` SELECT * FROM \`${template}\`.\`${table}\``).join(';\n'))
  } finally {
    await connection.end()
  }
  return url
}
