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

export interface MariaDb {
  /** `mysql://root@127.0.0.1:PORT` (no database): add `/<name>` for a database. */
  url: string
  port: number
  pid: number
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

/** Starts a fresh server; fails with a clear message when Debian's mariadb-server is not installed. */
export const startMariadb = async (options: { timeoutMs?: number } = {}): Promise<MariaDb> => {
  const installDb = which('mariadb-install-db')
  const daemon = which('mariadbd')
  if (!installDb || !daemon) throw new Error('MariaDB is not installed: apt-get install -y mariadb-server (.ci/run does this)')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-mariadb-'))
  const datadir = path.join(dir, 'data')
  const socket = path.join(dir, 'sock')
  const init = spawnSync(installDb, ['--no-defaults', `--datadir=${datadir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], {
    encoding: 'utf8',
  })
  if (init.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true })
    throw new Error(`mariadb-install-db failed: ${init.stderr || init.stdout}`)
  }
  const port = await freePort()
  const child: ChildProcess = spawn(
    daemon,
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--socket=${socket}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      '--user=root',
      `--pid-file=${path.join(dir, 'pid')}`,
      '--skip-log-bin',
      '--innodb-buffer-pool-size=256M',
      // Tests want speed, not durability against a power cut.
      '--innodb-flush-log-at-trx-commit=2',
      '--innodb-doublewrite=0',
      '--max-connections=500',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_bin',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: false },
  )
  let log = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000)
  })
  const deadline = Date.now() + (options.timeoutMs ?? 60_000)
  while (!(await canConnect(port)) || !fs.existsSync(socket)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      fs.rmSync(dir, { recursive: true, force: true })
      throw new Error(`mariadbd did not start: ${log}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  const url = `mysql://root@127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(timer)
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return {
    url,
    port,
    pid: child.pid ?? 0,
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
