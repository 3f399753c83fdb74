/**
 * 绑定身份 (main package: the person has no session yet). Opened with an invitation (`token` in
 * H5, `scene` from a 小程序码 in WeChat) it accepts the invitation; opened plainly it binds by phone.
 */
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { BindAccept } from '../../features/binding/BindAccept'
import { BindPhone } from '../../features/binding/BindPhone'

const BindPage = () => {
  const { params } = useRouter()
  // A mini-program code carries its scene URL-encoded.
  const token = params.token ?? (params.scene ? decodeURIComponent(params.scene) : undefined)
  return <View className='page bind-page'>{token ? <BindAccept token={token} /> : <BindPhone />}</View>
}

export default BindPage
