/**
 * Small factories for core tests: each returns a valid record with overridable fields.
 * One rule: times are written as township wall-clock strings (+08:00), never read from a clock.
 */
import type {
  Household,
  Leave,
  Person,
  Rating,
  SignIn,
  SignInPlace,
  Ticket,
  VillagerGroup,
  Visit,
  WorkTeam,
} from '../../src/core/model'
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings'

/** Township wall-clock time `YYYY-MM-DD HH:mm` (China, +08:00) to epoch ms. */
export const at = (wallClock: string): number => {
  const ms = Date.parse(`${wallClock.replace(' ', 'T')}:00+08:00`)
  if (Number.isNaN(ms)) throw new Error(`bad time ${wallClock}`)
  return ms
}

export const HOUR = 3_600_000

export const settings = (overrides: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...overrides })

export const makePerson = (overrides: Partial<Person> = {}): Person => ({
  id: 'p-villager',
  townshipId: 't1',
  name: '王大娘',
  phone: '13800000000',
  roles: ['villager'],
  householdId: 'h1',
  villageId: 'v1',
  duty: null,
  title: '',
  photoUrl: null,
  hasPhone: true,
  ...overrides,
})

export const makeCadre = (overrides: Partial<Person> = {}): Person =>
  makePerson({ id: 'c1', name: '李干部', roles: ['cadre'], householdId: null, villageId: null, duty: 'resident', title: '民政助理', ...overrides })

export const makeGroup = (overrides: Partial<VillagerGroup> = {}): VillagerGroup => ({
  id: 'g1',
  villageId: 'v1',
  name: '一组',
  ...overrides,
})

export const makeHousehold = (overrides: Partial<Household> = {}): Household => ({
  id: 'h1',
  townshipId: 't1',
  villageId: 'v1',
  groupId: 'g1',
  number: '001',
  headName: '王大爷',
  address: '一组1号',
  cadreId: 'c1',
  ...overrides,
})

/** n households of one group, all assigned to one cadre (ids prefixed to stay unique). */
export const makeHouseholds = (n: number, overrides: Partial<Household> = {}, prefix = 'h'): Household[] =>
  Array.from({ length: n }, (_, i) => makeHousehold({ id: `${prefix}${i + 1}`, number: String(i + 1).padStart(3, '0'), ...overrides }))

export const makeTeam = (overrides: Partial<WorkTeam> = {}): WorkTeam => ({
  id: 'team1',
  townshipId: 't1',
  villageId: 'v1',
  name: '一村驻村工作组',
  leaderId: 'leader1',
  secretaryId: 'sec1',
  memberIds: ['c1', 'c2'],
  ...overrides,
})

export const makeTicket = (overrides: Partial<Ticket> = {}): Ticket => {
  const createdAt = overrides.createdAt ?? at('2026-11-16 09:00')
  return {
    id: 'tk1',
    townshipId: 't1',
    villageId: 'v1',
    householdId: 'h1',
    kind: 'service',
    category: 'certificate',
    description: '开具收入证明',
    reporterId: 'p-villager',
    filedOnBehalf: false,
    anonymous: false,
    status: 'submitted',
    assigneeId: 'c1',
    createdAt,
    dueAt: createdAt + 48 * HOUR,
    version: 1,
    history: [{ seq: 1, action: 'create', from: null, to: 'submitted', actorId: 'p-villager', actorRole: 'reporter', at: createdAt, note: '' }],
    satisfaction: null,
    result: null,
    photoUrls: [],
    ...overrides,
  }
}

export const makeVisit = (overrides: Partial<Visit> = {}): Visit => ({
  id: 'vis1',
  townshipId: 't1',
  cadreId: 'c1',
  householdId: 'h1',
  villageId: 'v1',
  at: at('2026-11-16 10:00'),
  purpose: '走访',
  notes: '',
  overnight: false,
  status: 'pending',
  signedById: null,
  signedAt: null,
  disputeReason: null,
  ...overrides,
})

/** A visit already signed by the household. */
export const signedVisit = (wallClock: string, overrides: Partial<Visit> = {}): Visit =>
  makeVisit({ id: `vis-${wallClock}`, at: at(wallClock), status: 'signed', signedById: 'p-villager', signedAt: at(wallClock) + HOUR, ...overrides })

export const makePlace = (overrides: Partial<SignInPlace> = {}): SignInPlace => ({
  id: 'office',
  townshipId: 't1',
  villageId: null,
  name: '镇政府',
  lat: 39.5,
  lng: 109.8,
  radiusM: 200,
  ...overrides,
})

export const makeSignIn = (overrides: Partial<SignIn> = {}): SignIn => ({
  id: 's1',
  townshipId: 't1',
  cadreId: 'c1',
  at: at('2026-11-16 08:00'),
  lat: 39.5,
  lng: 109.8,
  placeId: 'office',
  slot: 'morning',
  valid: true,
  invalidReason: null,
  ...overrides,
})

/** A valid sign-in at a wall-clock time for a slot. */
export const validSignIn = (wallClock: string, slot: SignIn['slot'], overrides: Partial<SignIn> = {}): SignIn =>
  makeSignIn({ id: `s-${wallClock}`, at: at(wallClock), slot, ...overrides })

export const makeLeave = (overrides: Partial<Leave> = {}): Leave => ({
  id: 'l1',
  townshipId: 't1',
  cadreId: 'c1',
  from: '2026-11-16',
  to: '2026-11-16',
  reason: '病假',
  status: 'approved',
  decidedById: 'leader1',
  ...overrides,
})

export const makeRating = (overrides: Partial<Rating> = {}): Rating => ({
  id: 'r1',
  townshipId: 't1',
  period: '2026-11',
  band: 'villagers',
  cadreId: 'c1',
  raterId: 'p-villager',
  householdId: 'h1',
  stars: 5,
  comment: '',
  at: at('2026-11-20 10:00'),
  ...overrides,
})

/** Ratings in one band with the given stars, from distinct raters (and households, for villagers). */
export const bandRatings = (band: Rating['band'], stars: number[], overrides: Partial<Rating> = {}): Rating[] =>
  stars.map((s, i) =>
    makeRating({
      id: `${band}-${i}`,
      band,
      raterId: `${band}-rater-${i}`,
      householdId: band === 'villagers' ? `${band}-h-${i}` : null,
      stars: s,
      ...overrides,
    }),
  )
