/**
 * A resident cadre's home is today: the sign-in slots and their state, this week's 543 so far, open
 * tickets, and the households they cover (least recently visited first).
 */
import { Text, View } from '@tarojs/components'
import { formatToday } from '../../components/format'
import { Section } from '../../components/Section'
import { Loadable } from '../../components/State'
import { msg } from '../../i18n'
import { HouseholdList } from './HouseholdList'
import { useCall } from '../../services/useCall'
import { useMyHouseholds, useMyOpenTickets } from './useCadreToday'
import './CadreToday.scss'

const v = msg.verdict

/** Today's three fixed-time slots (三定点), each with its state in words. */
const TodaySlots = () => {
  const today = useCall('signin.today', {})
  return (
    <Section title={v.signin.title} className='cadre-today-slots'>
      <Loadable state={today.state} onRetry={today.reload}>
        {(data) => (
          <View className='cadre-today-slots__list'>
            {data.slots.map((slot) => (
              <Text key={slot.slot} className={`cadre-today-slot cadre-today-slot--${slot.state}`}>
                {`${v.signin.slots[slot.slot]}  ${v.signin.state[slot.state]}`}
              </Text>
            ))}
          </View>
        )}
      </Loadable>
    </Section>
  )
}

/** This week's 543 so far against what is required (lowered by approved leave). */
const Week543 = () => {
  const week = useCall('attendance.week', {})
  const a = v.attendance
  return (
    <Section title={a.title} className='cadre-today-543'>
      <Loadable state={week.state} onRetry={week.reload}>
        {(w) => (
          <View className='cadre-today-543__rows'>
            <Text className='cadre-today-543__row'>{`${a.workDays} ${a.of(w.workDays, w.required.workDays)}`}</Text>
            <Text className='cadre-today-543__row'>{`${a.nights} ${a.of(w.nights, w.required.nights)}`}</Text>
            <Text className='cadre-today-543__row'>{`${a.villageDays} ${a.of(w.villageDays, w.required.villageDays)}`}</Text>
            <Text className={`cadre-today-543__verdict ${w.compliant ? 'is-met' : 'is-short'}`}>
              {w.compliant ? a.compliant : a.short(w.short.map((k) => a[k]).join('、'))}
            </Text>
          </View>
        )}
      </Loadable>
    </Section>
  )
}

export const CadreToday = () => {
  const households = useMyHouseholds()
  const tickets = useMyOpenTickets()
  return (
    <View className='cadre-today'>
      <Text className='cadre-today__date'>{msg.home.today(formatToday())}</Text>
      <TodaySlots />
      <Week543 />
      <Section title={msg.home.openTickets} className='cadre-open-tickets'>
        <Loadable state={tickets.state} onRetry={tickets.reload}>
          {(list) => <Text className='cadre-open-tickets__count'>{msg.tickets.openCount(list.length)}</Text>}
        </Loadable>
      </Section>
      <Section
        title={households.state.status === 'ready' ? msg.home.cadreHouseholds(households.state.data.length) : undefined}
        className='cadre-households'
      >
        <Loadable state={households.state} onRetry={households.reload} isEmpty={(l) => l.length === 0} emptyText={msg.home.households.empty}>
          {(list) => <HouseholdList households={list} />}
        </Loadable>
      </Section>
    </View>
  )
}
