/**
 * What a handler gets: the store (inside the write's transaction), settings, the request's time,
 * an id maker and the signed-in actor. One rule: handlers read time and make ids only through this,
 * so tests and the seed can fix both.
 */
import type { Person } from '../core/model'
import type { Settings } from '../core/settings'
import type { Store } from './storage/port'
import type { Caller } from './identity'
import type { WechatCodes } from './wechat/port'

/** local: the demo with its development login; cloud: the WeChat cloud function; server: the self-hosted server (WeChat login over HTTPS, no development login). */
export type Mode = 'local' | 'cloud' | 'server'

/** Long-lived parts, made once per process. */
export interface ServerDeps {
  store: Store
  settings: Settings
  mode: Mode
  clock: () => number
  newId: (prefix: string) => string
  /** Stored sessions (web console and H5); null in the cloud, where WeChat says who calls. */
  sessions: SessionTokens | null
  /** Demo mode (`npm start`): the person picker exists. Never on a self-hosted start without it. */
  demo?: boolean
  /** The cloud's one-time set-up code (MINQING_SETUP_CODE in the function's environment), if any. */
  setupCode?: string
  /** WeChat subscribe messages (cloud: the WeChat adapter; local: a log file); none: not sent. */
  messenger?: SubscribeMessenger
  /** WeChat services (mini-program codes); the local adapter when absent. */
  wechat?: WechatCodes
  /** wechat-notify: WeChat's subscribeMessage.send (cloud: the cloud call; local: the recording adapter); none: not sent. */
  wechatMessages?: import('./wechat/port').WechatMessages
  /** Issue 13: WeChat content security (msgSecCheck / mediaCheckAsync); the local word list when absent. */
  contentSecurity?: import('./wechat/content').ContentSecurity
  /** Issue 11 items 2, 6: WeChat cloud storage (cloud: wx-server-sdk; tests: a folder); none outside the cloud. */
  storage?: import('./wechat/port').WechatStorage
  /** The Mongolian font in cloud storage (MINQING_MONGOLIAN_FONT_FILE_ID): the weapp loads it by a temporary URL. */
  mongolianFontFileId?: string
  /** selfhost (issue 11): signed URLs of /uploads files for those who cannot send a header (the self-hosted weapp); none in the cloud. */
  mediaUrls?: import('./http/media-urls').MediaUrls
}

/** One subscribe message: a ticket a person is concerned with changed status. */
export interface SubscribeMessage {
  personId: string
  /** The person's WeChat openid when bound (the cloud adapter needs it). */
  openid: string | null
  ticketId: string
  status: string
  /** The status in plain words, as the message shows it. */
  words: string
  at: number
  /** wechat-notify: the subscribe event this step is for this person (null: in-app only). */
  event: import('../core/subscribe').SubscribeEvent | null
}

/** The seam to WeChat's subscribe messages; called only after the write has committed. */
export interface SubscribeMessenger {
  send(message: SubscribeMessage): Promise<void>
}

export interface SessionTokens {
  /** A new session for the person; inside a write, pass the transaction's store. */
  issue(personId: string, options?: { store?: Store; via?: string }): Promise<string>
  /** The person id of a live session, or null when it is unknown, ended or expired. */
  verify(token: string): Promise<string | null>
}

/** The signed-in person and the scopes derived once per request. */
export interface Actor {
  person: Person
  /** Villages whose work team this person leads (包片领导). */
  ledVillageIds: string[]
  /** The work teams this person leads (read with the person, in the same statement). */
  ledTeams: { id: string; name: string; villageId: string }[]
}

export interface HandlerContext {
  deps: ServerDeps
  store: Store
  settings: Settings
  now: number
  newId: (prefix: string) => string
  actor: Actor | null
  /** Work to do once the write's transaction has committed (sending messages); reads run it at once. */
  afterCommit?: (work: () => Promise<void>) => void
  /** Who called, as the transport says (a WeChat OPENID or a session token); for binding only. */
  caller?: Caller
}

/** For handlers of non-public actions: the dispatcher guarantees an actor. */
export const actorOf = (ctx: HandlerContext): Actor => {
  if (!ctx.actor) throw new Error('handler of a non-public action called without an actor')
  return ctx.actor
}
