/** 设置乡镇: the first administrator binds with the township's one-time set-up code (no session needed). */
import { View } from '@tarojs/components'
import { SetupForm } from '../../../features/identity/SetupForm'

const SetupPage = () => (
  <View className='page setup-page'>
    <SetupForm />
  </View>
)

export default SetupPage
