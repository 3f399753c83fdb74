/**
 * Issue 13 items 5-6: dates in the Mongolian part are in a Mongolian form (src/i18n/dates.ts), not
 * "11月30日". One set of forms per locale; screens format through src/components/format.ts, which in
 * the Mongolian locale shows Mongolian first with the Chinese beside it. The forms await a native
 * speaker's review (docs/mongolian.md, "Dates").
 */
import { formatDate, formatDay, formatDayTime, formatMonth, formatPeriod, formatToday, formatWeek } from '../../src/components/format'
import { planDay } from '../../src/features/villager/planDay'
import { setCurrentLocale } from '../../src/i18n'
import { dateHalves, datesFor, lastNumeralWord, mnDates, mnDatesLatin, numeralGenitive, zhDates } from '../../src/i18n/dates'
import { mnMong } from '../../src/i18n/mn-Mong'
import { genitiveAfter, mong, splitBilingual } from '../../src/i18n/mongolian-script'

const nov30 = { year: 2026, month: 11, day: 30, weekday: 1 }
const hasMongolian = (s: string) => /[\u1820-\u18AF]/.test(s)
const hasChinese = (s: string) => /[\u3400-\u9fff]/.test(s)

afterEach(() => setCurrentLocale('zh-CN'))

describe('Mongolian date forms', () => {
  it('a date reads year on, month sar-a and day edür with their suffixes: 2026 on-u 11 sar-a-yin 30-u edür', () => {
    expect(mnDatesLatin.date(nov30, true)).toBe('2026 on-u 11 sar-a-yin 30-u edür')
    expect(mnDates.date(nov30, true)).toBe(mong('2026 on-u 11 sar-a-yin 30-u edür'))
    expect(mnDates.date(nov30, true)).toContain('\u1823\u1828') // ᠣᠨ year
    expect(mnDates.date(nov30, true)).toContain('\u1830\u1820\u1837\u180E\u1820') // sar-a, month
    expect(mnDates.date(nov30, true)).toContain('\u1821\u1833\u1826\u1837') // ᠡᠳᠦᠷ day
    // The year only when asked (this year's dates leave it out, as zh-CN does).
    expect(mnDatesLatin.date(nov30, false)).toBe('11 sar-a-yin 30-u edür')
  })

  it("the day's genitive follows the numeral as read aloud (1 nigen -ü, 2 qoyar -un, 30 γučin -u, 31 nigen -ü)", () => {
    expect([1, 2, 3, 4, 9, 10, 11, 12, 20, 22, 30, 31].map((n) => `${n}-${numeralGenitive(n)}`)).toEqual(['1-ü', '2-un', '3-u', '4-ü', '9-ü', '10-u', '11-ü', '12-un', '20-u', '22-un', '30-u', '31-ü'])
    expect(lastNumeralWord(2026)).toBe('ǰirγuγan')
    expect(lastNumeralWord(2000)).toBe('mingγ-a')
    expect(numeralGenitive(2000)).toBe('yin') // after a vowel
    expect(numeralGenitive(40)).toBe('ü') // döčin, a front word
  })

  it('weekdays are γaraγ-un nigen … γaraγ-un edür, Monday first', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((w) => mnDatesLatin.weekday(w))).toEqual(['γaraγ-un nigen', 'γaraγ-un qoyar', 'γaraγ-un γurban', 'γaraγ-un dörben', 'γaraγ-un tabun', 'γaraγ-un ǰirγuγan', 'γaraγ-un edür'])
    expect(mnDatesLatin.dateWeekday(nov30, false)).toBe('11 sar-a-yin 30-u edür γaraγ-un nigen')
    expect(mnDates.weekday(7)).toBe(mong('γaraγ-un edür'))
  })

  it('N days reads "N edür"; a month, a quarter and a year in words', () => {
    expect(mnDatesLatin.days(3)).toBe('3 edür')
    expect(mnDates.days(3)).toBe(`3 ${mong('edür')}`)
    expect(mnDatesLatin.month(2026, 10)).toBe('2026 on-u 10 sar-a')
    expect(mnDatesLatin.quarter(2026, 4)).toBe('2026 on-u 4-düger uliral')
    expect(mnDatesLatin.year(2026)).toBe('2026 on')
  })

  it('a week is named from its Monday to its Sunday: the ablative on edür, then kürtele', () => {
    expect(mnDatesLatin.range({ year: 2026, month: 9, day: 28, weekday: 1 }, { year: 2026, month: 10, day: 4, weekday: 7 })).toBe('9 sar-a-yin 28-u edür-eče 10 sar-a-yin 4-ü edür kürtele')
  })

  it('every form ends in a Mongolian word, so a suffix written after a date follows that word', () => {
    for (const text of [mnDates.date(nov30, false), mnDates.month(2026, 11), mnDates.range(nov30, nov30), mnDates.dateWeekday(nov30, true)]) {
      expect(text).toMatch(/[\u1820-\u18AF]$/)
    }
  })
})

