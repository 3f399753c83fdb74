/**
 * The locale chosen on 我的 and remembered on the phone (as elder mode is): Chinese by default,
 * traditional Mongolian script (mn-Mong) for villagers who read it first. The weapp has no <html>
 * class, so Page adds `mq-mn` to every page root; H5 also marks <html> for the tab bar and dialogs.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { currentLocale as i18nLocale, isLocale, msg, setCurrentLocale, setLocaleSource, type Locale } from '../i18n'

export { LOCALES, type Locale } from '../i18n'
export const MN_CLASS = 'mq-mn'

const STORAGE_KEY = 'mq.locale'

let applied = false
type Listener = (locale: Locale) => void
const listeners = new Set<Listener>()

const applyToDocument = (locale: Locale) => {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
    document.documentElement.classList.toggle(MN_CLASS, locale === 'mn-Mong')
    document.documentElement.lang = locale
  }
}

const stored = (): Locale => {
  let value: unknown = null
  try {
    value = Taro.getStorageSync(STORAGE_KEY)
  } catch {
    value = null
  }
  return isLocale(value) ? value : 'zh-CN'
}
setLocaleSource(stored)

export const currentLocale = (): Locale => {
  const locale = i18nLocale()
  if (!applied) {
    applied = true
    applyToDocument(locale)
  }
  return locale
}

export const isMongolian = (): boolean => currentLocale() === 'mn-Mong'

export const setLocale = (locale: Locale): void => {
  setCurrentLocale(locale)
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

/** The tab bar's titles come from app.config at build time (Chinese); in Mongolian they are set at run time. */
export const tabBarInMongolian = (): void => {
  const tabs = msg.tabs
  ;[tabs.home, tabs.items, tabs.me].forEach((text, index) => {
    try {
      void Taro.setTabBarItem({ index, text }).catch(() => undefined)
    } catch {
      // not on a tab page yet: the next page sets it
    }
  })
}
