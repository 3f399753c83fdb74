/** 干部档案 (office subpackage): the cadres the viewer may open, each linking to their record. */
import { View } from '@tarojs/components'
import { CadreList } from '../../../features/records/CadreList'
import { SessionGate } from '../../../features/session/SessionGate'

const CadresPage = () => (
  <View className='page office-page'>
    <SessionGate>{() => <CadreList />}</SessionGate>
  </View>
)

export default CadresPage
