/**
 * Locales (issue 13 items 5, 6): every key in every locale, the villager screens' texts in
 * traditional Mongolian with the Chinese beside them, the transliteration, and the one accessor
 * following the locale chosen on 我的 (remembered in the phone's storage).
 */
import { zhCN, type Messages } from '../../src/i18n/zh-CN'
import { mnMong } from '../../src/i18n/mn-Mong'
import { hasMongolian, mn, mong, splitBilingual } from '../../src/i18n/mongolian-script'

const storage = new Map<string, unknown>()
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => storage.set(key, value),
  },
}))

type Leaf = { path: string; value: unknown }
const leaves = (node: unknown, path = ''): Leaf[] =>
  node !== null && typeof node === 'object'
    ? Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
    : [{ path, value: node }]

/** A sample argument for a message function: names and numbers both work as strings or numbers. */
const call = (fn: (...args: never[]) => unknown): unknown => {
  for (const sample of [3, '3', ['3']]) {
    try {
      return (fn as (...args: unknown[]) => unknown)(...Array.from({ length: fn.length }, () => sample))
    } catch {
      // a string method on a number argument: try the next kind
    }
  }
  return undefined
}

describe('every key exists in every locale', () => {
  const zhLeaves = leaves(zhCN)
  const mnLeaves = new Map(leaves(mnMong).map((l) => [l.path, l.value]))

  it('mn-Mong has exactly the keys of zh-CN, each of the same kind', () => {
    expect([...mnLeaves.keys()].sort()).toEqual(zhLeaves.map((l) => l.path).sort())
    for (const { path, value } of zhLeaves) {
      const other = mnLeaves.get(path)
      expect({ path, kind: typeof other }).toEqual({ path, kind: typeof value })
      if (typeof value === 'function') expect({ path, arity: (other as (...a: never[]) => unknown).length }).toEqual({ path, arity: value.length })
    }
  })

  it('every message function of every locale gives a non-empty string', () => {
    for (const catalogue of [zhCN, mnMong] as Messages[]) {
      for (const { path, value } of leaves(catalogue)) {
        if (typeof value !== 'function') continue
        const text = call(value as (...a: never[]) => unknown)
        expect({ path, ok: (typeof text === 'string' || typeof text === 'number') && String(text).length > 0 }).toEqual({ path, ok: true })
      }
    }
  })
})

