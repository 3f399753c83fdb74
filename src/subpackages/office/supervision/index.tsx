/** 督导工作台 (office subpackage), with the bindings made by invitation and the refused sign-offs and ratings. */
import { View } from '@tarojs/components'
import { BindingAudit } from '../../../features/binding/BindingAudit'
import { SessionGate } from '../../../features/session/SessionGate'
import { SupervisionPanel } from '../../../features/supervision/SupervisionPanel'

const SupervisionPage = () => (
  <View className='page office-page'>
    <SessionGate>
      {() => (
        <>
          <SupervisionPanel />
          <BindingAudit />
        </>
      )}
    </SessionGate>
  </View>
)

export default SupervisionPage
