/**
 * The locale chosen on 我的 and remembered on the phone (as elder mode is): Chinese by default,
 * traditional Mongolian script (mn-Mong) for villagers who read it first. The weapp has no <html>
 * class, so Page adds `mq-mn` to every page root; H5 also marks <html> for the tab bar and dialogs.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { Messages } from './zh-CN'
import { zhCN } from './zh-CN'
import { mnMong } from './mn-Mong'

export type Locale = 'zh-CN' | 'mn-Mong'
export const LOCALES: readonly Locale[] = ['zh-CN', 'mn-Mong']
export const MN_CLASS = 'mq-mn'

const STORAGE_KEY = 'mq.locale'
const catalogues: Record<Locale, Messages> = { 'zh-CN': zhCN, 'mn-Mong': mnMong }

export const catalogue = (locale: Locale): Messages => catalogues[locale]

const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value)

let current: Locale | null = null
type Listener = (locale: Locale) => void
const listeners = new Set<Listener>()

const applyToDocument = (locale: Locale) => {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
    document.documentElement.classList.toggle(MN_CLASS, locale === 'mn-Mong')
    document.documentElement.lang = locale
  }
}

export const currentLocale = (): Locale => {
  if (current === null) {
    let stored: unknown = null
    try {
      stored = Taro.getStorageSync(STORAGE_KEY)
    } catch {
      stored = null
    }
    current = isLocale(stored) ? stored : 'zh-CN'
    applyToDocument(current)
  }
  return current
}

export const isMongolian = (): boolean => currentLocale() === 'mn-Mong'

export const setLocale = (locale: Locale): void => {
  current = locale
  try {
    Taro.setStorageSync(STORAGE_KEY, locale)
  } catch {
    // storage unavailable: the choice holds until the app closes
  }
  applyToDocument(locale)
  listeners.forEach((l) => l(locale))
}

/** The current locale, re-rendering when the switch on 我的 changes it. */
export const useLocale = (): Locale => {
  const [locale, set] = useState(currentLocale)
  useEffect(() => {
    const listener: Listener = (next) => set(next)
    listeners.add(listener)
    set(currentLocale())
    return () => {
      listeners.delete(listener)
    }
  }, [])
  return locale
}
