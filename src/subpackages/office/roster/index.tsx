/** 花名册与隐私 (office subpackage): roster list with masked data, logged reveals, notices. */
import { View } from '@tarojs/components'
import { NoticeForm } from '../../../features/office/NoticeForm'
import { RosterList } from '../../../features/office/RosterList'
import { SessionGate } from '../../../features/session/SessionGate'

const RosterPage = () => (
  <View className='page office-page'>
    <SessionGate>
      {() => (
        <View>
          <NoticeForm />
          <RosterList />
        </View>
      )}
    </SessionGate>
  </View>
)

export default RosterPage
