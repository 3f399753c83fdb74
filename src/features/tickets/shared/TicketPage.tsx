/** A ticket page's body: loads the ticket and the categories, then the detail. */
import { useRouter } from '@tarojs/taro'
import { Loadable } from '../../../components/State'
import { TicketDetail } from './TicketDetail'
import { useCategories, useTicket } from './useTicket'
import { PublicTicketCard } from '../../voice/PublicTicket'

/** `handler`: the cadre subpackage's page (who reported it, with a call button). */
export const TicketPage = ({ handler = false }: { handler?: boolean }) => {
  const id = useRouter().params.id ?? ''
  const ticket = useTicket(id)
  const categories = useCategories()
  // Issue 13: a follower (or a villager of the village) may not read the ticket: the public view instead.
  if (ticket.state.status === 'error' && ticket.state.error.code === 'AUTH.FORBIDDEN') return <PublicTicketCard ticketId={id} />
  return (
    <Loadable state={ticket.state} onRetry={ticket.reload}>
      {(t) => <TicketDetail key={`${t.id}-${t.version}`} handler={handler} ticket={t} category={categories.state.status === 'ready' ? categories.state.data.find((c) => c.id === t.category) : undefined} />}
    </Loadable>
  )
}
