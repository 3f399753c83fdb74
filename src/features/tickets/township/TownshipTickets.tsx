/**
 * The township office: tickets passed up to the 联席会议 (tap to work one), and the three rates
 * (响应率 / 解决率 / 满意率) per cadre, team and village for a chosen period. A team leader sees the
 * rates of their own teams (the server scopes it).
 * Test selectors: `.township-session`, `.rates`, `.rates-row--<id>`, `.period-input`.
 */
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '../../../components/Button'
import { Section } from '../../../components/Section'
import { Loadable } from '../../../components/State'
import type { RatesRow } from '../../../contracts'
import { msg } from '../../../i18n'
import { useCall } from '../../../services/useCall'
import { TicketList } from '../shared/TicketList'

const m = msg.ticketLoop
const HANDLER_TICKET_PAGE = '/subpackages/cadre/pages/ticket/index'

const thisMonth = () => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

const Row = ({ row, name }: { row: RatesRow; name: string }) => (
  <View className={`rates-row rates-row--${row.id}`}>
    <Text className='rates-row__name'>{`${name}（${m.ticketsCount(row.tickets)}）`}</Text>
    <Text>{`${m.rateNames.response} ${m.percent(row.response.rate)}`}</Text>
    <Text>{`${m.rateNames.resolution} ${m.percent(row.resolution.rate)}`}</Text>
    <Text>{`${m.rateNames.satisfaction} ${m.percent(row.satisfaction.rate)}`}</Text>
  </View>
)

export const Rates = () => {
  const [draft, setDraft] = useState(thisMonth())
  const [period, setPeriod] = useState(thisMonth())
  const { state, reload } = useCall('ticket.rates', { period })
  return (
    <Section title={m.ratesTitle} className='rates'>
      <Text className='mq-hint'>{m.period}</Text>
      <View className='mq-row'>
        <Input className='mq-input period-input' value={draft} maxlength={7} onInput={(e) => setDraft(e.detail.value)} />
        <Button kind='secondary' className='show-rates' onClick={() => setPeriod(draft.trim())}>
          {m.show}
        </Button>
      </View>
      <Loadable state={state} onRetry={reload}>
        {(report) => (
          <View className='rates-table'>
            <Row row={report.overall} name={m.overall} />
            {[[m.byVillage, report.byVillage], [m.byTeam, report.byTeam], [m.byCadre, report.byCadre]].map(([title, rows]) => (
              <View key={title as string} className='rates-table'>
                <Text className='mq-field__label'>{title as string}</Text>
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
