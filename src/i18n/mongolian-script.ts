/**
 * Traditional Mongolian script (Unicode U+1800-U+18AF) from a Latin transliteration, so the
 * Mongolian catalogue stays reviewable next to its Latin reading (docs/mongolian.md).
 * Letters: a e i o u ö ü n ng b p q k γ g m l s š t d č (or c) ǰ (or j) y r w h z f; `-` joins a suffix with
 * U+202F (narrow no-break space, as Mongolian case suffixes are written), except a word-final
 * separated vowel (`bayin-a`, `γačaγ-a`), which takes U+180E (the vowel separator); `'` separates letters
 * that would otherwise read as a digraph (n'g); `,` `.` become the Mongolian comma and full stop.
 * Shaping (initial, medial, final forms) is the font's work: Noto Sans Mongolian.
 */
const letters: Record<string, string> = {
  a: '\u1820',
  e: '\u1821',
  i: '\u1822',
  o: '\u1823',
  u: '\u1824',
  ö: '\u1825',
  ü: '\u1826',
  n: '\u1828',
  ng: '\u1829',
  b: '\u182A',
  p: '\u182B',
  q: '\u182C',
  k: '\u182C',
  γ: '\u182D',
  g: '\u182D',
  m: '\u182E',
  l: '\u182F',
  s: '\u1830',
  š: '\u1831',
  t: '\u1832',
  d: '\u1833',
  č: '\u1834',
  ǰ: '\u1835',
  // Plain j and c as typed without diacritics read as ǰ and č (ajil, qariγucaqu): never left as Latin.
  j: '\u1835',
  c: '\u1834',
  y: '\u1836',
  r: '\u1837',
  w: '\u1838',
  f: '\u1839',
  z: '\u183D',
  h: '\u183E',
  '-': '\u202F',
  ',': '\u1802',
  '.': '\u1803',
  "'": '',
}

/** Transliterates Latin letters; anything else (digits, spaces, Chinese, punctuation) passes through. */
export const mong = (latin: string): string => {
  let out = ''
  for (let i = 0; i < latin.length; i++) {
    const two = latin.slice(i, i + 2)
    if (two === 'ng') {
      out += letters.ng
      i++
      continue
    }
    const c = latin[i]
    if (c === '-' && /^[ae](?![a-zöüγčǰš'])/.test(latin.slice(i + 1))) {
      out += '\u180E'
      continue
    }
    out += letters[c] ?? c
  }
  return out
}

/** A tagged template: the literal parts are transliterated, the values (names, dates, numbers) are not. */
export const mn = (parts: TemplateStringsArray, ...values: Array<string | number>): string =>
  parts.reduce((text, part, i) => text + mong(part) + (i < values.length ? String(values[i]) : ''), '')

/**
 * The genitive suffix after a text already in script, by its last word's last letter and vowels (mn3): after a
 * vowel -yin, after n -u/-ü, after another consonant -un/-ün; front (e ö ü, no a o u) takes ü.
 * Returned in Latin with its joiner ("-yin"), for `mong`.
 */
export const genitiveAfter = (word: string): string => {
  const letters = (word.trim().split(/[\s\u202F]+/).pop() ?? '').replace(/[^\u1820-\u1842]/g, '')
  const last = letters.slice(-1)
  const front = !/[\u1820\u1823\u1824]/.test(letters) && /[\u1821\u1825\u1826]/.test(letters)
  if (/[\u1820-\u1826]/.test(last)) return '-yin'
  if (last === '\u1828') return front ? '-ü' : '-u'
  return front ? '-ün' : '-un'
}

/** True when the text holds traditional Mongolian letters. */
export const hasMongolian = (text: string): boolean => /[\u1820-\u18AF]/.test(text)

/**
 * A catalogue text "<Mongolian> <Chinese>" split in two, for screens that set the Mongolian
 * vertically with the Chinese beside it; null when it does not start with Mongolian script (a name
 * first, a Chinese-only text), so the caller shows it as it is.
 */
export const splitBilingual = (text: string): { mongolian: string; chinese: string } | null => {
  // mn3: a title joined of bilingual parts ("<mn> 反映问题 · <mn> 其他") splits part by part, so no
  // Mongolian is left on the Chinese side; when a part is not bilingual (a name), as one text below.
  const parts = text.split(' · ')
  if (parts.length > 1) {
    const halves = parts.map((p) => splitOne(p))
    if (halves.every((h) => h)) return { mongolian: halves.map((h) => h?.mongolian).join(' · '), chinese: halves.map((h) => h?.chinese).join(' · ') }
  }
  return splitOne(text)
}

const splitOne = (text: string): { mongolian: string; chinese: string } | null => {
  const at = text.search(/[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/)
  if (at <= 0) return null
  const mongolian = text.slice(0, at).trim()
  const chinese = text.slice(at).trim()
  if (!/^[\u1800-\u18AF]/.test(mongolian) || !chinese) return null
  return { mongolian, chinese }
}
