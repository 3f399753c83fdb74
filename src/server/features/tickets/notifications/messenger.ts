/**
 * Subscribe-message adapters. Local mode: one JSON line per message appended to a log file in the
 * data folder, which tests read. The cloud adapter (WeChat's subscribeMessage.send) lives with the
 * cloud entry, the only place allowed to touch wx-server-sdk.
 * One rule: an adapter only delivers; who gets what was decided before (notifyStep).
 */
import fs from 'node:fs'
import type { SubscribeMessage, SubscribeMessenger } from '../../../context'

/**
 * The log is opened once for appending (one small write per message, no open and close each time)
 * and closed with the server.
 */
export const fileMessenger = (file: string): SubscribeMessenger & { close(): void } => {
  let fd: number | null = null
  return {
    send: async (message: SubscribeMessage) => {
      fd ??= fs.openSync(file, 'a')
      fs.writeSync(fd, `${JSON.stringify(message)}\n`)
    },
    close: () => {
      if (fd !== null) fs.closeSync(fd)
      fd = null
    },
  }
}

/** Reads the local log back (tests, the demo's diagnostics). */
export const readMessageLog = (file: string): SubscribeMessage[] =>
  fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as SubscribeMessage)
    : []
