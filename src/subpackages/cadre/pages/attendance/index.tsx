/** 543 和补助 (cadre subpackage); a team leader also sees the team. */
import { WeekPanel } from '../../../../features/attendance/WeekPanel'
import { SessionGate } from '../../../../features/session/SessionGate'
import { Page } from '../../../../components/Page'

const AttendancePage = () => (
  <Page className='attendance-page'>
    <SessionGate>{(me) => <WeekPanel showTeam={me.leadsTeams.length > 0} />}</SessionGate>
  </Page>
)

export default AttendancePage
