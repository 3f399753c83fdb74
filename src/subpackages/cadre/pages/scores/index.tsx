/** 我的 1135 得分 (cadre subpackage): band scores and anonymous comments. */
import { MyScore } from '../../../../features/ratings/MyScore'
import { SessionGate } from '../../../../features/session/SessionGate'
import { Page } from '../../../../components/Page'

const ScoresPage = () => (
  <Page className='scores-page'>
    <SessionGate>{() => <MyScore />}</SessionGate>
  </Page>
)

export default ScoresPage