describe('one formatter per locale, used by the screens', () => {
  const at = new Date(2026, 10, 30, 9, 5).getTime()

  it('zh-CN screens keep the Chinese forms', () => {
    expect(zhDates.dateWeekday(nov30, true)).toBe('2026年11月30日 星期一')
    expect(formatDay(at)).toBe('2026年11月30日 星期一')
    expect(formatWeek('2026-W40')).toBe('9月28日至10月4日')
    expect(planDay('2026-12-03')).toBe('12月3日（周四）')
  })

  it('in the Mongolian locale every screen date is Mongolian first with the Chinese beside it', () => {
    setCurrentLocale('mn-Mong')
    for (const shown of [formatDate(at), formatDay(at), formatToday(at), formatDayTime(at), formatMonth('2026-10'), formatPeriod('2026-Q4'), formatWeek('2026-W40'), planDay('2026-12-03')]) {
      expect(shown).toMatch(/^\d+ [\u1820-\u18AF]/) // starts with the Mongolian form
      const { mongolian, chinese } = dateHalves(shown)
      expect(hasMongolian(mongolian) && !hasChinese(mongolian)).toBe(true)
      expect(hasChinese(chinese) && !hasMongolian(chinese)).toBe(true)
    }
    expect(formatDay(at)).toBe(`${mnDates.dateWeekday(nov30, true)} 2026年11月30日 星期一`)
    expect(dateHalves(formatDayTime(at)).mongolian).toMatch(/[\u1820-\u18AF] 09:05$/)
    expect(dateHalves(formatDayTime(at)).chinese).toMatch(/日 09:05$/)
    expect(datesFor('mn-Mong').date(nov30, false)).toBe(`${mnDates.date(nov30, false)} 11月30日`)
  })

  it('a sentence puts each half of a date on its own side: no Chinese date in the Mongolian, no Mongolian in the Chinese', () => {
    setCurrentLocale('mn-Mong')
    const date = formatDate(at)
    const { mongolian, chinese } = dateHalves(date)
    const sentences = [
      mnMong.tickets.createdOn(date),
      mnMong.tickets.dueBy(date),
      mnMong.tickets.overdue(date),
      mnMong.ticketLoop.expected(date),
      mnMong.home.today(formatToday(at)),
      mnMong.verdict.waiting.visitToSign('Batu', date),
      mnMong.voice.follow.filed(date),
      mnMong.rules.levelDue(mnMong.rules.levels.cadre, date),
      mnMong.office.ui.posting.title(formatMonth('2026-10')),
      mnMong.office.ui.posting.open(formatMonth('2026-10')),
      mnMong.plain.weekOk(formatWeek('2026-W40')),
    ]
    for (const s of sentences) {
      expect(s).not.toContain(date) // never the bilingual date whole inside a sentence
      const cut = s.search(/[\u3400-\u9fff]/)
      expect(hasMongolian(s.slice(0, cut))).toBe(true)
      expect(hasMongolian(s.slice(cut))).toBe(false)
    }
    expect(mnMong.tickets.createdOn(date)).toBe(`${mongolian} ${mong('ilegegsen')} ${chinese} 提交`)
    // A date ends in edür: the dative is -tür (edür-tür), the ablative -eče.
    expect(mnMong.verdict.waiting.visitToSign('Batu', date)).toContain(`${mongolian}${mong('-tür')}`)
    expect(mnMong.tickets.dueBy(date)).toContain(`${mongolian}${mong('-eče')}`)
    expect(mnMong.office.ui.posting.title(formatMonth('2026-10'))).toContain(mnDates.month(2026, 10))
    expect(mnMong.verdict.rating.period('2026-11')).toContain(mnDates.month(2026, 11))
  })

  it('a Chinese-only date serves both halves as it is', () => {
    expect(dateHalves('11月30日')).toEqual({ mongolian: '11月30日', chinese: '11月30日' })
    expect(mnMong.office.ui.posting.open('2026年10月')).toContain(mnDates.month(2026, 10)) // the older caller's Chinese month still reads Mongolian
  })
})

