/** 我的事项 tab. */
import { View } from '@tarojs/components'
import { SessionGate } from '../../features/session/SessionGate'
import { MyTickets } from '../../features/tickets/my-tickets/MyTickets'
import { NotificationInbox } from '../../features/tickets/notifications/NotificationInbox'
import { OfflineBanner } from '../../components/OfflineBanner'

const ItemsPage = () => (
  <View className='page items-page'>
    <OfflineBanner />
    <SessionGate>
      {() => (
        <>
          <NotificationInbox />
          <MyTickets />
        </>
      )}
    </SessionGate>
  </View>
)

export default ItemsPage
