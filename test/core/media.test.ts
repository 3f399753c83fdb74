/** Issue 13 item 2 (guard): the rules of screened photos (core/media). */
import {
  mayDecidePhoto,
  mediaCheckAnswerOf,
  mediaCheckOpen,
  mediaStatusOf,
  OTHER_LABEL,
  photoAwaitsPerson,
  photoCheckSummary,
  photoPlaceOf,
  photoShownToPublic,
  portraitShownToVillagers,
  publicViewAllowed,
  reportPhotosPublic,
} from '../../src/core/media'
import type { TicketEvent } from '../../src/core/model'

describe('photoShownToPublic: a photo reaches other villagers only once its check passed', () => {
  it.each([
    ['pass', true],
    ['pending', false],
    ['refused', false],
    ['review', false],
    ['failed', false],
    ['manual', false],
  ] as const)('%s -> %s', (status, shown) => {
    expect(photoShownToPublic({ status })).toBe(shown)
  })
  it('a photo never checked is not shown', () => {
    expect(photoShownToPublic(undefined)).toBe(false)
    expect(photoShownToPublic(null)).toBe(false)
  })
})

describe('mediaStatusOf: the status a check answer gives', () => {
  it('no verdict yet (WeChat answers later) is pending; pass, risky and review map to pass, refused and review', () => {
    expect(mediaStatusOf(null)).toBe('pending')
    expect(mediaStatusOf('pass')).toBe('pass')
    expect(mediaStatusOf('risky')).toBe('refused')
    expect(mediaStatusOf('review')).toBe('review')
  })
  it("images: a server without an automatic check ('none') leaves the photo to a person (manual)", () => {
    expect(mediaStatusOf('none')).toBe('manual')
  })
})

describe('mediaCheckOpen: a decided check is final', () => {
  it('only a pending check takes an answer', () => {
    expect(mediaCheckOpen({ status: 'pending' })).toBe(true)
    for (const status of ['pass', 'refused', 'review', 'failed', 'manual'] as const) expect(mediaCheckOpen({ status })).toBe(false)
  })
})

describe('publicViewAllowed: a follower, or while open any villager of the village', () => {
  const ticket = { townshipId: 'ts-1', villageId: 'vil-a', status: 'accepted' as const, followerIds: ['v-follow'] }
  const villager = (id: string, villageId = 'vil-a') => ({ id, roles: ['villager' as const], townshipId: 'ts-1', villageId })
  it('a villager of the village reads an open report; a closed one only as its follower', () => {
    expect(publicViewAllowed(villager('v-any'), ticket)).toBe(true)
    expect(publicViewAllowed(villager('v-any'), { ...ticket, status: 'closed' })).toBe(false)
    expect(publicViewAllowed(villager('v-follow'), { ...ticket, status: 'closed' })).toBe(true)
  })
  it('never a villager of another village, nor staff by this rule', () => {
    expect(publicViewAllowed(villager('v-follow', 'vil-b'), ticket)).toBe(false)
    expect(publicViewAllowed({ id: 'c', roles: ['cadre'], townshipId: 'ts-1', villageId: 'vil-a' }, ticket)).toBe(false)
  })
})

describe("mediaCheckAnswerOf: WeChat's wxa_media_check push", () => {
  const push = (extra: Record<string, unknown>) => ({ ToUserName: 'gh_1', FromUserName: 'o-1', CreateTime: 1, MsgType: 'event', Event: 'wxa_media_check', appid: 'wx1', trace_id: '690b03d2-301f6111-35ffbd44', version: 2, ...extra })
  it('reads pass, risky (with its label code) and review', () => {
    expect(mediaCheckAnswerOf(push({ result: { suggest: 'pass', label: 100 } }))).toEqual({ traceId: '690b03d2-301f6111-35ffbd44', status: 'pass', label: null })
    expect(mediaCheckAnswerOf(push({ result: { suggest: 'risky', label: 20002 } }))).toEqual({ traceId: '690b03d2-301f6111-35ffbd44', status: 'refused', label: '20002' })
    expect(mediaCheckAnswerOf(push({ result: { suggest: 'review', label: '20006' } }))).toMatchObject({ status: 'review', label: '20006' })
  })
  it('an errcode means the check could not be made: failed (never shown); an odd label is "other"', () => {
    expect(mediaCheckAnswerOf(push({ errcode: 43104, errmsg: 'this appid does not have permission', detail: [] }))).toEqual({ traceId: '690b03d2-301f6111-35ffbd44', status: 'failed', label: null })
    expect(mediaCheckAnswerOf(push({ result: { suggest: 'risky', label: '<b>' } }))?.label).toBe(OTHER_LABEL)
  })
  it('anything else is not an answer', () => {
    expect(mediaCheckAnswerOf(null)).toBeNull()
    expect(mediaCheckAnswerOf({ action: 'ticket.get' })).toBeNull()
    expect(mediaCheckAnswerOf(push({ Event: 'subscribe_msg_popup_event' }))).toBeNull()
    expect(mediaCheckAnswerOf(push({ trace_id: 42 }))).toBeNull()
    expect(mediaCheckAnswerOf(push({ trace_id: "x'; drop table" }))).toBeNull()
  })
})

