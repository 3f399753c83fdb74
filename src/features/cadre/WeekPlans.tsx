/**
 * 这周要去的 (visitplan, issue 12 item 9) on the cadre's home: the households he promised to visit
 * from today to Sunday, then the later ones, each by day. One tap on a row starts the visit form for
 * that household; 改时间 opens the plan (moving or cancelling asks first there).
 * Test selectors: `.week-plans`, `.week-plan-<householdId>`, `.week-plan-start-<householdId>`, `.week-plan-move-<householdId>`.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { ROUTES } from '../../components/routes'
import { Section } from '../../components/Section'
import { Empty } from '../../components/State'
import type { HouseholdRow } from '../../contracts'
import { planDay } from '../villager/planDay'
import { plannedVisits, type PlannedRow } from './plans'
import './WeekPlans.scss'
import { msg } from '../../i18n'

const m = msg.visitPlan

const Row = ({ h, today }: { h: PlannedRow; today: string }) => (
  <View className={`week-plan week-plan-${h.id}`}>
    <View className={`week-plan__open week-plan-start-${h.id}`} ariaRole='button' onClick={() => void Taro.navigateTo({ url: `${ROUTES.visit}?household=${h.id}` })}>
      <Text className={`week-plan__day ${h.plannedVisit === today ? 'week-plan__day--today' : ''}`}>
        {h.plannedVisit === today ? `${m.today} ${planDay(h.plannedVisit)}` : planDay(h.plannedVisit)}
      </Text>
      <Text className='week-plan__who'>{msg.verdict.fmt.household(h.number, h.headName)}</Text>
      {h.plannedNote ? <Text className='week-plan__note'>{h.plannedNote}</Text> : null}
      <Text className='week-plan__start'>{`${m.start} ›`}</Text>
    </View>
    <View className={`week-plan__move week-plan-move-${h.id}`} ariaRole='button' onClick={() => void Taro.navigateTo({ url: `${ROUTES.plan}?household=${h.id}` })}>
      <Text>{m.move}</Text>
    </View>
  </View>
)

export const WeekPlans = ({ households }: { households: readonly HouseholdRow[] }) => {
  const today = dayjs().format('YYYY-MM-DD')
  const { week, later } = plannedVisits(households, today)
  return (
    <Section title={m.week} className='week-plans'>
      {week.length === 0 ? <Empty text={m.weekEmpty} /> : week.map((h) => <Row key={h.id} h={h} today={today} />)}
      {later.length > 0 ? <Text className='week-plans__later'>{m.later}</Text> : null}
      {later.map((h) => (
        <Row key={h.id} h={h} today={today} />
      ))}
    </Section>
  )
}
