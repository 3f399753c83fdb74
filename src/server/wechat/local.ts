/**
 * The local stand-in for WeChat: a plain QR code (the `qrcode` package) of the page and scene for a
 * mini-program code, and the server's console for a phone code (as an SMS would carry it), so the
 * local demo and tests exercise the same paths without WeChat's servers.
 * One rule: never contacts any network.
 */
import QRCode from 'qrcode'
import { WechatLoginRefused, type WechatCodes, type WechatLogin } from './port'

export const localWechatCodes: WechatCodes = {
  async unlimitedCode({ scene, page, width }) {
    const buffer = await QRCode.toBuffer(`${page}?scene=${encodeURIComponent(scene)}`, { type: 'png', width, margin: 1 })
    return new Uint8Array(buffer)
  },
  // Outside WeChat no phone number is verified by WeChat: the H5 path sends a code instead.
  async getPhoneNumber() {
    return null
  },
  async sendPhoneCode(phone, text) {
    console.log(`[minqing] SMS to ${phone}: ${text}`)
  },
}

// --- Self-hosted weapp login: the local stand-in for code2Session (tests, local demo) ---

/**
 * code2Session without WeChat: a code `local:<openid>` names the openid it stands for; any other
 * code is refused like a used or forged one (errcode 40029). Each call is recorded (`calls`), so a
 * test sees what went out. Never contacts any network.
 */
export const localWechatLogin = (): WechatLogin & { calls: string[] } => {
  const calls: string[] = []
  return {
    calls,
    async code2Session(code) {
      calls.push(code)
      const match = /^local:([A-Za-z0-9_-]{6,64})$/.exec(code)
      if (!match?.[1]) throw new WechatLoginRefused(40029, 'invalid code')
      return { openid: match[1] }
    },
  }
}