describe('Mongolian words around the dates (seen on the ticket page)', () => {
  it("a level's deadline takes the genitive of the level's last word (ajiltan-u, šuǰi-yin, qural-un, bülüg-ün)", () => {
    expect(genitiveAfter(mong('alban ajiltan'))).toBe('-u')
    expect(genitiveAfter(mong('nam-un salbur-un šuǰi'))).toBe('-yin')
    expect(genitiveAfter(mong('qamtu qural'))).toBe('-un')
    expect(genitiveAfter(mong('qinan šalγaqu bülüg'))).toBe('-ün')
    expect(mnMong.rules.levelDue(mnMong.rules.levels.cadre, '12月3日')).toContain(mong('ajiltan-u šiidbürilekü'))
  })

  it("the level timer keeps each language's words together: the deadline and the time left in Mongolian, then the Chinese", () => {
    setCurrentLocale('mn-Mong')
    const due = formatDate(new Date(2026, 11, 3).getTime())
    const line = mnMong.rules.levelTimer(mnMong.rules.levelDue(mnMong.rules.levels.cadre, due), mnMong.rules.levelLeft(72))
    const cut = line.search(/[\u3400-\u9fff]/)
    expect(hasMongolian(line.slice(cut))).toBe(false)
    expect(line.slice(0, cut)).toContain(`(${mong('3 edür üldebe')})`)
    expect(line.slice(cut)).toMatch(/办理期限：12月3日（还剩 3 天）$/)
  })

  it('a title joined of bilingual parts splits part by part (no Mongolian left on the Chinese side)', () => {
    const title = `${mnMong.tickets.kind.problem} · ${mnMong.ticketLoop.category.other}`
    expect(splitBilingual(title)).toEqual({ mongolian: `${mong('asaγudal medegülekü')} · ${mong('busu')}`, chinese: '反映问题 · 其他' })
    // A part that is a name keeps the whole as before.
    expect(splitBilingual(`${mnMong.ticketLoop.category.other} · 红庆河嘎查`)).toEqual({ mongolian: mong('busu'), chinese: '其他 · 红庆河嘎查' })
  })
})

it('"label: value" with a date keeps each language together; a value as written stays once', () => {
  setCurrentLocale('mn-Mong')
  const when = formatDayTime(new Date(2026, 10, 28, 10, 10).getTime())
  const line = mnMong.verdict.fmt.labeled(mnMong.verdict.sign.visitedAt, when)
  const cut = line.search(/[\u3400-\u9fff]/)
  expect(hasMongolian(line.slice(cut))).toBe(false)
  expect(line.slice(cut)).toMatch(/^走访时间：(2026年)?11月28日 10:10$/)
  expect(mnMong.verdict.fmt.labeled(mnMong.verdict.sign.purpose, '了解冬季取暖情况')).toBe(`${mnMong.verdict.sign.purpose}：了解冬季取暖情况`)
})

it('a sentence left Chinese gets the Chinese half of a date (约了 12月3日（周四）), other values as they are', () => {
  setCurrentLocale('mn-Mong')
  const day = planDay('2026-12-03')
  expect(day).toMatch(/^12 [\u1820-\u18AF]/)
  expect(mnMong.visitPlan.plannedMove(day)).toBe('约了 12月3日（周四） · 改时间')
  expect(mnMong.firstScreen.planned(day)).toBe('已约 12月3日（周四） 来访')
  // A value that is not a date (a villager's words in both scripts) is not cut.
  const words = `${mong('sayin')} 很好`
  expect(mnMong.verdict.fmt.paren(words, '2')).toBe(`${words}（2）`)
})
