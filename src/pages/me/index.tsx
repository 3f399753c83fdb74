/** 我的 tab. */
import { View } from '@tarojs/components'
import { HouseholdBindings } from '../../features/binding/HouseholdBindings'
import { MeDetails } from '../../features/session/MeDetails'
import { SessionGate } from '../../features/session/SessionGate'
import { session } from '../../services/api'

const MePage = () => (
  <View className='page me-page'>
    <SessionGate>
      {(me) => (
        <>
          <MeDetails me={me} canSignOut={session.hasDevLogin} />
          <HouseholdBindings me={me} />
        </>
      )}
    </SessionGate>
  </View>
)

export default MePage
