/** 记录走访 (cadre subpackage). */
import { PrivacyPopup } from '../../../../components/PrivacyPopup'
import { pageParams } from '../../../../components/routes'
import { SessionGate } from '../../../../features/session/SessionGate'
import { VisitPanel } from '../../../../features/visits/VisitPanel'
import { Page } from '../../../../components/Page'

const VisitPage = () => (
  <Page className='visit-page'>
    <SessionGate>{() => <VisitPanel householdId={pageParams().household} />}</SessionGate>
    <PrivacyPopup />
  </Page>
)

export default VisitPage
