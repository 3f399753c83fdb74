/** 绑定微信 (main package): the page an invitation QR code opens; needs no session yet. */
import { useRouter } from '@tarojs/taro'
import { BindAccept } from '../../features/binding/BindAccept'
import { Page } from '../../components/Page'

const BindPage = () => {
  const { params } = useRouter()
  return (
    <Page className='bind-page'>
      <BindAccept token={params.token} />
    </Page>
  )
}

export default BindPage
