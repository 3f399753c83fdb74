/** 我的: who I am here (name, roles, village and household) and, in the local demo, sign out. */
import { View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { List, type ListRow } from '../../components/List'
import { Section } from '../../components/Section'
import type { MeView } from '../../contracts'
import { zhCN } from '../../i18n/zh-CN'
import { signOut } from './useSession'

const m = zhCN.me

export const MeDetails = ({ me, canSignOut }: { me: MeView; canSignOut: boolean }) => {
  const rows: ListRow[] = [
    { key: 'name', title: m.name, value: me.name },
    { key: 'title', title: m.jobTitle, value: me.title || m.none },
    { key: 'roles', title: m.roles, value: me.roles.map((r) => zhCN.roles[r]).join('、') || m.none },
    ...(me.duty ? [{ key: 'duty', title: m.duty, value: zhCN.duty[me.duty] }] : []),
    { key: 'township', title: m.township, value: me.township.name },
    { key: 'village', title: m.village, value: me.village?.name ?? m.none },
    { key: 'household', title: m.household, value: me.household ? m.householdOf(me.household.number, me.household.groupName) : m.none },
  ]
  return (
    <View className='me-details'>
      <Section>
        <List rows={rows} />
      </Section>
      {canSignOut ? (
        <Section>
          <Button kind='secondary' className='logout-button' onClick={signOut}>
            {zhCN.login.logout}
          </Button>
        </Section>
      ) : null}
    </View>
  )
}
