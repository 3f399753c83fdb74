/** 镇机关工作台 (office subpackage): roster import with its coverage check, and the month-end close with posting and exports. */
import { View } from '@tarojs/components'
import { ClosePanel } from '../../../features/office/ClosePanel'
import { RosterImport } from '../../../features/office/RosterImport'
import { SessionGate } from '../../../features/session/SessionGate'

const OfficeHubPage = () => (
  <View className='page office-page'>
    <SessionGate>
      {() => (
        <View>
          <RosterImport />
          <ClosePanel />
        </View>
      )}
    </SessionGate>
  </View>
)

export default OfficeHubPage
