/** 代群众提交: a cadre files for a villager without a phone. */
import { View } from '@tarojs/components'
import { SessionGate } from '../../../../features/session/SessionGate'
import { FileOnBehalf } from '../../../../features/tickets/inbox/FileOnBehalf'

const Page = () => (
  <View className='page'>
    <SessionGate>{() => <FileOnBehalf />}</SessionGate>
  </View>
)

export default Page
