/** Local demo login (H5 only): pick one of the seeded people. */
import { Text, View } from '@tarojs/components'
import { Loadable, ErrorState } from '../../components/State'
import { PeopleList } from '../../features/login/PeopleList'
import { useDevLogin } from '../../features/login/useDevLogin'
import { zhCN } from '../../i18n/zh-CN'
import './index.scss'

const LoginPage = () => {
  const { people, signInAs, pendingId, error } = useDevLogin()
  return (
    <View className='page login-page'>
      <Text className='login-page__title'>{zhCN.login.title}</Text>
      <Text className='login-page__hint'>{zhCN.login.hint}</Text>
      {error ? <ErrorState message={error.message} code={error.code} /> : null}
      <Loadable state={people.state} onRetry={people.reload} isEmpty={(d) => d.groups.length === 0} emptyText={zhCN.login.empty}>
        {(data) => <PeopleList groups={data.groups} pendingId={pendingId} onPick={(id) => void signInAs(id)} />}
      </Loadable>
    </View>
  )
}

export default LoginPage
