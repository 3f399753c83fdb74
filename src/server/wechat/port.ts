/**
 * The WeChat services the backend needs, behind one small interface: today, the unlimited
 * mini-program code (小程序码) that opens the visit sign-off page. One rule: handlers call this
 * interface only; the cloud adapter (wx-server-sdk) is wired in the cloud entry and never in tests.
 */
export interface WechatCodes {
  /** A PNG mini-program code opening `page` with `scene` (at most 32 visible characters). */
  unlimitedCode(request: { scene: string; page: string; width: number }): Promise<Uint8Array>
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
