/**
 * A township from zero (issue 10 item 4): `npm run setup` creates a township and a one-time set-up
 * code (stored hashed); its first administrator binds with it (`setup.claim`): the caller's WeChat
 * OPENID in the mini-program, a session in H5. In the cloud the code is the function's environment
 * variable MINQING_SETUP_CODE, which creates the township on its one use. The administrator then
 * keeps the township's villages, groups and sign-in places.
 * One rule: a set-up code works once, before it expires, and is never stored in clear.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { TownshipPlacesView } from '../../../contracts'
import { normalSetupCode } from '../../../core/console'
import type { Person, SignInPlace } from '../../../core/model'
import { HOUR_MS } from '../../../core/time'
import { actorOf, type HandlerContext } from '../../context'
import { refuse } from '../../errors'
import { policies } from '../../policies'
import type { Store } from '../../storage/port'
import { meView } from '../auth/handlers'
import { chainRecord, sha256 } from '../chain'
import type { Handlers } from '../types'

export interface SetupCode {
  /** sha256 of the normalized code. */
  id: string
  /** The township it sets up; null until the cloud's environment code creates one. */
  townshipId: string | null
  createdAt: number
  expiresAt: number
  usedAt: number | null
  usedById: string | null
}

export const setupCodeHash = (code: string): string => sha256(`setup\n${normalSetupCode(code)}`)

/** 12 characters without look-alikes (0/O, 1/I/L), printed as XXXX-XXXX-XXXX: 60 bits. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const newSetupCode = (): string => {
  const bytes = randomBytes(12)
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('')
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`
}

/** `npm run setup`: a new township (or an existing one's new code) and its one-time code. */
export const createSetupCode = async (
  store: Store,
  options: { townshipName?: string; townshipId?: string; now: number; hours: number; newId: (prefix: string) => string },
): Promise<{ townshipId: string; code: string; expiresAt: number }> => {
  const code = newSetupCode()
  return store.transaction(async (tx) => {
    let townshipId = options.townshipId
    if (townshipId) {
      if (!(await tx.get('townships', townshipId))) throw new Error(`no township ${townshipId}`)
    } else {
      const name = options.townshipName?.trim()
      if (!name) throw new Error('a township name is needed (--name)')
      townshipId = options.newId('ts')
      await tx.insert('townships', { id: townshipId, name })
    }
    const expiresAt = options.now + options.hours * HOUR_MS
    await tx.insert('setupCodes', { id: setupCodeHash(code), townshipId, createdAt: options.now, expiresAt, usedAt: null, usedById: null })
    return { townshipId, code, expiresAt }
  })
}

const sameCode = (a: string, b: string): boolean => timingSafeEqual(Buffer.from(setupCodeHash(a)), Buffer.from(setupCodeHash(b)))

