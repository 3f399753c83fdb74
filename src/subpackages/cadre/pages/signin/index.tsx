/** 签到 (cadre subpackage). */
import { View } from '@tarojs/components'
import { PrivacyPopup } from '../../../../components/PrivacyPopup'
import { SignInPanel } from '../../../../features/attendance/SignInPanel'
import { SessionGate } from '../../../../features/session/SessionGate'

const SignInPage = () => (
  <View className='page signin-page'>
    <SessionGate>{() => <SignInPanel />}</SessionGate>
    <PrivacyPopup />
  </View>
)

export default SignInPage
