/** 我的事项 tab. */
import { SessionGate } from '../../features/session/SessionGate'
import { MyTickets } from '../../features/tickets/my-tickets/MyTickets'
import { NotificationInbox } from '../../features/tickets/notifications/NotificationInbox'
import { OfflineBanner } from '../../components/OfflineBanner'
import { Page } from '../../components/Page'

const ItemsPage = () => (
  <Page className='items-page'>
    <OfflineBanner />
    <SessionGate>
      {(me) => (
        <>
          <NotificationInbox />
          <MyTickets me={me} />
        </>
      )}
    </SessionGate>
  </Page>
)

export default ItemsPage
