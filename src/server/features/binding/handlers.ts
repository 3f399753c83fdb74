/**
 * Binding a WeChat account to a household member (绑定): the household's cadre shows a one-time,
 * expiring invitation QR code at the door; the villager scans it and is bound. In WeChat the
 * runtime's OPENID is bound; in the local H5 demo (no OPENID) accepting answers a session instead.
 * One rule: an invitation works once, before it expires, and only for the member it was made for.
 */
import { randomBytes } from 'node:crypto'
import type { Invitation } from '../../../core/model'
import { MINUTE_MS } from '../../../core/time'
import { actorOf } from '../../context'
import { refuse } from '../../errors'
import { policies } from '../../policies'
import type { Handlers } from '../types'
import { chainRecord } from '../chain'

/** The page the QR code opens (main package: the villager has no session yet). */
export const BIND_PAGE = '/pages/bind/index'

export const bindingHandlers: Handlers<'binding.members' | 'binding.invite' | 'binding.accept'> = {
  'binding.members': async ({ householdId }, ctx) => {
    const household = await ctx.store.get('households', householdId)
    if (!household) return refuse('NOT_FOUND')
    if (!policies['binding:invite'](actorOf(ctx), household)) return refuse('AUTH.FORBIDDEN')
    // The members, each with whether a WeChat account is bound: one statement.
    const rows: Record<string, unknown>[] = await ctx.store.db
      .selectFrom('people as p')
      .select((eb) => [
        'p.id as id',
        'p.name as name',
        'p.hasPhone as hasPhone',
        eb.exists(eb.selectFrom('bindings as b').select('b.id').whereRef('b.personId', '=', 'p.id')).as('bound'),
      ])
      .where('p.householdId', '=', householdId)
      .orderBy('p.name')
      .orderBy('p.id')
      .execute()
    const yes = (v: unknown) => v === 1 || v === true || v === '1'
    return {
      householdNumber: household.number,
      headName: household.headName,
      members: rows.map((m) => ({ id: String(m.id), name: String(m.name), hasPhone: yes(m.hasPhone), bound: yes(m.bound) })),
    }
  },

  'binding.invite': async ({ personId }, ctx) => {
    const actor = actorOf(ctx)
    const member = await ctx.store.get('people', personId)
    if (!member || !member.householdId) return refuse('NOT_FOUND')
    const household = await ctx.store.get('households', member.householdId)
    if (!household) return refuse('NOT_FOUND')
    if (!policies['binding:invite'](actor, household)) return refuse('AUTH.FORBIDDEN')
    const token = randomBytes(24).toString('base64url')
    const invitation: Invitation = {
      id: token,
      townshipId: household.townshipId,
      personId,
      householdId: household.id,
      createdById: actor.person.id,
      createdAt: ctx.now,
      expiresAt: ctx.now + ctx.settings.office.invitationMinutes * MINUTE_MS,
      usedAt: null,
    }
    await ctx.store.insert('invitations', invitation)
    return { token, expiresAt: invitation.expiresAt, path: `${BIND_PAGE}?token=${token}`, personName: member.name }
  },

  'binding.accept': async ({ token }, ctx) => {
    const invitation = await ctx.store.get('invitations', token)
    if (!invitation) return refuse('BINDING.INVALID')
    if (invitation.usedAt !== null) return refuse('BINDING.USED')
    if (ctx.now > invitation.expiresAt) return refuse('BINDING.EXPIRED')
    const member = await ctx.store.get('people', invitation.personId)
    if (!member || member.householdId !== invitation.householdId) return refuse('BINDING.INVALID')
    let sessionToken: string | null = null
    const caller = ctx.caller
    if (caller?.kind === 'openid' && caller.openid) {
      const [existing] = await ctx.store.find('bindings', { openid: caller.openid }, { limit: 1 })
      if (existing && existing.personId !== member.id) return refuse('BINDING.ALREADY_BOUND')
      if (!existing) {
        const binding = { id: ctx.newId('binding'), openid: caller.openid, personId: member.id, boundAt: ctx.now }
        await ctx.store.insert('bindings', binding)
        await chainRecord(ctx.store, 'binding', member.townshipId, binding.id, ctx.now)
      }
    } else if (ctx.deps.sessions) {
      sessionToken = await ctx.deps.sessions.issue(member.id, { store: ctx.store, via: 'invite' })
    } else {
      return refuse('AUTH.REQUIRED')
    }
    await ctx.store.replace('invitations', { ...invitation, usedAt: ctx.now })
    return { personId: member.id, name: member.name, sessionToken }
  },
}
