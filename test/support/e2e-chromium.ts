/**
 * The one chromium of an e2e run: Debian's chromium (CHROMIUM_PATH overrides /usr/bin/chromium; no
 * browser download), launched once by the e2e project's globalSetup as a Playwright browser server
 * whose endpoint the test files find in MINQING_E2E_BROWSER and connect to (test/e2e/browser.ts).
 * Launching and closing a chromium costs ~0.45 CPU-s; connecting to a running one ~0.02 CPU-s.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { chromium, type Browser, type BrowserServer, type LaunchOptions } from 'playwright-core'
import { BROWSER_ENDPOINT_ENV } from './e2e-env'

export const chromiumOptions = (): LaunchOptions => ({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})

/**
 * The run's chromium when there is one (connected: closing it only disconnects and closes the
 * contexts this connection made), otherwise a chromium of the caller's own (closing it ends it).
 */
export const openBrowser = async (): Promise<Browser> => {
  const endpoint = process.env[BROWSER_ENDPOINT_ENV]
  return endpoint ? chromium.connect(endpoint) : chromium.launch(chromiumOptions())
}

/** The chromium's profile folder, from its command line (Playwright makes one in the temp folder). */
const userDataDir = (pid: number): string | null => {
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
    const arg = args.find((a) => a.startsWith('--user-data-dir='))
    return arg ? arg.slice('--user-data-dir='.length) : null
  } catch {
    return null
  }
}

export interface RunBrowser {
  server: BrowserServer
  stop: () => Promise<void>
}

/**
 * Launches the run's chromium. If this process dies without `stop()` (a killed run: SIGKILL leaves
 * Playwright no chance to close it), a watchdog shell that reads a pipe from us sees the pipe's
 * end, kills chromium's process group (Playwright starts chromium as a group leader) and removes
 * its profile folder and `alsoRemove`; `stop()` ends the watchdog first, so it acts only when we are gone.
 */
export const launchRunBrowser = async (alsoRemove: string[] = []): Promise<RunBrowser> => {
  const server = await chromium.launchServer(chromiumOptions())
  const pid = server.process().pid
  let watchdog: ChildProcess | null = null
  if (pid) {
    const remove = [userDataDir(pid), ...alsoRemove].filter((d): d is string => !!d)
    watchdog = spawn(
      '/bin/sh',
      ['-c', 'trap "" INT TERM HUP; read _; kill -KILL -"$1" 2>/dev/null || kill -KILL "$1" 2>/dev/null; shift; rm -rf "$@"', 'watchdog', String(pid), ...remove],
      { stdio: ['pipe', 'ignore', 'ignore'], detached: false },
    )
  }
  return {
    server,
    stop: async () => {
      watchdog?.kill('SIGKILL')
      watchdog = null
      await server.close()
      for (const dir of alsoRemove) fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