describe('photoCheckSummary: what the reporter is told', () => {
  it('counts the photos waiting for the check, those waiting for the office, and those others never see with their reasons', () => {
    expect(
      photoCheckSummary([
        { status: 'pass', label: null },
        { status: 'pending', label: null },
        { status: 'refused', label: '20002' },
        { status: 'refused', label: '20002' },
        { status: 'failed', label: null },
        { status: 'review', label: '20006' },
        { status: 'manual', label: null },
      ]),
    ).toEqual({ waiting: 1, withOffice: 3, hidden: 2, reasons: ['20002'] })
    expect(photoCheckSummary([{ status: 'pass', label: null }])).toEqual({ waiting: 0, withOffice: 0, hidden: 0, reasons: [] })
  })
  it("images: a photo the office refused is told by the office's reason", () => {
    expect(photoCheckSummary([{ status: 'refused', label: null, reason: 'offTopic' }, { status: 'refused', label: null }]).reasons).toEqual(['offTopic', OTHER_LABEL])
  })
})

describe("reportPhotosPublic: an anonymous report's photos never reach other villagers", () => {
  it('named reports may show cleared photos; anonymous ones none', () => {
    expect(reportPhotosPublic({ anonymous: false })).toBe(true)
    expect(reportPhotosPublic({ anonymous: true })).toBe(false)
  })
})

describe("portraitShownToVillagers: a cadre's uploaded portrait reaches villagers once its check passed", () => {
  it('an upload needs a passed check; a generated (data:) portrait needs none; no portrait is none', () => {
    expect(portraitShownToVillagers('/uploads/abcdefgh.jpg', { status: 'pass' })).toBe(true)
    expect(portraitShownToVillagers('/uploads/abcdefgh.jpg', { status: 'pending' })).toBe(false)
    expect(portraitShownToVillagers('/uploads/abcdefgh.jpg', { status: 'refused' })).toBe(false)
    expect(portraitShownToVillagers('/uploads/abcdefgh.jpg', null)).toBe(false)
    expect(portraitShownToVillagers('data:image/png;base64,AAAA', null)).toBe(true)
    expect(portraitShownToVillagers(null, { status: 'pass' })).toBe(false)
  })
})

// ---- images (issue 13 item 2's photos) ----
describe('photoAwaitsPerson: what no automatic check decided waits for the office', () => {
  it.each([
    ['review', true],
    ['failed', true],
    ['manual', true],
    ['pending', false],
    ['pass', false],
    ['refused', false],
  ] as const)('%s -> %s', (status, waits) => {
    expect(photoAwaitsPerson({ status })).toBe(waits)
  })
})

describe('photoPlaceOf: a report photo, a step photo or a portrait', () => {
  it("names the place by the object and the ticket's own photos", () => {
    expect(photoPlaceOf({ objectKind: 'person', url: '/uploads/a.jpg' }, null)).toBe('portrait')
    expect(photoPlaceOf({ objectKind: 'ticket', url: '/uploads/a.jpg' }, { photoUrls: ['/uploads/a.jpg'] })).toBe('report')
    expect(photoPlaceOf({ objectKind: 'ticket', url: '/uploads/b.jpg' }, { photoUrls: ['/uploads/a.jpg'] })).toBe('step')
  })
})

describe('mayDecidePhoto: nobody clears or refuses a photo of his own', () => {
  const event = (actorId: string): TicketEvent => ({ seq: 1, action: 'progress', from: 'accepted', to: 'accepted', actorId, actorRole: 'township', at: 1, note: '' })
  const ticket = { reporterId: 'rep', householdId: 'hh-1', assigneeId: 'holder', onBehalfOfId: 'elder', history: [event('rep'), event('worker')] }
  const photo = { objectKind: 'ticket' as const, objectId: 't-1', ownerId: 'rep' }
  const staff = (id: string, householdId: string | null = null) => ({ id, householdId })
  it('an outsider of the township staff may decide a report photo', () => {
    expect(mayDecidePhoto(staff('office'), photo, { ticket, householdCadreId: 'cadre' })).toBe(true)
  })
  it('not its uploader, reporter, the villager filed for, a household member, the household cadre, the holder, nor anyone who acted on it', () => {
    for (const id of ['rep', 'elder', 'holder', 'cadre', 'worker']) expect([id, mayDecidePhoto(staff(id), photo, { ticket, householdCadreId: 'cadre' })]).toEqual([id, false])
    expect(mayDecidePhoto(staff('office', 'hh-1'), photo, { ticket, householdCadreId: 'cadre' })).toBe(false)
    expect(mayDecidePhoto(staff('office'), { ...photo, ownerId: 'office' }, { ticket, householdCadreId: 'cadre' })).toBe(false)
  })
  it("not his own portrait (nor one he uploaded); a colleague's portrait he may", () => {
    const portrait = { objectKind: 'person' as const, objectId: 'cadre-1', ownerId: 'cadre-1' }
    expect(mayDecidePhoto(staff('cadre-1'), portrait, { ticket: null, householdCadreId: null })).toBe(false)
    expect(mayDecidePhoto(staff('office'), portrait, { ticket: null, householdCadreId: null })).toBe(true)
  })
  it('a ticket photo whose ticket is gone is decided by nobody', () => {
    expect(mayDecidePhoto(staff('office'), photo, { ticket: null, householdCadreId: null })).toBe(false)
  })
})
// ---- end images ----
