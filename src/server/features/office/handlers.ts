/**
 * Office hub actions: month-end close and reopen, the public posting and self-reviews, dashboards,
 * results, roster editing, privacy reveals (logged) and notices (村务公开).
 * One rule: every handler checks a named policy on the actor's own township before it reads.
 */
import { calendarYearsMissing } from '../../../core/calendar'
import { closeMonth, closeReadDays, postingRows } from '../../../core/close'
import { closeOffer } from '../../../core/close-offer'
import { driftedDays } from '../../../core/facts'
import type { PeriodRecord, Person } from '../../../core/model'
import type { Settings } from '../../../core/settings'
import { resultTotals } from '../../../core/results'
import { monthlyCheckStatus } from '../../../core/supervision'
import { autoCloseDate } from '../../../core/subscribe'
import { ticketRates } from '../../../core/tickets'
import { periodRange } from '../../../core/time'
import type { CloseView, DashboardCadreRow, NoticeView, PeriodView, RosterHouseholdRow } from '../../../contracts/views.office'
import { actorOf, type HandlerContext } from '../../context'
import { refuse } from '../../errors'
import { policies } from '../../policies'
import { columnsAs, docAs } from '../../storage/joins'
import type { Store } from '../../storage/port'
import type { Handlers } from '../types'
import { maskAddress, maskPhone } from '../views'
import { checkFacts, repairFacts } from '../facts'
import { zhCN, zhCalendar } from '../../../i18n/zh-CN'
import { AUTO_CLOSER, autoCloseNote, digestOf, gatherCloseInputs, periodId, periodRecord } from './month'
import { closedCadres, closedPosting, openCadres, townshipMonth } from './dashboard'
import { chainIssue, verifyChain } from '../chain'

const names = async (store: Store, ids: (string | null)[]): Promise<Map<string, string>> => {
  const list = [...new Set(ids.filter((i): i is string => i !== null))]
  const people = await store.getMany('people', list)
  return new Map(people.map((p) => [p.id, p.name]))
}

export const periodView = async (store: Store, record: PeriodRecord | null, period: string): Promise<PeriodView> => {
  if (!record) return { period, status: 'open', closedAt: null, closedBy: null, digest: null, reopenings: [] }
  const who = await names(store, [record.closedById, ...record.reopenings.map((r) => r.byId)])
  // wechat-notify: the timer's close is told as 自动结账, no person.
  who.set(AUTO_CLOSER, zhCN.wechatNotify.autoCloser)
  return {
    period,
    status: record.status,
    closedAt: record.closedAt,
    closedBy: record.closedById ? (who.get(record.closedById) ?? null) : null,
    digest: record.digest,
    reopenings: record.reopenings.map((r) => ({ at: r.at, by: who.get(r.byId) ?? '', reason: r.reason, digest: r.digest })),
  }
}

/** The township of the actor, after a policy check. */
const township = (ctx: HandlerContext, policy: 'office:manage' | 'office:read'): string => {
  const actor = actorOf(ctx)
  const townshipId = actor.person.townshipId
  if (!policies[policy](actor, townshipId)) return refuse('AUTH.FORBIDDEN')
  return townshipId
}

export const noticeView = (n: { id: string; title: string; body: string; villageId: string | null; authorId: string; at: number }, villageName: Map<string, string>, who: Map<string, string>): NoticeView => ({
  id: n.id,
  title: n.title,
  body: n.body,
  villageName: n.villageId ? (villageName.get(n.villageId) ?? '') : null,
  author: who.get(n.authorId) ?? '',
  at: n.at,
})

const monthsBack = (now: number, ctx: HandlerContext, n: number): string[] => {
  const offset = ctx.settings.utcOffsetMinutes * 60_000
  const d = new Date(now + offset)
  const out: string[] = []
  for (let i = 1; i <= n; i++) {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1))
    out.push(`${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`)
  }
  return out
}

/**
 * 月末结账 of one township month by `closedById` (an office person, or AUTO_CLOSER for the timer):
 * refuses a month not yet ended or already closed, and a township whose record chain does not hold
 * (CHAIN.BROKEN); rebuilds drifted day facts, stores the close and its result.
 */
