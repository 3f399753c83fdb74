/**
 * Who has a ticket, said to the reader (core statusSentence, sent by the server), and the current
 * level's own timer (core levelClock and isOverdue), for the villager and the holder alike.
 * Test selectors: `.ticket-sentence`, `.level-timer`, `.level-timer--over`.
 */
import { Text } from '@tarojs/components'
import { formatDate } from '../../../components/format'
import type { TicketView } from '../../../contracts'
import { isOverdue } from '../../../core/tickets'
import { msg } from '../../../i18n'

const r = msg.rules

export const sentenceOf = (t: Pick<TicketView, 'statusSentence'>): string => {
  const s = t.statusSentence
  if (s.kind === 'held_by') return s.holderName ? r.status.held_by(s.holderName) : ''
  return r.status[s.kind]
}

export const TicketSentence = ({ ticket, className }: { ticket: TicketView; className: string }) => {
  const words = sentenceOf(ticket)
  return words ? <Text className={`${className} ticket-sentence ticket-sentence--${ticket.statusSentence.kind}`}>{words}</Text> : null
}

export const LevelTimer = ({ ticket, now, className }: { ticket: TicketView; now: number; className: string }) => {
  const clock = ticket.levelClock
  if (!clock) return null
  const over = isOverdue({ status: ticket.status, dueAt: clock.dueAt }, now)
  const hours = Math.round(Math.abs(clock.dueAt - now) / 3_600_000)
  return (
    <Text className={`${className} level-timer ${over ? 'level-timer--over' : ''}`}>
      {r.levelTimer(r.levelDue(r.levels[clock.level] ?? clock.level, formatDate(clock.dueAt)), over ? r.levelOver(hours) : r.levelLeft(hours))}
    </Text>
  )
}
