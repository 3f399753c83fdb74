/**
 * 督导工作台 (office subpackage), with the bindings made by invitation and the refused sign-offs and
 * ratings, and the township's read log of personal data.
 */
import { View } from '@tarojs/components'
import { BindingAudit } from '../../../features/binding/BindingAudit'
import { RevealLog } from '../../../features/office/RosterList'
import { SessionGate } from '../../../features/session/SessionGate'
import { SupervisionPanel } from '../../../features/supervision/SupervisionPanel'

const SupervisionPage = () => (
  <View className='page office-page'>
    <SessionGate>
      {() => (
        <View>
          <SupervisionPanel />
          <BindingAudit />
          <RevealLog generation={0} />
        </View>
      )}
    </SessionGate>
  </View>
)

export default SupervisionPage
