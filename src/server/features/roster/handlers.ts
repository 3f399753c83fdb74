/**
 * Roster actions: the villager's "my cadre" card, a cadre's households, the township's coverage
 * check, and assigning a household to a resident cadre (包户).
 */
import { coverageCheck, isResidentCadre } from '../../../core/roster'
import type { Household } from '../../../core/model'
import type { CadreCardView, CoverageFinding, HouseholdRow } from '../../../contracts/views'
import { zhCN } from '../../../i18n/zh-CN'
import { actorOf, type HandlerContext } from '../../context'
import { refuse } from '../../errors'
import { policies } from '../../policies'
import { columnsAs, docAs } from '../../storage/joins'
import { statement } from '../../storage/statements'
import type { Handlers } from '../types'
import { maskPhone, personRef } from '../views'
import { villageDaysOf, week543 } from '../../../core/attendance'
import { daysOfIsoWeek, isoWeekKey, localDate } from '../../../core/time'
import { readCadreFacts } from '../facts'
import { checkAttachments } from '../tickets/shared/attachments'
import { portraitShownToVillagers, type MediaCheckStatus } from '../../../core/media'
import { requestPortraitCheck } from '../voice/media'

/** A person's public card under `alias` (`${alias}_id`, `${alias}_name`...). */
const card = (alias: string) => ['id', 'name', 'title', 'phone', 'photoUrl'].map((c) => `${alias}.${c} as ${alias}_${c}`)

/**
 * A household, its village's work team (the first by id), its latest signed visit, and the people on
 * its card (its cadre, the team's leader, secretary and members): one statement, a row per member.
 */
const householdCard = statement((db, householdId: string, today: string) =>
  db
    .selectFrom('households as h')
    .leftJoin('teams as t', (join) =>
      join.on('t.id', '=', (eb) => eb.selectFrom('teams as first').select((f) => f.fn.min('first.id').as('id')).whereRef('first.villageId', '=', 'h.villageId')),
    )
    .leftJoin('people as c', 'c.id', 'h.cadreId')
    .leftJoin('people as l', 'l.id', 't.leaderId')
    .leftJoin('people as s', 's.id', 't.secretaryId')
    .leftJoin('teamMembers as tm', 'tm.teamId', 't.id')
    .leftJoin('people as m', 'm.id', 'tm.personId')
    .select((eb) => [
      ...columnsAs('households', 'h', 'h_'),
      ...columnsAs('teams', 't', 't_'),
      ...card('c'),
      ...card('l'),
      ...card('s'),
      ...card('m'),
      // guard: the portraits' content checks (a villager sees an uploaded portrait once it passed).
      ...['c', 'l', 's', 'm'].map((alias) =>
        eb.selectFrom('mediaChecks as mc').select('mc.status').whereRef('mc.url', '=', `${alias}.photoUrl` as 'mc.url').limit(1).as(`${alias}_photoCheck`),
      ),
      eb
        .selectFrom('visits as v')
        .select((v) => v.fn.max('v.at').as('at'))
        .whereRef('v.householdId', '=', 'h.id')
        .where('v.status', '=', 'signed')
        .as('lastConfirmedVisitAt'),
      // first-screen (issue 12 item 9): the household's own cadre's next planned visit, from today on.
      eb
        .selectFrom('visitPlans as vp')
        .select((vp) => vp.fn.min('vp.date').as('date'))
        .whereRef('vp.householdId', '=', 'h.id')
        .whereRef('vp.cadreId', '=', 'h.cadreId')
        .where('vp.date', '>=', today)
        .as('nextPlannedVisit'),
    ])
    .where('h.id', '=', householdId),
)

type Card = { id: string; name: string; title: string; phone: string; photoUrl: string | null }
/** guard: the portrait on a villager's card, null until its content check passed (core portraitShownToVillagers). */
const shownPortrait = (row: Record<string, unknown>, alias: string): string | null => {
  const url = (row[`${alias}_photoUrl`] as string | null | undefined) ?? null
  const status = row[`${alias}_photoCheck`]
  return portraitShownToVillagers(url, typeof status === 'string' ? { status: status as MediaCheckStatus } : null) ? url : null
}
const cardOf = (row: Record<string, unknown>, alias: string): Card | null =>
  typeof row[`${alias}_id`] === 'string'
    ? {
        id: row[`${alias}_id`] as string,
        name: String(row[`${alias}_name`] ?? ''),
        title: String(row[`${alias}_title`] ?? ''),
        phone: String(row[`${alias}_phone`] ?? ''),
        photoUrl: shownPortrait(row, alias),
      }
    : null

/**
 * The villager's own cadre card (villager.myCadre, and the card in villager.home): two statements
 * after the caller's lookup.
 */
