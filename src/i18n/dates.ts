/**
 * Dates in words, one set of forms per locale (issue 13 items 5-6). Screens never write a date
 * themselves: src/components/format.ts turns an instant into parts and asks the current locale's
 * forms here. dayjs has an `mn` locale, but it is Khalkha in Cyrillic (Mongolia), not Inner
 * Mongolia's traditional script, and its format tokens cannot choose a suffix by the number before
 * it; so the Mongolian forms are written here, small and pure.
 *
 * Mongolian (traditional script, read from the Latin transliteration in ./mongolian-script):
 *   2026 on-u 11 sar-a-yin 30-u edür  (year ᠣᠨ, month sar-a (ᠰᠠᠷ-ᠠ), day ᠡᠳᠦᠷ; the year only when it is not this year)
 *   weekdays γaraγ-un nigen … γaraγ-un edür (Monday first), times 10:05, "N edür" for N days.
 * The day's genitive suffix follows the numeral as it is read aloud (30 γučin -> -u, 1 nigen -> -ü,
 * 2 qoyar -> -un); every form ends in a word (edür, sar-a, uliral, on) so a suffix written after a
 * date in a sentence ("-eče emüne", "-tür") follows that word, not the number.
 * AWAITING A NATIVE SPEAKER'S REVIEW (docs/mongolian.md, "Dates").
 *
 * In the Mongolian locale a date is shown as "<Mongolian> <Chinese>" (Mongolian first, the Chinese
 * beside it); `dateHalves` splits such a date for a sentence that puts each half in its own language.
 */
import { mong } from './mongolian-script'

/** A calendar day: month 1-12, day 1-31; ISO weekday 1 (Monday) - 7 (Sunday). */
export interface DayParts {
  year: number
  month: number
  day: number
  weekday: number
}

export interface DateForms {
  /** 11月30日 / 2026年11月30日 (the year only when asked). */
  date: (d: DayParts, withYear: boolean) => string
  /** 星期一 */
  weekday: (isoWeekday: number) => string
  /** 11月30日 星期一 */
  dateWeekday: (d: DayParts, withYear: boolean) => string
  /** 11月30日 10:05 */
  dateTime: (d: DayParts, withYear: boolean, hour: number, minute: number) => string
  /** 2026年11月 */
  month: (year: number, month: number) => string
  /** 2026年第4季度 */
  quarter: (year: number, quarter: number) => string
  /** 2026年 */
  year: (year: number) => string
  /** 9月28日至10月4日 (within one year, no year) */
  range: (from: DayParts, to: DayParts) => string
  /** 3 天 */
  days: (n: number) => string
}

const pad = (n: number) => String(n).padStart(2, '0')
const time = (hour: number, minute: number) => `${pad(hour)}:${pad(minute)}`

const zhWeekdays = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日']
const zhDate = (d: DayParts, withYear: boolean) => `${withYear ? `${d.year}年` : ''}${d.month}月${d.day}日`

export const zhDates: DateForms = {
  date: zhDate,
  weekday: (w) => zhWeekdays[w - 1] ?? '',
  dateWeekday: (d, withYear) => `${zhDate(d, withYear)} ${zhWeekdays[d.weekday - 1] ?? ''}`,
  dateTime: (d, withYear, hour, minute) => `${zhDate(d, withYear)} ${time(hour, minute)}`,
  month: (year, month) => `${year}年${month}月`,
  quarter: (year, quarter) => `${year}年第${quarter}季度`,
  year: (year) => `${year}年`,
  range: (from, to) => `${zhDate(from, false)}至${zhDate(to, false)}`,
  days: (n) => `${n} 天`,
}

// ---- Mongolian numerals as read aloud: the last word decides the suffix ----
const units = ['', 'nigen', 'qoyar', 'γurban', 'dörben', 'tabun', 'ǰirγuγan', 'doloγan', 'naiman', 'yisün']
const tens = ['', 'arban', 'qorin', 'γučin', 'döčin', 'tabin', 'ǰiran', 'dalan', 'nayan', 'yerin']

/** The last word of a whole number read aloud in Mongolian (31 -> nigen, 30 -> γučin, 2000 -> mingγ-a). */
export const lastNumeralWord = (n: number): string => {
  const whole = Math.abs(Math.trunc(n))
  if (whole === 0) return 'teg'
  if (whole % 10) return units[whole % 10] ?? ''
  if (whole % 100) return tens[Math.trunc(whole / 10) % 10] ?? ''
  if (whole % 1000) return 'ǰaγun'
  return 'mingγ-a'
}

