/** 办事 (service request), main package: villagers file here. */
import { PrivacyPopup } from '../../components/PrivacyPopup'
import { SessionGate } from '../../features/session/SessionGate'
import { ServiceRequestForm } from '../../features/tickets/service-requests/ServiceRequestForm'
import { OfflineBanner } from '../../components/OfflineBanner'
import { Page as PageRoot } from '../../components/Page'

const Page = () => (
  <PageRoot>
    <OfflineBanner />
    <SessionGate>{() => <ServiceRequestForm />}</SessionGate>
    <PrivacyPopup />
  </PageRoot>
)

export default Page
