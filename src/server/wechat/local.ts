/**
 * The local stand-in for WeChat: a plain QR code (the `qrcode` package) of the page and scene for a
 * mini-program code, and the server's console for a phone code (as an SMS would carry it), so the
 * local demo and tests exercise the same paths without WeChat's servers.
 * One rule: never contacts any network.
 */
import QRCode from 'qrcode'
import type { WechatCodes } from './port'

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
