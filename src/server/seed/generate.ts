/**
 * The deterministic demo generator: a township modeled on 红庆河镇 (嘎查, 社, households, cadres,
 * work teams, sign-in places) and a month of history before `now` (sign-ins, visits, tickets in every
 * status, leaves, last month's 1135 ratings); above 2000 households, a county of such townships.
 * One rule: the output is a pure function of (seed, households, now, settings) — every draw comes
 * from the seeded Random and every record that has rules is built through the core functions
 * (newTicket/applyTransition, evaluateSignIn, signOff/dispute), so the demo obeys the same rules.
 */
import type {
  CadreDuty,
  Household,
  JointMeeting,
  Leave,
  LocalDate,
  Millis,
  Person,
  Rating,
  RaterBand,
  Role,
  SignIn,
  SignInPlace,
  SignInSlot,
  Ticket,
  TicketStatus,
  Township,
  Village,
  VillagerGroup,
  Visit,
  WorkTeam,
} from '../../core/model'
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings'
import {
  addDays,
  DAY_MS,
  HOUR_MS,
  isoWeekday,
  localDate,
  MINUTE_MS,
  monthKey,
  periodRange,
  previousPeriod,
  startOfLocalDay,
} from '../../core/time'
import { applyTransition, newTicket, TICKET_STATUSES, type TransitionInput } from '../../core/tickets'
import { distanceMeters, evaluateSignIn, toSignIn } from '../../core/signin'
import { dispute, signOff } from '../../core/visits'
import { cadreDayFacts } from '../../core/attendance'
import type { Result } from '../../core/result'
import type { Collections } from '../storage/port'
import { createRandom, mixSeed, type Random } from './random'
import * as W from './names'
import { portraitDataUri } from './portrait'

/** The collections a seed fills (requests are runtime-only; month figures are built on their first read). */
export type SeedCollection = Exclude<
  keyof Collections,
  'requests' | 'monthFigures' | 'monthBuilds' | 'chainEntries' | 'chainHeads' | 'sessions' | 'loginRequests' | 'setupCodes' | 'moderations' | 'callBacks' | 'autoCloses'
>
export type SeedData = { [C in SeedCollection]: Collections[C][] }

export interface GenerateOptions {
  seed: number
  /** Households in total; above COUNTY_THRESHOLD they are split over several townships. */
  households: number
  /** The instant the history ends at (exclusive); nothing generated is later. */
  now: Millis
  settings?: Settings
}

/** The demo the local server seeds: 红庆河镇 at about the size of six 嘎查 (20140812: the article's date). */
export const DEMO_SEED = { seed: 20140812, households: 330 } as const

/** Up to this many households the data is one township; above it, a county. */
export const COUNTY_THRESHOLD = 2000
/**
 * Households per township in a county. At >= 360 every township can give each resident cadre
 * 60-70 households (below it some sizes, e.g. 350, admit no whole number of cadres in range).
 */
export const TOWNSHIP_HOUSEHOLDS = 360
/** Days of history before `now`. */
export const HISTORY_DAYS = 30


const PHONE_PREFIXES = ['130', '131', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '158', '159', '177', '180', '182', '183', '186', '187', '189', '199', '147', '153', '173', '185']

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/** Unwraps a core Result the generator built to be valid: a failure here is a generator bug. */
const must = <T>(r: Result<T>, what: string): T => {
  if (!r.ok) throw new Error(`seed generator produced an invalid ${what}: ${r.code} ${JSON.stringify(r.detail ?? {})}`)
  return r.value
}

/** Readable ids, numbered across the whole data set in generation order. */
class Ids {
  private readonly counters = new Map<string, number>()
  next(prefix: string, width: number): string {
    const n = (this.counters.get(prefix) ?? 0) + 1
    this.counters.set(prefix, n)
    return `${prefix}-${pad(n, width)}`
  }
}

