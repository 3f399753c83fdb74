/**
 * The WeChat adapter of the self-hosted server: code2Session over HTTPS to WeChat's API
 * (`GET https://api.weixin.qq.com/sns/jscode2session`) and the open APIs (below), with the mini-program's AppID and secret
 * from the server's environment (MINQING_WECHAT_APPID, MINQING_WECHAT_SECRET).
 * One rule: the secret never leaves this process except to WeChat, and never appears in a log.
 */
import { cloudWechatCodes, cloudWechatMessages, type WxCloudOpenapi } from './cloud'
import { cloudContentSecurity, localContentSecurity, type ContentSecurity, type WxCloudSecurity } from './content'
import { WechatLoginRefused, type WechatCodes, type WechatLogin, type WechatMessages } from './port'

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
  // selfhost: a stand-in of WeChat's API (tests, a proxy the 政务云 requires); WeChat's own by default.
  const base = env.MINQING_WECHAT_API_BASE?.trim()
  return appId && secret ? { appId, secret, ...(base ? { base } : {}) } : null
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

// --- selfhost (issue 11): WeChat's open APIs over HTTPS for the self-hosted server ---

/**
 * The cloud function reaches WeChat's open APIs through wx-server-sdk (`cloud.openapi`, no token);
 * a self-hosted server calls api.weixin.qq.com itself with an access_token made from the AppID and
 * secret. `httpsOpenapi` speaks WeChat's HTTPS API (snake_case fields) and answers in the shape of
 * the SDK's `openapi` slice (camelCase, errCode), so the cloud adapters (cloud.ts, content.ts) are
 * reused as they are: one translation, not a second copy of every rule.
 * - access_token: `GET /cgi-bin/token`, cached until five minutes before its expiry, one fetch at a
 *   time; a call answered 40001/40014/42001 (token invalid or expired) fetches a new one and is
 *   retried once.
 * - The secret and the token go only into the request URL to WeChat; every error message is
 *   scrubbed of both, and no URL is ever put in an error.
 */

/** errcodes that mean "this access_token is no good": fetch a new one and retry once. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001])
/** A token is renewed this long before WeChat says it expires. */
const TOKEN_MARGIN_MS = 5 * 60_000

interface WechatError {
  errcode?: number
  errmsg?: string
}

export interface HttpsOpenapiOptions extends WechatApp {
  clock?: () => number
}

export interface HttpsOpenapi {
  openapi: WxCloudOpenapi['openapi'] & WxCloudSecurity['openapi']
  /** A valid access_token (cached); exported for the doctor's check of the AppID and secret. */
  accessToken(): Promise<string>
}

