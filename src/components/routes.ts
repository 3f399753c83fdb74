/**
 * Page paths of the verdict's screens, in one place so features can link to each other's pages
 * without importing each other. One rule: villager pages in the main package, cadre pages in the
 * `subpackages/cadre` subpackage, township pages in `subpackages/office`.
 */
import Taro from '@tarojs/taro'

export const ROUTES = {
  sign: '/pages/sign/index',
  rate: '/pages/rate/index',
  visit: '/subpackages/cadre/pages/visit/index',
  plan: '/subpackages/cadre/pages/plan/index',
  signin: '/subpackages/cadre/pages/signin/index',
  leave: '/subpackages/cadre/pages/leave/index',
  attendance: '/subpackages/cadre/pages/attendance/index',
  scores: '/subpackages/cadre/pages/scores/index',
  ratings: '/subpackages/office/pages/ratings/index',
  signins: '/subpackages/office/pages/signins/index',
  // issue 13
  moderation: '/subpackages/voice/moderation/index',
  callBacks: '/subpackages/voice/callbacks/index',
} as const

export const go = (path: string, query: Record<string, string> = {}): void => {
  const q = Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
  void Taro.navigateTo({ url: q ? `${path}?${q}` : path })
}

/** The page's query parameters (H5 hash route or WeChat launch options). */
export const pageParams = (): Record<string, string> => {
  const params = Taro.getCurrentInstance().router?.params ?? {}
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string') out[k] = decodeURIComponent(v)
  return out
}

/** Pages more than one feature links to: a cadre's record (cadre subpackage) and the cadres list (office subpackage). */
export const RECORD_PAGE = '/subpackages/cadre/pages/record/index'
export const CADRES_PAGE = '/subpackages/office/cadres/index'
export const recordUrl = (cadreId: string): string => `${RECORD_PAGE}?cadreId=${encodeURIComponent(cadreId)}`