/** Splits `total` into parts proportional to `weights`, each at least `min` (largest remainder). */
const apportion = (total: number, weights: readonly number[], min: number): number[] => {
  const parts = weights.map(() => min)
  const rest = total - min * weights.length
  if (rest < 0) throw new Error(`cannot split ${total} into ${weights.length} parts of at least ${min}`)
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (rest * w) / sum)
  const floors = exact.map(Math.floor)
  let left = rest - floors.reduce((a, b) => a + b, 0)
  const order = exact.map((e, i) => [e - floors[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (const [, i] of order) {
    if (left === 0) break
    floors[i]++
    left--
  }
  return parts.map((p, i) => p + floors[i])
}

/**
 * How many resident cadres a township of n households gets: a whole number k with
 * min <= n/k <= max when one exists ([H] 60-70), nearest to the midpoint; otherwise (tiny or odd
 * sizes) the nearest count to the midpoint, and the loads fall outside the range.
 */
export const residentCadreCount = (n: number, settings: Settings): number => {
  const { minHouseholdsPerCadre: min, maxHouseholdsPerCadre: max } = settings.coverage
  const ideal = n / ((min + max) / 2)
  const lo = Math.ceil(n / max)
  const hi = Math.floor(n / min)
  if (lo <= hi) return Math.max(1, Math.min(hi, Math.max(lo, Math.round(ideal))))
  return Math.max(1, Math.round(ideal))
}

/** How the households are split into townships (see COUNTY_THRESHOLD, TOWNSHIP_HOUSEHOLDS). */
export const townshipSizes = (households: number): number[] => {
  if (households <= COUNTY_THRESHOLD) return [households]
  const count = Math.floor(households / TOWNSHIP_HOUSEHOLDS)
  const base = Math.floor(households / count)
  const extra = households - base * count
  return Array.from({ length: count }, (_, i) => base + (i < extra ? 1 : 0))
}

const villageCount = (n: number): number => Math.max(1, Math.min(40, Math.round(n / 55)))

/** A point `meters` away from (lat, lng) on `bearing` (flat-earth, fine for a few km). */
const offset = (lat: number, lng: number, meters: number, bearing: number): { lat: number; lng: number } => ({
  lat: lat + (meters * Math.cos(bearing)) / 111_320,
  lng: lng + (meters * Math.sin(bearing)) / (111_320 * Math.cos((lat * Math.PI) / 180)),
})

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6

/** All head+tail place names in a seeded order, without the demo's own. */
const placeNames = (rnd: Random, exclude: readonly string[]): string[] => {
  const all: string[] = []
  for (const h of W.PLACE_HEADS) for (const t of W.PLACE_TAILS) all.push(h + t)
  return rnd.shuffle(all.filter((n) => !exclude.some((e) => e.startsWith(n))))
}

interface Shared {
  ids: Ids
  phones: Set<string>
  settings: Settings
  now: Millis
}

const newPhone = (rnd: Random, shared: Shared): string => {
  for (;;) {
    const phone = rnd.pick(PHONE_PREFIXES) + pad(rnd.int(0, 99_999_999), 8)
    if (!shared.phones.has(phone)) {
      shared.phones.add(phone)
      return phone
    }
  }
}

interface TownshipPlan {
  index: number
  name: string
  households: number
  villageNames: string[]
  center: { lat: number; lng: number }
}

/** Everything one township's history needs to look people up quickly. */
interface Roster {
  township: Township
  villages: Village[]
  groups: VillagerGroup[]
  households: Household[]
  members: Map<string, Person[]>
  people: Person[]
  leaders: Person[]
  office: Person[]
  residents: Person[]
  supervisors: Person[]
  teams: WorkTeam[]
  places: SignInPlace[]
  officePlace: SignInPlace
  villagePlace: Map<string, SignInPlace>
  secretaryOf: Map<string, Person>
  villageRaters: Map<string, Person[]>
  householdsOf: Map<string, Household[]>
  teamLeaderOf: Map<string, string[]>
}

// ---------------------------------------------------------------- places and people

const buildRoster = (plan: TownshipPlan, rnd: Random, shared: Shared): Roster => {
  const { ids, settings } = shared
  const township: Township = { id: ids.next('tw', 0), name: plan.name }
  const tw = township.id

  const person = (name: string, roles: Role[], duty: CadreDuty | null, title: string, extra: Partial<Person> = {}): Person => {
    const id = ids.next('p', 4)
    // Every township cadre gets a generated portrait so the demo's villagers see a face (issue 12).
    const female = W.MONGOLIAN_FEMALE.includes(name) || W.GIVEN_FEMALE.some((g) => name.endsWith(g))
    return {
      id,
      townshipId: tw,
      name,
      phone: extra.phone ?? newPhone(rnd, shared),
      roles,
      householdId: null,
      villageId: null,
      duty,
      title,
      photoUrl: roles.includes('cadre') ? portraitDataUri(id, female) : null,
      hasPhone: true,
      ...extra,
    }
  }
  const staffName = (): string =>
    rnd.chance(0.3)
      ? rnd.pick(rnd.chance(0.6) ? W.MONGOLIAN_MALE : W.MONGOLIAN_FEMALE)
      : rnd.pick(W.SURNAMES) + rnd.pick(rnd.chance(0.6) ? W.GIVEN_MALE : W.GIVEN_FEMALE)

  // Township staff first, so p-0001 is the party secretary of the first township.
  const v = plan.villageNames.length
  const leaders = Array.from({ length: Math.max(2, v) }, (_, i) =>
    person(staffName(), ['cadre', 'leader'], 'office', W.LEADER_TITLES[i] ?? '副镇长'),
  )
  const k = residentCadreCount(plan.households, settings)
  // The office hub is ~20% of ordinary cadres ([H] 20/80): one office post per four resident ones.
  const office = Array.from({ length: Math.max(1, Math.ceil(k / 4)) }, (_, i) =>
    person(staffName(), ['cadre'], 'office', W.OFFICE_TITLES[i % W.OFFICE_TITLES.length]),
  )
  const residents = Array.from({ length: k }, (_, i) =>
    person(staffName(), ['cadre'], 'resident', W.RESIDENT_TITLES[i % W.RESIDENT_TITLES.length]),
  )
  // The discipline secretary sits in the leadership but leads no work team (he checks them).
  const supervisors = [
    person(staffName(), ['cadre', 'leader', 'supervisor'], 'office', '纪委书记'),
    ...W.SUPERVISION_TITLES.map((t) => person(staffName(), ['cadre', 'supervisor'], 'office', t)),
  ]
  const publicSupervisors = rnd
    .sample(W.PUBLIC_SUPERVISOR_TITLES, 2)
    .map((t) => person(staffName(), ['publicSupervisor'], null, t))

  // Villages, groups and households, in the order cadres will be assigned.
  const villageSizes = apportion(
    plan.households,
    plan.villageNames.map(() => rnd.real(0.75, 1.25)),
    Math.min(3, Math.floor(plan.households / v)),
  )
  const villages: Village[] = []
  const groups: VillagerGroup[] = []
  const households: Household[] = []
  for (let vi = 0; vi < v; vi++) {
    const village: Village = { id: ids.next('vil', 0), townshipId: tw, name: plan.villageNames[vi] }
    villages.push(village)
    const size = villageSizes[vi]
    const g = Math.max(1, Math.min(rnd.int(3, 5), size))
    const groupSizes = apportion(size, Array.from({ length: g }, () => rnd.real(0.7, 1.3)), 1)
    let number = 0
    for (let gi = 0; gi < g; gi++) {
      const group: VillagerGroup = { id: ids.next('grp', 0), villageId: village.id, name: W.GROUP_NAMES[gi] ?? `${gi + 1}社` }
      groups.push(group)
      for (let h = 0; h < groupSizes[gi]; h++) {
        number++
        households.push({
          id: ids.next('hh', 4),
          townshipId: tw,
          villageId: village.id,
          groupId: group.id,
          number: pad(number, 3),
          headName: '',
          address: `${plan.name}${village.name}${group.name}${h + 1}号`,
          cadreId: null,
        })
      }
    }
  }

  // 包户: contiguous runs of the village/group order, so each cadre's households sit in one or two
  // neighbouring 嘎查 and every group (all non-empty) gets a cadre; loads differ by at most one.
  const loads = rnd.shuffle(apportion(households.length, residents.map(() => 1), 0))
  let cursor = 0
  residents.forEach((cadre, i) => {
    for (let j = 0; j < loads[i]; j++) households[cursor++].cadreId = cadre.id
  })

  // Household members; village cadres and representatives are villagers of these households.
  const members = new Map<string, Person[]>()
  const villagers: Person[] = []
  for (const hh of households) {
    const size = rnd.weighted<number>([
      [1, 15],
      [2, 30],
      [3, 25],
      [4, 20],
      [5, 10],
    ])
    const mongolian = rnd.chance(0.35)
    const surname = rnd.pick(W.SURNAMES)
    const nameOf = (male: boolean, own: boolean): string =>
      mongolian
        ? rnd.pick(male ? W.MONGOLIAN_MALE : W.MONGOLIAN_FEMALE)
        : (own ? surname : rnd.pick(W.SURNAMES)) + rnd.pick(male ? W.GIVEN_MALE : W.GIVEN_FEMALE)
    const headMale = rnd.chance(0.8)
    const list: Person[] = []
    for (let m = 0; m < size; m++) {
      // Head, then spouse (own surname), then children (the head's surname when the head is male).
      const male = m === 0 ? headMale : m === 1 ? !headMale : rnd.chance(0.5)
      const own = m === 0 || (m >= 2 && headMale)
      const hasPhone = rnd.chance(0.9)
      list.push(
        person(nameOf(male, own), ['villager'], null, '', {
          householdId: hh.id,
          villageId: hh.villageId,
          hasPhone,
          phone: '',
        }),
      )
    }
    // Someone in the household must be able to sign a visit off on their own phone.
    if (!list.some((p) => p.hasPhone)) list[0].hasPhone = true
    for (const p of list) if (p.hasPhone) p.phone = newPhone(rnd, shared)
    hh.headName = list[0].name
    members.set(hh.id, list)
    villagers.push(...list)
  }

  // Village cadres: per 嘎查 a party secretary, committee members and representatives, each a
  // household head or spouse from a different household.
  const secretaryOf = new Map<string, Person>()
  const villageRaters = new Map<string, Person[]>()
  for (const village of villages) {
    const inVillage = households.filter((h) => h.villageId === village.id)
    const chosen = rnd.sample(inVillage, 1 + 3 + 4).map((h) => {
      const list = members.get(h.id) ?? []
      return list.length > 1 && rnd.chance(0.3) ? list[1] : list[0]
    })
    const raters: Person[] = []
    chosen.forEach((p, i) => {
      if (i === 0) {
        p.roles.push('secretary')
        p.title = '嘎查党支部书记'
        secretaryOf.set(village.id, p)
      } else if (i <= 3) {
        p.roles.push('committee')
        p.title = W.COMMITTEE_TITLES[i - 1]
      } else {
        p.roles.push('representative')
        p.title = '村民代表'
      }
      // Village cadres act on their phones (escalations, ratings).
      if (!p.hasPhone) {
        p.hasPhone = true
        p.phone = newPhone(rnd, shared)
      }
      raters.push(p)
    })
    villageRaters.set(village.id, raters)
  }

  // Work teams: 包片领导 leads, the village secretary deputises, covering cadres are members.
  const householdsOf = new Map<string, Household[]>()
  for (const hh of households) {
    if (hh.cadreId === null) continue
    const list = householdsOf.get(hh.cadreId) ?? []
    list.push(hh)
    householdsOf.set(hh.cadreId, list)
  }
  const teamLeaderOf = new Map<string, string[]>()
  const teams: WorkTeam[] = villages.map((village, vi) => {
    const memberIds = residents
      .filter((c) => (householdsOf.get(c.id) ?? []).some((h) => h.villageId === village.id))
      .map((c) => c.id)
    const leaderId = leaders[vi % leaders.length].id
    for (const m of memberIds) teamLeaderOf.set(m, [...(teamLeaderOf.get(m) ?? []), leaderId])
    const secretary = secretaryOf.get(village.id)
    if (!secretary) throw new Error(`no secretary for ${village.id}`)
    return {
      id: ids.next('team', 0),
      townshipId: tw,
      villageId: village.id,
      name: `${village.name}驻村工作组`,
      leaderId,
      secretaryId: secretary.id,
      memberIds,
    }
  })

  // Sign-in places: the township office and one point per 嘎查, 3-12 km out and >= 3 km apart, so
  // a point 1.5 km off one geofence is never inside another.
  const officePlace: SignInPlace = {
    id: ids.next('place', 0),
    townshipId: tw,
    villageId: null,
    name: `${plan.name}人民政府`,
    lat: round6(plan.center.lat),
    lng: round6(plan.center.lng),
    radiusM: 200,
  }
  const places: SignInPlace[] = [officePlace]
  const villagePlace = new Map<string, SignInPlace>()
  for (const village of villages) {
    let spot = offset(plan.center.lat, plan.center.lng, rnd.real(3000, 12_000), rnd.real(0, 2 * Math.PI))
    for (let tries = 0; tries < 200 && places.some((p) => distanceMeters(p, spot) < 3000); tries++) {
      spot = offset(plan.center.lat, plan.center.lng, rnd.real(3000, 12_000 + tries * 100), rnd.real(0, 2 * Math.PI))
    }
    const place: SignInPlace = {
      id: ids.next('place', 0),
      townshipId: tw,
      villageId: village.id,
      name: `${village.name}签到点`,
      lat: round6(spot.lat),
      lng: round6(spot.lng),
      radiusM: 300,
    }
    places.push(place)
    villagePlace.set(village.id, place)
  }

  return {
    township,
    villages,
    groups,
    households,
    members,
    people: [...leaders, ...office, ...residents, ...supervisors, ...publicSupervisors, ...villagers],
    leaders,
    office,
    residents,
    supervisors,
    teams,
    places,
    officePlace,
    villagePlace,
    secretaryOf,
    villageRaters,
    householdsOf,
    teamLeaderOf,
  }
}

// ---------------------------------------------------------------- history

interface History {
  signins: SignIn[]
  visits: Visit[]
  tickets: Ticket[]
  leaves: Leave[]
  ratings: Rating[]
}

const phoneMember = (rnd: Random, list: readonly Person[]): Person => {
  const withPhone = list.filter((p) => p.hasPhone)
  return rnd.pick(withPhone.length > 0 ? withPhone : list)
}

const buildHistory = (r: Roster, rnd: Random, shared: Shared): History => {
  const { ids, settings, now } = shared
  const tw = r.township.id
  const today = localDate(now, settings)
  const days: LocalDate[] = Array.from({ length: HISTORY_DAYS }, (_, i) => addDays(today, i - HISTORY_DAYS))
  const at = (date: LocalDate, minutes: number): Millis =>
    startOfLocalDay(date, settings) + Math.round(minutes * MINUTE_MS) + rnd.int(0, 59) * 1000
  const signins: SignIn[] = []
  const visits: Visit[] = []
  const tickets: Ticket[] = []
  const leaves: Leave[] = []
  const ratings: Rating[] = []

  // ---- leaves: one of each status at least; approved leave empties those days.
  const staff = [...r.residents, ...r.office]
  const onLeave = new Set<string>()
  const leaveTakers = rnd.sample(staff, Math.max(3, Math.round(staff.length * 0.3)))
  leaveTakers.forEach((cadre, i) => {
    const status = i < 3 ? (['approved', 'requested', 'declined'] as const)[i] : rnd.weighted([
      ['approved', 6],
      ['requested', 2],
      ['declined', 1],
    ] as const)
    const length = rnd.int(1, 3)
    const from = status === 'requested' ? addDays(today, rnd.int(2, 10)) : addDays(today, -rnd.int(length + 1, HISTORY_DAYS - 1))
    const to = addDays(from, length - 1)
    const decider = r.teamLeaderOf.get(cadre.id)?.[0] ?? r.leaders[0].id
    leaves.push({
      id: ids.next('lv', 3),
      townshipId: tw,
      cadreId: cadre.id,
      from,
      to,
      reason: rnd.pick(W.LEAVE_REASONS),
      status,
      decidedById: status === 'requested' ? null : decider,
    })
    if (status === 'approved') for (let d = 0; d < length; d++) onLeave.add(`${cadre.id}|${addDays(from, d)}`)
  })

  // ---- sign-ins: an intended place and slot, then the core judges what was actually recorded.
  const slotMinutes = settings.signIn.slots
  const window = settings.signIn.windowMinutes
  const signIn = (cadre: Person, date: LocalDate, place: SignInPlace, slot: SignInSlot, sameDay: SignIn[]): void => {
    const outcome = rnd.weighted([
      ['ok', 88],
      ['far', 6],
      ['late', 5],
      ['twice', 1],
    ] as const)
    const inside = offset(place.lat, place.lng, rnd.real(0, place.radiusM * 0.7), rnd.real(0, 2 * Math.PI))
    const spot = outcome === 'far' ? offset(place.lat, place.lng, rnd.real(500, 1500), rnd.real(0, 2 * Math.PI)) : inside
    const minutes =
      outcome === 'late'
        ? slotMinutes[slot] + (rnd.chance(0.7) ? 1 : -1) * rnd.real(window + 5, window + 90)
        : slotMinutes[slot] + rnd.real(-(window - 5), window - 5)
    const attempts = outcome === 'twice' ? [minutes, Math.min(minutes + rnd.real(1, 4), slotMinutes[slot] + window - 1)] : [minutes]
    for (const m of attempts) {
      const attempt = { at: at(date, m), lat: round6(spot.lat), lng: round6(spot.lng), datum: 'gcj02' as const }
      if (attempt.at >= now) return
      const verdict = must(evaluateSignIn(attempt, r.places, sameDay, settings), 'sign-in')
      const record = toSignIn({ id: ids.next('si', 4), townshipId: tw, cadreId: cadre.id }, attempt, verdict)
      sameDay.push(record)
      signins.push(record)
    }
  }

  // ---- visits: recorded by the cadre, then signed, disputed or left pending by the household.
  const windowMs = settings.visits.signOffWindowHours * HOUR_MS
  const visit = (cadre: Person, hh: Household, when: Millis, overnight: boolean): void => {
    if (when >= now) return
    const base: Visit = {
      id: ids.next('v', 4),
      townshipId: tw,
      cadreId: cadre.id,
      householdId: hh.id,
      villageId: hh.villageId,
      at: when,
      purpose: rnd.pick(W.VISIT_PURPOSES),
      notes: rnd.pick(W.VISIT_NOTES),
      overnight,
      status: 'pending',
      signedById: null,
      signedAt: null,
      disputeReason: null,
    }
    const open = now <= when + windowMs
    const fate = open
      ? rnd.weighted([['signed', 1], ['pending', 1]] as const)
      : rnd.weighted([['signed', 90], ['disputed', 4], ['pending', 6]] as const)
    if (fate === 'pending') {
      visits.push(base)
      return
    }
    const signer = phoneMember(rnd, r.members.get(hh.id) ?? [])
    const signedAt = Math.min(when + rnd.int(2 * MINUTE_MS, 8 * HOUR_MS), when + windowMs, now - 1)
    visits.push(
      fate === 'signed'
        ? must(signOff(base, signer, signedAt, settings), 'visit sign-off')
        : must(dispute(base, signer, rnd.pick(W.DISPUTE_REASONS), signedAt, settings), 'visit dispute'),
    )
  }

  for (const cadre of r.residents) {
    const mine = r.householdsOf.get(cadre.id) ?? []
    const byVillage = new Map<string, Household[]>()
    for (const h of mine) byVillage.set(h.villageId, [...(byVillage.get(h.villageId) ?? []), h])
    const villageChoices = [...byVillage.entries()].map(([id, list]) => [id, list.length] as const)
    for (const date of days) {
      if (onLeave.has(`${cadre.id}|${date}`)) continue
      const wd = isoWeekday(date)
      if (wd >= 6 && !rnd.chance(0.2)) continue
      const sameDay: SignIn[] = []
      if (villageChoices.length === 0 || rnd.chance(0.08)) {
        // A day of meetings at the township office.
        signIn(cadre, date, r.officePlace, 'morning', sameDay)
        signIn(cadre, date, r.officePlace, 'afternoon', sameDay)
        continue
      }
      const villageId = rnd.weighted(villageChoices)
      const place = r.villagePlace.get(villageId) ?? r.officePlace
      const pool = byVillage.get(villageId) ?? []
      // [H] Monday morning: business training at the township; [S] Friday afternoon: study there.
      if (rnd.chance(0.95)) signIn(cadre, date, wd === 1 ? r.officePlace : place, 'morning', sameDay)
      if (rnd.chance(0.95)) signIn(cadre, date, wd === 5 ? r.officePlace : place, 'afternoon', sameDay)
      const staysNight = wd <= 4 && rnd.chance(0.8)
      if (staysNight) signIn(cadre, date, place, 'evening', sameDay)
      const targets = rnd.sample(pool, wd === 1 || wd === 5 ? rnd.int(1, 2) : rnd.int(2, 5))
      targets.forEach((hh, i) => {
        const morning = wd !== 1 && (wd === 5 || i % 2 === 0)
        visit(cadre, hh, at(date, morning ? rnd.real(9 * 60, 11.5 * 60) : rnd.real(15 * 60, 18 * 60)), false)
      })
      if (staysNight && rnd.chance(0.25)) visit(cadre, rnd.pick(pool), at(date, rnd.real(20 * 60, 21 * 60)), true)
    }
  }
  // The office hub, leadership and supervision group sign in at the township office.
  for (const cadre of [...r.office, ...r.leaders, ...r.supervisors]) {
    for (const date of days) {
      if (onLeave.has(`${cadre.id}|${date}`) || isoWeekday(date) >= 6) continue
      const sameDay: SignIn[] = []
      signIn(cadre, date, r.officePlace, 'morning', sameDay)
      signIn(cadre, date, r.officePlace, 'afternoon', sameDay)
      if (rnd.chance(0.5)) signIn(cadre, date, r.officePlace, 'evening', sameDay)
    }
  }

  // ---- tickets: every status at least once, each walked through the core's transitions.
  const count = Math.max(TICKET_STATUSES.length, Math.round(r.households.length * 0.12))
  // The village secretary handles escalations, so a household whose only phone is the secretary's
  // could not close its own ticket (core refuses a handler as reporter): such households file none.
  const assigned = r.households.filter(
    (h) => h.cadreId !== null && (r.members.get(h.id) ?? []).some((p) => p.hasPhone && !p.roles.includes('secretary')),
  )
  const hub = r.office[0]
  for (let i = 0; i < count && assigned.length > 0; i++) {
    const target: TicketStatus =
      i < TICKET_STATUSES.length
        ? TICKET_STATUSES[i]
        : rnd.weighted<TicketStatus>([
            ['closed', 35],
            ['resolved', 10],
            ['accepted', 15],
            ['submitted', 10],
            ['escalated_secretary', 6],
            ['joint_meeting', 4],
            ['township_session', 3],
            ['withdrawn', 5],
          ])
    tickets.push(makeTicket(rnd, r, shared, rnd.pick(assigned), target, hub))
  }

  // ---- last month's 1135 ratings, all four bands, for every resident cadre.
  const period = previousPeriod(monthKey(now, settings), settings)
  const range = periodRange(period, settings)
  const ratedAt = (): Millis => Math.min(range.end - rnd.int(HOUR_MS, 5 * DAY_MS), now - 1)
  const stars = (): number =>
    rnd.weighted([
      [5, 50],
      [4, 30],
      [3, 12],
      [2, 5],
      [1, 3],
    ] as const)
  const rate = (band: RaterBand, cadreId: string, raterId: string, householdId: string | null): void => {
    const id = ids.next('rt', 4)
    const given = stars()
    ratings.push({
      id,
      townshipId: tw,
      period,
      band,
      cadreId,
      raterId,
      householdId,
      stars: given,
      // The same stars on every named dimension, as a rater who taps one row of stars would give.
      dimensions: Object.fromEntries(settings.evaluation.dimensions.map((d) => [d, given])),
      comment: band === 'villagers' || rnd.chance(0.3) ? rnd.pick(W.RATING_COMMENTS) : '',
      at: ratedAt(),
    })
  }
  for (const hh of r.households) {
    if (hh.cadreId !== null && rnd.chance(0.85)) rate('villagers', hh.cadreId, phoneMember(rnd, r.members.get(hh.id) ?? []).id, hh.id)
  }
  const peers = [...r.residents, ...r.office]
  for (const cadre of r.residents) {
    const leaderIds = new Set([...(r.teamLeaderOf.get(cadre.id) ?? []), r.leaders[0].id, r.leaders[1].id])
    for (const id of leaderIds) rate('leaders', cadre.id, id, null)
    const others = peers.filter((p) => p.id !== cadre.id)
    const chosen = others.filter(() => rnd.chance(0.75))
    const enough = chosen.length >= 3 ? chosen : rnd.sample(others, Math.min(3, others.length))
    for (const p of others) if (enough.includes(p)) rate('peers', cadre.id, p.id, null)
    const villageIds = new Set((r.householdsOf.get(cadre.id) ?? []).map((h) => h.villageId))
    for (const vid of villageIds) {
      for (const p of r.villageRaters.get(vid) ?? []) if (rnd.chance(0.85)) rate('committees', cadre.id, p.id, null)
    }
  }

  return { signins, visits, tickets, leaves, ratings }
}

/**
 * One ticket of one household, brought to `target` through the core's transitions with coherent
 * actors (reporter, the household's cadre, the village secretary, the township office).
 */
const makeTicket = (rnd: Random, r: Roster, shared: Shared, hh: Household, target: TicketStatus, hub: Person): Ticket => {
  const { ids, settings, now } = shared
  const cadreId = hh.cadreId ?? ''
  const secretary = r.secretaryOf.get(hh.villageId)
  if (!secretary) throw new Error(`no secretary for ${hh.villageId}`)
  const family = r.members.get(hh.id) ?? []
  const category = rnd.pick(settings.tickets.categories)
  const kind = category.kind === 'both' ? (rnd.chance(0.5) ? 'problem' : 'service') : category.kind
  const texts = W.TICKET_TEXTS[category.id] ?? W.TICKET_TEXTS.other
  // A cadre files for a household that has a member without a phone ([H] 代办); someone else in the
  // household then closes the loop, so only households of two or more qualify.
  const onBehalf = family.length > 1 && family.some((p) => !p.hasPhone) && rnd.chance(0.5)
  const villager = phoneMember(rnd, family.filter((p) => !p.roles.includes('secretary')))
  const reporterId = onBehalf ? cadreId : villager.id

  type Step = Omit<TransitionInput, 'at'>
  const reporter = (step: Omit<Step, 'actorId' | 'actorRole'>): Step => ({ ...step, actorId: villager.id, actorRole: 'reporter' })
  const cadre = (step: Omit<Step, 'actorId' | 'actorRole'>): Step => ({ ...step, actorId: cadreId, actorRole: 'cadre' })
  const sec = (step: Omit<Step, 'actorId' | 'actorRole'>): Step => ({ ...step, actorId: secretary.id, actorRole: 'secretary' })
  const byTownship = (step: Omit<Step, 'actorId' | 'actorRole'>): Step => ({ ...step, actorId: hub.id, actorRole: 'township' })
  const accept = cadre({ action: 'accept' })
  const progress = cadre({ action: 'progress', note: rnd.pick(W.PROGRESS_NOTES) })
  const toSecretary = cadre({ action: 'escalate_secretary', note: rnd.pick(W.ESCALATE_SECRETARY_NOTES), nextAssigneeId: secretary.id })
  const toMeeting = sec({ action: 'escalate_joint_meeting', note: rnd.pick(W.ESCALATE_MEETING_NOTES) })
  const toTownship = sec({ action: 'escalate_township', note: rnd.pick(W.ESCALATE_TOWNSHIP_NOTES), nextAssigneeId: hub.id })
  const figures =
    category.id === 'loan'
      ? { loanYuan: rnd.int(5, 30) * 10_000, beneficiaries: rnd.int(1, 5) }
      : category.id === 'subsidy' || category.id === 'infrastructure'
        ? { fundsYuan: rnd.int(2, 200) * 1000, beneficiaries: rnd.int(1, 60) }
        : undefined
  const resolve = (by: (s: Omit<Step, 'actorId' | 'actorRole'>) => Step): Step =>
    by({ action: 'resolve', note: rnd.pick(W.RESOLVE_NOTES), ...(figures ? { result: figures } : {}) })
  const resolvedPath = (): Step[] =>
    rnd.weighted<Step[]>([
      [[accept, resolve(cadre)], 5],
      [[accept, progress, resolve(cadre)], 3],
      [[accept, toSecretary, resolve(sec)], 2],
      [[accept, toSecretary, toMeeting, resolve(sec)], 1],
      [[accept, toSecretary, toTownship, resolve(byTownship)], 1],
    ])
  const reopenThenResolve = (): Step[] => [
    accept,
    resolve(cadre),
    reporter({ action: 'reopen', note: rnd.pick(W.REOPEN_NOTES) }),
    resolve(cadre),
  ]
  const paths: Record<TicketStatus, () => Step[]> = {
    submitted: () => [],
    accepted: () =>
      rnd.weighted<Step[]>([
        [[accept], 3],
        [[accept, progress], 2],
        [[accept, resolve(cadre), reporter({ action: 'reopen', note: rnd.pick(W.REOPEN_NOTES) })], 1],
      ]),
    escalated_secretary: () => [accept, toSecretary],
    joint_meeting: () => [accept, toSecretary, toMeeting],
    township_session: () => (rnd.chance(0.5) ? [accept, toSecretary, toMeeting, toTownship] : [accept, toSecretary, toTownship]),
    resolved: resolvedPath,
    closed: () => [
      ...(rnd.chance(0.15) ? reopenThenResolve() : resolvedPath()),
      reporter({ action: 'confirm', satisfaction: rnd.weighted([[5, 6], [4, 3], [3, 1]] as const) }),
    ],
    withdrawn: () => (rnd.chance(0.5) ? [reporter({ action: 'withdraw' })] : [accept, reporter({ action: 'withdraw' })]),
  }
  const steps = paths[target]()

  // Events spread over the time between filing and now, each a little after the one before.
  const createdAt = now - rnd.int(6 * HOUR_MS, HISTORY_DAYS * DAY_MS)
  const span = now - createdAt
  const marks = Array.from({ length: steps.length }, () => rnd.real(0.05, 0.95)).sort((a, b) => a - b)
  let ticket = must(
    newTicket(
      {
        id: ids.next('tk', 4),
        townshipId: r.township.id,
        villageId: hh.villageId,
        householdId: hh.id,
        kind,
        category: category.id,
        description: rnd.pick(texts),
        reporterId,
        filedOnBehalf: onBehalf,
        anonymous: kind === 'problem' && rnd.chance(0.1),
        assigneeId: cadreId,
        at: createdAt,
      },
      settings,
    ),
    'ticket',
  )
  let last = createdAt
  steps.forEach((step, i) => {
    last = Math.max(last + MINUTE_MS, createdAt + Math.round(span * marks[i]))
    ticket = must(applyTransition(ticket, { ...step, at: Math.min(last, now - 1) }), `ticket step ${step.action}`)
  })
  if (ticket.status !== target) throw new Error(`ticket reached ${ticket.status}, wanted ${target}`)
  return ticket
}

/**
 * The joint meetings behind seeded tickets that went to one (an escalate_joint_meeting step): one
 * meeting per ticket, convened by the village secretary at that step. A ticket still in
 * joint_meeting has a convened meeting; one that moved on (to the township session, or resolved by
 * the secretary) has recorded minutes: attendees from the roster and the decision that moved it.
 * No random draws: the rest of the demo does not change.
 */
const jointMeetings = (r: Roster, tickets: Ticket[], shared: Shared): JointMeeting[] => {
  const out: JointMeeting[] = []
  for (const t of tickets) {
    const i = t.history.findIndex((e) => e.action === 'escalate_joint_meeting')
    if (i < 0) continue
    const convened = t.history[i]
    const next = t.history[i + 1]
    const team = r.teams.find((x) => x.villageId === t.villageId) ?? null
    const committee = r.people.filter((p) => p.villageId === t.villageId && p.roles.includes('committee'))
    const household = r.households.find((h) => h.id === t.householdId)
    // The secretary, the committee, the team leader and the household's cadre.
    const attendeeIds = [...new Set([convened.actorId, ...committee.map((p) => p.id), ...(team ? [team.leaderId] : []), ...(household?.cadreId ? [household.cadreId] : [])])]
    const decided = next && (next.action === 'escalate_township' || next.action === 'resolve')
    const ownerId = next?.action === 'resolve' ? convened.actorId : (team?.leaderId ?? convened.actorId)
    out.push({
      id: shared.ids.next('mt', 4),
      townshipId: t.townshipId,
      villageId: t.villageId,
      convenedById: convened.actorId,
      convenedAt: convened.at,
      topic: W.MEETING_TOPICS[out.length % W.MEETING_TOPICS.length],
      ticketIds: [t.id],
      attendeeIds: decided ? attendeeIds : [],
      decisions: decided ? [{ ticketId: t.id, decision: next.action === 'resolve' ? W.MEETING_DECISIONS.resolve : W.MEETING_DECISIONS.township, ownerId, at: next.at }] : [],
      status: decided ? 'recorded' : 'convened',
      version: decided ? 2 : 1,
    })
  }
  return out
}

// ---------------------------------------------------------------- entry point

/**
 * The whole seed. One township (红庆河镇 and its six 嘎查 at the demo size) up to
 * COUNTY_THRESHOLD households; above it floor(n / 360) townships of ~360 households each, laid out
 * on a grid around 39.2N 109.6E, the first still 红庆河镇.
 */
export const generateTownship = (options: GenerateOptions): SeedData => {
  const settings = options.settings ?? DEFAULT_SETTINGS
  if (!Number.isInteger(options.households) || options.households < 1) {
    throw new Error(`households must be a positive integer, got ${options.households}`)
  }
  const shared: Shared = { ids: new Ids(), phones: new Set(), settings, now: options.now }
  const root = createRandom(mixSeed(options.seed, 0x5eed))
  const sizes = townshipSizes(options.households)
  const townshipNames = placeNames(root.fork(1), [W.DEMO_TOWNSHIP_NAME])

  const data: SeedData = {
    townships: [],
    villages: [],
    groups: [],
    households: [],
    people: [],
    teams: [],
    places: [],
    bindings: [],
    tickets: [],
    visits: [],
    signins: [],
    leaves: [],
    ratings: [],
    meta: [],
    meetings: [],
    notifications: [],
    uploads: [],
    periods: [],
    closeResults: [],
    selfReviews: [],
    checks: [],
    reports: [],
    findings: [],
    notices: [],
    reveals: [],
    invitations: [],
    images: [],
    consents: [],
    chainNotes: [],
    cadreDays: [],
    bindingEvents: [],
    phoneCodes: [],
    judgeRefusals: [],
    // first-screen: planned visits are made by cadres, not seeded
    visitPlans: [],
    mediaChecks: [],
  }
  sizes.forEach((households, index) => {
    // Each township draws from its own stream: its data does not depend on its neighbours'.
    const rnd = root.fork(1000 + index)
    const v = villageCount(households)
    const name =
      index === 0
        ? W.DEMO_TOWNSHIP_NAME
        : `${townshipNames[(index - 1) % townshipNames.length]}${index > townshipNames.length ? index : ''}${rnd.chance(0.25) ? '苏木' : '镇'}`
    const generated = placeNames(rnd.fork(2), W.DEMO_VILLAGE_NAMES)
    const villageNames = Array.from({ length: v }, (_, i) =>
      index === 0 && i < W.DEMO_VILLAGE_NAMES.length ? W.DEMO_VILLAGE_NAMES[i] : `${generated[i % generated.length]}嘎查`,
    )
    const plan: TownshipPlan = {
      index,
      name,
      households,
      villageNames,
      center: {
        lat: 39.2 + rnd.real(-0.01, 0.01) + Math.floor(index / 16) * 0.3,
        lng: 109.6 + rnd.real(-0.01, 0.01) + (index % 16) * 0.35,
      },
    }
    const roster = buildRoster(plan, rnd.fork(3), shared)
    const history = buildHistory(roster, rnd.fork(4), shared)
    data.townships.push(roster.township)
    data.villages.push(...roster.villages)
    data.groups.push(...roster.groups)
    data.households.push(...roster.households)
    data.people.push(...roster.people)
    data.teams.push(...roster.teams)
    data.places.push(...roster.places)
    data.tickets.push(...history.tickets)
    data.visits.push(...history.visits)
    data.signins.push(...history.signins)
    data.leaves.push(...history.leaves)
    // The month figures as facts: what each cadre's days of this history count as.
    data.cadreDays.push(...cadreDayFacts(roster.township.id, { signIns: history.signins, visits: history.visits, leaves: history.leaves }, settings))
    data.ratings.push(...history.ratings)
    data.meetings.push(...jointMeetings(roster, history.tickets, shared))
    // 村务公开: one township-wide notice from the office and one to the first village.
    const author = roster.office[0]
    if (author) {
      const at = options.now - 2 * 24 * 3_600_000
      data.notices.push(
        { id: shared.ids.next('notice', 5), townshipId: roster.township.id, villageId: null, title: W.NOTICES[0].title, body: W.NOTICES[0].body, authorId: author.id, at },
        ...(roster.villages[0]
          ? [{ id: shared.ids.next('notice', 5), townshipId: roster.township.id, villageId: roster.villages[0].id, title: W.NOTICES[1].title, body: W.NOTICES[1].body, authorId: author.id, at: at + 3_600_000 }]
          : []),
      )
    }
  })
  data.meta.push({
    id: 'seed',
    value: { seed: options.seed, households: options.households, now: options.now, townships: sizes.length },
  })
  return data
}
