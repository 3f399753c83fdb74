/** WeChat's font size setting (px): a large WeChat font turns elder mode on until the person chooses. */
import Taro from '@tarojs/taro'

export const wechatFontSize = (): number | null => {
  try {
    const info = Taro.getSystemInfoSync() as { fontSizeSetting?: number }
    return typeof info.fontSizeSetting === 'number' ? info.fontSizeSetting : null
  } catch {
    return null
  }
}
