/** 评价 (main package): a household rates its cadre; leaders, peers and committees rate in their bands. */
import { RatingForm } from '../../features/ratings/RatingForm'
import { SessionGate } from '../../features/session/SessionGate'
import { Page } from '../../components/Page'

const RatePage = () => (
  <Page className='rate-page'>
    <SessionGate>{() => <RatingForm />}</SessionGate>
  </Page>
)

export default RatePage
