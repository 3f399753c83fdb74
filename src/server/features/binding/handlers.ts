/**
 * Binding an account to a roster person (绑定身份, DOMAIN 3.12):
 * - WeChat: the phone-number button's code is exchanged through the WeChat port for the verified
 *   number, and the caller's OPENID is bound to the roster person with that number;
 * - H5 and local mode: a one-time code goes to the phone (the local adapter prints it on the
 *   console); phone and code bind a web account, whose session the answer carries;
 * - fallback: a one-time, expiring invitation issued by the village secretary or the office (never
 *   the household's own cadre), shown as a 小程序码 in WeChat and a QR code of the same page in H5.
 * Every binding records how it was made, is told to the household and, when made by invitation,
 * listed for the supervision group. Unbinding is the office hub's, logged and told to the household.
 * One rule: one account names one person; a person has at most the setting's number of accounts.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { bindingConflict, mayRequestPhoneCode, phoneCodeOpen, type BindingMethod } from '../../../core/binding'
import type { Binding, BindingEvent, Invitation, Person } from '../../../core/model'
import { mayInviteToBind } from '../../../core/roles'
import { MINUTE_MS } from '../../../core/time'
import type { BindingEventView } from '../../../contracts/views.binding'
import { zhCN } from '../../../i18n/zh-CN'
import { actorOf, type HandlerContext } from '../../context'
import { refuse, refuseAndRecord } from '../../errors'
import { policies } from '../../policies'
import type { Store } from '../../storage/port'
import { isUniqueViolation } from '../../storage/relational'
import { localWechatCodes } from '../../wechat/local'
import type { Handlers } from '../types'
import { chainRecord } from '../chain'
import { endSessionsOf } from '../sessions/store'
import { personRef } from '../views'
import { sendSubscribeNews } from '../subscribe'
import { miniProgramCode } from '../wechat-code'

/** The page an invitation opens (main package: the person has no session yet). */
export const BIND_PAGE = '/pages/bind/index'

/** Phone codes are kept a day (the hourly sending limit reads the last hour), then pruned. */
export const PHONE_CODE_KEEP_MS = 24 * 60 * MINUTE_MS

const wechat = (ctx: HandlerContext) => ctx.deps.wechat ?? localWechatCodes

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

interface Bound {
  personId: string
  name: string
  sessionToken: string | null
}

/**
 * Binds the caller's account to the person: in WeChat its OPENID, in H5 a new web account whose
 * session is answered. Checks one account <-> one person, records how, and tells the household.
 */
const bindCaller = async (ctx: HandlerContext, person: Person, method: BindingMethod, issuerId: string | null): Promise<Bound> => {
  const caller = ctx.caller
  const openid = caller?.kind === 'openid' ? caller.openid : null
  if (caller?.kind === 'openid' && !openid) return refuse('AUTH.REQUIRED')
  if (!openid && !ctx.deps.sessions) return refuse('AUTH.REQUIRED')
  const [accountBindings, personBindings] = await Promise.all([
    openid ? ctx.store.find('bindings', { openid }) : Promise.resolve([]),
    ctx.store.find('bindings', { personId: person.id }),
  ])
  const conflict = bindingConflict(person.id, accountBindings, personBindings, ctx.settings)
  if (conflict === 'accountTaken') return refuse('BINDING.ALREADY_BOUND')
  if (conflict === 'personFull') return refuse('BINDING.PERSON_BOUND')
  if (conflict === null) {
    const binding = {
      id: ctx.newId('binding'),
      openid: openid ?? `web:${randomBytes(12).toString('base64url')}`,
      personId: person.id,
      boundAt: ctx.now,
      method,
      issuerId,
    }
    try {
      await ctx.store.insert('bindings', binding)
    } catch (error) {
      // The unique index on openid: a concurrent bind of the same account committed first.
      if (isUniqueViolation(error)) return refuse('BINDING.ALREADY_BOUND')
      throw error
    }
    await chainRecord(ctx.store, 'binding', person.townshipId, binding.id, ctx.now)
    await ctx.store.insert('bindingEvents', {
      id: ctx.newId('bindingEvent'),
      townshipId: person.townshipId,
      personId: person.id,
      householdId: person.householdId,
      kind: 'bound',
      method,
      byId: issuerId,
      note: '',
      at: ctx.now,
    })
  }
  const sessionToken = openid ? null : await ctx.deps.sessions!.issue(person.id, { store: ctx.store, via: method })
  return { personId: person.id, name: person.name, sessionToken }
}

