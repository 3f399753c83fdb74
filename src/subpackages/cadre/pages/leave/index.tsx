/** 请销假 (cadre subpackage): ask, and for a team leader decide. */
import { LeavePanel } from '../../../../features/attendance/LeavePanel'
import { SessionGate } from '../../../../features/session/SessionGate'
import { Page } from '../../../../components/Page'

const LeavePage = () => (
  <Page className='leave-page'>
    <SessionGate>{() => <LeavePanel />}</SessionGate>
  </Page>
)

export default LeavePage
