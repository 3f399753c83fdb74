/** 干部考勤公示 (main package: villagers open it from their home). */
import { useRouter } from '@tarojs/taro'
import { Loadable } from '../../components/State'
import { PostingMonths } from '../../features/posting/PostingMonths'
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
      {/* Opened without a month (a shared link, a notice): the months to choose from, not an error. */}
      <SessionGate>{() => (params.period ? <Posting period={params.period} /> : <PostingMonths />)}</SessionGate>
    </Page>
  )
}

export default PostingPage
