/**
 * Sessions off the demo (issue 10 item 5): the web console's QR login (the browser asks for a code,
 * a bound staff member confirms it on the phone, the browser collects its session once) and logout.
 * One rule: the session goes only to the browser holding the poll token, and only once.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { mayUseWebConsole } from '../../../core/console'
import { MINUTE_MS } from '../../../core/time'
import type { Person } from '../../../core/model'
import { actorOf, type HandlerContext } from '../../context'
import { refuse } from '../../errors'
import { loadActor } from '../../identity'
import { meView } from '../auth/handlers'
import { sha256 } from '../chain'
import type { Handlers } from '../types'
import { summarizeUserAgent } from '../../../core/userAgent'
import { endSession, pruneLoginRecords, type LoginRequest } from './store'

const pollHashOf = (pollToken: string) => sha256(`login-poll\n${pollToken}`)

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

/** A login request a staff member may still act on: one who may use the web console, a known code, unused, in time. */
const openLoginRequest = async (ctx: HandlerContext, person: Person, code: string): Promise<LoginRequest> => {
  if (!mayUseWebConsole(person)) return refuse('AUTH.FORBIDDEN')
  const request = await ctx.store.get('loginRequests', code)
  if (!request) return refuse('LOGIN.CODE_INVALID')
  if (request.confirmedById !== null) return refuse('LOGIN.CODE_USED')
  if (ctx.now > request.expiresAt) return refuse('LOGIN.CODE_EXPIRED')
  return request
}

export const sessionHandlers: Handlers<'auth.mode' | 'auth.logout' | 'login.qrStart' | 'login.qrPoll' | 'login.qrConfirm' | 'login.qrDetails'> = {
  'auth.mode': async (_input, ctx) => ({ demo: ctx.deps.demo === true }),

  'auth.logout': async (_input, ctx) => {
    if (ctx.caller?.kind === 'token' && ctx.caller.token) await endSession(ctx.store, ctx.caller.token)
    return { ended: true as const }
  },

  'login.qrStart': async (_input, ctx) => {
    const code = randomBytes(12).toString('base64url')
    const pollToken = randomBytes(24).toString('base64url')
    const expiresAt = ctx.now + ctx.settings.sessions.loginQrMinutes * MINUTE_MS
    // Written rarely (a browser opening the console): the moment to prune old requests and idle sessions.
    await pruneLoginRecords(ctx.store, ctx.now, ctx.settings)
    const client = ctx.caller?.client
    await ctx.store.insert('loginRequests', {
      id: code,
      pollHash: pollHashOf(pollToken),
      createdAt: ctx.now,
      expiresAt,
      confirmedById: null,
      confirmedAt: null,
      collectedAt: null,
      userAgent: client?.userAgent.slice(0, 400) ?? '',
      address: client?.address.slice(0, 64) ?? '',
    })
    return { code, pollToken, expiresAt, qrText: `minqing:login:${code}` }
  },

  'login.qrConfirm': async ({ code }, ctx) => {
    const actor = actorOf(ctx)
    const request = await openLoginRequest(ctx, actor.person, code)
    await ctx.store.replace('loginRequests', { ...request, confirmedById: actor.person.id, confirmedAt: ctx.now })
    return { confirmed: true as const }
  },

  'login.qrDetails': async ({ code }, ctx) => {
    const request = await openLoginRequest(ctx, actorOf(ctx).person, code)
    const { browser, os } = summarizeUserAgent(request.userAgent)
    return { browser, os, address: request.address ?? '', askedAt: request.createdAt, expiresAt: request.expiresAt }
  },

  'login.qrPoll': async ({ code, pollToken }, ctx) => {
    const sessions = ctx.deps.sessions
    if (!sessions) return refuse('ACTION.UNKNOWN')
    return ctx.store.transaction(async (tx) => {
      const request = await tx.get('loginRequests', code)
      if (!request || !sameHash(request.pollHash, pollHashOf(pollToken))) return refuse('LOGIN.CODE_INVALID')
      if (request.collectedAt !== null) return refuse('LOGIN.CODE_USED')
      if (request.confirmedById === null) return { status: ctx.now > request.expiresAt ? ('expired' as const) : ('waiting' as const) }
      const actor = await loadActor(tx, request.confirmedById)
      if (!actor || !mayUseWebConsole(actor.person)) return refuse('LOGIN.CODE_INVALID')
      const token = await sessions.issue(actor.person.id, { store: tx, via: 'qr' })
      await tx.replace('loginRequests', { ...request, collectedAt: ctx.now })
      return { status: 'confirmed' as const, token, me: await meView(tx, actor) }
    })
  },
}
