/**
 * Identity actions: the local development login (pick a seeded person, get a signed session token;
 * absent in the cloud, see dispatch) and "who am I" for the role-aware home.
 */
import type { Role } from '../../../core/model'
import type { LoginGroup, MeView } from '../../../contracts/views'
import { zhCN } from '../../../i18n/zh-CN'
import { actorOf, type Actor } from '../../context'
import { refuse } from '../../errors'
import { loadActor } from '../../identity'
import type { Store } from '../../storage/port'
import type { Handlers } from '../types'

/** The order roles appear on the login screen: villagers first, they are most users. */
const LOGIN_ORDER: Role[] = ['villager', 'cadre', 'secretary', 'leader', 'supervisor', 'committee', 'representative', 'publicSupervisor']

/** Which group a person is listed under: their most specific role. */
const primaryRole = (roles: Role[]): Role => {
  for (const role of ['leader', 'supervisor', 'secretary', 'publicSupervisor', 'committee', 'representative', 'cadre', 'villager'] as Role[]) {
    if (roles.includes(role)) return role
  }
  return roles[0] ?? 'villager'
}

/** How many people of each role the login screen lists: enough to try every screen, not 1,000 names. */
const LOGIN_LIMIT = 12

/** Round-robin over villages (first of each village, then second ...), so the list shows every village. */
const acrossVillages = <T extends { villageId: string | null }>(people: T[]): T[] => {
  const byVillage = new Map<string, T[]>()
  for (const p of people) {
    const key = p.villageId ?? ''
    byVillage.set(key, [...(byVillage.get(key) ?? []), p])
  }
  const queues = [...byVillage.values()]
  const out: T[] = []
  for (let i = 0; out.length < people.length; i++) for (const q of queues) if (q[i]) out.push(q[i] as T)
  return out
}

/** "Who am I": the person's township, village, household and group in one statement; led teams come with the actor. */
export const meView = async (store: Store, actor: Actor): Promise<MeView> => {
  const { person } = actor
  const row: Record<string, unknown> | undefined = await store.db
    .selectFrom('people as p')
    .leftJoin('townships as ts', 'ts.id', 'p.townshipId')
    .leftJoin('villages as v', 'v.id', 'p.villageId')
    .leftJoin('households as h', 'h.id', 'p.householdId')
    .leftJoin('groups as g', 'g.id', 'h.groupId')
    .select(['ts.name as townshipName', 'v.id as villageId', 'v.name as villageName', 'h.id as householdId', 'h.number as householdNumber', 'g.name as groupName'])
    .where('p.id', '=', person.id)
    .executeTakeFirst()
  const text = (v: unknown) => (typeof v === 'string' ? v : '')
  return {
    id: person.id,
    name: person.name,
    title: person.title,
    roles: person.roles,
    duty: person.duty,
    photoUrl: person.photoUrl,
    township: { id: person.townshipId, name: text(row?.townshipName) },
    village: typeof row?.villageId === 'string' ? { id: row.villageId, name: text(row.villageName) } : null,
    household: typeof row?.householdId === 'string' ? { id: row.householdId, number: text(row.householdNumber), groupName: text(row.groupName) } : null,
    leadsTeams: actor.ledTeams.map((team) => ({ id: team.id, name: team.name })),
  }
}

export const authHandlers: Handlers<'auth.devPeople' | 'auth.devLogin' | 'me.get'> = {
  'auth.devPeople': async (_input, ctx) => {
    const [townships, villages] = await Promise.all([ctx.store.find('townships', {}, { limit: 1, orderBy: { field: 'id' } }), ctx.store.find('villages', {})])
    const township = townships[0]
    if (!township) return { groups: [] }
    const villageName = new Map(villages.map((v) => [v.id, v.name]))
    // The first township only: a county-size database still gives a short list.
    const people = await ctx.store.find('people', { townshipId: township.id }, { orderBy: { field: 'id' } })
    const groups: LoginGroup[] = []
    for (const role of LOGIN_ORDER) {
      const listed = acrossVillages(people.filter((p) => primaryRole(p.roles) === role)).slice(0, LOGIN_LIMIT)
      if (listed.length === 0) continue
      groups.push({
        role,
        label: zhCN.roles[role],
        people: listed.map((p) => ({
          id: p.id,
          name: p.name,
          title: p.title,
          place: (p.villageId && villageName.get(p.villageId)) || township.name,
        })),
      })
    }
    return { groups }
  },

  'auth.devLogin': async ({ personId }, ctx) => {
    const actor = await loadActor(ctx.store, personId)
    if (!actor) return refuse('NOT_FOUND')
    if (!ctx.deps.sessions) return refuse('ACTION.UNKNOWN')
    return { token: await ctx.deps.sessions.issue(personId), me: await meView(ctx.store, actor) }
  },

  'me.get': async (_input, ctx) => meView(ctx.store, actorOf(ctx)),
}