/** A month is closed only when the holiday calendar holds every year its weeks touch (core calendarYearsMissing). */
const calendarReady = (period: string, settings: Settings): void => {
  const days = closeReadDays(period, settings)
  const missing = calendarYearsMissing(days.from, days.to, settings)
  if (missing.length > 0) refuse('PERIOD.CALENDAR_MISSING', missing.map((year) => ({ path: `calendar.${year}`, message: zhCalendar.missing(year) })))
}

export const closeTownshipMonth = async (ctx: HandlerContext, townshipId: string, period: string, closedById: string): Promise<CloseView> => {
    if (periodRange(period, ctx.settings).end > ctx.now) return refuse('PERIOD.NOT_ENDED')
    calendarReady(period, ctx.settings)
    const existing = await periodRecord(ctx.store, townshipId, period)
    if (existing?.status === 'closed') return refuse('PERIOD.ALREADY_CLOSED')
    // Tamper evidence: the township's chain holds, and no record of the month escaped it.
    const chain = await verifyChain(ctx.store, townshipId, { records: { ...periodRange(period, ctx.settings), period } })
    if (chain.problem) return refuse('CHAIN.BROKEN', [chainIssue(chain.problem)])
    // The drift check: the month's day facts against the records. The records are the evidence
    // (villagers' signatures, sign-in photos); a fact that differs is rebuilt from them before the
    // close reads it, and the close keeps the list of what was rebuilt (and the log names it).
    const days = closeReadDays(period, ctx.settings)
    const drift = await checkFacts(ctx.store, townshipId, days.from, days.to, ctx.settings)
    if (drift.length > 0) {
      await repairFacts(ctx.store, townshipId, drift, ctx.settings)
      // Said once the close has committed (a close that fails rebuilt nothing).
      const log = async () =>
        console.warn(
          `[minqing] close ${townshipId} ${period}: ${drift.length} day-fact field(s) differed from the records and were rebuilt:`,
          drift.slice(0, 20).map((d) => `${d.cadreId} ${d.date} ${d.field}: kept ${String(d.stored)}, records ${String(d.recomputed)}`),
        )
      if (ctx.afterCommit) ctx.afterCommit(log)
      else await log()
    }
    const inputs = await gatherCloseInputs(ctx.store, townshipId, period, ctx.settings)
    const digest = digestOf(inputs)
    const result = closeMonth(inputs)
    const id = periodId(townshipId, period)
    const record: PeriodRecord = {
      id,
      townshipId,
      period,
      status: 'closed',
      closedAt: ctx.now,
      closedById,
      digest,
      reopenings: existing?.reopenings ?? [],
    }
    if (existing) await ctx.store.replace('periods', record)
    else await ctx.store.insert('periods', record)
    const stored = { id, townshipId, period, digest, result, ...(drift.length > 0 ? { repairs: drift } : {}) }
    if (await ctx.store.get('closeResults', id)) await ctx.store.replace('closeResults', stored)
    else await ctx.store.insert('closeResults', stored)
    return { ...(await periodView(ctx.store, record, period)), cadres: result.cadres.length, rates: result.rates, repairedDays: driftedDays(drift).length }
  }

export const officeHandlers: Handlers<
  | 'office.closePeriod'
  | 'office.postingPreview'
  | 'office.reopenPeriod'
  | 'office.periods'
  | 'office.dashboard'
  | 'office.results'
  | 'office.households'
  | 'office.updateHousehold'
  | 'office.updatePerson'
  | 'office.reveal'
  | 'office.revealLog'
  | 'office.postNotice'
  | 'office.notices'
  | 'posting.months'
  | 'posting.get'
  | 'cadre.selfReview'
  | 'notices.forMe'
