/** The village secretary's desk: escalated tickets and joint meetings. */
import { View } from '@tarojs/components'
import { SessionGate } from '../../../../features/session/SessionGate'
import { SecretaryDesk } from '../../../../features/tickets/joint-meetings/SecretaryDesk'

const Page = () => (
  <View className='page'>
    <SessionGate>{() => <SecretaryDesk />}</SessionGate>
  </View>
)

export default Page
