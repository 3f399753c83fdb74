/**
 * The WeChat services the backend needs, behind one small interface: today, the unlimited
 * mini-program code (小程序码) that opens the visit sign-off page. One rule: handlers call this
 * interface only; the cloud adapter (wx-server-sdk) is wired in the cloud entry and never in tests.
 */
export interface WechatCodes {
  /** A PNG mini-program code opening `page` with `scene` (at most 32 visible characters). */
  unlimitedCode(request: { scene: string; page: string; width: number }): Promise<Uint8Array>
}
