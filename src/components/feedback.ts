/** Short messages over the screen (Taro's native toast: no taro-ui needed). */
import Taro from '@tarojs/taro'

export const toast = (text: string): void => {
  void Taro.showToast({ title: text, icon: 'none', duration: 2500 })
}

/** Asks before something is stored that the person might not want (Taro's native modal). */
export const askConfirm = async (title: string, content: string, confirmText: string, cancelText: string): Promise<boolean> => {
  const answer = await Taro.showModal({ title, content, confirmText, cancelText, confirmColor: '#b3261e', cancelColor: '#333333' })
  return answer.confirm
}
