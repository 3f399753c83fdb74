/** 我的: who I am here (name, roles, village and household) and, in the local demo, sign out. */
import { View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { List, type ListRow } from '../../components/List'
import { Section } from '../../components/Section'
import type { MeView } from '../../contracts'
import { msg } from '../../i18n'
import Taro from '@tarojs/taro'
import { loginCodeOf, mayUseWebConsole } from '../../core/console'
import { toast } from '../../components/feedback'
import { useSignOut } from './useSession'

/** WeChat: township staff scan the web console's login QR code and confirm on the next page. */
const scanConsoleLogin = async () => {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    const code = loginCodeOf(result)
    if (!code) return toast(msg.errors['LOGIN.CODE_INVALID'])
    await Taro.navigateTo({ url: `/subpackages/office/login-confirm/index?code=${code}` })
  } catch {
    // cancelled
  }
}

const m = msg.me

export const MeDetails = ({ me, canSignOut }: { me: MeView; canSignOut: boolean }) => {
  const { signOut, pending } = useSignOut()
  const rows: ListRow[] = [
    { key: 'name', title: m.name, value: me.name },
    // A villager has no job title: the row is left out rather than saying 无.
    ...(me.title ? [{ key: 'title', title: m.jobTitle, value: me.title }] : []),
    { key: 'roles', title: m.roles, value: me.roles.map((r) => msg.roles[r]).join('、') || m.none },
    ...(me.duty ? [{ key: 'duty', title: m.duty, value: msg.duty[me.duty] }] : []),
    { key: 'township', title: m.township, value: me.township.name },
    // Township staff have no village or household of their own: those rows are left out too, not 无.
    ...(me.village ? [{ key: 'village', title: m.village, value: me.village.name }] : []),
    ...(me.household ? [{ key: 'household', title: m.household, value: m.householdOf(me.household.number, me.household.groupName) }] : []),
  ]
  return (
    <View className='me-details'>
      <Section>
        <List rows={rows} />
      </Section>
      {process.env.TARO_ENV === 'weapp' && mayUseWebConsole(me) ? (
        <Section>
          <Button kind='secondary' className='scan-console-login' onClick={() => void scanConsoleLogin()}>
            {msg.identity.qrLogin.scan}
          </Button>
        </Section>
      ) : null}
      {canSignOut ? (
        <Section>
          <Button kind='secondary' className='logout-button' loading={pending} onClick={() => void signOut()}>
            {msg.login.logout}
          </Button>
        </Section>
      ) : null}
    </View>
  )
}
