/**
 * The village secretary's way into his desk, first on his home (look-a, issue 12): how many tickets
 * wait for him and how many of those are late, in words, then one button. Not a bare "联系会议" link
 * at the bottom of his own villager page. Selectors: `.desk-entry`, `.desk-entry__count`, `.link-desk`.
 */
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { Button } from '../../../components/Button'
import { Section } from '../../../components/Section'
import { isOverdue } from '../../../core/tickets'
import { msg } from '../../../i18n'
import { useCall, useReloadOnReturn } from '../../../services/useCall'
import { TICKET_LINKS } from '../shared/TicketLinks'
import './DeskEntry.scss'

const d = msg.lookA.deskEntry

export const DeskEntry = () => {
  const { state, reload } = useCall('meeting.desk', {})
  useReloadOnReturn(reload)
  const now = Date.now()
  const mine = state.status === 'ready' ? state.data.escalated.filter((t) => t.statusSentence.kind === 'yours') : []
  const late = mine.filter((t) => t.levelClock !== null && isOverdue({ status: t.status, dueAt: t.levelClock.dueAt }, now)).length
  return (
    <Section title={d.title} className='desk-entry'>
      {state.status === 'ready' ? (
        <Text className={`desk-entry__count ${late ? 'desk-entry__count--late' : ''}`}>{mine.length ? d.waiting(mine.length, late) : d.none}</Text>
      ) : null}
      <Button className='link-desk' kind={mine.length ? 'primary' : 'secondary'} onClick={() => void Taro.navigateTo({ url: TICKET_LINKS.desk })}>
        {d.open}
      </Button>
    </Section>
  )
}
