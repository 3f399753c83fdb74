/**
 * 长辈版 (elder mode, issue 12 item 10): bigger text and targets on every screen. One switch on
 * 我的, remembered on the phone; until the person chooses, the weapp follows WeChat's own font size
 * setting (a large WeChat font turns it on). In H5 the <html> element carries the class too, so
 * the tab bar and dialogs outside a page follow.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { elderDefault } from '../components/elder-rule'
// WeChat's font size setting in the weapp (null in H5, where the browser's zoom serves).
import { wechatFontSize } from './wechat-font'

const STORAGE_KEY = 'mq.elder'
export const ELDER_CLASS = 'mq-elder'

type Listener = (on: boolean) => void
const listeners = new Set<Listener>()

/** What the person chose on 我的, or null when they never chose. */
const stored = (): boolean | null => {
  try {
    const value: unknown = Taro.getStorageSync(STORAGE_KEY)
    return value === 'on' ? true : value === 'off' ? false : null
  } catch {
    return null
  }
}

let current: boolean | null = null

const applyToDocument = (on: boolean) => {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') document.documentElement.classList.toggle(ELDER_CLASS, on)
}

export const isElder = (): boolean => {
  if (current === null) {
    current = elderDefault(stored(), wechatFontSize())
    applyToDocument(current)
  }
  return current
}

export const setElder = (on: boolean): void => {
  current = on
  try {
    Taro.setStorageSync(STORAGE_KEY, on ? 'on' : 'off')
  } catch {
    // storage full or unavailable: the choice holds until the app closes
  }
  applyToDocument(on)
  listeners.forEach((l) => l(on))
}

/** The current setting, re-rendering when the switch changes it. */
export const useElder = (): boolean => {
  const [on, setOn] = useState(isElder)
  useEffect(() => {
    const listener: Listener = (next) => setOn(next)
    listeners.add(listener)
    setOn(isElder())
    return () => {
      listeners.delete(listener)
    }
  }, [])
  return on
}
