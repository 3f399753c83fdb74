/** 约个时间上门 (cadre subpackage): plan, move or cancel a visit to one household. */
import { View } from '@tarojs/components'
import { pageParams } from '../../../../components/routes'
import { PlanVisit } from '../../../../features/cadre/PlanVisit'
import { SessionGate } from '../../../../features/session/SessionGate'

const PlanPage = () => (
  <View className='page plan-page'>
    <SessionGate>{() => <PlanVisit householdId={pageParams().household ?? ''} />}</SessionGate>
  </View>
)

export default PlanPage
