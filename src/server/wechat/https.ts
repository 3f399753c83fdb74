/**
 * The WeChat adapter of the self-hosted server: code2Session over HTTPS to WeChat's API
 * (`GET https://api.weixin.qq.com/sns/jscode2session`), with the mini-program's AppID and secret
 * from the server's environment (MINQING_WECHAT_APPID, MINQING_WECHAT_SECRET).
 * One rule: the secret never leaves this process except to WeChat, and never appears in a log.
 */
import { WechatLoginRefused, type WechatLogin } from './port'

export interface WechatApp {
  appId: string
  secret: string
  /** WeChat's API origin; a test points it at a local stand-in. */
  base?: string
  /** How long to wait for WeChat before the login fails as unavailable. */
  timeoutMs?: number
}

/** The AppID and secret from the environment, or null when either is missing. */
export const wechatAppFromEnv = (env: NodeJS.ProcessEnv = process.env): WechatApp | null => {
  const appId = env.MINQING_WECHAT_APPID?.trim()
  const secret = env.MINQING_WECHAT_SECRET?.trim()
  return appId && secret ? { appId, secret } : null
}

interface Code2SessionAnswer {
  openid?: string
  unionid?: string
  session_key?: string
  errcode?: number
  errmsg?: string
}

export const httpsWechatLogin = ({ appId, secret, base = 'https://api.weixin.qq.com', timeoutMs = 8000 }: WechatApp): WechatLogin => ({
  async code2Session(code) {
    const url = new URL('/sns/jscode2session', base)
    url.search = new URLSearchParams({ appid: appId, secret, js_code: code, grant_type: 'authorization_code' }).toString()
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })
    if (!response.ok) throw new Error(`code2Session: HTTP ${response.status}`)
    const answer = (await response.json()) as Code2SessionAnswer
    if (answer.errcode) throw new WechatLoginRefused(answer.errcode, answer.errmsg ?? '')
    if (typeof answer.openid !== 'string' || answer.openid === '') throw new Error('code2Session: no openid in the answer')
    // The session_key is not kept: nothing here decrypts WeChat data with it.
    return { openid: answer.openid, ...(answer.unionid ? { unionid: answer.unionid } : {}) }
  },
})
