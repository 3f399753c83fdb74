/** 干部考勤公示 (main package: villagers open it from their home). */
import { useRouter } from '@tarojs/taro'
import { Loadable } from '../../components/State'
import { PostingTable } from '../../features/posting/PostingTable'
import { SessionGate } from '../../features/session/SessionGate'
import { useCall } from '../../services/useCall'
import { Page } from '../../components/Page'

const Posting = ({ period }: { period: string }) => {
  const { state, reload } = useCall('posting.get', { period })
  return (
    <Loadable state={state} onRetry={reload}>
      {(posting) => <PostingTable posting={posting} />}
    </Loadable>
  )
}

const PostingPage = () => {
  const { params } = useRouter()
  return (
    <Page className='posting-page'>
      <SessionGate>{() => <Posting period={params.period ?? ''} />}</SessionGate>
    </Page>
  )
}

export default PostingPage
