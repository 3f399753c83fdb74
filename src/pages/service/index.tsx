/** 办事 (service request), main package: villagers file here. */
import { View } from '@tarojs/components'
import { PrivacyPopup } from '../../components/PrivacyPopup'
import { SessionGate } from '../../features/session/SessionGate'
import { ServiceRequestForm } from '../../features/tickets/service-requests/ServiceRequestForm'
import { OfflineBanner } from '../../components/OfflineBanner'

const Page = () => (
  <View className='page'>
    <OfflineBanner />
    <SessionGate>{() => <ServiceRequestForm />}</SessionGate>
    <PrivacyPopup />
  </View>
)

export default Page
