/** 我的 tab. */
import { View } from '@tarojs/components'
import { MeDetails } from '../../features/session/MeDetails'
import { SessionGate } from '../../features/session/SessionGate'
import { session } from '../../services/api'

const MePage = () => (
  <View className='page me-page'>
    <SessionGate>{(me) => <MeDetails me={me} canSignOut={session.hasDevLogin} />}</SessionGate>
  </View>
)

export default MePage
