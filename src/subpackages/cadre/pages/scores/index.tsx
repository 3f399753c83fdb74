/** 我的 1135 得分 (cadre subpackage): band scores and anonymous comments. */
import { View } from '@tarojs/components'
import { MyScore } from '../../../../features/ratings/MyScore'
import { SessionGate } from '../../../../features/session/SessionGate'

const ScoresPage = () => (
  <View className='page scores-page'>
    <SessionGate>{() => <MyScore />}</SessionGate>
  </View>
)

export default ScoresPage
