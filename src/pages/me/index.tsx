/** 我的 tab. */
import { ElderSwitch } from '../../features/session/ElderSwitch'
import { MeDetails } from '../../features/session/MeDetails'
import { SessionGate } from '../../features/session/SessionGate'
import { session } from '../../services/api'
import { Page } from '../../components/Page'

const MePage = () => (
  <Page className='me-page'>
    <ElderSwitch />
    <SessionGate>{(me) => <MeDetails me={me} canSignOut={session.hasDevLogin} />}</SessionGate>
  </Page>
)

export default MePage
