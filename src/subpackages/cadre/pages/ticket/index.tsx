/** A ticket as its handler works it (cadre, secretary, township office). */
import { PrivacyPopup } from '../../../../components/PrivacyPopup'
import { SessionGate } from '../../../../features/session/SessionGate'
import { TicketPage } from '../../../../features/tickets/shared/TicketPage'
import { Page as PageRoot } from '../../../../components/Page'

const Page = () => (
  <PageRoot>
    <PrivacyPopup />
    <SessionGate>{() => <TicketPage handler />}</SessionGate>
  </PageRoot>
)

export default Page
