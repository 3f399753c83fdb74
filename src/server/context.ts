/**
 * What a handler gets: the store (inside the write's transaction), settings, the request's time,
 * an id maker and the signed-in actor. One rule: handlers read time and make ids only through this,
 * so tests and the seed can fix both.
 */
import type { Person } from '../core/model'
import type { Settings } from '../core/settings'
import type { Store } from './storage/port'
import type { WechatCodes } from './wechat/port'

export type Mode = 'local' | 'cloud'

/** Long-lived parts, made once per process. */
export interface ServerDeps {
  store: Store
  settings: Settings
  mode: Mode
  clock: () => number
  newId: (prefix: string) => string
  /** The local development login's session tokens; null in the cloud, where WeChat says who calls. */
  sessions: SessionTokens | null
  /** WeChat services (mini-program codes); the local adapter when absent. */
  wechat?: WechatCodes
}

export interface SessionTokens {
  issue(personId: string): Promise<string>
  /** The person id a token was issued for, or null when it is forged, expired or malformed. */
  verify(token: string): Promise<string | null>
}

/** The signed-in person and the scopes derived once per request. */
export interface Actor {
  person: Person
  /** Villages whose work team this person leads (包片领导). */
  ledVillageIds: string[]
}

export interface HandlerContext {
  deps: ServerDeps
  store: Store
  settings: Settings
  now: number
  newId: (prefix: string) => string
  actor: Actor | null
}

/** For handlers of non-public actions: the dispatcher guarantees an actor. */
export const actorOf = (ctx: HandlerContext): Actor => {
  if (!ctx.actor) throw new Error('handler of a non-public action called without an actor')
  return ctx.actor
}
