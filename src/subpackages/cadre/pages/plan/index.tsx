/** 约个时间上门 (cadre subpackage): plan, move or cancel a visit to one household. */
import { pageParams } from '../../../../components/routes'
import { PlanVisit } from '../../../../features/cadre/PlanVisit'
import { SessionGate } from '../../../../features/session/SessionGate'
import { Page } from '../../../../components/Page'

const PlanPage = () => (
  <Page className='plan-page'>
    <SessionGate>{() => <PlanVisit householdId={pageParams().household ?? ''} />}</SessionGate>
  </Page>
)

export default PlanPage