/** The one roster person a phone names (a phone shared by a family names nobody: the invitation is for that). */
const personByPhone = async (store: Store, phone: string): Promise<Person> => {
  const people = await store.find('people', { phone }, { limit: 3 })
  if (people.length === 0) return refuse('BINDING.PHONE_UNKNOWN')
  if (people.length > 1) return refuse('BINDING.PHONE_AMBIGUOUS')
  return people[0]
}

/** Events with their people's names, newest first: one read of the people named. */
const eventViews = async (store: Store, events: BindingEvent[]): Promise<BindingEventView[]> => {
  const ids = [...new Set(events.flatMap((e) => (e.byId ? [e.personId, e.byId] : [e.personId])))]
  const people = new Map((ids.length ? await store.getMany('people', ids) : []).map((p) => [p.id, p]))
  const ref = (id: string) => personRef(people.get(id) ?? { id, name: '', title: '' })
  return [...events]
    .sort((a, b) => b.at - a.at)
    .map((e) => ({ id: e.id, person: ref(e.personId), kind: e.kind, method: e.method, by: e.byId ? ref(e.byId) : null, note: e.note, at: e.at }))
}

/**
 * Tells the person their account was unbound: an in-app notice (read once they bind again) and,
 * through the subscribe-message port, a message to each WeChat account that was bound (openids
 * read before the bindings went; a web account has none), sent after the write commits.
 */
const tellUnbound = async (ctx: HandlerContext, person: Person, reason: string, removed: readonly Binding[]): Promise<void> => {
  await ctx.store.insert('notifications', {
    id: ctx.newId('nt'),
    townshipId: person.townshipId,
    personId: person.id,
    ticketId: '',
    action: 'unbound',
    status: '',
    at: ctx.now,
    read: false,
    note: reason,
  })
  const messenger = ctx.deps.messenger
  if (!messenger) return
  const openids = removed.map((b) => b.openid).filter((o) => !o.startsWith('web:'))
  const at = ctx.now
  const words = zhCN.unbound.words
  const w = zhCN.wechatNotify
  const send = async () => {
    for (const openid of openids) await messenger.send({ personId: person.id, openid, ticketId: '', status: 'unbound', words, at, event: null })
    // The WeChat subscribe message, when the deployment has an 'unbound' template and the person
    // subscribed to it when binding (sendSubscribeNews skips it otherwise).
    await sendSubscribeNews(
      ctx.deps,
      openids.map((openid) => ({ personId: person.id, openid, event: 'unbound' as const, page: BIND_PAGE.slice(1), values: { matter: w.unboundMatter, status: w.phrase.unbound, note: reason, person: '' }, at })),
    )
  }
  if (ctx.afterCommit) ctx.afterCommit(send)
  else await send()
}

export const bindingHandlers: Handlers<
  | 'binding.members'
  | 'binding.invite'
  | 'binding.accept'
  | 'binding.byPhone'
  | 'binding.sendCode'
  | 'binding.byCode'
  | 'binding.unbind'
  | 'binding.household'
  | 'binding.audit'
