/** 统计看板 (office subpackage). */
import { View } from '@tarojs/components'
import { Dashboard } from '../../../features/office/Dashboard'
import { SessionGate } from '../../../features/session/SessionGate'

const DashboardPage = () => (
  <View className='page office-page'>
    <SessionGate>{() => <Dashboard />}</SessionGate>
  </View>
)

export default DashboardPage
