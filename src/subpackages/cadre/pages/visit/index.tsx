/** 记录走访 (cadre subpackage). */
import { View } from '@tarojs/components'
import { PrivacyPopup } from '../../../../components/PrivacyPopup'
import { pageParams } from '../../../../components/routes'
import { SessionGate } from '../../../../features/session/SessionGate'
import { VisitPanel } from '../../../../features/visits/VisitPanel'

const VisitPage = () => (
  <View className='page visit-page'>
    <SessionGate>{() => <VisitPanel householdId={pageParams().household} />}</SessionGate>
    <PrivacyPopup />
  </View>
)

export default VisitPage
