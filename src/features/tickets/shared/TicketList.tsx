/**
 * Tickets with their status in plain words, who has it now, and the promised date.
 * Test selectors: `.ticket-list`, `.ticket-row`, `.ticket-status--<status>`.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatDate } from '../../../components/format'
import type { TicketView } from '../../../contracts'
import { zhCN } from '../../../i18n/zh-CN'
import { categoryName, hoursLeft } from './words'
import './TicketList.scss'

const m = zhCN.tickets
const ENDED: readonly TicketView['status'][] = ['closed', 'withdrawn']

/** Where a row opens: the villager's ticket page (main package) unless a handler's page is given. */
export const TicketList = ({ tickets, now = Date.now(), detailPage = '/pages/ticket/index' }: { tickets: TicketView[]; now?: number; detailPage?: string }) => (
  <View className='ticket-list'>
    {tickets.map((t) => {
      const ended = ENDED.includes(t.status)
      return (
        <View key={t.id} className={`ticket-row ticket-${t.id}`} onClick={() => void Taro.navigateTo({ url: `${detailPage}?id=${t.id}` })}>
          <View className='ticket-row__head'>
            <Text className='ticket-row__kind'>{`${m.kind[t.kind]} · ${categoryName(t.category)}`}</Text>
            <Text className='ticket-row__date'>{m.createdOn(formatDate(t.createdAt))}</Text>
          </View>
          <Text className='ticket-row__description'>{t.description}</Text>
          <Text className={`ticket-row__status ticket-status--${t.status}`}>{m.status[t.status]}</Text>
          {!ended && t.assignee ? <Text className='ticket-row__meta'>{m.handledBy(t.assignee.name)}</Text> : null}
          {!ended && t.status !== 'resolved' ? (
            t.dueAt < now ? (
              <Text className='ticket-row__meta ticket-row__overdue'>{`${m.overdue(formatDate(t.dueAt))} ${zhCN.ticketLoop.overdueBy(-hoursLeft(t.dueAt, now))}`}</Text>
            ) : (
              <Text className='ticket-row__meta ticket-row__countdown'>{`${m.dueBy(formatDate(t.dueAt))}（${zhCN.ticketLoop.dueIn(hoursLeft(t.dueAt, now))}）`}</Text>
            )
          ) : null}
        </View>
      )
    })}
  </View>
)
