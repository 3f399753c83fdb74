/** 工单: the cadre's inbox, overdue first. */
import { View } from '@tarojs/components'
import { SessionGate } from '../../../../features/session/SessionGate'
import { CadreInbox } from '../../../../features/tickets/inbox/CadreInbox'

const Page = () => (
  <View className='page'>
    <SessionGate>{() => <CadreInbox />}</SessionGate>
  </View>
)

export default Page
