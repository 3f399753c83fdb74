/** One of my tickets: status, timeline, confirm / reopen / rate (main package). */
import { View } from '@tarojs/components'
import { PrivacyPopup } from '../../components/PrivacyPopup'
import { SessionGate } from '../../features/session/SessionGate'
import { TicketPage } from '../../features/tickets/shared/TicketPage'

const Page = () => (
  <View className='page'>
    <SessionGate>{() => <TicketPage />}</SessionGate>
    <PrivacyPopup />
  </View>
)

export default Page
