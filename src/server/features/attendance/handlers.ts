/**
 * Attendance actions: 签到 (location + live photo, judged by core evaluateSignIn and stored valid or
 * not), the one-time photo consent, 请销假, the 543 week of a cadre and of a team, and the village-day
 * allowance ledger. One rule: every figure comes from the core's rules over the cadres' day facts
 * (features/facts), which a sign-in and a leave decision refresh in their own transaction; only
 * signed visits and valid sign-ins count.
 */
import { ledgerOfDays } from '../../../core/allowance'
import { leaveDates, validateLeaveRange, week543 } from '../../../core/attendance'
import type { Leave, Person, SignIn, WorkTeam } from '../../../core/model'
import { notInPast } from '../../../core/dates'
import { evaluateSignIn, previewSignIn, slotsOfDay, toSignIn } from '../../../core/signin'
import { addDays, daysOfIsoWeek, isLocalDate, isoWeekKey, localDate, monthKey, parsePeriodKey, parseWeekKey, periodRange, startOfLocalDay } from '../../../core/time'
import type { LeaveView, SignInView, Week543View } from '../../../contracts/views-verdict'
import { actorOf, type Actor, type HandlerContext } from '../../context'
import { refuse } from '../../errors'
import { isSupervisor, isTownshipStaff, verdictPolicies } from '../../policies'
import { lockCadreDays, readCadreFacts, refreshCadreDays } from '../facts'
import type { Handlers } from '../types'
import { storeImage, TEMP_URL_SECONDS } from '../uploads'
import { personRef } from '../views'
import { chainRecord } from '../chain'
import { zhCN } from '../../../i18n/zh-CN'

const isCadre = (p: Person) => p.roles.includes('cadre')

const signInView = (s: SignIn, placeName: Map<string, string>): SignInView => ({
  id: s.id,
  at: s.at,
  placeName: s.placeId ? (placeName.get(s.placeId) ?? null) : null,
  slot: s.slot,
  valid: s.valid,
  invalidReason: s.invalidReason,
  distanceM: s.distanceM === undefined || s.distanceM === null ? null : Math.round(s.distanceM),
})

const townshipTeams = (ctx: HandlerContext, townshipId: string) => ctx.store.find('teams', { townshipId })

/** The cadre whose attendance is asked for, after the policy check. */
const attendanceSubject = async (ctx: HandlerContext, actor: Actor, cadreId: string | undefined): Promise<{ cadre: Person; teams: WorkTeam[] }> => {
  const cadre = cadreId && cadreId !== actor.person.id ? await ctx.store.get('people', cadreId) : actor.person
  if (!cadre || !isCadre(cadre)) return refuse(cadreId ? 'NOT_FOUND' : 'AUTH.FORBIDDEN')
  const teams = await townshipTeams(ctx, cadre.townshipId)
  if (!verdictPolicies['attendance:read'](actor, cadre, teams)) return refuse('AUTH.FORBIDDEN')
  return { cadre, teams }
}

const SHORT_ORDER = ['workDays', 'nights', 'villageDays'] as const

/** 543 weeks of several cadres from their day facts (one indexed query). */
const weeksOf = async (ctx: HandlerContext, cadres: Person[], weekKey: string): Promise<Week543View[]> => {
  if (cadres.length === 0) return []
  const week = daysOfIsoWeek(weekKey)
  const facts = await readCadreFacts(
    ctx.store,
    cadres.map((c) => c.id),
    week[0],
    week[6],
  )
  return cadres.map((cadre) => {
    const w = week543(
      weekKey,
      facts.filter((d) => d.cadreId === cadre.id),
      ctx.settings,
    )
    return {
      cadre: personRef(cadre),
      weekKey: w.weekKey,
      workDays: w.workDays,
      nights: w.nights,
      villageDays: w.villageDays,
      leaveDays: w.leaveDays,
      required: w.required,
      met: w.met,
      compliant: w.compliant,
      short: SHORT_ORDER.filter((k) => !w.met[k]),
      days: w.days,
    }
  })
}

const weekOrNow = (ctx: HandlerContext, weekKey: string | undefined): string => {
  const key = weekKey ?? isoWeekKey(localDate(ctx.now, ctx.settings))
  if (!parseWeekKey(key).ok) return refuse('PERIOD.BAD_KEY')
  return key
}

