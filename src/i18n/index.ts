/**
 * The one accessor screens read text through: `msg` is the current locale's catalogue (typed
 * `Messages`), `errorMessage` the current locale's sentence for an error code.
 * `msg` resolves lazily: a screen may keep `const m = msg.home` at module level, and `m.title`
 * still reads the locale chosen on 我的 at render time (the switch relaunches the app so every
 * screen renders again). The server and build-time page configs import zh-CN directly.
 * Pure (runs on both sides): storage and re-rendering live in src/services/locale.ts.
 */
import type { Messages } from './zh-CN'
import type { FieldIssue, IssueCode, IssueParams } from '../contracts/errors'
import { zhCN } from './zh-CN'
import { mnMong } from './mn-Mong'

export type Locale = 'zh-CN' | 'mn-Mong'
export const LOCALES: readonly Locale[] = ['zh-CN', 'mn-Mong']
const catalogues: Record<Locale, Messages> = { 'zh-CN': zhCN, 'mn-Mong': mnMong }
export const catalogue = (locale: Locale): Messages => catalogues[locale]
export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value)

let current: Locale = 'zh-CN'
let source: (() => Locale) | null = null

/** Where the remembered choice is read from on first use (src/services/locale.ts: the phone's storage). */
export const setLocaleSource = (read: () => Locale): void => {
  source = read
}

export const currentLocale = (): Locale => {
  if (source) {
    current = source()
    source = null
  }
  return current
}

/** Sets the locale for this run (src/services/locale.ts remembers it and tells the screens). */
export const setCurrentLocale = (locale: Locale): void => {
  source = null
  current = locale
}

const lazy = (path: readonly string[]): unknown => {
  const resolve = (): Record<string | symbol, unknown> => {
    let node: unknown = catalogue(currentLocale())
    for (const key of path) node = (node as Record<string, unknown>)[key]
    return node as Record<string | symbol, unknown>
  }
  return new Proxy(
    {},
    {
      get: (_target, key) => {
        const node = resolve()
        const value = node[key]
        // Arrays are handed over as they are (components such as Picker check Array.isArray).
        if (typeof key === 'symbol' || value === null || typeof value !== 'object' || Array.isArray(value)) {
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(node) : value
        }
        return lazy([...path, key])
      },
      has: (_target, key) => key in resolve(),
      ownKeys: () => Reflect.ownKeys(resolve()),
      getOwnPropertyDescriptor: (_target, key) => {
        const d = Reflect.getOwnPropertyDescriptor(resolve(), key)
        return d ? { ...d, configurable: true } : undefined
      },
    },
  )
}

/** The current locale's messages. */
export const msg = lazy([]) as Messages

/** The current locale's message for an error code, falling back to the generic one for unknown codes. */
export const errorMessage = (code: string): string => {
  const errors = catalogue(currentLocale()).errors as Record<string, string>
  return errors[code] ?? errors['SERVER.INTERNAL']
}

// ---- mongolian (issue 13 item 5): the server sends codes with numbers; the client words them ----
const issueRenderers: Record<IssueCode, (m: Messages, p: IssueParams) => string> = {
  'validation.required': (m) => m.validation.required,
  'validation.invalid': (m) => m.validation.invalid,
  'validation.tooLong': (m, p) => m.validation.tooLong(p.max ?? 0),
  'validation.tooShort': (m, p) => m.validation.tooShort(p.min ?? 0),
  'validation.outOfRange': (m) => m.validation.outOfRange,
  'validation.unknownField': (m) => m.validation.unknownField,
  'issues.maxPhotos': (m, p) => m.coded.issues.maxPhotos(p.max ?? 0),
  'answer.required': (m) => m.tickets.answerIssue.required,
  'answer.unknown_question': (m) => m.tickets.answerIssue.unknown_question,
  'answer.wrong_type': (m) => m.tickets.answerIssue.wrong_type,
  'answer.too_long': (m) => m.tickets.answerIssue.too_long,
  'answer.out_of_range': (m) => m.tickets.answerIssue.out_of_range,
  'answer.unknown_option': (m) => m.tickets.answerIssue.unknown_option,
  'answer.bad_date': (m) => m.tickets.answerIssue.bad_date,
}

/** A field issue in the current locale: from its code when the server sent one (else its sentence as sent). */
export const issueMessage = (issue: FieldIssue): string => {
  const render = issue.code ? issueRenderers[issue.code] : undefined
  return render ? render(catalogue(currentLocale()), issue.params ?? {}) : issue.message
}

/** An error code's sentence in the current locale when the catalogue knows the code, else the server's sentence. */
export const errorMessageOr = (code: string, serverMessage: string): string => {
  const errors = catalogue(currentLocale()).errors as Record<string, string>
  return errors[code] ?? (serverMessage || errorMessage(code))
}
// ---- end mongolian ----

export type { Messages } from './zh-CN'
