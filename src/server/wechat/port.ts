/**
 * The WeChat services the backend needs, behind one small interface: the unlimited mini-program
 * code (小程序码) that opens a page (the visit sign-off, a binding invitation), the WeChat-verified
 * phone number of the caller (绑定身份), and, for H5 and local mode where WeChat verifies no phone,
 * the one-time code sent to a phone (as an SMS would).
 * One rule: handlers call this interface only; the cloud adapter (wx-server-sdk) is wired in the
 * cloud entry and never in tests.
 */
export type EnvVersion = 'release' | 'trial' | 'develop'

export interface WechatCodes {
  /**
   * A PNG mini-program code opening `page` with `scene` (at most 32 visible characters); `envVersion`
   * makes trial and development builds open it (wxacode.getUnlimited's env_version).
   */
  unlimitedCode(request: { scene: string; page: string; width: number; envVersion?: EnvVersion }): Promise<Uint8Array>
  /**
   * The phone number WeChat verified for the button `open-type="getPhoneNumber"`'s code
   * (phonenumber.getPhoneNumber): the pure number without country code, or null when the code is
   * refused (expired, used, forged).
   */
  getPhoneNumber(code: string): Promise<string | null>
  /** Sends a text message with a one-time binding code to a phone (local adapter: the server's console). */
  sendPhoneCode(phone: string, text: string): Promise<void>
}

// --- Self-hosted weapp login (issue 11 item 8) ---

/** The person behind a `wx.login` code, as WeChat's code2Session answers it. */
export interface WechatSession {
  openid: string
  unionid?: string
}

/**
 * code2Session (auth.code2Session, `GET /sns/jscode2session`): a `wx.login` code, valid once and for
 * five minutes, exchanged for the caller's openid. Used only by the self-hosted server; in WeChat
 * cloud the runtime says who calls. Rejects with WechatLoginRefused when WeChat refuses the code.
 */
export interface WechatLogin {
  code2Session(code: string): Promise<WechatSession>
}

/** WeChat answered and refused the code (used, expired, forged; errcode 40029, 40163, ...). */
export class WechatLoginRefused extends Error {
  constructor(readonly errcode: number, message: string) {
    super(message)
    this.name = 'WechatLoginRefused'
  }
}

// --- Cloud storage (issue 11 items 2 and 6: office files and media in WeChat cloud storage) ---

/**
 * The function's side of WeChat cloud storage (wx-server-sdk: downloadFile, uploadFile,
 * getTempFileURL). Clients never read storage directly (the storage rules are server-only for
 * reading): whoever may see a file gets a temporary URL from the function.
 */
export interface WechatStorage {
  /** The bytes of a stored file; rejects when the file does not exist. */
  downloadFile(fileId: string): Promise<Uint8Array>
  /** Stores bytes at `cloudPath` and answers the new file id (`cloud://...`). */
  uploadFile(cloudPath: string, bytes: Uint8Array): Promise<string>
  /** A URL anyone holding it may fetch for `maxAgeSeconds`; rejects when the file does not exist. */
  tempUrl(fileId: string, maxAgeSeconds: number): Promise<string>
}

// --- Subscribe messages (订阅消息, issue 11 item 3) ---

/** One subscribeMessage.send: to whom, which template, the page it opens and its filled fields. */
export interface SubscribeSend {
  touser: string
  templateId: string
  /** The page the card opens, with its query (`pages/ticket/index?id=...`). */
  page: string
  data: Record<string, { value: string }>
  miniprogramState: 'developer' | 'trial' | 'formal'
  lang: 'zh_CN'
}

/** Sends one subscribe message; rejects when WeChat refuses it (43101 not subscribed, 47003 bad field, ...). */
export interface WechatMessages {
  sendSubscribe(message: SubscribeSend): Promise<void>
}

// --- guard (issue 10 item 6 leftover): the real size of a file in cloud storage ---

/**
 * The client declares a file's size when it registers an upload (upload.register); the server asks
 * cloud storage instead, before it counts quotas and accepts the file. (Declaration merging keeps
 * this block apart from the interface above.)
 */
export interface WechatStorage {
  /** The stored file's size in bytes, or null when storage holds no such file. */
  fileSize(fileId: string): Promise<number | null>
}
