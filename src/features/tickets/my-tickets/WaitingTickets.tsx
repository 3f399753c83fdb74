/**
 * The villager home's other "等我办的事": my household's tickets the handler marked resolved, each
 * with a big button to confirm it (or reopen it) on the ticket page. Shows nothing when none wait.
 * Test selectors: `.waiting-tickets`, `.waiting-ticket-<id>`.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '../../../components/Button'
import { Section } from '../../../components/Section'
import { msg } from '../../../i18n'
import type { TicketView } from '../../../contracts'
import { MY_TICKET_PAGE } from '../shared/useFile'
import { categoryName } from '../shared/words'

const m = msg.verdict.waiting

/** `tickets`: my household's open tickets from villager.home; those I may confirm wait for me. */
export const WaitingTickets = ({ tickets }: { tickets: TicketView[] }) => {
  const mine = tickets.filter((t) => t.allowedActions.includes('confirm'))
  if (mine.length === 0) return null
  return (
    <Section title={m.title} className='waiting-tickets'>
      {mine.map((t) => (
        <View key={t.id} className={`waiting-ticket waiting-ticket-${t.id}`}>
          <Text className='mq-line'>{m.ticketToConfirm(categoryName(t.category), t.assignee?.name ?? '')}</Text>
          <Button big className='waiting-ticket__confirm' onClick={() => void Taro.navigateTo({ url: `${MY_TICKET_PAGE}?id=${t.id}` })}>
            {m.confirmNow}
          </Button>
        </View>
      ))}
    </Section>
  )
}