describe('villager screens in Mongolian script, Chinese beside it', () => {
  // The sections villager screens read (home, report, service request, ticket, rating, sign-off, 我的).
  const villager = ['tabs', 'common', 'me', 'cadreCard', 'elder', 'locale', 'tickets.status', 'ticketLoop.category', 'verdict.waiting', 'verdict.sign', 'home.greeting', 'cadreCardMore', 'confirm', 'asks.withdraw', 'binding.title', 'binding.bound', 'verdict.rating.dimensions']
  const at = (root: unknown, path: string): unknown => path.split('.').reduce((n, k) => (n as Record<string, unknown>)[k], root)

  it.each(villager)('%s: Mongolian first, then the same Chinese text', (path) => {
    const zhLeaves = new Map(leaves(at(zhCN, path)).map((l) => [l.path, l.value]))
    for (const { path: key, value } of leaves(at(mnMong, path))) {
      const mnText = typeof value === 'function' ? call(value as (...a: never[]) => unknown) : value
      const zhValue = zhLeaves.get(key)
      const zhText = typeof zhValue === 'function' ? call(zhValue as (...a: never[]) => unknown) : zhValue
      if (path === 'locale' && key.startsWith('names')) continue // each language named in its own script
      if (path === 'verdict.sign' && key === 'who') continue // names and titles as in the roster
      expect({ key, mongolian: hasMongolian(String(mnText)) }).toEqual({ key, mongolian: true })
      expect({ key, mongolianFirst: /^[\u1800-\u18AF\u202F]/.test(String(mnText)) || /^3/.test(String(mnText)) }).toEqual({ key, mongolianFirst: true })
      expect(String(mnText).endsWith(String(zhText))).toBe(true)
    }
  })

  it('the rating and report screens and the villager status words are translated', () => {
    for (const text of [mnMong.verdict.rating.title, mnMong.verdict.rating.submit, mnMong.ticketLoop.reportTitle, mnMong.ticketLoop.submit, mnMong.ticketLoop.confirm, mnMong.ticketLoop.reopen]) {
      expect(hasMongolian(text)).toBe(true)
    }
    expect(mnMong.ticketLoop.reportTitle).toBe(`${mong('asaγudal medegülekü')} 反映问题`)
  })

  it('the errors a villager meets are Mongolian first; the accessor renders them in the chosen locale', () => {
    for (const code of ['AUTH.NOT_BOUND', 'VISIT.WINDOW_CLOSED', 'SERVER.UNAVAILABLE'] as const) {
      expect(hasMongolian(mnMong.errors[code])).toBe(true)
      expect(mnMong.errors[code].endsWith(zhCN.errors[code])).toBe(true)
    }
  })

  it('staff screens fall back to Chinese (typed the same)', () => {
    // mn3: the fallback's functions are wrapped (a date passed in shows its Chinese half), so the
    // same words rather than the same objects: every text and every sentence as zh-CN says it.
    const same = (mn: unknown, zh: unknown) => {
      const zhLeaves = leaves(zh)
      expect(leaves(mn).map((l) => l.path)).toEqual(zhLeaves.map((l) => l.path))
      const mnByPath = new Map(leaves(mn).map((l) => [l.path, l.value]))
      for (const { path, value } of zhLeaves) {
        const other = mnByPath.get(path)
        expect({ path, words: typeof value === 'function' ? call(other as never) : other }).toEqual({ path, words: typeof value === 'function' ? call(value as never) : value })
      }
    }
    same(mnMong.office.ui.roster, zhCN.office.ui.roster)
    same(mnMong.office.exports, zhCN.office.exports)
    same(mnMong.verdict.signin, zhCN.verdict.signin)
  })
})

describe('the transliteration', () => {
  it('writes Unicode traditional Mongolian letters, ng as one letter, suffixes after U+202F and a separated final vowel after U+180E', () => {
    expect(mong('mongγol')).toBe('\u182E\u1823\u1829\u182D\u1823\u182F')
    expect(mong('γačaγ-a')).toBe('\u182D\u1820\u1834\u1820\u182D\u180E\u1820')
    expect(mong('γačaγ-a-yin')).toBe('\u182D\u1820\u1834\u1820\u182D\u180E\u1820\u202F\u1836\u1822\u1828')
    expect(mong("n'g")).toBe('\u1828\u182D')
  })

  it('leaves no Latin letter in the Mongolian script (j and c read as ǰ and č; only QR stays Latin)', () => {
    expect(mong('ajil')).toBe(mong('aǰil'))
    expect(mong('qariγucaqu')).toBe(mong('qariγučaqu'))
    const zhLeaves = new Map(leaves(zhCN).map((l) => [l.path, l.value]))
    const leaks: string[] = []
    for (const { path, value } of leaves(mnMong)) {
      const zhValue = zhLeaves.get(path)
      if (value === zhValue) continue // staff texts fall back to Chinese
      const text = String(typeof value === 'function' ? call(value as (...a: never[]) => unknown) : value)
      const zhText = String(typeof zhValue === 'function' ? call(zhValue as (...a: never[]) => unknown) : zhValue)
      const mongolian = text.endsWith(zhText) ? text.slice(0, text.length - zhText.length) : text
      if (hasMongolian(mongolian) && /[a-zA-Z]/.test(mongolian.replace(/QR|JPG|PNG|WebP/g, ''))) leaks.push(`${path}: ${mongolian}`)
    }
    expect(leaks).toEqual([])
  })

  it('leaves names, dates and numbers in template values as they are', () => {
    expect(mn`${'王建国'} ${'2026-11-30'}-du`).toBe(`王建国 2026-11-30\u202F\u1833\u1824`)
  })
})

