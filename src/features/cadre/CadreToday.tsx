/** A resident cadre's home: today's date, open tickets, and the households they cover. */
import { Text, View } from '@tarojs/components'
import { formatToday } from '../../components/format'
import { Section } from '../../components/Section'
import { Loadable } from '../../components/State'
import { zhCN } from '../../i18n/zh-CN'
import { HouseholdList } from './HouseholdList'
import { useMyHouseholds, useMyOpenTickets } from './useCadreToday'
import './CadreToday.scss'

export const CadreToday = () => {
  const households = useMyHouseholds()
  const tickets = useMyOpenTickets()
  return (
    <View className='cadre-today'>
      <Text className='cadre-today__date'>{zhCN.home.today(formatToday())}</Text>
      <Section title={zhCN.home.openTickets} className='cadre-open-tickets'>
        <Loadable state={tickets.state} onRetry={tickets.reload}>
          {(list) => <Text className='cadre-open-tickets__count'>{zhCN.tickets.openCount(list.length)}</Text>}
        </Loadable>
      </Section>
      <Section
        title={households.state.status === 'ready' ? zhCN.home.cadreHouseholds(households.state.data.length) : undefined}
        className='cadre-households'
      >
        <Loadable state={households.state} onRetry={households.reload} isEmpty={(l) => l.length === 0} emptyText={zhCN.home.households.empty}>
          {(list) => <HouseholdList households={list} />}
        </Loadable>
      </Section>
    </View>
  )
}