/** Front-vowel (feminine) word: e ö ü and no a o u (i is neutral). */
const front = (word: string) => !/[aou]/.test(word) && /[eöü]/.test(word)

/**
 * The genitive suffix (Latin, joined with "-") after a number, by the last word read aloud:
 * after a vowel -yin, after n -u/-ü, after another consonant -un/-ün.
 */
export const numeralGenitive = (n: number): string => {
  const word = lastNumeralWord(n)
  if (/[aeiouöü]$/.test(word)) return 'yin'
  if (word.endsWith('n')) return front(word) ? 'ü' : 'u'
  return front(word) ? 'ün' : 'un'
}

const mnWeekdays = ['γaraγ-un nigen', 'γaraγ-un qoyar', 'γaraγ-un γurban', 'γaraγ-un dörben', 'γaraγ-un tabun', 'γaraγ-un ǰirγuγan', 'γaraγ-un edür']
/** "2026 on-u 11 sar-a-yin 30-u edür" */
const mnDate = (d: DayParts, withYear: boolean) => `${withYear ? `${d.year} on-u ` : ''}${d.month} sar-a-yin ${d.day}-${numeralGenitive(d.day)} edür`

/** The Mongolian forms in their Latin reading (the source a native speaker corrects; docs/mongolian.md shows them). */
export const mnDatesLatin: DateForms = {
  date: mnDate,
  weekday: (w) => mnWeekdays[w - 1] ?? '',
  dateWeekday: (d, withYear) => `${mnDate(d, withYear)} ${mnWeekdays[d.weekday - 1] ?? ''}`,
  dateTime: (d, withYear, hour, minute) => `${mnDate(d, withYear)} ${time(hour, minute)}`,
  month: (year, month) => `${year} on-u ${month} sar-a`,
  quarter: (year, quarter) => `${year} on-u ${quarter}-${front(lastNumeralWord(quarter)) ? 'düger' : 'duγar'} uliral`,
  year: (year) => `${year} on`,
  // "from the 28th of the 9th month to the 4th of the 10th month": the ablative on edür, then kürtele
  range: (from, to) => `${mnDate(from, false)}-eče ${mnDate(to, false)} kürtele`,
  days: (n) => `${n} edür`,
}

type AnyForm = (...a: unknown[]) => string
const formKeys: ReadonlyArray<keyof DateForms> = ['date', 'weekday', 'dateWeekday', 'dateTime', 'month', 'quarter', 'year', 'range', 'days']
const form = (set: DateForms, key: keyof DateForms) => set[key] as unknown as AnyForm
/** Every form built by `make` from its key (the Latin reading into script, or a bilingual pair). */
const mapForms = (make: (key: keyof DateForms) => AnyForm): DateForms => Object.fromEntries(formKeys.map((key) => [key, make(key)])) as unknown as DateForms

/** The Mongolian forms alone, in traditional script (digits and times pass through as they are). */
export const mnDates: DateForms = mapForms((key) => (...a) => mong(form(mnDatesLatin, key)(...a)))

/** Each form as "<Mongolian> <Chinese>": Mongolian first, the Chinese beside it. */
const bilingual = (mn: DateForms, zh: DateForms): DateForms => mapForms((key) => (...a) => `${form(mn, key)(...a)} ${form(zh, key)(...a)}`)

const byLocale = { 'zh-CN': zhDates, 'mn-Mong': bilingual(mnDates, zhDates) } as const

/** The date forms a screen shows in a locale (in mn-Mong each form is Mongolian first, the Chinese beside). */
export const datesFor = (locale: keyof typeof byLocale): DateForms => byLocale[locale]

/**
 * A shown date split into its Mongolian and its Chinese half. A bilingual date
 * ("2026 ᠣᠨ ᠤ … ᠡᠳᠦᠷ 2026年11月30日") splits where the first word with a Chinese character starts
 * (the Mongolian half never has one); a date with no Mongolian in it serves both halves as it is.
 */
export const dateHalves = (text: string): { mongolian: string; chinese: string } => {
  const at = text.search(/ (?=[^ ]*[\u3400-\u9fff])/)
  if (at <= 0 || !/[\u1820-\u18AF]/.test(text.slice(0, at))) return { mongolian: text, chinese: text }
  return { mongolian: text.slice(0, at), chinese: text.slice(at + 1) }
}
