/** 邀请家人绑定微信 (binding subpackage, opened by the household's cadre at the door). */
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { InvitePanel } from '../../../features/binding/InvitePanel'
import { SessionGate } from '../../../features/session/SessionGate'

const InvitePage = () => {
  const { params } = useRouter()
  return (
    <View className='page invite-page'>
      <SessionGate>{() => <InvitePanel householdId={params.householdId ?? ''} />}</SessionGate>
    </View>
  )
}

export default InvitePage
