/** 我的事项 tab. */
import { View } from '@tarojs/components'
import { SessionGate } from '../../features/session/SessionGate'
import { MyTickets } from '../../features/tickets/my-tickets/MyTickets'
import { NoticeInbox } from '../../features/tickets/notifications/NoticeInbox'
import { OfflineBanner } from '../../components/OfflineBanner'

const ItemsPage = () => (
  <View className='page items-page'>
    <OfflineBanner />
    <SessionGate>
      {() => (
        <>
          <NoticeInbox />
          <MyTickets />
        </>
      )}
    </SessionGate>
  </View>
)

export default ItemsPage
