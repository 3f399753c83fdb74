/** The phone confirms a web console login (opened by scanning its QR code, `?code=`). */
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ConfirmLogin } from '../../../features/identity/ConfirmLogin'
import { SessionGate } from '../../../features/session/SessionGate'

const ConfirmLoginPage = () => {
  const code = useRouter().params.code ?? ''
  return (
    <View className='page confirm-login-page'>
      <SessionGate>{() => <ConfirmLogin code={code} />}</SessionGate>
    </View>
  )
}

export default ConfirmLoginPage
