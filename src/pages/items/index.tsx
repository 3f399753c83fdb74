/** 我的事项 tab. */
import { View } from '@tarojs/components'
import { SessionGate } from '../../features/session/SessionGate'
import { MyTickets } from '../../features/tickets/MyTickets'

const ItemsPage = () => (
  <View className='page items-page'>
    <SessionGate>{() => <MyTickets />}</SessionGate>
  </View>
)

export default ItemsPage
