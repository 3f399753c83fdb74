/** 回访 (issue 13): the supervision group's call-back queue, in its own small subpackage. */
import { View } from '@tarojs/components'
import { SessionGate } from '../../../features/session/SessionGate'
import { CallBackQueue } from '../../../features/voice/CallBackQueue'

const CallBacksPage = () => (
  <View className='page office-page'>
    <SessionGate>{() => <CallBackQueue />}</SessionGate>
  </View>
)

export default CallBacksPage
