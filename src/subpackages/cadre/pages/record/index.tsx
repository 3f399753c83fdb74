/** A cadre's record (档案), cadre subpackage: `?cadreId=`; the server decides who may read it. */
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { CadreRecord } from '../../../../features/records/CadreRecord'
import { SessionGate } from '../../../../features/session/SessionGate'

const RecordPage = () => {
  const { params } = useRouter()
  return (
    <View className='page'>
      <SessionGate>{(me) => <CadreRecord cadreId={params.cadreId ?? me.id} />}</SessionGate>
    </View>
  )
}

export default RecordPage
