/** 评论和照片审核 (issue 13): the office's moderation queues (comments; images: photos), in their own small subpackage. */
import { View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { SessionGate } from '../../../features/session/SessionGate'
import { ModerationQueue } from '../../../features/voice/ModerationQueue'
import { PhotoQueue } from '../../../features/voice/PhotoQueue'

const ModerationPage = () => (
  // images: a Page root, so that elder mode (长辈版) enlarges this screen too.
  <Page className='office-page'>
    <SessionGate>
      {() => (
        <View className='moderation-page'>
          <ModerationQueue />
          {/* images: photos no automatic check decided */}
          <PhotoQueue />
        </View>
      )}
    </SessionGate>
  </Page>
)

export default ModerationPage
