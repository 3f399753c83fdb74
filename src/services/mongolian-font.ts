/**
 * Noto Sans Mongolian (SIL OFL 1.1, from @fontsource/noto-sans-mongolian's Mongolian subset, 76 KB)
 * is loaded once, when the Mongolian locale is in use, with Taro.loadFontFace: it is not bundled,
 * so the weapp's main package stays within its 600 KB. The file is served by the minqing server at
 * /fonts/noto-sans-mongolian.woff (H5: same origin; weapp over HTTPS: MINQING_API_BASE); in WeChat
 * cloud mode the deployment keeps a copy in cloud storage and the function hands out its temporary
 * URL (locale.fontUrl; DEPLOY.md, MINQING_MONGOLIAN_FONT_FILE_ID). WeChat
 * caches a font loaded with `global: true` for the app's life; the browser caches it by URL.
 */
import Taro from '@tarojs/taro'
import { call } from './api'

export const MONGOLIAN_FONT_FAMILY = 'Noto Sans Mongolian'
export const MONGOLIAN_FONT_PATH = '/fonts/noto-sans-mongolian.woff'

declare const MINQING_API_BASE: string

const fontUrl = async (): Promise<string | null> => {
  if (process.env.TARO_ENV === 'h5') return MONGOLIAN_FONT_PATH
  const base = typeof MINQING_API_BASE === 'string' ? MINQING_API_BASE : ''
  if (base) return `${base.replace(/\/$/, '')}${MONGOLIAN_FONT_PATH}`
  // WeChat cloud: no server of our own to serve it; the function hands out cloud storage's URL.
  try {
    return (await call('locale.fontUrl', {})).url
  } catch {
    return null
  }
}

let loading: Promise<void> | null = null

/** Loads the Mongolian font once; failures leave the system font (the Chinese beside it still reads). */
export const loadMongolianFont = (): Promise<void> => {
  if (loading) return loading
  loading = fontUrl().then(
    (url) =>
      new Promise<void>((resolve) => {
        if (!url) return resolve()
        try {
          Taro.loadFontFace({
            global: true,
            family: MONGOLIAN_FONT_FAMILY,
            source: `url("${url}")`,
            success: () => resolve(),
            fail: () => resolve(),
          })
        } catch {
          resolve()
        }
      }),
  )
  return loading
}