describe('the one accessor follows the locale chosen on 我的', () => {
  it('msg reads the current catalogue lazily, also through a section kept at module level', () => {
    jest.isolateModules(() => {
      storage.clear()
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const i18n = { ...(require('../../src/services/locale') as typeof import('../../src/services/locale')), ...(require('../../src/i18n') as typeof import('../../src/i18n')) }
      const home = i18n.msg.tabs
      expect(i18n.currentLocale()).toBe('zh-CN')
      expect(home.home).toBe('首页')
      expect(i18n.errorMessage('AUTH.FORBIDDEN')).toBe(zhCN.errors['AUTH.FORBIDDEN'])
      i18n.setLocale('mn-Mong')
      expect(storage.get('mq.locale')).toBe('mn-Mong')
      expect(home.home).toBe(mnMong.tabs.home)
      expect(i18n.msg.ticketLoop.stars(4)).toBe(mnMong.ticketLoop.stars(4))
      expect(i18n.msg.ticketLoop.templateList.map((t) => t.length).length).toBe(zhCN.ticketLoop.templateList.length)
      expect(Object.keys(i18n.msg.tickets.status)).toEqual(Object.keys(zhCN.tickets.status))
    })
  })

  it('the choice is remembered: a fresh start reads it from storage', () => {
    jest.isolateModules(() => {
      storage.set('mq.locale', 'mn-Mong')
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const i18n = { ...(require('../../src/services/locale') as typeof import('../../src/services/locale')), ...(require('../../src/i18n') as typeof import('../../src/i18n')) }
      expect(i18n.currentLocale()).toBe('mn-Mong')
      expect(i18n.msg.me.title).toBe(mnMong.me.title)
    })
  })

  it('an unknown stored value falls back to Chinese', () => {
    jest.isolateModules(() => {
      storage.set('mq.locale', 'xx')
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const i18n = { ...(require('../../src/services/locale') as typeof import('../../src/services/locale')), ...(require('../../src/i18n') as typeof import('../../src/i18n')) }
      expect(i18n.currentLocale()).toBe('zh-CN')
    })
  })
})

describe('wave 3: codes worded in the chosen language, bilingual splitting, the villager texts that read Chinese only', () => {
  it('splits "<Mongolian> <Chinese>" for vertical headings; a text starting with a name or Chinese stays whole', () => {
    expect(splitBilingual(mnMong.cadreCard.title)).toEqual({ mongolian: mong('minu ayil qariγucaγsan alban ajiltan'), chinese: zhCN.cadreCard.title })
    expect(splitBilingual(mnMong.home.greeting('王建国'))).toBeNull()
    expect(splitBilingual(zhCN.cadreCard.title)).toBeNull()
  })

  it('the ticket holder, timers, notices, posting headings, visit states, roles and logout are Mongolian first', () => {
    const texts = [
      mnMong.rules.status.held_by('巴雅尔'),
      mnMong.rules.levelDue(mnMong.rules.levels.cadre, '12月7日'),
      mnMong.rules.levelLeft(72),
      mnMong.office.ui.notices.villagerTitle,
      mnMong.office.ui.posting.monthsTitle,
      mnMong.verdict.visit.status.pending,
      mnMong.roles.villager,
      mnMong.login.logout,
      mnMong.binding.householdTitle,
      mnMong.firstScreen.nextVisit,
      mnMong.errors['VALIDATION.FAILED'],
    ]
    for (const text of texts) expect({ text, mongolianFirst: /^[\u1800-\u18AF0-9]/.test(text) && hasMongolian(text) }).toEqual({ text, mongolianFirst: true })
    expect(mnMong.rules.levelDue(mnMong.rules.levels.cadre, '12月7日').endsWith(zhCN.rules.levelDue(zhCN.rules.levels.cadre, '12月7日'))).toBe(true)
    expect(mnMong.rules.status.held_by('巴雅尔')).toContain('巴雅尔') // names as the roster spells them
  })
})
