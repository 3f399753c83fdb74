/** Nothing that cannot be undone happens on one tap: ask first, saying what happens and who will see it. */
import Taro from '@tarojs/taro'

export const confirmThen = async (content: string, work: () => Promise<void> | void): Promise<void> => {
  const answer = await Taro.showModal({ title: '', content, confirmText: '确定', cancelText: '取消' })
  if (answer.confirm) await work()
}