> = {
  'binding.members': async ({ householdId }, ctx) => {
    const household = await ctx.store.get('households', householdId)
    if (!household) return refuse('NOT_FOUND')
    if (!policies['binding:invite'](actorOf(ctx), household)) return refuse('AUTH.FORBIDDEN')
    // The members, each with whether an account is bound: one statement.
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

  'binding.invite': async ({ personId, wxacode, envVersion }, ctx) => {
    const actor = actorOf(ctx)
    const member = await ctx.store.get('people', personId)
    if (!member || !member.householdId) return refuse('NOT_FOUND')
    const household = await ctx.store.get('households', member.householdId)
    if (!household) return refuse('NOT_FOUND')
    if (!policies['binding:invite'](actor, household)) return refuse('AUTH.FORBIDDEN')
    // 32 characters: the whole token fits a mini-program code's scene.
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
    let imageBase64: string | null = null
    if (wxacode) imageBase64 = await miniProgramCode(ctx, { scene: token, page: BIND_PAGE.slice(1), envVersion })
    return { token, expiresAt: invitation.expiresAt, path: `${BIND_PAGE}?token=${token}`, personName: member.name, scene: token, imageBase64 }
  },

  'binding.accept': async ({ token }, ctx) => {
    const invitation = await ctx.store.get('invitations', token)
    if (!invitation) return refuse('BINDING.INVALID')
    if (invitation.usedAt !== null) return refuse('BINDING.USED')
    if (ctx.now > invitation.expiresAt) return refuse('BINDING.EXPIRED')
    const [member, household, issuer] = await Promise.all([
      ctx.store.get('people', invitation.personId),
      ctx.store.get('households', invitation.householdId),
      ctx.store.get('people', invitation.createdById),
    ])
    if (!member || !household || member.householdId !== invitation.householdId) return refuse('BINDING.INVALID')
    // The issuer must still be allowed to invite this household (not its cadre, still secretary or office).
    if (!issuer || issuer.townshipId !== household.townshipId || !mayInviteToBind(issuer, household)) return refuse('BINDING.INVALID')
    const bound = await bindCaller(ctx, member, 'invitation', issuer.id)
    await ctx.store.replace('invitations', { ...invitation, usedAt: ctx.now })
    return bound
  },

  'binding.byPhone': async ({ code }, ctx) => {
    if (ctx.caller?.kind !== 'openid' || !ctx.caller.openid) return refuse('AUTH.REQUIRED')
    let phone: string | null
    try {
      phone = await wechat(ctx).getPhoneNumber(code)
    } catch (error) {
      console.error('[minqing] phonenumber.getPhoneNumber failed:', error)
      return refuse('SERVER.UNAVAILABLE')
    }
    if (!phone) return refuse('BINDING.PHONE_REFUSED')
    return bindCaller(ctx, await personByPhone(ctx.store, phone), 'phone', null)
  },

  'binding.sendCode': async ({ phone }, ctx) => {
    const b = ctx.settings.binding
    // Codes older than a day serve nothing (the hourly limit looks back one hour): pruned on the
    // (at) index whenever a new one is written.
    await ctx.store.db.deleteFrom('phoneCodes').where('at', '<', ctx.now - PHONE_CODE_KEEP_MS).execute()
    const recent = await ctx.store.find('phoneCodes', { phone, at: { gt: ctx.now - 3_600_000 } })
    if (!mayRequestPhoneCode(recent.map((c) => c.at), ctx.now, ctx.settings)) return refuse('BINDING.CODE_LIMIT')
    const expiresAt = ctx.now + b.codeMinutes * MINUTE_MS
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    await ctx.store.insert('phoneCodes', { id: ctx.newId('phoneCode'), phone, codeHash: sha256(`${phone}:${code}`), at: ctx.now, expiresAt, attempts: 0, usedAt: null })
    // Sent only to a roster phone, but answered alike: the answer does not tell who is on the roster.
    const onRoster = (await ctx.store.count('people', { phone })) > 0
    if (onRoster) {
      const text = zhCN.binding.sms(code, b.codeMinutes)
      ctx.afterCommit?.(() => wechat(ctx).sendPhoneCode(phone, text))
    }
    return { expiresAt }
  },

  'binding.byCode': async ({ phone, code }, ctx) => {
    // The newest code sent to the phone is the one that counts.
    const [latest] = await ctx.store.find('phoneCodes', { phone }, { orderBy: { field: 'at', direction: 'desc' }, limit: 1 })
    if (!latest || phoneCodeOpen(latest, ctx.now, ctx.settings) !== null) return refuse('BINDING.CODE_EXPIRED')
    const given = Buffer.from(sha256(`${phone}:${code}`))
    if (!timingSafeEqual(given, Buffer.from(latest.codeHash))) {
      // The wrong try is counted even though the answer is a refusal: it is kept outside the write.
      // One atomic statement, so parallel wrong tries all count (never read, increased, written back).
      return refuseAndRecord('BINDING.CODE_WRONG', async (store) => {
        await store.db.updateTable('phoneCodes').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', latest.id).execute()
      })
    }
    // Used once, and only while the wrong tries counted so far leave it open: a right code racing
    // parallel wrong ones, or the same code twice, is refused by the statement itself.
    const used = await ctx.store.db
      .updateTable('phoneCodes')
      .set({ usedAt: ctx.now })
      .where('id', '=', latest.id)
      .where('usedAt', 'is', null)
      .where('attempts', '<', ctx.settings.binding.codeAttempts)
      .executeTakeFirst()
    if (Number(used.numUpdatedRows) !== 1) return refuse('BINDING.CODE_EXPIRED')
    return bindCaller(ctx, await personByPhone(ctx.store, phone), 'phone', null)
  },

  'binding.unbind': async ({ personId, reason }, ctx) => {
    const actor = actorOf(ctx)
    const person = await ctx.store.get('people', personId)
    if (!person) return refuse('NOT_FOUND')
    if (!policies['binding:manage'](actor, person)) return refuse('AUTH.FORBIDDEN')
    const bindings = await ctx.store.find('bindings', { personId })
    for (const b of bindings) await ctx.store.remove('bindings', b.id)
    // Unbinding ends the person's web sessions too (WeChat's binding is the session itself).
    await endSessionsOf(ctx.store, personId)
    if (bindings.length > 0) {
      await ctx.store.insert('bindingEvents', {
        id: ctx.newId('bindingEvent'),
        townshipId: person.townshipId,
        personId,
        householdId: person.householdId,
        kind: 'unbound',
        method: null,
        byId: actor.person.id,
        note: reason,
        at: ctx.now,
      })
      await tellUnbound(ctx, person, reason, bindings)
    }
    return { unbound: bindings.length }
  },

  'binding.household': async (_input, ctx) => {
    const { person } = actorOf(ctx)
    if (!person.householdId || !person.roles.includes('villager')) return []
    const events = await ctx.store.find('bindingEvents', { householdId: person.householdId }, { orderBy: { field: 'at', direction: 'desc' }, limit: 50 })
    return eventViews(ctx.store, events)
  },

  'binding.audit': async (_input, ctx) => {
    const actor = actorOf(ctx)
    const townshipId = actor.person.townshipId
    if (!policies['binding:audit'](actor, townshipId)) return refuse('AUTH.FORBIDDEN')
    const [invited, refusals] = await Promise.all([
      ctx.store.find('bindingEvents', { townshipId, method: 'invitation' }, { orderBy: { field: 'at', direction: 'desc' }, limit: 200 }),
      ctx.store.find('judgeRefusals', { townshipId }, { orderBy: { field: 'at', direction: 'desc' }, limit: 200 }),
    ])
    const ids = [...new Set(refusals.flatMap((r) => [r.personId, r.cadreId]))]
    const people = new Map((ids.length ? await ctx.store.getMany('people', ids) : []).map((p) => [p.id, p]))
    const ref = (id: string) => personRef(people.get(id) ?? { id, name: '', title: '' })
    return {
      invited: await eventViews(ctx.store, invited),
      refusals: refusals.map((r) => ({ id: r.id, person: ref(r.personId), cadre: ref(r.cadreId), action: r.action, reason: r.reason, at: r.at })),
    }
  },
}