export const myCadreCard = async (ctx: HandlerContext): Promise<CadreCardView> => {
  const actor = actorOf(ctx)
  const { person } = actor
  if (!person.roles.includes('villager') || !person.householdId) return refuse('AUTH.FORBIDDEN')
  const today = localDate(ctx.now, ctx.settings)
  // One statement: the household, its team, its latest signed visit, its next planned visit and the people on the card.
  const rows = await householdCard(ctx.store, person.householdId, today)
  const row = rows[0]
  const household = row ? docAs('households', row, 'h_') : null
  if (!row || !household || !policies['household:read'](actor, household)) return refuse('AUTH.FORBIDDEN')
  const team = docAs('teams', row, 't_')
  const cadre = household.cadreId ? cardOf(row, 'c') : null
  if (!cadre) return refuse('ROSTER.HOUSEHOLD_UNASSIGNED')
  const leader = team && cardOf(row, 'l')
  const secretary = team && cardOf(row, 's')
  const members = new Map(rows.flatMap((r) => cardOf(r, 'm') ?? []).map((m) => [m.id, m]))
  const lastAt = row.lastConfirmedVisitAt
  // This month's and this week's village days (543, plain words on the card): one indexed read
  // of the cadre's kept day facts from the earlier of the month's first day and the week's Monday.
  const weekKey = isoWeekKey(today)
  const monday = daysOfIsoWeek(weekKey)[0] ?? today
  const monthStart = `${today.slice(0, 7)}-01`
  const facts = await readCadreFacts(ctx.store, [cadre.id], monday < monthStart ? monday : monthStart, today)
  const week = week543(weekKey, facts, ctx.settings)
  return {
    cadre: { id: cadre.id, name: cadre.name, title: cadre.title, phone: cadre.phone, photoUrl: cadre.photoUrl },
    team:
      team && leader && secretary
        ? {
            id: team.id,
            name: team.name,
            leader: personRef(leader),
            // The secretary's phone is public to the village: it is how villagers reach the team.
            secretary: { ...personRef(secretary), phone: secretary.phone },
            members: team.memberIds.flatMap((id) => {
              const member = members.get(id)
              return member ? [personRef(member)] : []
            }),
          }
        : null,
    lastConfirmedVisitAt: lastAt === null || lastAt === undefined ? null : Number(lastAt),
    villageDays: { month: villageDaysOf(facts, monthStart, today).length, week: week.villageDays, weekRequired: week.required.villageDays },
    nextPlannedVisit: typeof row.nextPlannedVisit === 'string' ? row.nextPlannedVisit : null,
  }
}

