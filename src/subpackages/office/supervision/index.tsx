/** 督导工作台 (office subpackage). */
import { View } from '@tarojs/components'
import { SessionGate } from '../../../features/session/SessionGate'
import { SupervisionPanel } from '../../../features/supervision/SupervisionPanel'

const SupervisionPage = () => (
  <View className='page office-page'>
    <SessionGate>{() => <SupervisionPanel />}</SessionGate>
  </View>
)

export default SupervisionPage
