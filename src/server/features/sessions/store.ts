/**
 * Sessions kept in the database (issue 10 item 5): a random token goes to the browser, only its
 * sha256 is stored. A session ends after `settings.sessions.idleMinutes` without use, on logout, and
 * when its person is unbound or changes role (`endSessionsOf`, called by those actions).
 * One rule: a token is never stored or logged; whoever reads the table cannot sign in with it.
 */
import { randomBytes } from 'node:crypto'
import type { Settings } from '../../../core/settings'
import { MINUTE_MS } from '../../../core/time'
import type { SessionTokens } from '../../context'
import type { Store } from '../../storage/port'
import { sha256 } from '../chain'

export interface SessionRecord {
  /** sha256 of the token. */
  id: string
  personId: string
  /** How it began: 'dev' (demo picker), 'qr' (web console QR login), 'setup', 'invite'. */
  via: string
  createdAt: number
  lastSeenAt: number
}

/** A web console waiting for a staff member to confirm the login on the phone. */
export interface LoginRequest {
  /** The code the QR shows (not secret alone: collecting the session needs the poll token too). */
  id: string
  /** sha256 of the poll token only the browser that asked knows. */
  pollHash: string
  createdAt: number
  expiresAt: number
  confirmedById: string | null
  confirmedAt: number | null
  /** When the browser collected its session: once only. */
  collectedAt: number | null
  /** The asking browser's User-Agent header (cut to 400 characters), shown on the phone's confirm page. */
  userAgent?: string
  /** The network address the asking browser came from, shown on the phone's confirm page. */
  address?: string
}

export const newToken = (): string => randomBytes(32).toString('base64url')

export const sessionId = (token: string): string => sha256(`session\n${token}`)

/** A session is used without a write until this share of the idle time has passed since the last one. */
const TOUCH_SHARE = 20

/** Whether a session last used at `lastSeenAt` is still alive at `now`. */
export const sessionAlive = (lastSeenAt: number, now: number, settings: Settings): boolean => now - lastSeenAt < settings.sessions.idleMinutes * MINUTE_MS

/** Whether its last use should be written down now (rarely: not on every request). */
export const sessionNeedsTouch = (lastSeenAt: number, now: number, settings: Settings): boolean =>
  now - lastSeenAt >= (settings.sessions.idleMinutes * MINUTE_MS) / TOUCH_SHARE

/** Ends every session of a person: unbinding, a role change. Call inside the action's transaction. */
export const endSessionsOf = async (store: Store, personId: string): Promise<number> => {
  const result = await store.db.deleteFrom('sessions').where('personId', '=', personId).executeTakeFirst()
  return Number(result.numDeletedRows ?? 0)
}

/** Ends one session (logout). */
export const endSession = async (store: Store, token: string): Promise<void> => {
  await store.db.deleteFrom('sessions').where('id', '=', sessionId(token)).execute()
}

/** A login request is kept this long after it expired (so a late poll still gets 'expired'), then pruned. */
export const LOGIN_REQUEST_KEEP_MS = 60 * MINUTE_MS

/**
 * Deletes sessions idle past the setting and login requests expired over an hour ago: two indexed
 * range deletes (sessions.lastSeenAt, loginRequests.expiresAt), run when a login QR is asked for.
 */
export const pruneLoginRecords = async (store: Store, now: number, settings: Settings): Promise<{ sessions: number; loginRequests: number }> => {
  const idle = await store.db.deleteFrom('sessions').where('lastSeenAt', '<=', now - settings.sessions.idleMinutes * MINUTE_MS).executeTakeFirst()
  const old = await store.db.deleteFrom('loginRequests').where('expiresAt', '<', now - LOGIN_REQUEST_KEEP_MS).executeTakeFirst()
  return { sessions: Number(idle.numDeletedRows ?? 0), loginRequests: Number(old.numDeletedRows ?? 0) }
}

/** The stored sessions of a server: issue a token for a person, verify one (the caller's lookup joins it itself). */
export const storedSessions = (store: Store, clock: () => number, settings: Settings): SessionTokens => ({
  issue: async (personId, options) => {
    const token = newToken()
    const now = clock()
    await (options?.store ?? store).insert('sessions', { id: sessionId(token), personId, via: options?.via ?? 'dev', createdAt: now, lastSeenAt: now })
    return token
  },
  verify: async (token) => {
    const record = await store.get('sessions', sessionId(token))
    return record && sessionAlive(record.lastSeenAt, clock(), settings) ? record.personId : null
  },
})
