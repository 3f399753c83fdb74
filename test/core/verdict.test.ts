/** The verdict's small rules: image sniffing, closed periods, today's slots, dimension stars, no-contact marks. */
import { checkImage, sniffImage } from '../../src/core/images'
import { isPeriodClosed, ratablePeriods } from '../../src/core/periods'
import { slotsOfDay } from '../../src/core/signin'
import { starsFromDimensions, withoutContact } from '../../src/core/evaluation'
import { DEFAULT_SETTINGS } from '../../src/core/settings'

const png = (w: number, h: number, size = 64) => {
  const b = new Uint8Array(size)
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  new DataView(b.buffer).setUint32(16, w)
  new DataView(b.buffer).setUint32(20, h)
  return b
}
const jpeg = (w: number, h: number) =>
  new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 17, 8, h >> 8, h & 255, w >> 8, w & 255, 3, 0, 0, 0, 0])
const limits = { maxBytes: 1000, maxSide: 2000, types: ['image/png'] as const }

describe('images are what their bytes say', () => {
  it('reads PNG and JPEG sizes from their headers', () => {
    expect(sniffImage(png(300, 150))).toEqual({ mime: 'image/png', width: 300, height: 150, bytes: 64 })
    expect(sniffImage(jpeg(1280, 960))).toMatchObject({ mime: 'image/jpeg', width: 1280, height: 960 })
    expect(sniffImage(new TextEncoder().encode('<svg/> pretending to be a png'))).toBeNull()
  })
  it('refuses a JPEG where only PNG is allowed, an oversize file, and insane dimensions', () => {
    expect(checkImage(jpeg(10, 10), limits)).toMatchObject({ ok: false, code: 'IMAGE.NOT_AN_IMAGE' })
    expect(checkImage(png(10, 10, 1001), limits)).toMatchObject({ ok: false, code: 'IMAGE.TOO_LARGE' })
    expect(checkImage(png(0, 10), limits)).toMatchObject({ ok: false, code: 'IMAGE.BAD_DIMENSIONS' })
    expect(checkImage(png(10, 2001), limits)).toMatchObject({ ok: false, code: 'IMAGE.BAD_DIMENSIONS' })
    expect(checkImage(png(2000, 1), limits).ok).toBe(true)
  })
})

describe('periods', () => {
  const at = Date.parse('2026-12-02T10:00:00+08:00')
  it('a period is closed only when the close lists it', () => {
    expect(isPeriodClosed('2026-11', [])).toBe(false)
    expect(isPeriodClosed('2026-11', ['2026-11'])).toBe(true)
  })
  it('this month and last month are ratable until last month closes', () => {
    expect(ratablePeriods(at, [], DEFAULT_SETTINGS)).toEqual(['2026-12', '2026-11'])
    expect(ratablePeriods(at, ['2026-11'], DEFAULT_SETTINGS)).toEqual(['2026-12'])
  })
})

describe("today's slots (8:00 / 14:30 / 19:30 +/- 30 min)", () => {
  const t = (hhmm: string) => Date.parse(`2026-11-24T${hhmm}:00+08:00`)
  it('signed, open, upcoming and missed', () => {
    const signIns = [{ at: t('07:50'), slot: 'morning' as const, valid: true }]
    expect(slotsOfDay('2026-11-24', signIns, t('14:10'), DEFAULT_SETTINGS).map((s) => s.state)).toEqual(['signed', 'open', 'upcoming'])
    expect(slotsOfDay('2026-11-24', [], t('20:01'), DEFAULT_SETTINGS).map((s) => s.state)).toEqual(['missed', 'missed', 'missed'])
    expect(slotsOfDay('2026-11-24', [{ ...signIns[0]!, valid: false }], t('07:00'), DEFAULT_SETTINGS).map((s) => s.state)).toEqual(['upcoming', 'upcoming', 'upcoming'])
  })
})

describe('a rating on named dimensions', () => {
  const dims = DEFAULT_SETTINGS.evaluation.dimensions
  it('is the mean of whole stars 1-5 on every dimension', () => {
    expect(starsFromDimensions({ attitude: 5, effectiveness: 4, presence: 4 }, dims)).toEqual({ ok: true, value: 4.33 })
    expect(starsFromDimensions({ attitude: 5, effectiveness: 4, presence: 6 }, dims)).toMatchObject({ ok: false, code: 'RATING.OUT_OF_RANGE' })
    expect(starsFromDimensions({ attitude: 5, effectiveness: 4 }, dims)).toMatchObject({ ok: false, code: 'RATING.DIMENSIONS' })
    expect(starsFromDimensions({ attitude: 5, effectiveness: 4, looks: 4 }, dims)).toMatchObject({ ok: false, code: 'RATING.DIMENSIONS' })
  })
  it('a villagers rating is marked when its household had no signed visit and no ticket', () => {
    const contact = { signedVisitHouseholds: new Set(['h1']), ticketHouseholds: new Set(['h2']) }
    expect(withoutContact({ band: 'villagers', householdId: 'h1' }, contact)).toBe(false)
    expect(withoutContact({ band: 'villagers', householdId: 'h2' }, contact)).toBe(false)
    expect(withoutContact({ band: 'villagers', householdId: 'h3' }, contact)).toBe(true)
    expect(withoutContact({ band: 'peers', householdId: null }, contact)).toBe(false)
  })
})
