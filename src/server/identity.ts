/**
 * Who is calling. In the cloud: the OPENID the WeChat runtime puts in the context (never a field of
 * the payload), mapped to a person by a binding. Locally: a session token signed by the local
 * server's development login. One rule: identity never comes from the request's input.
 *
 * The caller is read in one indexed statement per request: the person joined with the teams they
 * lead (teams.leaderId), and in the cloud with their binding. Nothing is cached between requests,
 * so a change of roles, of a team's leader or of a binding counts from the next request on, in
 * every process serving the database.
 */
import type { Person } from '../core/model'
import type { Actor, ServerDeps } from './context'
import { ActionError } from './errors'
import { columnsAs, docAs } from './storage/joins'
import type { Store } from './storage/port'
import { statement } from './storage/statements'
import { sessionAlive, sessionId, sessionNeedsTouch } from './features/sessions/store'

/** What the HTTP request says of the browser asking (for a QR login's confirm page). */
export interface ClientInfo {
  userAgent: string
  address: string
}

export type Caller = ({ kind: 'token'; token: string | null } | { kind: 'openid'; openid: string | null }) & { client?: ClientInfo }

type Row = Record<string, unknown>

/** The led team's columns, next to the person's (`p_`). */
const LED_TEAM = ['t.id as ledTeamId', 't.name as ledTeamName', 't.villageId as ledVillageId']

/** One row per team the person leads (one row with no team when none). */
const actorOf = (rows: Row[]): Actor | null => {
  const person = rows[0] ? docAs('people', rows[0], 'p_') : null
  if (!person) return null
  const ledTeams = rows.flatMap((r) =>
    typeof r.ledTeamId === 'string' ? [{ id: r.ledTeamId, name: String(r.ledTeamName ?? ''), villageId: String(r.ledVillageId ?? '') }] : [],
  )
  return { person: person as Person, ledVillageIds: ledTeams.map((t) => t.villageId), ledTeams }
}

const actorById = statement((db, personId: string) =>
  db
    .selectFrom('people as p')
    .leftJoin('teams as t', 't.leaderId', 'p.id')
    .select([...columnsAs('people', 'p', 'p_'), ...LED_TEAM])
    .where('p.id', '=', personId),
)

/** The person and the villages whose work team they lead (包片领导), or null. One statement. */
export const loadActor = async (store: Store, personId: string): Promise<Actor | null> => actorOf(await actorById(store, personId))

const actorByOpenid = statement((db, openid: string) =>
  db
    .selectFrom('bindings as b')
    .leftJoin('people as p', 'p.id', 'b.personId')
    .leftJoin('teams as t', 't.leaderId', 'p.id')
    .select([...columnsAs('people', 'p', 'p_'), ...LED_TEAM, 'b.id as bindingId'])
    .where('b.openid', '=', openid),
)

/** The bound person of an OPENID and the villages they lead, in one statement; AUTH.NOT_BOUND when unbound. */
const actorFromOpenid = async (store: Store, openid: string): Promise<Actor | null> => {
  const rows = await actorByOpenid(store, openid)
  const first = rows[0]
  if (!first) throw new ActionError('AUTH.NOT_BOUND')
  // One binding per OPENID; should there be more, the first one found counts (as a lookup with limit 1).
  return actorOf(rows.filter((r) => r.bindingId === first.bindingId))
}

const actorBySession = statement((db, sessionKey: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('people as p', 'p.id', 's.personId')
    .leftJoin('teams as t', 't.leaderId', 'p.id')
    .select([...columnsAs('people', 'p', 'p_'), ...LED_TEAM, 's.lastSeenAt as sessionSeenAt'])
    .where('s.id', '=', sessionKey),
)

/** The person of a live stored session, in one statement; its last use written down now and then. */
const actorFromSession = async (deps: ServerDeps, token: string): Promise<Actor | null> => {
  const key = sessionId(token)
  const rows = await actorBySession(deps.store, key)
  const first = rows[0]
  if (!first) return null
  const now = deps.clock()
  const seen = Number(first.sessionSeenAt)
  if (!sessionAlive(seen, now, deps.settings)) {
    await deps.store.db.deleteFrom('sessions').where('id', '=', key).execute()
    return null
  }
  if (sessionNeedsTouch(seen, now, deps.settings)) await deps.store.db.updateTable('sessions').set({ lastSeenAt: now }).where('id', '=', key).execute()
  return actorOf(rows)
}

/** The actor for a caller, or an ActionError (AUTH.REQUIRED, AUTH.INVALID_TOKEN, AUTH.NOT_BOUND). */
export const resolveActor = async (deps: ServerDeps, caller: Caller): Promise<Actor> => {
  let actor: Actor | null
  if (caller.kind === 'token') {
    if (!caller.token) throw new ActionError('AUTH.REQUIRED')
    if (!deps.sessions) throw new ActionError('AUTH.INVALID_TOKEN')
    actor = await actorFromSession(deps, caller.token)
  } else {
    if (!caller.openid) throw new ActionError('AUTH.REQUIRED')
    actor = await actorFromOpenid(deps.store, caller.openid)
  }
  if (!actor) throw new ActionError('AUTH.INVALID_TOKEN')
  return actor
}
