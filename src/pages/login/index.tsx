/**
 * Login (H5): in demo mode (`npm start`) the person picker; otherwise the web console's QR login,
 * confirmed on the phone, and the way to a township's first set-up. The picker is never shown, nor
 * its people asked for, unless the server says it runs in demo mode.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Loadable, ErrorState } from '../../components/State'
import { QrLogin } from '../../features/identity/QrLogin'
import { PeopleList } from '../../features/login/PeopleList'
import { useDevLogin } from '../../features/login/useDevLogin'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import './index.scss'

const SETUP_PAGE = '/subpackages/binding/setup/index'

const DemoPicker = () => {
  const { people, signInAs, pendingId, error } = useDevLogin()
  return (
    <View>
      <Text className='login-page__title'>{msg.login.title}</Text>
      <Text className='login-page__hint'>{msg.login.hint}</Text>
      {error ? <ErrorState message={error.message} code={error.code} /> : null}
      <Loadable state={people.state} onRetry={people.reload} isEmpty={(d) => d.groups.length === 0} emptyText={msg.login.empty}>
        {(data) => <PeopleList groups={data.groups} pendingId={pendingId} onPick={(id) => void signInAs(id)} />}
      </Loadable>
    </View>
  )
}

const LoginPage = () => {
  const mode = useCall('auth.mode', {})
  return (
    <View className='page login-page'>
      <Loadable state={mode.state} onRetry={mode.reload}>
        {(m) => (m.demo ? <DemoPicker /> : <QrLogin />)}
      </Loadable>
      <View className='login-page__setup'>
        <Button kind='secondary' className='login-setup' onClick={() => void Taro.navigateTo({ url: SETUP_PAGE })}>
          {msg.identity.setup.title}
        </Button>
      </View>
    </View>
  )
}

export default LoginPage
