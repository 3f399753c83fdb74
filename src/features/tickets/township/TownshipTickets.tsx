/**
 * The township office: tickets passed up to the 联席会议 (tap to work one), and the three rates
 * (响应率 / 解决率 / 满意率) per cadre, team and village for a chosen period. A team leader sees the
 * rates of their own teams (the server scopes it).
 * Test selectors: `.township-session`, `.rates`, `.rates-row--<id>`, `.rates-period` (look-b: months, quarter and year to choose, not a typed key).
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Choice } from '../../../components/Field'
import { Section } from '../../../components/Section'
import { Loadable } from '../../../components/State'
import type { RatesRow } from '../../../contracts'
import { msg } from '../../../i18n'
import { useCall } from '../../../services/useCall'
import { TicketList } from '../shared/TicketList'
import './township.scss'

const m = msg.ticketLoop
const lb = msg.lookB.rates
const HANDLER_TICKET_PAGE = '/subpackages/cadre/pages/ticket/index'

/**
 * look-b: the periods to choose from (client clock: a filter only): this month so far, the five
 * before it, this quarter and this year, in words; the server reads the keys (YYYY-MM, YYYY-Qn, YYYY).
 */
const periodChoices = (now = new Date()): { value: string; label: string }[] => {
  const y = now.getFullYear()
  const months = Array.from({ length: 6 }, (_, i) => {
    const d = new Date(y, now.getMonth() - i, 1)
    const key = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
    return { value: key, label: i === 0 ? lb.thisMonth(msg.plain.month(key)) : msg.plain.month(key) }
  })
  const q = Math.floor(now.getMonth() / 3) + 1
  return [...months, { value: `${y}-Q${q}`, label: lb.quarter(y, q) }, { value: String(y), label: lb.year(y) }]
}

const Row = ({ row, name }: { row: RatesRow; name: string }) => (
  <View className={`rates-row rates-row--${row.id}`}>
    <Text className='rates-row__name'>{`${name}（${m.ticketsCount(row.tickets)}）`}</Text>
    {(['response', 'resolution', 'satisfaction'] as const).map((k) => (
      <View key={k} className={`rates-cell rates-cell--${k}`}>
        <Text className='rates-cell__label'>{m.rateNames[k]}</Text>
        <Text className='rates-cell__value'>{m.percent(row[k].rate)}</Text>
      </View>
    ))}
  </View>
)

export const Rates = () => {
  const choices = periodChoices()
  const [period, setPeriod] = useState(choices[0]!.value)
  const { state, reload } = useCall('ticket.rates', { period })
  return (
    <Section title={m.ratesTitle} className='rates'>
      <Choice label={lb.period} options={choices} value={period} onChange={setPeriod} className='rates-period' />
      <Loadable state={state} onRetry={reload}>
        {(report) => (
          <View className='rates-table'>
            <Row row={report.overall} name={m.overall} />
            {[[m.byVillage, report.byVillage], [m.byTeam, report.byTeam], [m.byCadre, report.byCadre]].map(([title, rows]) => (
              <View key={title as string} className='rates-table'>
                <Text className='rates-group'>{title as string}</Text>
                {(rows as RatesRow[]).map((r) => <Row key={r.id} row={r} name={r.name} />)}
              </View>
            ))}
          </View>
        )}
      </Loadable>
    </Section>
  )
}

export const TownshipSession = () => {
  const { state, reload } = useCall('ticket.list', { status: 'township_session' })
  return (
    <Section title={m.sessionTitle} className='township-session'>
      <Loadable state={state} onRetry={reload} isEmpty={(l) => l.length === 0} emptyText={m.sessionEmpty}>
        {(list) => <TicketList tickets={list} detailPage={HANDLER_TICKET_PAGE} />}
      </Loadable>
    </Section>
  )
}
