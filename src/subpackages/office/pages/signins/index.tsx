/** 签到核查 (office subpackage): the supervision group checks today's sign-ins and their photos. */
import { View } from '@tarojs/components'
import { TownshipSignIns } from '../../../../features/attendance/TownshipSignIns'
import { SessionGate } from '../../../../features/session/SessionGate'

const SignInsPage = () => (
  <View className='page signins-page'>
    <SessionGate>{() => <TownshipSignIns />}</SessionGate>
  </View>
)

export default SignInsPage
