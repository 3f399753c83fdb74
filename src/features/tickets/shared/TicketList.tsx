/**
 * Tickets with their status in plain words, who has it now, and the promised date.
 * Test selectors: `.ticket-list`, `.ticket-row`, `.ticket-status--<status>`.
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatDate } from '../../../components/format'
import type { MeView, TicketView } from '../../../contracts'
import { msg } from '../../../i18n'
import { categoryName } from './words'
import { LevelTimer, TicketSentence } from './LevelTimer'
import { isFinal, isOverdue } from '../../../core/tickets'
import './TicketList.scss'

const m = msg.tickets

/** The cadre subpackage's ticket page: who reported it, a call button, the handler's actions. */
export const HANDLER_TICKET_PAGE = '/subpackages/cadre/pages/ticket/index'

/** A ticket of the viewer's own household (their own 我的事项), as against one they handle. */
export const isOwnTicket = (t: Pick<TicketView, 'householdNumber' | 'villageName'>, viewer: Pick<MeView, 'household' | 'village'>): boolean =>
  viewer.household !== null && t.householdNumber === viewer.household.number && t.villageName === viewer.village?.name

/**
 * Where a row opens: the villager's ticket page (main package) unless a handler's page is given.
 * With `viewer` (a cadre's or a secretary's list, look-a): a ticket of another household names its
 * household and reporter on the row and opens the handler's page, where he can call and act.
 */
export const TicketList = ({ tickets, now = Date.now(), detailPage = '/pages/ticket/index', viewer }: { tickets: TicketView[]; now?: number; detailPage?: string; viewer?: Pick<MeView, 'household' | 'village'> }) => (
  <View className='ticket-list'>
    {tickets.map((t) => {
      const ended = isFinal(t.status)
      const handled = viewer !== undefined && !isOwnTicket(t, viewer)
      const page = handled ? HANDLER_TICKET_PAGE : detailPage
      return (
        <View key={t.id} className={`ticket-row ticket-${t.id}`} ariaRole='link' onClick={() => void Taro.navigateTo({ url: `${page}?id=${t.id}` })}>
          <View className='ticket-row__head'>
            <Text className='ticket-row__kind'>{`${m.kind[t.kind]} · ${categoryName(t.category)}`}</Text>
            <Text className='ticket-row__date'>{m.createdOn(formatDate(t.createdAt))}</Text>
          </View>
          {handled && t.householdNumber ? <Text className='ticket-row__who'>{msg.lookA.ticketWho(t.householdNumber, t.onBehalfOfName ?? t.reporterName)}</Text> : null}
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
