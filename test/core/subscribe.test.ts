import { autoCloseDate, autoCloseDue, clipForField, subscribeData, subscribeEventOf, subscribeTime } from '../../src/core/subscribe'
import { DEFAULT_SETTINGS } from '../../src/core/settings'

const at = Date.UTC(2026, 10, 30, 17, 5) // 2026-12-01 01:05 in Beijing

describe('subscribe messages (issue 11 item 3)', () => {
  it('subscribeTime: a time field is in Beijing time (the township wall clock), never UTC', () => {
    expect(subscribeTime(at, DEFAULT_SETTINGS)).toBe('2026年12月1日 01:05')
    expect(subscribeTime(at, { utcOffsetMinutes: 0 })).toBe('2026年11月30日 17:05')
  })

  it('clipForField: thing at most 20 characters, phrase at most 5 Chinese characters, never empty', () => {
    expect(clipForField('thing4', '一二三四五六七八九十一二三四五六七八九十多出来')).toBe('一二三四五六七八九十一二三四五六七八九十')
    expect(clipForField('phrase2', '群众 已确认!')).toBe('群众已确认')
    expect(clipForField('phrase2', '等待群众确认了')).toBe('等待群众确')
    expect(clipForField('thing1', '  ')).toBe('-')
    expect(clipForField('character_string9', 'x'.repeat(40))).toHaveLength(32)
  })

  it('subscribeData: every mapped field of the template filled from the step', () => {
    const template = DEFAULT_SETTINGS.subscribe.templates.taken
    expect(subscribeData(template, { matter: '反映问题：道路水电', status: '已受理', note: '干部已接手，会尽快办理', person: '' }, at, DEFAULT_SETTINGS)).toEqual({
      thing1: { value: '反映问题：道路水电' },
      phrase2: { value: '已受理' },
      time3: { value: '2026年12月1日 01:05' },
      thing4: { value: '干部已接手，会尽快办理' },
    })
  })

  it('subscribeEventOf: taken, escalated, waiting for your confirmation for the loop closer, resolved for the others', () => {
    expect(subscribeEventOf('accept', true)).toBe('taken')
    expect(subscribeEventOf('decide', false)).toBe('taken')
    expect(subscribeEventOf('escalate_township', true)).toBe('escalated')
    expect(subscribeEventOf('resolve', true)).toBe('confirm')
    expect(subscribeEventOf('resolve', false)).toBe('resolved')
    expect(subscribeEventOf('confirm', false)).toBe('resolved')
    expect(subscribeEventOf('confirm', true)).toBeNull()
    expect(subscribeEventOf('progress', true)).toBeNull()
    expect(subscribeEventOf('create', false)).toBeNull()
  })
})

describe('the automatic month close (issue 11 item 7)', () => {
  const beijing = (y: number, m: number, d: number, h: number) => Date.UTC(y, m - 1, d, h - 8)
  it('autoCloseDue: the previous month from day N on (Beijing time), never before, never when switched off', () => {
    const s = { ...DEFAULT_SETTINGS, monthClose: { autoDay: 5 } }
    expect(autoCloseDue(beijing(2026, 12, 4, 23), s)).toBeNull()
    expect(autoCloseDue(beijing(2026, 12, 5, 0), s)).toBe('2026-11')
    expect(autoCloseDue(beijing(2026, 12, 28, 12), s)).toBe('2026-11')
    expect(autoCloseDue(beijing(2027, 1, 5, 1), s)).toBe('2026-12')
    // 2026-12-05 00:30 Beijing is still 12-04 in UTC: the township's day counts.
    expect(autoCloseDue(Date.UTC(2026, 11, 4, 16, 30), s)).toBe('2026-11')
    expect(autoCloseDue(beijing(2026, 12, 20, 12), { ...s, monthClose: { autoDay: 0 } })).toBeNull()
  })
})

// selfhost (issue 11 item 7): the line on the office's month list saying when a month closes by itself.
describe('autoCloseDate', () => {
  const open = { decidedByOffice: false, attempted: false }
  const day5 = { ...DEFAULT_SETTINGS, monthClose: { autoDay: 5 } }
  const nov30 = Date.UTC(2026, 10, 30, 4) // 2026-11-30 12:00 Beijing

  it('autoCloseDate: day autoDay of the month after the period, for the previous and the current month; due from that day on', () => {
    expect(autoCloseDate('2026-10', open, nov30, day5)).toEqual({ date: '2026-11-05', due: true })
    expect(autoCloseDate('2026-11', open, nov30, day5)).toEqual({ date: '2026-12-05', due: false })
    expect(autoCloseDate('2026-12', open, Date.UTC(2026, 11, 2), day5)).toEqual({ date: '2027-01-05', due: false })
    // Due from the day itself on (Beijing time): 2026-12-04 16:00 UTC is December 5th, 00:00.
    expect(autoCloseDate('2026-11', open, Date.UTC(2026, 11, 4, 15, 59), day5)?.due).toBe(false)
    expect(autoCloseDate('2026-11', open, Date.UTC(2026, 11, 4, 16, 0), day5)?.due).toBe(true)
    // Beijing time decides the month: 2026-11-30 17:00 UTC is already December 1st.
    expect(autoCloseDate('2026-10', open, Date.UTC(2026, 10, 30, 17), day5)).toBeNull()
  })

  it('autoCloseDate: none when the office decided, when the attempt was made, when switched off, or for older months', () => {
    expect(autoCloseDate('2026-10', { decidedByOffice: true, attempted: false }, nov30, day5)).toBeNull()
    expect(autoCloseDate('2026-10', { decidedByOffice: false, attempted: true }, nov30, day5)).toBeNull()
    expect(autoCloseDate('2026-10', open, nov30, { ...day5, monthClose: { autoDay: 0 } })).toBeNull()
    expect(autoCloseDate('2026-09', open, nov30, day5)).toBeNull()
  })
})
