/**
 * The local stand-in for WeChat: a plain QR code (the `qrcode` package) of the page and scene for a
 * mini-program code, the server's console for a phone code (as an SMS would carry it), and a list of
 * subscribe messages, so the local demo and tests exercise the same paths without WeChat's servers.
 * `recordingWechat()` records every call in WeChat's own field names (a test checks what went out).
 * One rule: never contacts any network.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import QRCode from 'qrcode'
import { WechatLoginRefused, type EnvVersion, type SubscribeSend, type WechatCodes, type WechatLogin, type WechatMessages, type WechatStorage } from './port'

/** One call as WeChat's HTTPS API would receive it (snake_case fields). */
export type WechatCall =
  | { api: 'wxacode.getUnlimited'; scene: string; page: string; width: number; env_version: EnvVersion; check_path: false }
  | { api: 'subscribeMessage.send'; touser: string; template_id: string; page: string; data: Record<string, { value: string }>; miniprogram_state: SubscribeSend['miniprogramState']; lang: 'zh_CN' }

export interface RecordingWechat extends WechatCodes, WechatMessages {
  calls: WechatCall[]
  /** Makes the next subscribe sends fail as WeChat does for a person who did not subscribe (43101). */
  refuseSubscribe: boolean
}

/** The local adapter with a record of its calls (tests, the local demo). */
export const recordingWechat = (): RecordingWechat => {
  const calls: WechatCall[] = []
  // A long-running local server keeps only the latest calls.
  const record = (call: WechatCall) => {
    calls.push(call)
    if (calls.length > 500) calls.splice(0, calls.length - 500)
  }
  const wechat: RecordingWechat = {
    calls,
    refuseSubscribe: false,
    async unlimitedCode({ scene, page, width, envVersion }) {
      // WeChat's default env_version is release.
      record({ api: 'wxacode.getUnlimited', scene, page, width, env_version: envVersion ?? 'release', check_path: false })
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
    async sendSubscribe(m) {
      record({ api: 'subscribeMessage.send', touser: m.touser, template_id: m.templateId, page: m.page, data: m.data, miniprogram_state: m.miniprogramState, lang: m.lang })
      if (wechat.refuseSubscribe) throw new Error('subscribeMessage.send failed: 43101 user refuse to accept the msg')
    },
  }
  return wechat
}

/** The process's shared local adapter (servers without WeChat). */
export const localWechatCodes: RecordingWechat = recordingWechat()

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

// --- Cloud storage without WeChat: files in a folder (tests, local demo of the cloud entry) ---

export type StorageCall =
  | { op: 'downloadFile'; fileId: string }
  | { op: 'uploadFile'; cloudPath: string; bytes: number }
  | { op: 'tempUrl'; fileId: string; maxAgeSeconds: number }
  | { op: 'fileSize'; fileId: string }

/** The file ids of the local storage: `cloud://local-env.minqing/<cloudPath>`. */
export const LOCAL_STORAGE_PREFIX = 'cloud://local-env.minqing/'

/**
 * Cloud storage served from a folder: a file id names a path under `dir`; a temporary URL is a
 * `https://local-env.tcb.qcloud.la/<path>?sign=...` string (nothing serves it). Every call is
 * recorded (`calls`), so a test sees what went out. Never contacts any network.
 */
export const localWechatStorage = (dir: string): WechatStorage & { calls: StorageCall[] } => {
  const calls: StorageCall[] = []
  const fileOf = (fileId: string): string => {
    if (!fileId.startsWith(LOCAL_STORAGE_PREFIX)) throw new Error(`not a file of this storage: ${fileId}`)
    const rel = fileId.slice(LOCAL_STORAGE_PREFIX.length)
    const full = path.resolve(dir, rel)
    if (!full.startsWith(path.resolve(dir) + path.sep)) throw new Error(`outside the storage: ${fileId}`)
    return full
  }
  return {
    calls,
    async downloadFile(fileId) {
      calls.push({ op: 'downloadFile', fileId })
      return new Uint8Array(await fs.promises.readFile(fileOf(fileId)))
    },
    async uploadFile(cloudPath, bytes) {
      calls.push({ op: 'uploadFile', cloudPath, bytes: bytes.length })
      const fileId = `${LOCAL_STORAGE_PREFIX}${cloudPath}`
      const file = fileOf(fileId)
      await fs.promises.mkdir(path.dirname(file), { recursive: true })
      await fs.promises.writeFile(file, bytes)
      return fileId
    },
    async tempUrl(fileId, maxAgeSeconds) {
      calls.push({ op: 'tempUrl', fileId, maxAgeSeconds })
      await fs.promises.access(fileOf(fileId))
      return `https://local-env.tcb.qcloud.la/${fileId.slice(LOCAL_STORAGE_PREFIX.length)}?sign=${randomUUID().replace(/-/g, '')}&t=${maxAgeSeconds}`
    },
    // guard: the size as the folder has it (what cloud storage would answer), null for no such file.
    async fileSize(fileId) {
      calls.push({ op: 'fileSize', fileId })
      let file: string
      try {
        file = fileOf(fileId)
      } catch {
        return null // not a file of this storage: it holds no such file
      }
      try {
        const stat = await fs.promises.stat(file)
        return stat.isFile() ? stat.size : null
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
  }
}
