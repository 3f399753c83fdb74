/** One of my tickets: status, timeline, confirm / reopen / rate (main package). */
import { SessionGate } from '../../features/session/SessionGate'
import { TicketPage } from '../../features/tickets/shared/TicketPage'
import { Page as PageRoot } from '../../components/Page'

const Page = () => (
  <PageRoot>
    <SessionGate>{() => <TicketPage />}</SessionGate>
  </PageRoot>
)

export default Page
