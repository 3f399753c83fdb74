/**
 * The households a cadre covers: number, head, group, masked phone, last signed visit; the ones
 * never visited or visited longest ago first, since those need the cadre most.
 * Test selectors: `.household-list`, `.household-row`.
 */
import { Text, View } from '@tarojs/components'
import { formatDate } from '../../components/format'
import type { HouseholdRow } from '../../contracts'
import { zhCN } from '../../i18n/zh-CN'
import './HouseholdList.scss'

const m = zhCN.home.households

const byLongestUnvisited = (a: HouseholdRow, b: HouseholdRow) => (a.lastConfirmedVisitAt ?? 0) - (b.lastConfirmedVisitAt ?? 0)

export const HouseholdList = ({ households }: { households: HouseholdRow[] }) => (
  <View className='household-list'>
    {[...households].sort(byLongestUnvisited).map((h) => (
      <View key={h.id} className={`household-row household-${h.id}`}>
        <View className='household-row__head'>
          <Text className='household-row__number'>{m.number(h.number)}</Text>
          <Text className='household-row__name'>{h.headName}</Text>
          <Text className='household-row__meta'>{m.members(h.memberCount)}</Text>
        </View>
        <Text className='household-row__meta'>{`${m.group(h.villageName, h.groupName)} · ${m.phone(h.phoneMasked)}`}</Text>
        <Text className={`household-row__visit ${h.lastConfirmedVisitAt ? '' : 'household-row__visit--never'}`}>
          {h.lastConfirmedVisitAt ? m.lastVisit(formatDate(h.lastConfirmedVisitAt)) : m.neverVisited}
        </Text>
      </View>
    ))}
  </View>
)