const leaveViews = async (ctx: HandlerContext, actor: Actor, leaves: Leave[], teams: WorkTeam[]): Promise<LeaveView[]> => {
  const people = new Map(
    (await ctx.store.getMany('people', [...new Set(leaves.flatMap((l) => [l.cadreId, ...(l.decidedById ? [l.decidedById] : [])]))])).map((p) => [p.id, p]),
  )
  return leaves
    .sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : a.id < b.id ? 1 : -1))
    .map((l) => {
      const cadre = people.get(l.cadreId)
      return {
        id: l.id,
        cadre: cadre ? personRef(cadre) : { id: l.cadreId, name: '', title: '' },
        from: l.from,
        to: l.to,
        days: leaveDates(l).length,
        reason: l.reason,
        status: l.status,
        decidedByName: l.decidedById ? (people.get(l.decidedById)?.name ?? null) : null,
        canDecide: l.status === 'requested' && verdictPolicies['leave:decide'](actor, l, teams),
      }
    })
}

export const attendanceHandlers: Handlers<
  | 'signin.today'
  | 'signin.consent'
  | 'signin.submit'
  | 'signin.check'
  | 'signin.photo'
  | 'signin.township'
  | 'leave.request'
  | 'leave.decide'
  | 'leave.list'
  | 'attendance.week'
  | 'attendance.team'
  | 'allowance.ledger'
