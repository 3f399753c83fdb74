/** 543 和补助 (cadre subpackage); a team leader also sees the team. */
import { View } from '@tarojs/components'
import { WeekPanel } from '../../../../features/attendance/WeekPanel'
import { SessionGate } from '../../../../features/session/SessionGate'

const AttendancePage = () => (
  <View className='page attendance-page'>
    <SessionGate>{(me) => <WeekPanel showTeam={me.leadsTeams.length > 0} />}</SessionGate>
  </View>
)

export default AttendancePage