const placesView = async (store: Store, townshipId: string): Promise<TownshipPlacesView> => {
  const [villages, places] = await Promise.all([store.find('villages', { townshipId }, { orderBy: { field: 'name' } }), store.find('places', { townshipId })])
  const groups = villages.length ? await store.find('groups', { villageId: villages.map((v) => v.id) }) : []
  return {
    villages: villages.map((v) => ({
      id: v.id,
      name: v.name,
      groups: groups.filter((g) => g.villageId === v.id).map((g) => ({ id: g.id, name: g.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh')),
    })),
    places: places.map((p) => ({ id: p.id, name: p.name, villageId: p.villageId, lat: p.lat, lng: p.lng, radiusM: p.radiusM, datum: 'gcj02' as const })),
  }
}

const managedTownship = (ctx: HandlerContext): string => {
  const actor = actorOf(ctx)
  if (!policies['office:manage'](actor, actor.person.townshipId)) return refuse('AUTH.FORBIDDEN')
  return actor.person.townshipId
}

export const setupHandlers: Handlers<'setup.claim' | 'office.places' | 'office.addVillage' | 'office.addGroup' | 'office.savePlace'> = {
  'setup.claim': async ({ code, townshipName, name, phone }, ctx) => {
    const id = setupCodeHash(code)
    let record = await ctx.store.get('setupCodes', id)
    if (!record) {
      // The cloud's code, from the function's environment: creates the township on its one use.
      if (!ctx.deps.setupCode || !sameCode(ctx.deps.setupCode, code)) return refuse('SETUP.CODE_INVALID')
      const tsName = townshipName?.trim()
      if (!tsName) return refuse('VALIDATION.FAILED', [{ path: 'townshipName', message: '请填写乡镇名称' }])
      const townshipId = ctx.newId('ts')
      await ctx.store.insert('townships', { id: townshipId, name: tsName })
      record = { id, townshipId, createdAt: ctx.now, expiresAt: ctx.now + HOUR_MS, usedAt: null, usedById: null }
      await ctx.store.insert('setupCodes', record)
    }
    if (record.usedAt !== null) return refuse('SETUP.CODE_USED')
    if (ctx.now > record.expiresAt || !record.townshipId) return refuse('SETUP.CODE_EXPIRED')
    const person: Person = {
      id: ctx.newId('p'),
      townshipId: record.townshipId,
      name,
      phone,
      roles: ['cadre'],
      householdId: null,
      villageId: null,
      duty: 'office',
      title: '办公室管理员',
      photoUrl: null,
      hasPhone: true,
    }
    await ctx.store.insert('people', person)
    let sessionToken: string | null = null
    const caller = ctx.caller
    if (caller?.kind === 'openid' && caller.openid) {
      const [existing] = await ctx.store.find('bindings', { openid: caller.openid }, { limit: 1 })
      if (existing) return refuse('BINDING.ALREADY_BOUND')
      const binding = { id: ctx.newId('binding'), openid: caller.openid, personId: person.id, boundAt: ctx.now, method: 'setup' as const, issuerId: null }
      await ctx.store.insert('bindings', binding)
      await chainRecord(ctx.store, 'binding', person.townshipId, binding.id, ctx.now)
    } else if (ctx.deps.sessions) {
      sessionToken = await ctx.deps.sessions.issue(person.id, { store: ctx.store, via: 'setup' })
    } else {
      return refuse('AUTH.REQUIRED')
    }
    await ctx.store.replace('setupCodes', { ...record, usedAt: ctx.now, usedById: person.id })
    return { sessionToken, me: await meView(ctx.store, { person, ledVillageIds: [], ledTeams: [] }) }
  },

  'office.places': async (_input, ctx) => placesView(ctx.store, managedTownship(ctx)),

  'office.addVillage': async ({ name }, ctx) => {
    const townshipId = managedTownship(ctx)
    await ctx.store.insert('villages', { id: ctx.newId('v'), townshipId, name })
    return placesView(ctx.store, townshipId)
  },

  'office.addGroup': async ({ villageId, name }, ctx) => {
    const townshipId = managedTownship(ctx)
    const village = await ctx.store.get('villages', villageId)
    if (!village || village.townshipId !== townshipId) return refuse('NOT_FOUND')
    await ctx.store.insert('groups', { id: ctx.newId('g'), villageId, name })
    return placesView(ctx.store, townshipId)
  },

  'office.savePlace': async ({ id, name, villageId, lat, lng, radiusM }, ctx) => {
    const townshipId = managedTownship(ctx)
    if (villageId !== null) {
      const village = await ctx.store.get('villages', villageId)
      if (!village || village.townshipId !== townshipId) return refuse('NOT_FOUND')
    }
    const place: SignInPlace = { id: id ?? ctx.newId('pl'), townshipId, villageId, name, lat, lng, radiusM, datum: 'gcj02' }
    if (id) {
      const existing = await ctx.store.get('places', id)
      if (!existing || existing.townshipId !== townshipId) return refuse('NOT_FOUND')
      await ctx.store.replace('places', place)
    } else {
      await ctx.store.insert('places', place)
    }
    return placesView(ctx.store, townshipId)
  },
}
