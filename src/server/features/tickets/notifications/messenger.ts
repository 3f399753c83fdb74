/**
 * Subscribe-message adapters. Local mode: one JSON line per message appended to a log file in the
 * data folder, which tests read. The cloud adapter (WeChat's subscribeMessage.send) lives with the
 * cloud entry, the only place allowed to touch wx-server-sdk.
 * One rule: an adapter only delivers; who gets what was decided before (notifyStep).
 */
import fs from 'node:fs'
import type { SubscribeMessage, SubscribeMessenger } from '../../../context'

export const fileMessenger = (file: string): SubscribeMessenger => ({
  send: async (message: SubscribeMessage) => {
    await fs.promises.appendFile(file, `${JSON.stringify(message)}\n`, 'utf8')
  },
})

/** Reads the local log back (tests, the demo's diagnostics). */
export const readMessageLog = (file: string): SubscribeMessage[] =>
  fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as SubscribeMessage)
    : []