> = {
  'office.closePeriod': async ({ period }, ctx) => {
    const townshipId = township(ctx, 'office:manage')
    return closeTownshipMonth(ctx, townshipId, period, actorOf(ctx).person.id)
  },

  // The posting the close would publish, shown before 结账 (nothing is stored). The close itself
  // first rebuilds day facts that drifted from the records; the preview reads them as they are.
  'office.postingPreview': async ({ period }, ctx) => {
    const townshipId = township(ctx, 'office:manage')
    if (periodRange(period, ctx.settings).end > ctx.now) return refuse('PERIOD.NOT_ENDED')
    calendarReady(period, ctx.settings)
    if ((await periodRecord(ctx.store, townshipId, period))?.status === 'closed') return refuse('PERIOD.ALREADY_CLOSED')
    const [inputs, town, villages] = await Promise.all([
      gatherCloseInputs(ctx.store, townshipId, period, ctx.settings),
      ctx.store.get('townships', townshipId),
      ctx.store.find('villages', { townshipId }),
    ])
    const villageName = new Map(villages.map((v) => [v.id, v.name]))
    return {
      period,
      townshipName: town?.name ?? '',
      closedAt: ctx.now,
      rows: postingRows(closeMonth(inputs)).map((row) => ({ ...row, villageName: row.villageId ? (villageName.get(row.villageId) ?? '') : '' })),
    }
  },

  'office.reopenPeriod': async ({ period, reason }, ctx) => {
    const townshipId = township(ctx, 'office:manage')
    const existing = await periodRecord(ctx.store, townshipId, period)
    if (!existing || existing.status !== 'closed') return refuse('PERIOD.NOT_CLOSED')
    const record: PeriodRecord = {
      ...existing,
      status: 'open',
      reopenings: [...existing.reopenings, { at: ctx.now, byId: actorOf(ctx).person.id, reason, digest: existing.digest ?? '' }],
    }
    await ctx.store.replace('periods', record)
    return periodView(ctx.store, record, period)
  },

  'office.periods': async (_input, ctx) => {
    const townshipId = township(ctx, 'office:read')
    const [periods, autoCloses] = await Promise.all([ctx.store.find('periods', { townshipId }), ctx.store.find('autoCloses', { townshipId })])
    const records = new Map(periods.map((r) => [r.period, r]))
    const auto = new Map(autoCloses.map((r) => [r.period, r]))
    const monthStates = periods.map((r) => ({ period: r.period, status: r.status, reopened: r.reopenings.length > 0 }))
    const listed = monthsBack(ctx.now, ctx, 6)
    const lastEnded = listed[0]!
    return Promise.all(
      listed.map(async (p) => {
        const note = autoCloseNote(auto.get(p) ?? null, ctx.settings)
        // selfhost: when the month will close by itself, while neither the office nor the job decided on it.
        const on = autoCloseDate(p, { decidedByOffice: records.has(p), attempted: auto.has(p) }, ctx.now, ctx.settings)
        // look-b: only the month that can be closed now offers 结账 (core closeOffer).
        const days = closeReadDays(p, ctx.settings)
        const offer = closeOffer(p, monthStates, lastEnded, calendarYearsMissing(days.from, days.to, ctx.settings))
        return { ...(await periodView(ctx.store, records.get(p) ?? null, p)), ...(note ? { autoClose: note } : {}), ...(on ? { autoCloseOn: on.date, autoCloseDue: on.due } : {}), offer }
      }),
    )
  },

  'office.dashboard': async ({ period, villageId, teamId }, ctx) => {
    const townshipId = township(ctx, 'office:read')
    const month = await townshipMonth(ctx.store, townshipId, period, ctx.settings)
    const closed = month.status === 'closed'
    // A closed month: the stored close. An open one: the kept figures of its cadres (built on its first read).
    const cadres = closed ? await closedCadres(ctx.store, periodId(townshipId, period), month.closeKey) : await openCadres(ctx, townshipId, period, month)
    const villageName = new Map(month.villages.map((v) => [v.id, v.name]))
    const teamName = new Map(month.teams.map((t) => [t.id, t.name]))
    const rows = cadres.rows.filter((c) => (!villageId || c.villageId === villageId) && (!teamId || c.teamId === teamId))
    const byVillage = new Map<string, number>()
    for (const c of rows) {
      const key = c.villageId ? (villageName.get(c.villageId) ?? '') : ''
      byVillage.set(key, (byVillage.get(key) ?? 0) + c.figures.villageDays)
    }
    const status = monthlyCheckStatus(month.checks, period, ctx.settings)
    return {
      period,
      status: closed ? 'closed' : 'open',
      filters: { villages: month.villages.map((v) => ({ id: v.id, name: v.name })), teams: month.teams.map((t) => ({ id: t.id, name: t.name })) },
      cadres: rows.map(
        (c): DashboardCadreRow => ({
          cadreId: c.cadreId,
          name: c.name,
          villageName: c.villageId ? (villageName.get(c.villageId) ?? '') : '',
          teamName: c.teamId ? (teamName.get(c.teamId) ?? '') : '',
          villageDays: c.figures.villageDays,
          compliantWeeks: c.figures.compliantWeeks,
          weeks: c.figures.weeks,
          absences: c.figures.absences,
          score: c.figures.score,
          shortBands: c.figures.shortBands,
          allowanceYuan: c.figures.allowanceYuan,
        }),
      ),
      rates: cadres.rates ?? ticketRates(month.tickets, periodRange(period, ctx.settings)),
      villageDaysByVillage: [...byVillage.entries()].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value),
      supervision: { required: status.required, done: status.done, met: status.met },
    }
  },

  'office.results': async ({ period, villageId }, ctx) => {
    const townshipId = township(ctx, 'office:read')
    const range = periodRange(period, ctx.settings)
    // Only a ticket confirmed in the period, or resolved one confirmation window before it, can
    // count (resultsCountAt): found through the ticketEvents (townshipId, at) index instead of
    // reading the township's tickets.
    const window = ctx.settings.tickets.confirmWindowHours * 3_600_000
    const [rows, villages] = await Promise.all([
      ctx.store.db
        .selectFrom('tickets')
        .selectAll()
        .where(
          'id',
          'in',
          ctx.store.db.selectFrom('ticketEvents').select('ticketId').where('townshipId', '=', townshipId).where('at', '>=', range.start - window).where('at', '<', range.end).where('action', 'in', ['resolve', 'confirm']),
        )
        .execute(),
      ctx.store.find('villages', { townshipId }, { orderBy: { field: 'name' } }),
    ])
    const tickets = (rows as Record<string, unknown>[]).flatMap((r) => docAs('tickets', r, '') ?? [])
    const totals = resultTotals(
      tickets.filter((t) => !villageId || t.villageId === villageId),
      range,
      ctx.now,
      ctx.settings,
    )
    const zero = { fundsYuan: 0, loanYuan: 0, beneficiaries: 0, tickets: 0 }
    return {
      period,
      township: totals.get('') ?? zero,
      villages: villages
        .filter((v) => !villageId || v.id === villageId)
        .map((v) => ({ villageId: v.id, villageName: v.name, ...(totals.get(v.id) ?? zero) })),
    }
  },

  'office.households': async ({ query, villageId, limit }, ctx) => {
    const townshipId = township(ctx, 'office:read')
    // The search and the page in the database: a name or number containing the text (instr is
    // case-sensitive in both dialects, as String.includes).
    let search = ctx.store.db.selectFrom('households').selectAll().where('townshipId', '=', townshipId)
    if (villageId) search = search.where('villageId', '=', villageId)
    const q = query?.trim()
    if (q) search = search.where((eb) => eb.or([eb(eb.fn('instr', [eb.ref('headName'), eb.val(q)]), '>', 0), eb(eb.fn('instr', [eb.ref('number'), eb.val(q)]), '>', 0)]))
    const rows: Record<string, unknown>[] = await search.orderBy('number').orderBy('id').limit(limit ?? 50).execute()
    const households = rows.flatMap((r) => docAs('households', r, '') ?? [])
    const [members, groups, villages, cadres] = await Promise.all([
      ctx.store.find('people', { householdId: households.map((h) => h.id) }),
      ctx.store.getMany('groups', [...new Set(households.map((h) => h.groupId))]),
      ctx.store.getMany('villages', [...new Set(households.map((h) => h.villageId))]),
      names(ctx.store, households.map((h) => h.cadreId)),
    ])
    const groupName = new Map(groups.map((g) => [g.id, g.name]))
    const villageName = new Map(villages.map((v) => [v.id, v.name]))
    return households.map((h): RosterHouseholdRow => {
      const own = members.filter((m) => m.householdId === h.id)
      const head = own.find((m) => m.name === h.headName) ?? own[0] ?? null
      return {
        id: h.id,
        number: h.number,
        headName: h.headName,
        headId: head?.id ?? null,
        villageName: villageName.get(h.villageId) ?? '',
        groupName: groupName.get(h.groupId) ?? '',
        cadreName: h.cadreId ? (cadres.get(h.cadreId) ?? null) : null,
        cadreId: h.cadreId,
        phoneMasked: head ? maskPhone(head.phone) : '',
        addressMasked: maskAddress(h.address),
      }
    })
  },

  'office.updateHousehold': async ({ householdId, headName, address, groupId }, ctx) => {
    const actor = actorOf(ctx)
    const household = await ctx.store.get('households', householdId)
    if (!household) return refuse('NOT_FOUND')
    if (!policies['office:manage'](actor, household.townshipId)) return refuse('AUTH.FORBIDDEN')
    if (groupId !== undefined) {
      const group = await ctx.store.get('groups', groupId)
      if (!group || group.villageId !== household.villageId) return refuse('NOT_FOUND')
    }
    await ctx.store.replace('households', {
      ...household,
      headName: headName ?? household.headName,
      address: address ?? household.address,
      groupId: groupId ?? household.groupId,
    })
    return { householdId }
  },

  'office.updatePerson': async ({ personId, name, phone, title }, ctx) => {
    const actor = actorOf(ctx)
    const person = await ctx.store.get('people', personId)
    if (!person) return refuse('NOT_FOUND')
    if (!policies['office:manage'](actor, person.townshipId)) return refuse('AUTH.FORBIDDEN')
    const next: Person = { ...person, name: name ?? person.name, phone: phone ?? person.phone, title: title ?? person.title }
    if (phone !== undefined) next.hasPhone = true
    await ctx.store.replace('people', next)
    return { personId }
  },

  'office.reveal': async ({ subjectId, field }, ctx) => {
    const actor = actorOf(ctx)
    let value: string
    let townshipId: string
    if (field === 'phone') {
      const person = await ctx.store.get('people', subjectId)
      if (!person) return refuse('NOT_FOUND')
      value = person.phone
      townshipId = person.townshipId
    } else {
      const household = await ctx.store.get('households', subjectId)
      if (!household) return refuse('NOT_FOUND')
      value = household.address
      townshipId = household.townshipId
    }
    if (!policies['office:read'](actor, townshipId)) return refuse('AUTH.FORBIDDEN')
    await ctx.store.insert('reveals', { id: ctx.newId('reveal'), townshipId, actorId: actor.person.id, subjectId, field, at: ctx.now })
    return { value }
  },

  'office.revealLog': async (_input, ctx) => {
    const townshipId = township(ctx, 'office:read')
    const log = await ctx.store.find('reveals', { townshipId }, { orderBy: { field: 'at', direction: 'desc' }, limit: 200 })
    const who = await names(ctx.store, log.map((r) => r.actorId))
    const people = await names(ctx.store, log.filter((r) => (r.field === 'phone' || r.field === 'signinPhoto' || r.field === 'raters') && r.subjectId !== townshipId).map((r) => r.subjectId))
    const households = new Map((await ctx.store.getMany('households', log.filter((r) => r.field === 'address').map((r) => r.subjectId))).map((h) => [h.id, `${h.number}号户（${h.headName}）`]))
    return log.map((r) => ({
      id: r.id,
      at: r.at,
      actor: who.get(r.actorId) ?? r.actorId,
      subject:
        (r.field === 'address' ? households.get(r.subjectId) : r.subjectId === townshipId ? zhCN.office.ui.roster.logWholeTownship : people.get(r.subjectId)) ??
        r.subjectId,
      field: r.field,
      reason: r.reason ?? null,
    }))
  },

  'office.postNotice': async ({ villageId, title, body }, ctx) => {
    const actor = actorOf(ctx)
    const townshipId = actor.person.townshipId
    if (villageId !== null) {
      const village = await ctx.store.get('villages', villageId)
      if (!village || village.townshipId !== townshipId) return refuse('NOT_FOUND')
    }
    if (!policies['notice:post'](actor, townshipId, villageId)) return refuse('AUTH.FORBIDDEN')
    const notice = { id: ctx.newId('notice'), townshipId, villageId, title, body, authorId: actor.person.id, at: ctx.now }
    await ctx.store.insert('notices', notice)
    const villages = villageId ? await ctx.store.getMany('villages', [villageId]) : []
    return noticeView(notice, new Map(villages.map((v) => [v.id, v.name])), new Map([[actor.person.id, actor.person.name]]))
  },

  'office.notices': async (_input, ctx) => {
    const townshipId = township(ctx, 'office:read')
    const [notices, villages] = await Promise.all([
      ctx.store.find('notices', { townshipId }, { orderBy: { field: 'at', direction: 'desc' }, limit: 50 }),
      ctx.store.find('villages', { townshipId }, { orderBy: { field: 'name' } }),
    ])
    const who = await names(ctx.store, notices.map((n) => n.authorId))
    return {
      notices: notices.map((n) => noticeView(n, new Map(villages.map((v) => [v.id, v.name])), who)),
      villages: villages.map((v) => ({ id: v.id, name: v.name })),
    }
  },

  'posting.months': async (_input, ctx) => {
    const actor = actorOf(ctx)
    const townshipId = actor.person.townshipId
    if (!policies['posting:read'](actor, townshipId)) return refuse('AUTH.FORBIDDEN')
    const records = await ctx.store.find('periods', { townshipId, status: 'closed' }, { orderBy: { field: 'period', direction: 'desc' }, limit: 24 })
    return records.map((r) => r.period)
  },

  'posting.get': async ({ period }, ctx) => {
    const actor = actorOf(ctx)
    const townshipId = actor.person.townshipId
    if (!policies['posting:read'](actor, townshipId)) return refuse('AUTH.FORBIDDEN')
    // The closed month's record, township and village names (one statement), and its stored close.
    const closed = await closedPosting(ctx.store, townshipId, period)
    if (!closed) return refuse('PERIOD.NOT_CLOSED')
    const villageName = new Map(closed.villages.map((v) => [v.id, v.name]))
    return {
      period,
      townshipName: closed.townshipName,
      closedAt: closed.closedAt,
      rows: postingRows(closed.result).map((row) => ({ ...row, villageName: row.villageId ? (villageName.get(row.villageId) ?? '') : '' })),
    }
  },

  'cadre.selfReview': async ({ period, text }, ctx) => {
    const { person } = actorOf(ctx)
    if (!person.roles.includes('cadre') || person.duty !== 'resident') return refuse('AUTH.FORBIDDEN')
    if ((await periodRecord(ctx.store, person.townshipId, period))?.status === 'closed') return refuse('PERIOD.ALREADY_CLOSED')
    const review = { id: `${person.id}:${period}`, townshipId: person.townshipId, cadreId: person.id, period, text, at: ctx.now }
    if (await ctx.store.get('selfReviews', review.id)) await ctx.store.replace('selfReviews', review)
    else await ctx.store.insert('selfReviews', review)
    return { period, text }
  },

  'notices.forMe': async (_input, ctx) => {
    const { person } = actorOf(ctx)
    const villageId = person.villageId
    // The township's and my village's latest notices with their village and author names: one statement.
    const rows: Record<string, unknown>[] = await ctx.store.db
      .selectFrom('notices as n')
      .leftJoin('villages as v', 'v.id', 'n.villageId')
      .leftJoin('people as a', 'a.id', 'n.authorId')
      .select([...columnsAs('notices', 'n', 'n_'), 'v.name as villageName', 'a.name as authorName'])
      .where('n.townshipId', '=', person.townshipId)
      .where((eb) => (villageId ? eb.or([eb('n.villageId', 'is', null), eb('n.villageId', '=', villageId)]) : eb('n.villageId', 'is', null)))
      .orderBy('n.at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(10)
      .execute()
    return rows.flatMap((row) => {
      const n = docAs('notices', row, 'n_')
      if (!n) return []
      const villageName = new Map(n.villageId && typeof row.villageName === 'string' ? [[n.villageId, row.villageName]] : [])
      const who = new Map(typeof row.authorName === 'string' ? [[n.authorId, row.authorName]] : [])
      return [noticeView(n, villageName, who)]
    })
  },
}
