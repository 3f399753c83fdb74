/**
 * The self-hosted weapp's login: `POST /auth/wechat-login` with `{ code }` (from `wx.login`)
 * exchanges the code through code2Session (the WeChat port) for the caller's openid and answers a
 * signed session token for that openid. A later `/api` call with `Authorization: Bearer <token>` is
 * then the openid's call, exactly as in WeChat cloud (bindings, AUTH.NOT_BOUND and all).
 * One rule: the openid comes only from WeChat's answer to a code; the client never names it.
 * Tokens are signed with a key of their own (derived from the server's secret), so a development
 * login token can never pass as a WeChat one, nor the other way round.
 */
import { createHmac } from 'node:crypto'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { SessionTokens } from '../context'
import { errorAnswer, type Answer } from '../dispatch'
import type { Caller } from '../identity'
import { localSessions } from './signed-tokens'
import { WechatLoginRefused, type WechatLogin } from '../wechat/port'

export interface WechatLoginOptions {
  /** code2Session: the HTTPS adapter in production, the local one in tests. */
  wechat: WechatLogin
  /** Openid session tokens (wechatTokens). */
  tokens: SessionTokens
}

/** Session tokens whose subject is a WeChat openid, signed with a key derived from `secret`. */
export const wechatTokens = (secret: Uint8Array, clock: () => number): SessionTokens =>
  localSessions(new Uint8Array(createHmac('sha256', secret).update('minqing/wechat-openid-session/v1').digest()), clock)

/** `wx.login` codes are short opaque strings; anything else is refused before WeChat is asked. */
const CODE = /^[A-Za-z0-9_:-]{6,128}$/

const send = (reply: FastifyReply, answer: Answer) => reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body)

/**
 * Who a Bearer token names: an openid when it is a valid WeChat session token, otherwise the token
 * as it came (the development login's, local mode only; the dispatcher refuses it elsewhere).
 */
export const callerOfToken = async (token: string | null, login: WechatLoginOptions | undefined): Promise<Caller> => {
  if (token && login) {
    const openid = await login.tokens.verify(token)
    if (openid) return { kind: 'openid', openid }
  }
  return { kind: 'token', token }
}

export const registerWechatLogin = (app: FastifyInstance, { wechat, tokens }: WechatLoginOptions): void => {
  app.post('/auth/wechat-login', async (request, reply) => {
    const body = request.body as { code?: unknown } | null
    const code = body && typeof body === 'object' ? body.code : undefined
    if (typeof code !== 'string' || !CODE.test(code)) return send(reply, errorAnswer('VALIDATION.FAILED', [{ path: 'code', message: '缺少微信登录凭证' }]))
    let openid: string
    try {
      openid = (await wechat.code2Session(code)).openid
    } catch (error) {
      if (error instanceof WechatLoginRefused) return send(reply, errorAnswer('AUTH.WECHAT_LOGIN_FAILED'))
      request.log.error({ err: error instanceof Error ? error.message : String(error) }, 'code2Session failed')
      return send(reply, errorAnswer('SERVER.UNAVAILABLE'))
    }
    return send(reply, { status: 200, body: { ok: true, data: { token: await tokens.issue(openid) } } })
  })
}
