/** 评价 (main package): a household rates its cadre; leaders, peers and committees rate in their bands. */
import { View } from '@tarojs/components'
import { RatingForm } from '../../features/ratings/RatingForm'
import { SessionGate } from '../../features/session/SessionGate'

const RatePage = () => (
  <View className='page rate-page'>
    <SessionGate>{() => <RatingForm />}</SessionGate>
  </View>
)

export default RatePage
