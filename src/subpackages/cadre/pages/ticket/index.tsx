/** A ticket as its handler works it (cadre, secretary, township office). */
import { View } from '@tarojs/components'
import { PrivacyPopup } from '../../../../components/PrivacyPopup'
import { SessionGate } from '../../../../features/session/SessionGate'
import { TicketPage } from '../../../../features/tickets/shared/TicketPage'

const Page = () => (
  <View className='page'>
    <PrivacyPopup />
    <SessionGate>{() => <TicketPage handler />}</SessionGate>
  </View>
)

export default Page