> = {
  'signin.today': async (_input, ctx) => {
    const { person } = actorOf(ctx)
    if (!isCadre(person)) return refuse('AUTH.FORBIDDEN')
    const date = localDate(ctx.now, ctx.settings)
    const [places, mine, consent] = await Promise.all([
      ctx.store.find('places', { townshipId: person.townshipId }),
      ctx.store.find('signins', { cadreId: person.id }, { orderBy: { field: 'at', direction: 'desc' }, limit: 50 }),
      ctx.store.get('consents', `signinPhoto:${person.id}`),
    ])
    const today = mine.filter((s) => localDate(s.at, ctx.settings) === date)
    const placeName = new Map(places.map((p) => [p.id, p.name]))
    return {
      date,
      slots: slotsOfDay(date, today, ctx.now, ctx.settings),
      attempts: today.map((s) => signInView(s, placeName)),
      places: places.map((p) => ({ id: p.id, name: p.name, radiusM: p.radiusM })),
      consentGiven: consent !== null,
    }
  },

  'signin.consent': async (_input, ctx) => {
    const { person } = actorOf(ctx)
    if (!isCadre(person)) return refuse('AUTH.FORBIDDEN')
    const id = `signinPhoto:${person.id}`
    if (!(await ctx.store.get('consents', id))) await ctx.store.insert('consents', { id, personId: person.id, kind: 'signinPhoto', at: ctx.now })
    return { consentGiven: true }
  },

  'signin.submit': async ({ lat, lng, datum, photo }, ctx) => {
    const { person } = actorOf(ctx)
    if (!isCadre(person)) return refuse('AUTH.FORBIDDEN')
    if (!(await ctx.store.get('consents', `signinPhoto:${person.id}`))) return refuse('SIGNIN.CONSENT_REQUIRED')
    // The day's fact row is locked before the earlier sign-ins are read: two attempts of one cadre
    // at once are judged one after the other (one slot, one valid sign-in).
    const day = { townshipId: person.townshipId, cadreId: person.id, date: localDate(ctx.now, ctx.settings) }
    await lockCadreDays(ctx.store, [day])
    const [places, earlier] = await Promise.all([
      ctx.store.find('places', { townshipId: person.townshipId }),
      ctx.store.find('signins', { cadreId: person.id, valid: true }, { orderBy: { field: 'at', direction: 'desc' }, limit: 10 }),
    ])
    const attempt = { at: ctx.now, lat, lng, datum }
    const verdict = evaluateSignIn(attempt, places, earlier, ctx.settings)
    if (!verdict.ok) return refuse(verdict.code)
    const u = ctx.settings.uploads
    const image = await storeImage(ctx, photo, {
      kind: 'signinPhoto',
      ownerId: person.id,
      townshipId: person.townshipId,
      maxBytes: u.photoMaxBytes,
      maxSide: u.photoMaxSide,
      types: ['image/jpeg', 'image/png'],
    })
    const record: SignIn = {
      ...toSignIn({ id: ctx.newId('si'), townshipId: person.townshipId, cadreId: person.id }, attempt, verdict.value),
      photoId: image.id,
      distanceM: verdict.value.distanceM,
    }
    await ctx.store.insert('signins', record)
    await chainRecord(ctx.store, 'signin', record.townshipId, record.id, ctx.now)
    await refreshCadreDays(ctx.store, day, [day.date], ctx.settings)
    return signInView(record, new Map(places.map((p) => [p.id, p.name])))
  },

  'signin.check': async ({ lat, lng, datum }, ctx) => {
    const { person } = actorOf(ctx)
    if (!isCadre(person)) return refuse('AUTH.FORBIDDEN')
    const [places, earlier] = await Promise.all([
      ctx.store.find('places', { townshipId: person.townshipId }),
      ctx.store.find('signins', { cadreId: person.id, valid: true }, { orderBy: { field: 'at', direction: 'desc' }, limit: 10 }),
    ])
    const preview = previewSignIn({ at: ctx.now, lat, lng, datum }, places, earlier, ctx.settings)
    if (!preview.ok) return refuse(preview.code)
    const { nearest, inRange, wouldBeInvalid } = preview.value
    return {
      placeName: nearest?.place.name ?? null,
      distanceM: nearest ? Math.round(nearest.distanceM) : null,
      radiusM: nearest?.place.radiusM ?? null,
      inRange,
      wouldBeInvalid,
    }
  },

  'signin.township': async ({ date }, ctx) => {
    const actor = actorOf(ctx)
    const townshipId = actor.person.townshipId
    if (!isSupervisor(actor, townshipId) && !isTownshipStaff(actor, townshipId)) return refuse('AUTH.FORBIDDEN')
    const day = date ?? localDate(ctx.now, ctx.settings)
    if (!isLocalDate(day)) return refuse('PERIOD.BAD_KEY')
    const start = startOfLocalDay(day, ctx.settings)
    const end = startOfLocalDay(addDays(day, 1), ctx.settings)
    // The day's sign-ins by the (townshipId, at) index, newest first, never the township's history.
    const [places, signIns] = await Promise.all([
      ctx.store.find('places', { townshipId }),
      ctx.store.find('signins', { townshipId, at: { gte: start, lt: end } }, { orderBy: { field: 'at', direction: 'desc' }, limit: 500 }),
    ])
    const byId = new Map((await ctx.store.getMany('people', [...new Set(signIns.map((s) => s.cadreId))])).map((c) => [c.id, c]))
    const placeName = new Map(places.map((p) => [p.id, p.name]))
    return signIns.map((s) => {
      const cadre = byId.get(s.cadreId)
      return { ...signInView(s, placeName), cadre: cadre ? personRef(cadre) : { id: s.cadreId, name: '', title: '' }, hasPhoto: Boolean(s.photoId) }
    })
  },

  'signin.photo': async ({ signInId }, ctx) => {
    const actor = actorOf(ctx)
    const signIn = await ctx.store.get('signins', signInId)
    if (!signIn) return refuse('NOT_FOUND')
    if (!verdictPolicies['signin:photo'](actor, signIn)) return refuse('AUTH.FORBIDDEN')
    const image = signIn.photoId ? await ctx.store.get('images', signIn.photoId) : null
    if (!image) return refuse('NOT_FOUND')
    // A read of personal data: logged (who, whose, when) for the township's read log.
    await ctx.store.insert('reveals', { id: ctx.newId('reveal'), townshipId: signIn.townshipId, actorId: actor.person.id, subjectId: signIn.cadreId, field: 'signinPhoto', at: ctx.now })
    // office-files: a photo in cloud storage is answered as a temporary URL (this reader may see it).
    if (image.fileId && ctx.deps.storage) return { mime: image.mime, imageBase64: '', url: await ctx.deps.storage.tempUrl(image.fileId, TEMP_URL_SECONDS) }
    return { mime: image.mime, imageBase64: image.data }
  },

  'leave.request': async ({ from, to, reason }, ctx) => {
    const actor = actorOf(ctx)
    if (!isCadre(actor.person)) return refuse('AUTH.FORBIDDEN')
    const range = validateLeaveRange(from, to, ctx.settings)
    if (!range.ok) return refuse(range.code)
    const today = localDate(ctx.now, ctx.settings)
    if (!notInPast(from, today).ok) return refuse('DATE.IN_PAST', [{ path: 'from', message: zhCN.field.dates.inPast(today) }])
    const leave: Leave = { id: ctx.newId('lv'), townshipId: actor.person.townshipId, cadreId: actor.person.id, from, to, reason, status: 'requested', decidedById: null }
    await ctx.store.insert('leaves', leave)
    const [view] = await leaveViews(ctx, actor, [leave], await townshipTeams(ctx, actor.person.townshipId))
    return view as LeaveView
  },

  'leave.decide': async ({ leaveId, approve }, ctx) => {
    const actor = actorOf(ctx)
    const leave = await ctx.store.get('leaves', leaveId)
    if (!leave) return refuse('NOT_FOUND')
    const teams = await townshipTeams(ctx, leave.townshipId)
    if (!verdictPolicies['leave:decide'](actor, leave, teams)) return refuse('AUTH.FORBIDDEN')
    if (leave.status !== 'requested') return refuse('LEAVE.ALREADY_DECIDED')
    const next: Leave = { ...leave, status: approve ? 'approved' : 'declined', decidedById: actor.person.id }
    await ctx.store.replace('leaves', next)
    await refreshCadreDays(ctx.store, next, leaveDates(next), ctx.settings)
    const [view] = await leaveViews(ctx, actor, [next], teams)
    return view as LeaveView
  },

  'leave.list': async (_input, ctx) => {
    const actor = actorOf(ctx)
    const teams = await townshipTeams(ctx, actor.person.townshipId)
    const members = teams.filter((t) => t.leaderId === actor.person.id).flatMap((t) => t.memberIds)
    const ids = [...new Set([actor.person.id, ...members])]
    const leaves = await ctx.store.find('leaves', { cadreId: ids }, { limit: 200 })
    return leaveViews(ctx, actor, leaves, teams)
  },

  'attendance.week': async ({ weekKey, cadreId }, ctx) => {
    const actor = actorOf(ctx)
    const key = weekOrNow(ctx, weekKey)
    const { cadre } = await attendanceSubject(ctx, actor, cadreId)
    const [week] = await weeksOf(ctx, [cadre], key)
    return week as Week543View
  },

  'attendance.team': async ({ weekKey }, ctx) => {
    const actor = actorOf(ctx)
    const key = weekOrNow(ctx, weekKey)
    const all = await townshipTeams(ctx, actor.person.townshipId)
    const led = all.filter((t) => t.leaderId === actor.person.id)
    const whole = isTownshipStaff(actor, actor.person.townshipId) || isSupervisor(actor, actor.person.townshipId)
    const teams = led.length > 0 ? led : whole ? all : refuse('AUTH.FORBIDDEN')
    const people = new Map((await ctx.store.getMany('people', [...new Set(teams.flatMap((t) => t.memberIds))])).map((p) => [p.id, p]))
    const weeks = new Map((await weeksOf(ctx, [...people.values()], key)).map((w) => [w.cadre.id, w]))
    return {
      weekKey: key,
      teams: teams
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((t) => {
          const rows = t.memberIds.flatMap((id) => {
            const w = weeks.get(id)
            return w ? [w] : []
          })
          return { id: t.id, name: t.name, rows, shortCount: rows.filter((r) => !r.compliant).length }
        }),
    }
  },

  'allowance.ledger': async ({ month, cadreId }, ctx) => {
    const actor = actorOf(ctx)
    const key = month ?? monthKey(ctx.now, ctx.settings)
    const parsed = parsePeriodKey(key)
    if (!parsed.ok || parsed.value.kind !== 'month') return refuse('PERIOD.BAD_KEY')
    const { cadre } = await attendanceSubject(ctx, actor, cadreId)
    const { start, end } = periodRange(key, ctx.settings)
    const facts = await readCadreFacts(ctx.store, [cadre.id], localDate(start, ctx.settings), localDate(end - 1, ctx.settings))
    const ledger = ledgerOfDays(cadre.id, key, facts, ctx.settings)
    return { cadre: personRef(cadre), month: key, villageDays: ledger.villageDays, yuanPerDay: ctx.settings.allowance.yuanPerVillageDay, yuan: ledger.yuan }
  },
}
