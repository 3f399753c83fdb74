/** 督导工作台 (office subpackage), with the township's read log of personal data below the panel. */
import { View } from '@tarojs/components'
import { RevealLog } from '../../../features/office/RosterList'
import { SessionGate } from '../../../features/session/SessionGate'
import { SupervisionPanel } from '../../../features/supervision/SupervisionPanel'

const SupervisionPage = () => (
  <View className='page office-page'>
    <SessionGate>
      {() => (
        <View>
          <SupervisionPanel />
          <RevealLog generation={0} />
        </View>
      )}
    </SessionGate>
  </View>
)

export default SupervisionPage
