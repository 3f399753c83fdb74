/**
 * Login (H5): in demo mode (`npm start`) the person picker; otherwise the web console's QR login,
 * confirmed on the phone, and the way to a township's first set-up. The picker is never shown, nor
 * its people asked for, unless the server says it runs in demo mode.
 */
import { lazy, Suspense } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Loadable, ErrorState, Loading } from '../../components/State'
import { PeopleList } from '../../features/login/PeopleList'
import { useDevLogin } from '../../features/login/useDevLogin'
import { msg } from '../../i18n'
import { useCall } from '../../services/useCall'
import './index.scss'

const SETUP_PAGE = '/subpackages/binding/setup/index'

// The QR login (and its QR encoder, ~70 KB) only off the demo: loaded when shown, so the demo's
// first screen does not wait for it (issue 12 item 11). This page exists only in the H5 build.
const QrLogin = lazy(() => import('../../features/identity/QrLogin').then((m) => ({ default: m.QrLogin })))

/**
 * The way to a township's first set-up, shown under what the page loaded (never below a spinner
 * that the list then pushes away: no layout shift on the first screen, issue 12 item 11).
 */
const SetupLink = () => (
  <View className='login-page__setup'>
    <Button kind='secondary' className='login-setup' onClick={() => void Taro.navigateTo({ url: SETUP_PAGE })}>
      {msg.identity.setup.title}
    </Button>
  </View>
)

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
      {people.state.status === 'ready' ? <SetupLink /> : null}
    </View>
  )
}

const LoginPage = () => {
  const mode = useCall('auth.mode', {})
  return (
    <View className='page login-page'>
      <Loadable state={mode.state} onRetry={mode.reload}>
        {(m) =>
          m.demo ? (
            <DemoPicker />
          ) : (
            <Suspense fallback={<Loading />}>
              <QrLogin />
              <SetupLink />
            </Suspense>
          )
        }
      </Loadable>
    </View>
  )
}

export default LoginPage
