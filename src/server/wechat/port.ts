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
