/**
 * The local stand-in for WeChat's mini-program code: a plain QR code (the `qrcode` package) of the
 * page and scene, so the local demo and tests exercise the same path without WeChat's servers.
 * One rule: never contacts any network.
 */
import QRCode from 'qrcode'
import type { WechatCodes } from './port'

export const localWechatCodes: WechatCodes = {
  async unlimitedCode({ scene, page, width }) {
    const buffer = await QRCode.toBuffer(`${page}?scene=${encodeURIComponent(scene)}`, { type: 'png', width, margin: 1 })
    return new Uint8Array(buffer)
  },
}
