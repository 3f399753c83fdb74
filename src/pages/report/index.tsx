/** 反映问题 (problem report), main package: three taps from home to submitted. */
import { View } from '@tarojs/components'
import { PrivacyPopup } from '../../components/PrivacyPopup'
import { SessionGate } from '../../features/session/SessionGate'
import { ProblemReportForm } from '../../features/tickets/problem-reports/ProblemReportForm'
import { OfflineBanner } from '../../components/OfflineBanner'

const Page = () => (
  <View className='page'>
    <OfflineBanner />
    <SessionGate>{() => <ProblemReportForm />}</SessionGate>
    <PrivacyPopup />
  </View>
)

export default Page
