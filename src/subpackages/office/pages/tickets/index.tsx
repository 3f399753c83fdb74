/** The township office: the 联席会议's tickets and the three rates for a period. */
import { View } from '@tarojs/components'
import { SessionGate } from '../../../../features/session/SessionGate'
import { Rates, TownshipSession } from '../../../../features/tickets/township/TownshipTickets'

const Page = () => (
  <View className='page'>
    <SessionGate>
      {() => (
        <>
          <TownshipSession />
          <Rates />
        </>
      )}
    </SessionGate>
  </View>
)

export default Page
