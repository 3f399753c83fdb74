/** One of my tickets: status, timeline, confirm / reopen / rate (main package). */
import { PrivacyPopup } from '../../components/PrivacyPopup'
import { SessionGate } from '../../features/session/SessionGate'
import { TicketPage } from '../../features/tickets/shared/TicketPage'
import { Page as PageRoot } from '../../components/Page'

const Page = () => (
  <PageRoot>
    <SessionGate>{() => <TicketPage />}</SessionGate>
    <PrivacyPopup />
  </PageRoot>
)

export default Page
