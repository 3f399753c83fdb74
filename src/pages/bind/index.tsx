/** 绑定微信 (main package): the page an invitation QR code opens; needs no session yet. */
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { BindAccept } from '../../features/binding/BindAccept'

const BindPage = () => {
  const { params } = useRouter()
  return (
    <View className='page bind-page'>
      <BindAccept token={params.token} />
    </View>
  )
}

export default BindPage