export const rosterHandlers: Handlers<'villager.myCadre' | 'cadre.setPhoto' | 'cadre.households' | 'roster.coverage' | 'roster.assignHousehold'> = {
  'villager.myCadre': async (_input, ctx) => myCadreCard(ctx),

  // Only the cadre himself, only his own photo upload (checked like a ticket's attachments); the
  // input names no person, so no one can set another's face.
  'cadre.setPhoto': async ({ photoUrl }, ctx) => {
    const actor = actorOf(ctx)
    if (!actor.person.roles.includes('cadre')) return refuse('AUTH.FORBIDDEN')
    await checkAttachments(ctx, actor, [photoUrl], 'photo')
    const person = await ctx.store.get('people', actor.person.id)
    if (!person) return refuse('AUTH.FORBIDDEN')
    await ctx.store.replace('people', { ...person, photoUrl })
    // office-files: the upload is now his face, which his township may see (file.urls in the cloud).
    const [upload] = await ctx.store.find('uploads', { url: photoUrl }, { limit: 1 })
    if (upload && upload.objectKind !== 'person') await ctx.store.replace('uploads', { ...upload, objectKind: 'person', objectId: actor.person.id })
    // guard: the villagers' cards show it once the content check passed it.
    if (upload) await requestPortraitCheck(ctx, upload, actor.person.id)
    return { photoUrl }
  },

  'cadre.households': async (_input, ctx) => {
    const actor = actorOf(ctx)
    if (!actor.person.roles.includes('cadre')) return refuse('AUTH.FORBIDDEN')
    // The households with their group, village and latest signed visit (one statement), and their
    // members (one statement, through the same households.cadreId index).
    const [rows, members] = await Promise.all([
      ctx.store.db
        .selectFrom('households as h')
        .leftJoin('groups as g', 'g.id', 'h.groupId')
        .leftJoin('villages as v', 'v.id', 'h.villageId')
        .select((eb) => [
          ...columnsAs('households', 'h', 'h_'),
          'g.name as groupName',
          'v.name as villageName',
          eb
            .selectFrom('visits as vi')
            .select((vi) => vi.fn.max('vi.at').as('at'))
            .whereRef('vi.householdId', '=', 'h.id')
            .where('vi.status', '=', 'signed')
            .as('lastConfirmedVisitAt'),
          // first-screen (issue 12 item 9): my next planned visit to the household, from today on.
          eb
            .selectFrom('visitPlans as vp')
            .select((vp) => vp.fn.min('vp.date').as('date'))
            .whereRef('vp.householdId', '=', 'h.id')
            .where('vp.cadreId', '=', actor.person.id)
            .where('vp.date', '>=', localDate(ctx.now, ctx.settings))
            .as('plannedVisit'),
        ])
        .where('h.cadreId', '=', actor.person.id)
        .orderBy('h.number')
        .orderBy('h.id')
        .execute(),
      ctx.store.db
        .selectFrom('people')
        .selectAll()
        .where('householdId', 'in', ctx.store.db.selectFrom('households').select('id').where('cadreId', '=', actor.person.id))
        .execute(),
    ])
    const households = (rows as Record<string, unknown>[]).flatMap((r) => {
      const h = docAs('households', r, 'h_')
      return h ? [{ h, row: r }] : []
    })
    const people = (members as Record<string, unknown>[]).flatMap((r) => docAs('people', r, '') ?? [])
    return households.map(({ h, row }): HouseholdRow => {
      const own = people.filter((m) => m.householdId === h.id)
      const head = own.find((m) => m.name === h.headName) ?? own[0]
      const last = row.lastConfirmedVisitAt
      return {
        id: h.id,
        number: h.number,
        headName: h.headName,
        villageName: typeof row.villageName === 'string' ? row.villageName : '',
        groupName: typeof row.groupName === 'string' ? row.groupName : '',
        memberCount: own.length,
        phoneMasked: head ? maskPhone(head.phone) : '',
        lastConfirmedVisitAt: last === null || last === undefined ? null : Number(last),
        plannedVisit: typeof row.plannedVisit === 'string' ? row.plannedVisit : null,
      }
    })
  },

  'roster.coverage': async (_input, ctx) => {
    const actor = actorOf(ctx)
    const townshipId = actor.person.townshipId
    if (!policies['roster:coverage'](actor, townshipId)) return refuse('AUTH.FORBIDDEN')
    const villages = await ctx.store.find('villages', { townshipId })
    const [groups, households, cadres] = await Promise.all([
      ctx.store.find('groups', { villageId: villages.map((v) => v.id) }),
      // The three columns the check counts with, not whole records: a county's township has ~75,000.
      ctx.store.db.selectFrom('households').select(['id', 'groupId', 'cadreId']).where('townshipId', '=', townshipId).execute() as Promise<
        Pick<Household, 'id' | 'groupId' | 'cadreId'>[]
      >,
      // Only the cadres: a county's township has ~200,000 villagers that the check never looks at.
      ctx.store.find('people', { townshipId, roles: 'cadre' }),
    ])
    const m = zhCN.coverage
    const { minHouseholdsPerCadre: min, maxHouseholdsPerCadre: max } = ctx.settings.coverage
    const villageName = new Map(villages.map((v) => [v.id, v.name]))
    const groupById = new Map(groups.map((g) => [g.id, g]))
    const cadreName = new Map(cadres.map((c) => [c.id, c.name]))
    const checked = coverageCheck({ groups, households, cadres, settings: ctx.settings })
    // Whole records only for the households a finding names, for their labels.
    const named = checked.flatMap((f) => ('householdId' in f ? [f.householdId] : []))
    const householdById = new Map((named.length ? await ctx.store.getMany('households', named) : []).map((h) => [h.id, h]))
    const householdLabel = (id: string) => {
      const h = householdById.get(id)
      return h ? `${villageName.get(h.villageId) ?? ''}${h.number}号户（${h.headName}）` : id
    }
    const findings = checked.map((f): CoverageFinding => {
      switch (f.code) {
        case 'COVERAGE.GROUP_WITHOUT_CADRE': {
          const group = groupById.get(f.groupId)
          const name = `${villageName.get(f.villageId) ?? ''}${group?.name ?? ''}`
          return { severity: f.severity, code: f.code, subjectId: f.groupId, subjectName: name, message: m.groupWithoutCadre(name, f.cadres) }
        }
        case 'COVERAGE.CADRE_LOAD_OUT_OF_RANGE': {
          const name = cadreName.get(f.cadreId) ?? f.cadreId
          return { severity: f.severity, code: f.code, subjectId: f.cadreId, subjectName: name, message: m.cadreLoad(name, f.households, min, max) }
        }
        case 'COVERAGE.HOUSEHOLD_UNASSIGNED':
          return { severity: f.severity, code: f.code, subjectId: f.householdId, subjectName: householdLabel(f.householdId), message: m.householdUnassigned(householdLabel(f.householdId)) }
        case 'COVERAGE.HOUSEHOLD_UNKNOWN_CADRE':
          return { severity: f.severity, code: f.code, subjectId: f.householdId, subjectName: householdLabel(f.householdId), message: m.householdUnknownCadre(householdLabel(f.householdId)) }
      }
    })
    return { groups: groups.length, households: households.length, residentCadres: cadres.filter(isResidentCadre).length, findings }
  },

  'roster.assignHousehold': async ({ householdId, cadreId }, ctx) => {
    const actor = actorOf(ctx)
    const household = await ctx.store.get('households', householdId)
    if (!household) return refuse('NOT_FOUND')
    if (!policies['household:assign'](actor, household)) return refuse('AUTH.FORBIDDEN')
    if (cadreId !== null) {
      const cadre = await ctx.store.get('people', cadreId)
      if (!cadre || cadre.townshipId !== household.townshipId) return refuse('NOT_FOUND')
      if (!isResidentCadre(cadre)) return refuse('ROSTER.NOT_RESIDENT_CADRE')
    }
    await ctx.store.replace('households', { ...household, cadreId })
    return { householdId, cadreId }
  },
}
