/** 评论和照片审核 (issue 13): the office's moderation queues (comments; images: photos), in their own small subpackage. */
import { View } from '@tarojs/components'
import { SessionGate } from '../../../features/session/SessionGate'
import { ModerationQueue } from '../../../features/voice/ModerationQueue'
import { PhotoQueue } from '../../../features/voice/PhotoQueue'

const ModerationPage = () => (
  <View className='page office-page'>
    <SessionGate>
      {() => (
        <View className='moderation-page'>
          <ModerationQueue />
          {/* images: photos no automatic check decided */}
          <PhotoQueue />
        </View>
      )}
    </SessionGate>
  </View>
)

export default ModerationPage