export const httpsOpenapi = ({ appId, secret, base = 'https://api.weixin.qq.com', timeoutMs = 8000, clock = Date.now }: HttpsOpenapiOptions): HttpsOpenapi => {
  let cached: { token: string; until: number } | null = null
  let fetching: Promise<string> | null = null

  const scrub = (text: string): string => {
    let out = text.split(secret).join('***')
    if (cached) out = out.split(cached.token).join('***')
    return out
  }
  const failure = (api: string, detail: string) => new Error(scrub(`${api} failed: ${detail}`))

  /** One HTTP exchange with WeChat; a network failure names the API, never the URL. */
  const exchange = async (api: string, url: URL, init: RequestInit): Promise<Response> => {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name
      throw failure(api, `WeChat not reachable (${cause})`)
    }
  }

  const fetchToken = async (): Promise<string> => {
    const url = new URL('/cgi-bin/token', base)
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret }).toString()
    const response = await exchange('cgi-bin/token', url, {})
    if (!response.ok) throw failure('cgi-bin/token', `HTTP ${response.status}`)
    const answer = (await response.json()) as WechatError & { access_token?: string; expires_in?: number }
    if (answer.errcode || typeof answer.access_token !== 'string' || !answer.access_token) {
      throw failure('cgi-bin/token', `${answer.errcode ?? '?'} ${answer.errmsg ?? 'no access_token'}`)
    }
    const seconds = typeof answer.expires_in === 'number' && answer.expires_in > 0 ? answer.expires_in : 7200
    cached = { token: answer.access_token, until: clock() + seconds * 1000 - TOKEN_MARGIN_MS }
    return answer.access_token
  }

  const accessToken = (): Promise<string> => {
    if (cached && cached.until > clock()) return Promise.resolve(cached.token)
    fetching ??= fetchToken().finally(() => {
      fetching = null
    })
    return fetching
  }

  /**
   * POSTs JSON to an API with the token; answers the raw response (an image, or JSON). A JSON answer
   * with a token errcode renews the token and sends the request once more.
   */
  const post = async (api: string, path: string, body: unknown): Promise<{ json: WechatError & Record<string, unknown>; bytes: Uint8Array | null }> => {
    for (let attempt = 0; ; attempt++) {
      const token = await accessToken()
      const url = new URL(path, base)
      url.search = new URLSearchParams({ access_token: token }).toString()
      const response = await exchange(api, url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      if (!response.ok) throw failure(api, `HTTP ${response.status}`)
      const type = response.headers.get('content-type') ?? ''
      if (!/json|text\/plain/i.test(type)) return { json: {}, bytes: new Uint8Array(await response.arrayBuffer()) }
      const text = await response.text()
      let json: WechatError & Record<string, unknown>
      try {
        json = JSON.parse(text) as WechatError & Record<string, unknown>
      } catch {
        throw failure(api, 'answer is not JSON')
      }
      if (json.errcode !== undefined && TOKEN_ERRORS.has(json.errcode) && attempt === 0) {
        if (cached?.token === token) cached = null
        continue
      }
      return { json, bytes: null }
    }
  }

  const errFields = (json: WechatError) => ({ errCode: json.errcode ?? 0, errMsg: scrub(json.errmsg ?? '') })

  return {
    accessToken,
    openapi: {
      wxacode: {
        async getUnlimited({ scene, page, width, checkPath, envVersion }) {
          const { json, bytes } = await post('wxacode.getUnlimited', '/wxa/getwxacodeunlimit', {
            scene,
            page,
            width,
            check_path: checkPath ?? false,
            ...(envVersion ? { env_version: envVersion } : {}),
          })
          return bytes ? { buffer: bytes } : { ...errFields(json), errCode: json.errcode ?? -1 }
        },
      },
      subscribeMessage: {
        async send({ touser, templateId, page, data, miniprogramState, lang }) {
          const { json } = await post('subscribeMessage.send', '/cgi-bin/message/subscribe/send', {
            touser,
            template_id: templateId,
            page,
            data,
            miniprogram_state: miniprogramState,
            lang,
          })
          return errFields(json)
        },
      },
      phonenumber: {
        async getPhoneNumber({ code }) {
          const { json } = await post('phonenumber.getPhoneNumber', '/wxa/business/getuserphonenumber', { code })
          const info = json.phone_info as { phoneNumber?: string; purePhoneNumber?: string; countryCode?: string } | undefined
          return { ...errFields(json), ...(info ? { phoneInfo: info } : {}) }
        },
      },
      security: {
        async msgSecCheck({ content, version, scene, openid }) {
          const { json } = await post('security.msgSecCheck', '/wxa/msg_sec_check', { content, version, scene, openid })
          const result = json.result as { suggest?: string; label?: number } | undefined
          return { ...errFields(json), ...(result ? { result } : {}) }
        },
        async mediaCheckAsync({ mediaUrl, mediaType, version, scene, openid }) {
          const { json } = await post('security.mediaCheckAsync', '/wxa/media_check_async', { media_url: mediaUrl, media_type: mediaType, version, scene, openid })
          return { ...errFields(json), ...(typeof json.trace_id === 'string' ? { traceId: json.trace_id } : {}) }
        },
      },
    },
  }
}

/** The self-hosted server's WeChat services: the cloud adapters over the HTTPS translation. */
export interface HostedWechat {
  codes: WechatCodes
  messages: WechatMessages
  contentSecurity: ContentSecurity
  openapi: HttpsOpenapi
}

/**
 * `sendPhoneCode` has no WeChat API (WeChat verifies phones itself through getPhoneNumber): the
 * caller hands in what sends a code on this server (today the local adapter's console line).
 */
export const httpsWechat = (app: HttpsOpenapiOptions, sendPhoneCode: WechatCodes['sendPhoneCode']): HostedWechat => {
  const openapi = httpsOpenapi(app)
  return {
    codes: { ...cloudWechatCodes(openapi), sendPhoneCode },
    messages: cloudWechatMessages(openapi),
    contentSecurity: withLocalFallback(cloudContentSecurity(openapi)),
    openapi,
  }
}

/**
 * A self-hosted server may lose WeChat (network, IP白名单): a comment or an opened report must not
 * fail for it. A check WeChat could not make is logged (scrubbed) and answered by the local word
 * list, at least as `review`, so the office reads it.
 */
const withLocalFallback = (wechat: ContentSecurity): ContentSecurity => ({
  async checkText(request) {
    try {
      return await wechat.checkText(request)
    } catch (error) {
      console.warn('[minqing] content check by WeChat failed, the local word list decides:', error instanceof Error ? error.message : error)
      const local = await localContentSecurity.checkText(request)
      return local.verdict === 'pass' ? { verdict: 'review', label: null } : local
    }
  },
  async checkImage(request) {
    try {
      return await wechat.checkImage(request)
    } catch (error) {
      console.warn('[minqing] image check by WeChat failed, left to the office:', error instanceof Error ? error.message : error)
      return { traceId: null, verdict: 'review' }
    }
  },
})
