/** 1135 评价汇总 (office subpackage): who rated, and no-contact ratings marked. */
import { View } from '@tarojs/components'
import { TownshipRatings } from '../../../../features/ratings/TownshipRatings'
import { SessionGate } from '../../../../features/session/SessionGate'

const RatingsPage = () => (
  <View className='page ratings-page'>
    <SessionGate>{() => <TownshipRatings />}</SessionGate>
  </View>
)

export default RatingsPage
