/** A cadre's record (档案), cadre subpackage: `?cadreId=`; the server decides who may read it. */
import { useRouter } from '@tarojs/taro'
import { CadreRecord } from '../../../../features/records/CadreRecord'
import { SessionGate } from '../../../../features/session/SessionGate'
import { Page } from '../../../../components/Page'

const RecordPage = () => {
  const { params } = useRouter()
  return (
    <Page>
      <SessionGate>{(me) => <CadreRecord cadreId={params.cadreId ?? me.id} />}</SessionGate>
    </Page>
  )
}

export default RecordPage
