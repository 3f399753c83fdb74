/** Short messages over the screen (Taro's native toast: no taro-ui needed). */
import Taro from '@tarojs/taro'

export const toast = (text: string): void => {
  void Taro.showToast({ title: text, icon: 'none', duration: 2500 })
}
