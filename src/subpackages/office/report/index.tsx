/** 提交监督意见 (office subpackage): the public supervisors' report form. */
import { View } from '@tarojs/components'
import { SessionGate } from '../../../features/session/SessionGate'
import { ReportForm } from '../../../features/supervision/ReportForm'

const ReportPage = () => (
  <View className='page office-page'>
    <SessionGate>{() => <ReportForm />}</SessionGate>
  </View>
)

export default ReportPage
