/**
 * The one accessor screens read text through: `msg` is the current locale's catalogue (typed
 * `Messages`), `errorMessage` the current locale's sentence for an error code.
 * `msg` resolves lazily: a screen may keep `const m = msg.home` at module level, and `m.title`
 * still reads the locale chosen on 我的 at render time (the switch relaunches the app so every
 * screen renders again). The server and build-time page configs import zh-CN directly.
 */
import type { Messages } from './zh-CN'
import { catalogue, currentLocale } from './locale'

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
        if (typeof key === 'symbol' || value === null || typeof value !== 'object') {
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

export type { Messages } from './zh-CN'
export { LOCALES, currentLocale, setLocale, useLocale, isMongolian, type Locale } from './locale'
