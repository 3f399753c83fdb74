/** 反映问题 (problem report), main package: three taps from home to submitted. */
import { PrivacyPopup } from '../../components/PrivacyPopup'
import { SessionGate } from '../../features/session/SessionGate'
import { ProblemReportForm } from '../../features/tickets/problem-reports/ProblemReportForm'
import { OfflineBanner } from '../../components/OfflineBanner'
import { Page as PageRoot } from '../../components/Page'

const Page = () => (
  <PageRoot>
    <OfflineBanner />
    <SessionGate>{() => <ProblemReportForm />}</SessionGate>
    <PrivacyPopup />
  </PageRoot>
)

export default Page
