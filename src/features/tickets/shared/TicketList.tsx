/**
 * Tickets with their status in plain words, who has it now, and the promised date.
 * Test selectors: `.ticket-list`, `.ticket-row`, `.ticket-status--<status>`.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatDate } from '../../../components/format'
import type { TicketView } from '../../../contracts'
import { msg } from '../../../i18n'
import { categoryName } from './words'
import { LevelTimer, TicketSentence } from './LevelTimer'
import { isFinal, isOverdue } from '../../../core/tickets'
import './TicketList.scss'

const m = msg.tickets

/** Where a row opens: the villager's ticket page (main package) unless a handler's page is given. */
export const TicketList = ({ tickets, now = Date.now(), detailPage = '/pages/ticket/index' }: { tickets: TicketView[]; now?: number; detailPage?: string }) => (
  <View className='ticket-list'>
    {tickets.map((t) => {
      const ended = isFinal(t.status)
      return (
        <View key={t.id} className={`ticket-row ticket-${t.id}`} onClick={() => void Taro.navigateTo({ url: `${detailPage}?id=${t.id}` })}>
          <View className='ticket-row__head'>
            <Text className='ticket-row__kind'>{`${m.kind[t.kind]} · ${categoryName(t.category)}`}</Text>
            <Text className='ticket-row__date'>{m.createdOn(formatDate(t.createdAt))}</Text>
          </View>
          <Text className='ticket-row__description'>{t.description}</Text>
          <Text className={`ticket-row__status ticket-status--${t.status}`}>{m.status[t.status]}</Text>
          {/* 'waiting_villager' says what the resolved status above already says: shown once. */}
          {!ended && t.statusSentence.kind !== 'waiting_villager' ? <TicketSentence ticket={t} className='ticket-row__meta' /> : null}
          {!ended ? (
            <LevelTimer
              ticket={t}
              now={now}
              className={`ticket-row__meta ${t.levelClock && isOverdue({ status: t.status, dueAt: t.levelClock.dueAt }, now) ? 'ticket-row__overdue' : 'ticket-row__countdown'}`}
            />
          ) : null}
        </View>
      )
    })}
  </View>
)
