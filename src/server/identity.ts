/**
 * Who is calling. In the cloud: the OPENID the WeChat runtime puts in the context (never a field of
 * the payload), mapped to a person by a binding. Locally: a session token signed by the local
 * server's development login. One rule: identity never comes from the request's input.
 */
import type { Actor, ServerDeps } from './context'
import { ActionError } from './errors'
import type { Store } from './storage/port'

export type Caller = { kind: 'token'; token: string | null } | { kind: 'openid'; openid: string | null }

const personIdFromToken = async (deps: ServerDeps, token: string): Promise<string> => {
  const personId = deps.sessions ? await deps.sessions.verify(token) : null
  if (!personId) throw new ActionError('AUTH.INVALID_TOKEN')
  return personId
}

const personIdFromOpenid = async (store: Store, openid: string): Promise<string> => {
  const [binding] = await store.find('bindings', { openid }, { limit: 1 })
  if (!binding) throw new ActionError('AUTH.NOT_BOUND')
  return binding.personId
}

export const loadActor = async (store: Store, personId: string): Promise<Actor | null> => {
  const person = await store.get('people', personId)
  if (!person) return null
  const led = await store.find('teams', { leaderId: person.id })
  return { person, ledVillageIds: led.map((team) => team.villageId) }
}

/** The actor for a caller, or an ActionError (AUTH.REQUIRED, AUTH.INVALID_TOKEN, AUTH.NOT_BOUND). */
export const resolveActor = async (deps: ServerDeps, caller: Caller): Promise<Actor> => {
  let personId: string
  if (caller.kind === 'token') {
    if (!caller.token) throw new ActionError('AUTH.REQUIRED')
    personId = await personIdFromToken(deps, caller.token)
  } else {
    if (!caller.openid) throw new ActionError('AUTH.REQUIRED')
    personId = await personIdFromOpenid(deps.store, caller.openid)
  }
  const actor = await loadActor(deps.store, personId)
  if (!actor) throw new ActionError('AUTH.INVALID_TOKEN')
  return actor
}
