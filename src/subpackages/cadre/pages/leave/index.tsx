/** 请销假 (cadre subpackage): ask, and for a team leader decide. */
import { View } from '@tarojs/components'
import { LeavePanel } from '../../../../features/attendance/LeavePanel'
import { SessionGate } from '../../../../features/session/SessionGate'

const LeavePage = () => (
  <View className='page leave-page'>
    <SessionGate>{() => <LeavePanel />}</SessionGate>
  </View>
)

export default LeavePage
