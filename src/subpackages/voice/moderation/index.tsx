/** 评论审核 (issue 13): the office's moderation queue, in its own small subpackage. */
import { View } from '@tarojs/components'
import { SessionGate } from '../../../features/session/SessionGate'
import { ModerationQueue } from '../../../features/voice/ModerationQueue'

const ModerationPage = () => (
  <View className='page office-page'>
    <SessionGate>{() => <ModerationQueue />}</SessionGate>
  </View>
)

export default ModerationPage
