/**
 * Issue 14 item 3 through the API: a month whose weeks touch a year the holiday calendar lacks is
 * not closed (nor previewed): its holidays would count as working days and cadres as absent on them.
 * December 2026's last week reads into January 2027; once 2027's notice is in the settings
 * (MINQING_HOLIDAYS in a deployment), the close goes through.
 */
import { DEFAULT_SETTINGS } from '../../src/core/settings'
import { requestId, startHarness, type Harness } from './harness'

const JAN_6_2027 = Date.UTC(2027, 0, 6, 2)

const at2027 = async (settings = DEFAULT_SETTINGS): Promise<Harness> => {
  const h = await startHarness({ settings })
  h.advance(JAN_6_2027 - h.now())
  return h
}

it('December 2026 is refused without 2027 in the calendar, names the year, and writes nothing', async () => {
  const h = await at2027()
  try {
    const office = await h.as('office-1')
    for (const action of ['office.postingPreview', 'office.closePeriod'] as const) {
      const r = await office.call(action, { period: '2026-12' }, requestId())
      expect(r.body).toMatchObject({ ok: false, error: { code: 'PERIOD.CALENDAR_MISSING', issues: [{ path: 'calendar.2027', message: expect.stringContaining('2027年') }] } })
      expect(r.status).toBe(422)
    }
    expect(await h.server.deps.store.count('periods', {})).toBe(0)
    // November reads only 2026's weeks: it closes.
    await office.ok('office.closePeriod', { period: '2026-11' })
  } finally {
    await h.stop()
  }
})

it('with 2027 added to the calendar, December 2026 closes', async () => {
  const withNext = { ...DEFAULT_SETTINGS, calendar: { years: { ...DEFAULT_SETTINGS.calendar.years, '2027': { holidays: ['2027-01-01'], workdays: [] } } } }
  const h = await at2027(withNext)
  try {
    const office = await h.as('office-1')
    await office.ok('office.postingPreview', { period: '2026-12' })
    await office.ok('office.closePeriod', { period: '2026-12' })
    expect((await h.server.deps.store.find('periods', {})).map((p) => [p.period, p.status])).toEqual([['2026-12', 'closed']])
  } finally {
    await h.stop()
  }
})
